"""What the client's log says of the plan: adherence, pain per week, card marks, default
sessions, and logged sessions following their weeks when weeks are added, moved or removed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.files.program_file import read_program, save_program
from planner.log import LoggedEntry, Session
from planner.log_summary import (
    Mark,
    adherence,
    card_mark,
    default_session,
    first_day_to_log,
    next_unlogged_day,
    program_log,
    sessions_of_week,
    week_log,
    week_summary,
)
from planner.program import ClientDetails, Day, Entry, Program, ProgramError, Week
from planner.taxonomy import Direction
from tests.factories import make_exercise
from tests.strategies import programs

MONDAY = date(2026, 11, 2)
BRIDGE = make_exercise("glute-bridge", Direction.EXTENSION, name="Glute bridge", sets=3)
CLAM = make_exercise("clam", Direction.EXTERNAL_ROTATION, name="Clam", sets=2)


def plan(weeks: int = 2, start: date | None = MONDAY) -> Program:
    """Monday and Thursday each week: a bridge (3 sets) and a clam (2 sets)."""
    program = Program(
        details=ClientDetails(start_date=start),
        weeks=[],
        exercises={BRIDGE.id: BRIDGE, CLAM.id: CLAM},
    )
    for _ in range(weeks):
        days = [Day() for _ in range(7)]
        for d in (0, 3):
            days[d].entries = [Entry(BRIDGE.id, BRIDGE.dose), Entry(CLAM.id, CLAM.dose)]
        program.weeks.append(Week(days))
    return program


def logged(program: Program, week: int, day: int, *done: int, **fields: object) -> Session:
    session = default_session(program, week, day, MONDAY)
    entries = (
        tuple(replace(e, sets_done=d) for e, d in zip(session.entries, done, strict=False))
        + session.entries[len(done) :]
    )
    session = replace(session, entries=entries, **fields)  # type: ignore[arg-type]
    program.add_session(session)
    return session


def test_a_default_session_is_the_plan_done_in_full_on_the_planned_date() -> None:
    program = plan()
    program.weeks[1].days[3].entries[0].dose = BRIDGE.dose.with_changes(load="green band")
    session = default_session(program, 1, 3, date(2030, 1, 1))
    assert session.date == date(2026, 11, 12)
    assert (session.week, session.day, session.pain_during, session.pain_next_morning) == (
        1,
        3,
        None,
        None,
    )
    assert [(e.sets_planned, e.sets_done, e.load) for e in session.entries] == [
        (3, 3, "green band"),
        (2, 2, ""),
    ]


def test_without_a_start_date_the_date_follows_the_last_typed_session_but_not_past_today() -> None:
    program = plan(start=None)
    today = date(2026, 11, 20)
    assert default_session(program, 0, 0, today).date == today
    program.add_session(replace(default_session(program, 0, 0, today), date=date(2026, 11, 9)))
    assert default_session(program, 0, 3, today).date == date(2026, 11, 12)
    assert default_session(program, 1, 3, today).date == date(2026, 11, 19)
    assert default_session(program, 1, 5, today).date == today  # would be the 21st


def test_the_next_day_to_log_skips_logged_and_rest_days_across_weeks() -> None:
    program = plan()
    assert first_day_to_log(program, 0, 2) == 0  # Wednesday is a rest day
    assert first_day_to_log(program, 0, 3) == 3
    logged(program, 0, 0)
    assert first_day_to_log(program, 0, 0) == 3
    assert next_unlogged_day(program, 0, 0) == (0, 3)
    logged(program, 0, 3)
    assert next_unlogged_day(program, 0, 0) == (1, 0)
    assert first_day_to_log(program, 0, 3) == 3  # all logged: the chosen day, to log again
    assert next_unlogged_day(program, 1, 3) is None
    empty = Program()
    assert first_day_to_log(empty, 0, 0) is None


def test_adherence_counts_logged_days_and_past_days_not_logged() -> None:
    program = plan()
    logged(program, 0, 0, 3, 1, pain_during=3, pain_next_morning=1)  # 4 of 5 sets
    # Thursday 5 Nov has passed by the 10th and was not logged: 5 sets missed.
    log = week_log(program, 0, date(2026, 11, 10))
    assert (log.sets_done, log.sets_planned, log.logged_days, log.missed_days) == (4, 10, 1, 1)
    assert log.adherence == pytest.approx(40.0)
    assert (log.pain_during, log.pain_next_morning) == (3, 1)
    assert week_summary(log) == "4 of 10 sets done (40 %) · 1 of 2 days logged, 1 missed"
    # On Thursday itself it is not missed yet.
    early = week_log(program, 0, date(2026, 11, 5))
    assert (early.sets_planned, early.adherence) == (5, pytest.approx(80.0))
    # Week 2 lies ahead: nothing due, no adherence (and no division by zero).
    ahead = week_log(program, 1, date(2026, 11, 9))  # its Monday, not yet passed
    assert ahead.adherence is None
    assert week_summary(ahead) == "Nothing logged yet: 2 days planned."


def test_a_day_logged_twice_counts_once_with_its_best_session() -> None:
    program = plan(start=None)
    logged(program, 0, 0, 1, 0)
    logged(program, 0, 0, 3, 2, pain_during=6)
    log = week_log(program, 0, date(2026, 12, 1))
    assert (log.sets_done, log.sets_planned, log.sessions) == (5, 5, 2)
    assert log.pain_during == 6


def test_without_a_start_date_only_logged_days_are_due() -> None:
    program = plan(start=None)
    assert week_log(program, 0, date(2099, 1, 1)).adherence is None
    assert card_mark(program, 0, 0, program.weeks[0].days[0].entries[0].id, MONDAY) is None


def test_card_marks_read_done_partly_and_missed_from_the_log() -> None:
    program = plan()
    monday = program.weeks[0].days[0].entries
    thursday = program.weeks[0].days[3].entries
    logged(program, 0, 0, 3, 1)
    today = date(2026, 11, 6)
    marks = [card_mark(program, 0, 0, e.id, today) for e in monday]
    assert [m.mark if m else None for m in marks] == [Mark.DONE, Mark.PARTLY]
    assert marks[1] is not None
    assert "1 of 2 sets" in marks[1].explanation
    missed = card_mark(program, 0, 3, thursday[0].id, today)
    assert missed is not None
    assert missed.mark is Mark.MISSED
    assert "Thursday 5 Nov (week 1) has passed" in missed.explanation
    assert card_mark(program, 0, 3, thursday[0].id, date(2026, 11, 5)) is None  # that day
    logged(program, 0, 3, 0, 0)
    zero = card_mark(program, 0, 3, thursday[0].id, today)
    assert zero is not None
    assert zero.mark is Mark.MISSED
    assert "Logged 5 Nov" in zero.explanation
    added = Entry(CLAM.id, CLAM.dose)
    program.weeks[0].days[0].entries.append(added)  # planned after the day was logged
    assert card_mark(program, 0, 0, added.id, today) is None


@settings(max_examples=60, deadline=None)
@given(programs(), st.dates(date(1900, 1, 1), date(2200, 12, 31)))
def test_adherence_is_always_between_0_and_100_percent(program: Program, today: date) -> None:
    for log in program_log(program, today):
        assert 0 <= log.sets_done <= log.sets_planned
        if log.sets_planned == 0:
            assert log.adherence is None
        else:
            assert log.adherence is not None
            assert 0.0 <= log.adherence <= 100.0
        week_summary(log)


@given(st.integers(-5, 50), st.integers(-5, 50))
def test_the_adherence_formula_never_divides_by_zero(done: int, planned: int) -> None:
    value = adherence(done, planned)
    assert value is None if planned <= 0 else 0.0 <= value <= 100.0  # type: ignore[operator]


# -- weeks and their sessions ------------------------------------------------------------------


def test_a_week_with_logged_sessions_is_not_removed() -> None:
    program = plan(3)
    session = logged(program, 1, 0)
    with pytest.raises(ProgramError, match="Week 2 has 1 logged session, so it is kept"):
        program.remove_week(1)
    assert len(program.weeks) == 3
    assert program.log == [session]


def test_sessions_follow_their_weeks_when_weeks_are_inserted_removed_or_moved() -> None:
    program = plan(3)
    first, third = logged(program, 0, 0), logged(program, 2, 3)
    program.insert_week(1)
    assert [s.week for s in program.log] == [0, 3]
    program.remove_week(1)
    assert program.log == [first, third]
    program.move_week(2, 0)
    assert [s.week for s in program.log] == [1, 0]
    assert sessions_of_week(program.log, 0)[0].id == third.id
    program.move_week(0, 2)
    assert program.log == [first, third]


@settings(max_examples=60, deadline=None)
@given(programs(max_weeks=5), st.data())
def test_week_moves_and_inserts_undo_exactly_with_the_log(
    program: Program, data: st.DataObject
) -> None:
    before = list(program.log)
    n = len(program.weeks)
    source = data.draw(st.integers(0, n - 1))
    target = data.draw(st.integers(0, n - 1))
    program.move_week(source, target)
    for s in program.log:  # each session still stands for the same planned week
        original = next(b for b in before if b.id == s.id)
        assert program.weeks[s.week] is not None
        assert (s.date, s.day, s.entries) == (original.date, original.day, original.entries)
    program.move_week(target, source)
    assert program.log == before
    at = data.draw(st.integers(0, n)) if n < 52 else None
    if at is not None:
        program.insert_week(at)
        program.remove_week(at)
        assert program.log == before


def test_the_log_survives_save_open_and_undo_of_its_edits(tmp_path: Path) -> None:
    program = plan()
    session = logged(
        program,
        0,
        3,
        2,
        1,
        pain_during=4,
        pain_next_morning=2,
        note="Knee fine by the morning",
    )
    entries = (replace(session.entries[0], comment="hard last set"), *session.entries[1:])
    edited = replace(session, entries=entries)
    old = program.replace_session(edited)
    path = tmp_path / "client.hipplan"
    save_program(program, path)
    reopened = read_program(path)
    assert reopened.log == [edited]
    assert reopened.log[0].entries[0] == LoggedEntry(
        entry_id=session.entries[0].entry_id,
        exercise_id=BRIDGE.id,
        sets_planned=3,
        sets_done=2,
        comment="hard last set",
    )
    # undo: the inverse edit, then the inverse add; redo: the same again
    reopened.replace_session(old)
    index, removed = reopened.remove_session(old.id)
    assert reopened.log == []
    reopened.add_session(removed, index)
    reopened.replace_session(edited)
    save_program(reopened, path)
    assert read_program(path).log == [edited]
