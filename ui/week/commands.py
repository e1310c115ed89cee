"""One small undo command per edit; each calls a domain method and its exact inverse.

Menu texts name what changes ("Add Glute bridge to Tuesday"), so Undo says what it undoes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from planner.dose import Dose
from planner.exercise import Exercise
from planner.photo import Photo
from planner.program import DAY_NAMES, ClientDetails, Entry, Location, Program, Week

if TYPE_CHECKING:
    from planner.fixing.edits import AppliedFix, Fix
    from planner.progression import AppliedNextWeek, NextWeek


def _names(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{len(names)} exercises"


def _entries_text(program: Program, entry_ids: Sequence[str]) -> str:
    return _names([program.exercise_of(program.entry(i)).name for i in entry_ids])


def day_name(program: Program, week: int, day: int) -> str:
    name = DAY_NAMES[day]
    return name if len(program.weeks) == 1 else f"{name} of week {week + 1}"


class AddEntries(QUndoCommand):
    """Add exercises, each with a dose, to a day at an index (or last); embeds the exercises.

    Also used for paste and copy-by-drag (``verb``), since those add new entries too.
    """

    def __init__(
        self,
        program: Program,
        items: Sequence[tuple[Exercise, Dose]],
        week: int,
        day: int,
        index: int | None = None,
        verb: str = "Add",
    ) -> None:
        super().__init__(
            f"{verb} {_names([ex.name for ex, _ in items])} to {day_name(program, week, day)}"
        )
        self.program = program
        self.exercises = {ex.id: ex for ex, _ in items}
        self.previous: dict[str, Exercise | None] = {}
        self.entries = [Entry(ex.id, dose) for ex, dose in items]
        self.target = (week, day, index)
        self.placed: list[tuple[Location, Entry]] = []

    def redo(self) -> None:
        for exercise in self.exercises.values():
            self.previous[exercise.id] = self.program.embed(exercise)
        if self.placed:
            self.program.put(self.placed)
        else:
            self.program.insert_entries(self.entries, *self.target)

    def undo(self) -> None:
        self.placed = self.program.take([e.id for e in self.entries])
        for exercise_id, previous in self.previous.items():
            self.program.restore_exercise(exercise_id, previous)


class RemoveEntries(QUndoCommand):
    def __init__(self, program: Program, entry_ids: Sequence[str], verb: str = "Delete") -> None:
        super().__init__(f"{verb} {_entries_text(program, entry_ids)}")
        self.program = program
        self.entry_ids = list(entry_ids)
        self.placed: list[tuple[Location, Entry]] = []

    def redo(self) -> None:
        self.placed = self.program.take(self.entry_ids)

    def undo(self) -> None:
        self.program.put(self.placed)


class MoveEntries(QUndoCommand):
    """Move entries to a day before the entry at ``index`` (positions counted before the move)."""

    def __init__(
        self, program: Program, entry_ids: Sequence[str], week: int, day: int, index: int | None
    ) -> None:
        what = _entries_text(program, entry_ids)
        self.origin = sorted((program.locate(i), i) for i in entry_ids)
        same_day = all((loc.week, loc.day) == (week, day) for loc, _ in self.origin)
        where = day_name(program, week, day)
        super().__init__(f"Reorder {what}" if same_day else f"Move {what} to {where}")
        self.program = program
        self.entry_ids = list(entry_ids)
        self.target = (week, day, index)

    def redo(self) -> None:
        before = self._order()
        self.program.move_entries(self.entry_ids, *self.target)
        if self._order() == before:
            self.setObsolete(True)  # dropped onto its own place: QUndoStack.push discards it

    def _order(self) -> list[list[str]]:
        days = {(loc.week, loc.day) for loc, _ in self.origin} | {self.target[:2]}
        return [[e.id for e in self.program.day(w, d).entries] for w, d in sorted(days)]

    def undo(self) -> None:
        by_id = {entry.id: entry for _, entry in self.program.take(self.entry_ids)}
        self.program.put([(loc, by_id[i]) for loc, i in self.origin])


class ShiftEntry(QUndoCommand):
    def __init__(self, program: Program, entry_id: str, delta: int) -> None:
        direction = "up" if delta < 0 else "down"
        super().__init__(f"Move {_entries_text(program, [entry_id])} {direction}")
        self.program = program
        self.entry_id = entry_id
        self.delta = delta

    def redo(self) -> None:
        self.program.shift_entry(self.entry_id, self.delta)

    def undo(self) -> None:
        self.program.shift_entry(self.entry_id, -self.delta)


class SetDose(QUndoCommand):
    def __init__(self, program: Program, entry_id: str, dose: Dose) -> None:
        super().__init__(f"Change dose of {_entries_text(program, [entry_id])}")
        self.program = program
        self.entry_id = entry_id
        self.dose = dose

    def redo(self) -> None:
        self.dose = self.program.set_dose(self.entry_id, self.dose)

    def undo(self) -> None:
        self.redo()  # set_dose swaps in the stored dose and hands back the other one


class InsertWeek(QUndoCommand):
    def __init__(self, program: Program, index: int, week: Week, text: str) -> None:
        super().__init__(text)
        self.program = program
        self.index = index
        self.week = week

    def redo(self) -> None:
        self.program.insert_week(self.index, self.week)

    def undo(self) -> None:
        self.program.remove_week(self.index)


class RemoveWeek(QUndoCommand):
    def __init__(self, program: Program, index: int) -> None:
        super().__init__(f"Delete week {index + 1}")
        self.program = program
        self.index = index
        self.week: Week | None = None

    def redo(self) -> None:
        self.week = self.program.remove_week(self.index)

    def undo(self) -> None:
        assert self.week is not None
        self.program.insert_week(self.index, self.week)


class MoveWeek(QUndoCommand):
    def __init__(self, program: Program, source: int, target: int) -> None:
        super().__init__(f"Move week {source + 1} to position {target + 1}")
        self.program = program
        self.source = source
        self.target = target

    def redo(self) -> None:
        self.program.move_week(self.source, self.target)

    def undo(self) -> None:
        self.program.move_week(self.target, self.source)


class SetDetails(QUndoCommand):
    def __init__(self, program: Program, details: ClientDetails) -> None:
        super().__init__("Edit program details")
        self.program = program
        self.details = details

    def redo(self) -> None:
        self.details = self.program.set_details(self.details)

    def undo(self) -> None:
        self.redo()


class ApplyFix(QUndoCommand):
    """A fix of the balance engine (adds, trims, swaps) as one step; see planner.fixing."""

    def __init__(self, program: Program, week: int, fix: Fix, text: str) -> None:
        super().__init__(text)
        self.program = program
        self.week = week
        self.fix = fix
        self.applied: AppliedFix | None = None

    def redo(self) -> None:
        if self.applied is None:
            from planner.fixing.edits import apply_fix  # the fix planner: not needed at start

            self.applied = apply_fix(self.program, self.week, self.fix)
        else:
            self.applied.redo()

    def undo(self) -> None:
        assert self.applied is not None
        self.applied.undo()


class SetEntryPhotos(QUndoCommand):
    """Attach (or remove) the photos of this client on one card."""

    def __init__(self, program: Program, entry_id: str, photos: tuple[Photo, ...]) -> None:
        super().__init__(f"Change photos of the client on {_entries_text(program, [entry_id])}")
        self.program = program
        self.entry_id = entry_id
        self.photos = photos

    def redo(self) -> None:
        self.photos = self.program.set_entry_photos(self.entry_id, self.photos)

    def undo(self) -> None:
        self.redo()  # set_entry_photos swaps in the stored photos and hands back the others


class ApplyNextWeek(QUndoCommand):
    """A change steered by the client's log (planner.progression) as one step: a new week
    from the current one, or the next week's entries made easier or harder."""

    def __init__(self, program: Program, plan: NextWeek, text: str) -> None:
        super().__init__(text)
        self.program = program
        self.plan = plan
        self.applied: AppliedNextWeek | None = None

    def redo(self) -> None:
        if self.applied is None:
            from planner.progression import apply_next

            self.applied = apply_next(self.program, self.plan)
        else:
            self.applied.redo()

    def undo(self) -> None:
        assert self.applied is not None
        self.applied.undo()
