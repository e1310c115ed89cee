"""What a finished export tells the coach, and the one error type an export raises."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from planner.handout.paper import Paper

REPLACEMENT = "\ufffd"
ELLIPSIS = "…"
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class HandoutError(Exception):
    """The handout could not be written; the message is one line for the coach."""


@dataclass(frozen=True, slots=True)
class UnsupportedCharacter:
    """A character the handout font cannot draw; it prints as a replacement mark."""

    char: str
    name: str
    """The Unicode name, e.g. "RUNNER", or the code point when the character has none."""
    places: tuple[str, ...]
    """Where it was found, in the coach's words: "client name", "Jump squat: cues"."""

    def describe(self) -> str:
        places = ", ".join(printable(place) for place in self.places)
        return f"{printable(self.char)} ({self.name}) in {places}"


@dataclass(frozen=True, slots=True)
class HandoutReport:
    path: Path
    pages: int
    paper: Paper
    unsupported: tuple[UnsupportedCharacter, ...] = ()

    def warning(self) -> str:
        """One line naming the characters that could not be printed ("" when there are none)."""
        if not self.unsupported:
            return ""
        found = "; ".join(c.describe() for c in self.unsupported)
        return f"the handout font cannot print these characters, shown as {REPLACEMENT}: {found}"


def printable(text: str, limit: int = 80) -> str:
    """``text`` safe to print on a terminal or show in a dialog: control characters and lone
    surrogates (which cannot be encoded) become \ufffd; at most ``limit`` characters."""
    text = _UNPRINTABLE.sub(REPLACEMENT, text)
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS
