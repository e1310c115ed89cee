"""User text on its way into the PDF: cleaned, checked against the font, escaped for markup.

Every piece of text the coach or client typed passes through one :class:`TextGuard`, so the
guard knows every character the font could not draw and where it was.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from planner.handout.report import ELLIPSIS, REPLACEMENT, UnsupportedCharacter

CHUNK = 2000
"""Characters of user text per paragraph, well under a page: reportlab lays out the rest of a
paragraph again on every page it breaks, so a paragraph many pages long takes quadratic time."""
_MARKUP_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: str) -> str:
    """Text as literal content of reportlab's Paragraph markup (which is XML-like)."""
    return text.translate(_MARKUP_ESCAPES)


def as_markup(plain: str) -> str:
    """Cleaned text as Paragraph markup: escaped, line breaks kept."""
    return escape(plain).replace("\n", "<br/>")


def shorten(
    text: str, width: float, measure: Callable[[str], float], *, whole_words: bool = False
) -> str:
    """``text`` if it fits ``width``, else its longest start that fits with "…" after it.

    The cut is found by measuring O(log n) starts no longer than about twice what fits, so
    any length of text costs about the same; it goes back to the end of a word when that
    keeps at least half of what fits (with ``whole_words`` whenever a whole word is left:
    "Alexandra Maria…", never "Alexandra Ma…").
    """
    probe = 64
    while probe < len(text) and measure(text[:probe]) <= width:
        probe *= 2
    if probe >= len(text) and measure(text) <= width:
        return text
    fits, too_long = 0, min(probe, len(text))
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if measure(text[:middle] + ELLIPSIS) <= width:
            fits = middle
        else:
            too_long = middle
    kept = text[:fits]
    word_end = kept.rfind(" ")
    if not text[fits].isspace() and word_end >= (1 if whole_words else fits // 2):
        kept = kept[:word_end]
    return kept.rstrip() + ELLIPSIS


def chunks(text: str, size: int = CHUNK) -> list[str]:
    """``text`` in pieces of at most ``size`` characters, cut at a line break where there is
    one, else at a space, else anywhere; the line break or space at a cut is dropped."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size + 1]
        cut = window.rfind("\n")
        if cut <= 0:
            cut = window.rfind(" ")
        if cut <= 0:
            pieces.append(window[:size])
            start += size
            continue
        pieces.append(window[:cut])
        start += cut + 1
    pieces.append(text[start:])
    return pieces


def _invisible(char: str) -> bool:
    """Formatting characters nobody expects to see: zero-width joiners, variation selectors."""
    return unicodedata.category(char) in ("Cc", "Cf") or 0xFE00 <= ord(char) <= 0xFE0F


class TextGuard:
    def __init__(self, covers: Callable[[str], bool]) -> None:
        self._covers = covers
        self._found: dict[str, list[str]] = {}

    def plain(self, text: str, where: str) -> str:
        """``text`` ready to draw: NFC, one line breaks style, unsupported characters replaced."""
        text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\t", " ")
        # Each distinct character is judged once, in the order it first appears.
        changes: dict[int, str | None] = {}
        for char in dict.fromkeys(text):
            if char == "\n" or (self._covers(char) and not _invisible(char)):
                continue
            if _invisible(char):
                changes[ord(char)] = None
            else:
                self._note(char, where)
                changes[ord(char)] = REPLACEMENT if self._covers(REPLACEMENT) else "?"
        return text.translate(changes).strip()

    def line(self, text: str, where: str) -> str:
        """Like :meth:`plain`, on one line (for page headers and footers)."""
        return " ".join(self.plain(text, where).split())

    def markup(self, text: str, where: str) -> str:
        """``text`` as Paragraph markup that prints literally; line breaks are kept."""
        return as_markup(self.plain(text, where))

    def markup_chunks(self, text: str, where: str) -> list[str]:
        """Like :meth:`markup`, in pieces of at most :data:`CHUNK` characters of text."""
        return [as_markup(piece) for piece in chunks(self.plain(text, where))]

    def unsupported(self) -> tuple[UnsupportedCharacter, ...]:
        return tuple(
            UnsupportedCharacter(char, unicodedata.name(char, f"U+{ord(char):04X}"), tuple(places))
            for char, places in self._found.items()
        )

    def _note(self, char: str, where: str) -> None:
        places = self._found.setdefault(char, [])
        if where not in places:
            places.append(where)
