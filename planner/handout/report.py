"""What a finished export tells the coach, and the one error type an export raises."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner.handout.paper import Paper


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
        return f"{self.char} ({self.name}) in {', '.join(self.places)}"


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
        return f"the handout font cannot print these characters, shown as \ufffd: {found}"
