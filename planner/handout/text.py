"""User text on its way into the PDF: cleaned, checked against the font, escaped for markup.

Every piece of text the coach or client typed passes through one :class:`TextGuard`, so the
guard knows every character the font could not draw and where it was.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from planner.handout.report import UnsupportedCharacter

REPLACEMENT = "\ufffd"
_MARKUP_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: str) -> str:
    """Text as literal content of reportlab's Paragraph markup (which is XML-like)."""
    return text.translate(_MARKUP_ESCAPES)


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
        kept: list[str] = []
        for char in text:
            if char == "\n" or (self._covers(char) and not _invisible(char)):
                kept.append(char)
            elif not _invisible(char):
                self._note(char, where)
                kept.append(REPLACEMENT if self._covers(REPLACEMENT) else "?")
        return "".join(kept).strip()

    def line(self, text: str, where: str) -> str:
        """Like :meth:`plain`, on one line (for page headers and footers)."""
        return " ".join(self.plain(text, where).split())

    def markup(self, text: str, where: str) -> str:
        """``text`` as Paragraph markup that prints literally; line breaks are kept."""
        return escape(self.plain(text, where)).replace("\n", "<br/>")

    def unsupported(self) -> tuple[UnsupportedCharacter, ...]:
        return tuple(
            UnsupportedCharacter(char, unicodedata.name(char, f"U+{ord(char):04X}"), tuple(places))
            for char, places in self._found.items()
        )

    def _note(self, char: str, where: str) -> None:
        places = self._found.setdefault(char, [])
        if where not in places:
            places.append(where)
