"""What the handout says, decided before anything is drawn (plain Python, easy to test).

Weeks that repeat the week before are printed once as a run ("Weeks 3–4"), so a plan that
never changes prints a single week with "repeat for N weeks", while a progressing plan prints
every week and the rising doses stay visible.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from planner.dose import Dose
from planner.exercise import Exercise
from planner.program import Entry, Program, Week

WeekShape = tuple[tuple[tuple[str, Dose], ...], ...]


@dataclass(frozen=True, slots=True)
class Slot:
    """One line of a day's plan, and what differs from the same line of the run before."""

    entry: Entry
    new_exercise: bool = False
    new_dose: bool = False


@dataclass(frozen=True, slots=True)
class TrainingDay:
    weekdays: tuple[int, ...]
    """The days (0 = Monday) with exactly this session; a plan often repeats one session."""
    slots: tuple[Slot, ...]
    minutes: int


@dataclass(frozen=True, slots=True)
class WeekRun:
    """Consecutive identical weeks, ``first`` to ``last`` (0-based, inclusive)."""

    first: int
    last: int
    days: tuple[TrainingDay, ...]

    @property
    def length(self) -> int:
        return self.last - self.first + 1


def week_shape(week: Week) -> WeekShape:
    """What a client does in a week; entry ids do not count."""
    return tuple(tuple((e.exercise_id, e.dose) for e in day.entries) for day in week.days)


def week_runs(program: Program) -> list[WeekRun]:
    runs: list[WeekRun] = []
    previous: Week | None = None
    for index, week in enumerate(program.weeks):
        if previous is not None and week_shape(week) == week_shape(previous):
            last = runs[-1]
            runs[-1] = WeekRun(last.first, index, last.days)
        else:
            runs.append(WeekRun(index, index, _training_days(week, previous)))
        previous = week
    return runs


def _training_days(week: Week, previous: Week | None) -> tuple[TrainingDay, ...]:
    shape = week_shape(week)
    days: dict[object, TrainingDay] = {}
    for d, day in enumerate(week.days):
        if not day.entries:
            continue
        if shape[d] in days:
            same = days[shape[d]]
            days[shape[d]] = TrainingDay((*same.weekdays, d), same.slots, same.minutes)
            continue
        before = previous.days[d].entries if previous is not None else None
        slots = tuple(_slot(entry, before, i) for i, entry in enumerate(day.entries))
        days[shape[d]] = TrainingDay((d,), slots, day.estimated_minutes())
    return tuple(days.values())


def _slot(entry: Entry, before: list[Entry] | None, index: int) -> Slot:
    if before is None:
        return Slot(entry)
    if index >= len(before) or before[index].exercise_id != entry.exercise_id:
        return Slot(entry, new_exercise=True, new_dose=True)
    return Slot(entry, new_dose=before[index].dose != entry.dose)


def training_weekdays(program: Program) -> list[int]:
    """Every weekday that has a session in any week (the columns of the session log)."""
    return sorted({d for week in program.weeks for d, day in enumerate(week.days) if day.entries})


def exercises_in_order(program: Program) -> list[Exercise]:
    """Each exercise used, once, in the order the client first meets it."""
    seen: dict[str, Exercise] = {}
    for entry in all_entries(program):
        seen.setdefault(entry.exercise_id, program.exercise_of(entry))
    return list(seen.values())


def doses_of(program: Program, exercise_id: str) -> dict[Dose, int]:
    """The distinct doses of one exercise, in program order, with the week each first appears."""
    doses: dict[Dose, int] = {}
    for week, entry in _entries_by_week(program):
        if entry.exercise_id == exercise_id:
            doses.setdefault(entry.dose, week)
    return doses


def all_entries(program: Program) -> Iterator[Entry]:
    for _, entry in _entries_by_week(program):
        yield entry


def _entries_by_week(program: Program) -> Iterator[tuple[int, Entry]]:
    for index, week in enumerate(program.weeks):
        for _, entry in week.entries():
            yield index, entry
