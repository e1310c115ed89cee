"""Logs the coach never typed: sessions naming entries and exercises the program does not have
(any more), on days with nothing planned, in any order. Whatever the reader accepts, the
checks, the Log tab's summaries and "Next week from the log" cope with."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from planner.balance.analysis import analyse_program
from planner.balance.report import render_json, render_text
from planner.balance.settings import BalanceSettings
from planner.dose import SETS_RANGE
from planner.files.program_format import ProgramFileError, parse_program, serialize_program
from planner.log import LoggedEntry, Session
from planner.log_summary import day_marks, default_session, first_day_to_log, program_log
from planner.program import Program
from planner.progression import next_week, offers
from tests.strategies import efforts, fuzz, pains, programs

TODAY = date(2026, 12, 2)


@st.composite
def programs_with_stray_logs(draw: st.DrawFn) -> Program:
    program = draw(programs(max_weeks=3))
    entry_ids = [e.id for w in program.weeks for _, e in w.entries()] + ["gone", "x" * 64]
    exercise_ids = [*program.exercises, "no-such-exercise"]
    logged = st.builds(
        LoggedEntry,
        st.sampled_from(entry_ids),
        st.sampled_from(exercise_ids),
        st.integers(*SETS_RANGE),
        st.integers(0, SETS_RANGE[1]),
        st.just("20 kg"),
        efforts,
        st.just(""),
    )
    sessions = draw(
        st.lists(
            st.builds(
                Session,
                date=st.dates(date(1900, 1, 1), date(2200, 12, 31)),
                week=st.integers(0, len(program.weeks) - 1),
                day=st.integers(0, 6),
                entries=st.lists(logged, max_size=4).map(tuple),
                pain_during=pains,
                pain_next_morning=pains,
                note=st.just(""),
                id=st.uuids().map(lambda u: u.hex),
            ),
            max_size=12,
        )
    )
    return Program(
        details=program.details, weeks=program.weeks, exercises=program.exercises, log=sessions
    )


@given(programs_with_stray_logs())
@fuzz
def test_any_log_the_reader_accepts_is_checked_summed_up_and_progressed(program: Program) -> None:
    try:
        read = parse_program(serialize_program(program), source="stray.hipplan")
    except ProgramFileError as exc:
        message = str(exc)
    else:
        message = ""
    if message:
        assert "\n" not in message
        return
    loaded = read.program
    balance = BalanceSettings()
    analysis = analyse_program(loaded, balance)
    render_json(analysis)
    render_text(analysis)
    program_log(loaded, TODAY)
    lookup = loaded.exercises.get
    for week, found in enumerate(analysis.weeks):
        for day in range(7):
            day_marks(loaded, week, day, TODAY, [e.id for _, e in loaded.weeks[week].entries()])
            default_session(loaded, week, day, TODAY)
        first_day_to_log(loaded, week, 0)
        next_week(loaded, week, lookup, balance)
        for finding in found.findings:
            offers(loaded, week, finding, lookup, balance)
