"""The client's log: the sessions the client reported, typed in by the coach (DESIGN.md §4).

A session names the planned week and day it stands for, the knee pain during it and the next
morning (0–10, None when not reported), the sets done per planned entry and a note. Each logged
entry keeps its exercise and planned sets, so the log still reads right after the plan changes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from planner.dose import SETS_RANGE, Effort

PAIN_RANGE = (0, 10)
NOTE_LIMIT = 500
LOAD_LIMIT = 60
COMMENT_LIMIT = 200
MAX_SESSIONS = 1000
"""Sessions one program may hold: a year of daily sessions, with room to spare."""


class LogError(ValueError):
    """A logged value breaks a rule; ``problems`` maps each field to a coach-facing message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{name}: {text}" for name, text in problems.items()))


def new_session_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class LoggedEntry:
    """What the client did of one planned entry."""

    entry_id: str
    exercise_id: str
    sets_planned: int
    sets_done: int
    load: str = ""
    """The load used, as the client wrote it ("green band", "8 kg")."""
    effort: Effort | None = None
    """The effort the client reported, if any."""
    comment: str = ""

    def __post_init__(self) -> None:
        problems: dict[str, str] = {}
        low, high = SETS_RANGE
        if _bad_int(self.sets_planned, low, high):
            problems["sets_planned"] = f"must be between {low} and {high}"
        if _bad_int(self.sets_done, 0, high):
            problems["sets_done"] = f"must be between 0 and {high}"
        if not isinstance(self.load, str) or len(self.load) > LOAD_LIMIT:
            problems["load"] = f"keep the load to {LOAD_LIMIT} characters"
        if not isinstance(self.comment, str) or len(self.comment) > COMMENT_LIMIT:
            problems["comment"] = f"keep the comment to {COMMENT_LIMIT} characters"
        if problems:
            raise LogError(problems)

    @property
    def full_dose(self) -> bool:
        return self.sets_done >= self.sets_planned


@dataclass(frozen=True, slots=True)
class Session:
    """One session the client reported."""

    date: date
    week: int
    """The planned week it stands for (0-based index)."""
    day: int
    """The planned day it stands for (0 = Monday)."""
    entries: tuple[LoggedEntry, ...]
    pain_during: int | None = None
    pain_next_morning: int | None = None
    note: str = ""
    id: str = field(default_factory=new_session_id)

    def __post_init__(self) -> None:
        problems: dict[str, str] = {}
        for name in ("pain_during", "pain_next_morning"):
            value = getattr(self, name)
            if value is not None and _bad_int(value, *PAIN_RANGE):
                problems[name] = "knee pain is a whole number from 0 (none) to 10 (worst)"
        if _bad_int(self.day, 0, 6):
            problems["day"] = "must be a day of the week"
        if _bad_int(self.week, 0, 10_000):
            problems["week"] = "must be a week of the program"
        if not isinstance(self.note, str) or len(self.note) > NOTE_LIMIT:
            problems["note"] = f"keep the note to {NOTE_LIMIT} characters"
        if problems:
            raise LogError(problems)

    @property
    def sets_planned(self) -> int:
        return sum(e.sets_planned for e in self.entries)

    @property
    def sets_done(self) -> int:
        return sum(min(e.sets_done, e.sets_planned) for e in self.entries)

    @property
    def highest_pain(self) -> int | None:
        reported = [p for p in (self.pain_during, self.pain_next_morning) if p is not None]
        return max(reported) if reported else None


def _bad_int(value: object, low: int, high: int) -> bool:
    return isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high
