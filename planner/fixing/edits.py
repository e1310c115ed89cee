"""A fix as plain edits of one week — entries added, sets changed, exercises swapped — and
applying them to a program with an exact inverse (one undoable step in the window)."""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.balance.checks import plural
from planner.dose import Dose
from planner.exercise import Exercise
from planner.program import DAY_NAMES, Entry, Location, Program


@dataclass(frozen=True, slots=True)
class Addition:
    exercise: Exercise
    day: int
    dose: Dose

    def words(self) -> str:
        return f"Add {self.exercise.name}, {self.dose.describe()}, on {DAY_NAMES[self.day]}"


@dataclass(frozen=True, slots=True)
class SetsChange:
    """New sets for an entry the coach placed: fewer (trimmed) or more."""

    entry_id: str
    day: int
    name: str
    before: int
    after: int

    @property
    def trimmed(self) -> bool:
        return self.after < self.before

    def words(self) -> str:
        verb = "Trim" if self.trimmed else "Raise"
        return (
            f"{verb} {self.name} on {DAY_NAMES[self.day]} from {self.before} to "
            f"{plural(self.after, 'set')}"
        )


@dataclass(frozen=True, slots=True)
class Swap:
    """Replace an entry's exercise (one the client cannot do) by one with the same directions
    and knee, in the same place."""

    entry_id: str
    day: int
    old: Exercise
    new: Exercise
    dose: Dose

    def words(self) -> str:
        return (
            f"Swap {self.old.name} on {DAY_NAMES[self.day]} for {self.new.name}, "
            f"{self.dose.describe()}"
        )


@dataclass(frozen=True, slots=True)
class Fix:
    swaps: tuple[Swap, ...] = ()
    changes: tuple[SetsChange, ...] = ()
    additions: tuple[Addition, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.swaps or self.changes or self.additions)

    @property
    def trims(self) -> tuple[SetsChange, ...]:
        return tuple(c for c in self.changes if c.trimmed)

    def lines(self) -> list[str]:
        """What the fix does, one edit a line, in the coach's words."""
        edits: list[Swap | SetsChange | Addition] = [*self.swaps, *self.changes, *self.additions]
        return [edit.words() for edit in edits]

    def summary(self) -> str:
        """One sentence counting the edits: "Added 3 exercises, swapped 1, trimmed 2 entries"."""
        parts = []
        if self.additions:
            count = len(self.additions)
            parts.append(f"added {count} {'entry' if count == 1 else 'entries'}")
        raised = len(self.changes) - len(self.trims)
        if raised:
            parts.append(f"raised the sets of {raised}")
        if self.swaps:
            parts.append(f"swapped {len(self.swaps)}")
        if self.trims:
            parts.append(f"trimmed {len(self.trims)}")
        text = ", ".join(parts) or "changed nothing"
        return text[:1].upper() + text[1:]


@dataclass(slots=True)
class AppliedFix:
    """A fix applied to one week of a program; :meth:`undo` and :meth:`redo` replay it exactly.

    ``apply_fix`` makes one (and applies it). Every change goes through the program's own
    methods, so listeners hear of each one.
    """

    program: Program
    week: int
    fix: Fix
    _new: list[tuple[int, Entry]] = field(default_factory=list)
    _placed: list[tuple[Location, Entry]] = field(default_factory=list)
    _swapped: list[tuple[Entry, Entry]] = field(default_factory=list)
    """(before, after) of each entry swapped for another exercise, in place."""
    _embedded: dict[str, Exercise | None] = field(default_factory=dict)

    def redo(self) -> None:
        program = self.program
        for exercise in (
            *(s.new for s in self.fix.swaps),
            *(a.exercise for a in self.fix.additions),
        ):
            previous = program.embed(exercise)
            self._embedded.setdefault(exercise.id, previous)
        if not self._swapped:
            for swap in self.fix.swaps:
                old = program.entry(swap.entry_id)
                new = Entry(swap.new.id, swap.dose, id=swap.entry_id)  # same entry, new exercise
                self._swapped.append((old, new))
        for _old, new in self._swapped:
            program.replace_entry(new)
        for change in self.fix.changes:
            entry = program.entry(change.entry_id)
            program.set_dose(change.entry_id, entry.dose.with_changes(sets=change.after))
        if self._placed:
            program.put(self._placed)
        else:
            if not self._new:
                self._new = [(a.day, Entry(a.exercise.id, a.dose)) for a in self.fix.additions]
            for day, entry in self._new:
                program.insert_entries([entry], self.week, day, None)

    def undo(self) -> None:
        program = self.program
        self._placed = program.take([entry.id for _, entry in self._new])
        for change in reversed(self.fix.changes):
            entry = program.entry(change.entry_id)
            program.set_dose(change.entry_id, entry.dose.with_changes(sets=change.before))
        for old, _new in reversed(self._swapped):
            program.replace_entry(old)
        for exercise_id, previous in self._embedded.items():
            program.restore_exercise(exercise_id, previous)


def apply_fix(program: Program, week: int, fix: Fix) -> AppliedFix:
    """Apply ``fix`` to week ``week`` (0-based) of ``program``; the result can undo it."""
    applied = AppliedFix(program, week, fix)
    applied.redo()
    return applied
