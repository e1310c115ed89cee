"""Every operation of the program model, including the edges (first, last, empty, onto itself)."""

from __future__ import annotations

from datetime import date

import pytest

from planner.dose import Dose
from planner.program import (
    MAX_WEEKS,
    Change,
    ClientDetails,
    Location,
    Program,
    ProgramError,
    Progression,
    ProgressionKind,
    Week,
)
from planner.taxonomy import Direction
from tests.factories import make_exercise

BRIDGE = make_exercise("glute-bridge")
CLAM = make_exercise("clamshell", Direction.EXTERNAL_ROTATION)
RAISE = make_exercise("straight-leg-raise", Direction.FLEXION)


def names(program: Program, week: int, day: int) -> list[str]:
    return [e.exercise_id for e in program.day(week, day).entries]


@pytest.fixture
def program() -> Program:
    p = Program()
    p.insert_week(1)
    for ex in (BRIDGE, CLAM, RAISE):
        p.add_entry(0, 0, ex)
    return p


def test_add_uses_default_dose_embeds_exercise_and_appends() -> None:
    p = Program()
    entry = p.add_entry(0, 2, BRIDGE)
    assert entry.dose == BRIDGE.dose
    assert p.exercises["glute-bridge"] is BRIDGE
    assert p.locate(entry.id) == Location(0, 2, 0)


@pytest.mark.parametrize(("index", "expected"), [(0, 0), (1, 1), (3, 3), (99, 3), (None, 3)])
def test_add_at_position(program: Program, index: int | None, expected: int) -> None:
    new = program.add_entry(0, 0, make_exercise("fire-hydrant"), index=index)
    assert program.locate(new.id).index == expected


def test_add_to_missing_week_or_day_is_refused() -> None:
    p = Program()
    with pytest.raises(ProgramError, match="week 3 does not exist"):
        p.add_entry(2, 0, BRIDGE)
    with pytest.raises(ProgramError, match="day 8 does not exist"):
        p.add_entry(0, 7, BRIDGE)


def test_move_between_days_and_weeks(program: Program) -> None:
    clam = program.day(0, 0).entries[1]
    program.move_entries([clam.id], 1, 4, 0)
    assert names(program, 0, 0) == ["glute-bridge", "straight-leg-raise"]
    assert names(program, 1, 4) == ["clamshell"]
    assert program.locate(clam.id) == Location(1, 4, 0)


def test_move_onto_empty_day(program: Program) -> None:
    first = program.day(0, 0).entries[0]
    program.move_entries([first.id], 0, 6, None)
    assert names(program, 0, 6) == ["glute-bridge"]


@pytest.mark.parametrize("index", [0, 1])
def test_move_onto_itself_changes_nothing(program: Program, index: int) -> None:
    before = names(program, 0, 0)
    program.move_entries([program.day(0, 0).entries[0].id], 0, 0, index)
    assert names(program, 0, 0) == before


def test_reorder_within_day_to_last_and_first(program: Program) -> None:
    ids = [e.id for e in program.day(0, 0).entries]
    program.move_entries([ids[0]], 0, 0, None)
    assert names(program, 0, 0) == ["clamshell", "straight-leg-raise", "glute-bridge"]
    program.move_entries([ids[0]], 0, 0, 0)
    assert names(program, 0, 0) == ["glute-bridge", "clamshell", "straight-leg-raise"]


def test_move_down_between_two_entries_counts_positions_before_the_move(program: Program) -> None:
    ids = [e.id for e in program.day(0, 0).entries]
    program.move_entries([ids[0]], 0, 0, 2)  # dropped between clamshell and raise
    assert names(program, 0, 0) == ["clamshell", "glute-bridge", "straight-leg-raise"]


def test_several_entries_move_together_keeping_order(program: Program) -> None:
    program.add_entry(0, 3, make_exercise("fire-hydrant"))
    ids = [e.id for e in program.day(0, 0).entries]
    program.move_entries([ids[2], ids[0]], 0, 3, 0)
    assert names(program, 0, 3) == ["glute-bridge", "straight-leg-raise", "fire-hydrant"]
    assert names(program, 0, 0) == ["clamshell"]


def test_copy_makes_new_entries_and_keeps_originals(program: Program) -> None:
    source = program.day(0, 0).entries[0]
    (copy,) = program.copy_entries([source.id], 1, 1, None)
    assert copy.id != source.id
    assert (copy.exercise_id, copy.dose) == (source.exercise_id, source.dose)
    assert len(program.day(0, 0).entries) == 3


def test_take_and_put_are_inverse(program: Program) -> None:
    before = program.snapshot()
    ids = [e.id for e in program.day(0, 0).entries]
    taken = program.take([ids[2], ids[0]])
    assert names(program, 0, 0) == ["clamshell"]
    program.put(taken)
    assert program == before


def test_take_unknown_entry_is_refused_and_changes_nothing(program: Program) -> None:
    before = program.snapshot()
    with pytest.raises(ProgramError, match="no entry"):
        program.take(["nope"])
    assert program == before


def test_shift_up_and_down_stops_at_edges(program: Program) -> None:
    first, _, last = program.day(0, 0).entries
    assert not program.shift_entry(first.id, -1)
    assert not program.shift_entry(last.id, +1)
    assert program.shift_entry(first.id, +1)
    assert names(program, 0, 0) == ["clamshell", "glute-bridge", "straight-leg-raise"]


def test_set_dose_returns_old(program: Program) -> None:
    entry = program.day(0, 0).entries[0]
    new = Dose(sets=4, amount=8)
    old = program.set_dose(entry.id, new)
    assert old == BRIDGE.dose
    assert program.entry(entry.id).dose == new


def test_weeks_insert_remove_move() -> None:
    p = Program()
    p.add_entry(0, 0, BRIDGE)
    second = p.insert_week(1)
    p.move_week(1, 0)
    assert p.weeks[0] is second
    removed = p.remove_week(0)
    assert removed is second
    assert len(p.weeks) == 1
    with pytest.raises(ProgramError, match="at least one week"):
        p.remove_week(0)


def test_week_limit() -> None:
    p = Program(weeks=[Week() for _ in range(MAX_WEEKS)])
    with pytest.raises(ProgramError, match="at most 52"):
        p.insert_week(MAX_WEEKS)


def test_duplicate_week_plain_gives_new_ids(program: Program) -> None:
    week, stuck = program.duplicated_week(0)
    assert stuck == []
    old_ids = {e.id for _, e in program.weeks[0].entries()}
    assert not old_ids & {e.id for _, e in week.entries()}
    assert [e.dose for _, e in week.entries()] == [e.dose for _, e in program.weeks[0].entries()]


def test_duplicate_week_progresses_sets_and_amount() -> None:
    p = Program()
    p.add_entry(0, 1, BRIDGE)
    p.add_entry(0, 1, make_exercise("max", sets=20))
    week, stuck = p.duplicated_week(0, Progression(ProgressionKind.SETS))
    assert [e.dose.sets for _, e in week.entries()] == [4, 20]
    assert [e.exercise_id for e in stuck] == ["max"]
    week, stuck = p.duplicated_week(0, Progression(ProgressionKind.AMOUNT, step=3))
    assert [e.dose.amount for _, e in week.entries()] == [15, 15]
    assert stuck == []


def test_day_totals_and_estimate() -> None:
    p = Program()
    p.add_entry(0, 0, make_exercise("a", sets=3, amount=10))
    p.add_entry(0, 0, make_exercise("b", sets=2, amount=10))
    day = p.day(0, 0)
    assert day.total_sets == 5
    # a: 3×30 s work + 2×60 s rest; b: 2×30 + 60; plus 30 s set-up each → 420 s = 7 min
    assert day.estimated_minutes() == 7


def test_embedding_a_new_copy_tells_the_weeks_using_it_and_can_be_undone(
    program: Program,
) -> None:
    seen: list[Change] = []
    program.changed.connect(seen.append)
    renamed = make_exercise("clamshell", Direction.EXTERNAL_ROTATION, name="Side-lying clam")
    previous = program.embed(renamed)
    assert previous == CLAM
    assert seen[-1] == Change(weeks=frozenset({0}), exercises=frozenset({"clamshell"}))
    program.restore_exercise("clamshell", previous)
    assert program.exercises["clamshell"] == CLAM
    assert seen[-1].exercises == {"clamshell"}


def test_embedding_the_same_copy_changes_nothing(program: Program) -> None:
    seen: list[Change] = []
    program.changed.connect(seen.append)
    assert program.embed(CLAM) == CLAM
    program.restore_exercise("clamshell", CLAM)
    assert seen == []


def test_an_added_exercise_is_dropped_by_the_inverse_unless_an_entry_uses_it(
    program: Program,
) -> None:
    lunge = make_exercise("side-lunge", Direction.ABDUCTION)
    assert program.embed(lunge) is None
    program.restore_exercise("side-lunge", None)
    assert "side-lunge" not in program.exercises
    with pytest.raises(ProgramError, match="still used"):
        program.restore_exercise("clamshell", None)
    assert program.exercises["clamshell"] == CLAM


def test_dates_follow_the_start_week() -> None:
    p = Program(details=ClientDetails(start_date=date(2026, 11, 25)))  # a Wednesday
    assert p.day_date(0, 0) == date(2026, 11, 23)
    assert p.day_date(1, 6) == date(2026, 12, 6)
    assert Program().day_date(0, 0) is None


def test_changes_are_emitted_with_the_weeks_touched(program: Program) -> None:
    seen: list[Change] = []
    program.changed.connect(seen.append)
    entry = program.day(0, 0).entries[0]
    program.move_entries([entry.id], 1, 0, None)
    program.set_details(ClientDetails(client_name="Ana"))
    assert seen[-2].weeks == {1}
    assert seen[-1].details
