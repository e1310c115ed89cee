"""Every undo command round-trips: do, undo gives the program before; redo gives the one after."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.dose import Dose
from planner.program import ClientDetails, Program, Progression, ProgressionKind
from planner.taxonomy import Direction, Unit
from tests.factories import make_exercise
from ui.common.workspace import FixedWeek
from ui.week.commands import (
    AddEntries,
    InsertWeek,
    MoveEntries,
    MoveWeek,
    RemoveEntries,
    RemoveWeek,
    SetDetails,
    SetDose,
    ShiftEntry,
)
from ui.week.day_model import DayModel

BRIDGE = make_exercise("glute-bridge", name="Glute bridge")
CLAM = make_exercise("clamshell", Direction.EXTERNAL_ROTATION, name="Clamshell")
WALK = make_exercise("band-walk", Direction.ABDUCTION, name="Band walk")


def program() -> Program:
    p = Program()
    p.insert_week(1)
    for ex in (BRIDGE, CLAM):
        p.add_entry(0, 1, ex)
    p.add_entry(1, 3, BRIDGE)
    return p


def ids(p: Program, week: int, day: int) -> list[str]:
    return [e.id for e in p.day(week, day).entries]


CASES: dict[str, Callable[[Program], QUndoCommand]] = {
    "add new exercise": lambda p: AddEntries(p, [(WALK, WALK.dose)], 0, 1, 1),
    "add known exercise": lambda p: AddEntries(p, [(BRIDGE, BRIDGE.dose)], 1, 6),
    "remove two": lambda p: RemoveEntries(p, ids(p, 0, 1)),
    "move to other week": lambda p: MoveEntries(p, ids(p, 0, 1)[:1], 1, 3, 0),
    "move several": lambda p: MoveEntries(p, [ids(p, 0, 1)[1], ids(p, 1, 3)[0]], 0, 5, None),
    "reorder": lambda p: MoveEntries(p, ids(p, 0, 1)[:1], 0, 1, None),
    "shift down": lambda p: ShiftEntry(p, ids(p, 0, 1)[0], +1),
    "set dose": lambda p: SetDose(p, ids(p, 0, 1)[0], Dose(5, 30, Unit.SECONDS, True)),
    "insert week": lambda p: InsertWeek(
        p, 1, p.duplicated_week(0, Progression(ProgressionKind.SETS))[0], "Duplicate"
    ),
    "remove week": lambda p: RemoveWeek(p, 0),
    "move week": lambda p: MoveWeek(p, 0, 1),
    "details": lambda p: SetDetails(p, ClientDetails("Ana", "Spring", "Coach", date(2026, 12, 1))),
}


@pytest.mark.parametrize("make", CASES.values(), ids=CASES.keys())
def test_command_round_trips(make: Callable[[Program], QUndoCommand]) -> None:
    p = program()
    before = p.snapshot()
    stack = QUndoStack()
    stack.push(make(p))
    after = p.snapshot()
    assert after != before
    stack.undo()
    assert p == before
    stack.redo()
    assert p == after
    stack.undo()
    assert p == before


def test_menu_texts_name_the_edit() -> None:
    p = program()
    assert AddEntries(p, [(WALK, WALK.dose)], 0, 1).text() == "Add Band walk to Tuesday of week 1"
    assert (
        MoveEntries(p, ids(p, 0, 1)[:1], 1, 3, 0).text()
        == "Move Glute bridge to Thursday of week 2"
    )
    assert RemoveEntries(p, ids(p, 0, 1)).text() == "Delete 2 exercises"


def test_day_model_passes_qt_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    p = program()
    model = DayModel(FixedWeek(p), 1)
    qtmodeltester.check(model)
    p.add_entry(0, 1, WALK)
    model.refresh()
    qtmodeltester.check(model)
    assert model.rowCount() == 3
