"""Progression and regression from the client's log (planner/progression.py): the offers of
pain-high and ready-to-progress, "Next week from the log", exact undo, and two properties."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.balance.analysis import analyse_program_week, analyse_week
from planner.balance.findings import Code, Finding, Severity
from planner.balance.settings import BalanceSettings
from planner.dose import Dose
from planner.exercise import Exercise
from planner.log import LoggedEntry, Session
from planner.program import Program
from planner.progression import (
    Kind,
    Way,
    apply_next,
    changed_load,
    next_week,
    offers,
    verdicts,
)
from planner.taxonomy import Direction, Equipment, Knee, Position
from tests.factories import make_exercise
from tests.strategies import programs

RULES = BalanceSettings()


def variant_chain() -> dict[str, Exercise]:
    bridge = replace(
        make_exercise("glute-bridge", Direction.EXTENSION), harder="single-leg-glute-bridge"
    )
    single = replace(
        make_exercise("single-leg-glute-bridge", Direction.EXTENSION, Direction.ABDUCTION),
        easier="glute-bridge",
        harder="single-leg-bridge-on-step",
    )
    step = replace(
        make_exercise(
            "single-leg-bridge-on-step",
            Direction.EXTENSION,
            Direction.ABDUCTION,
            equipment=(Equipment.BOX_STEP,),
        ),
        easier="single-leg-glute-bridge",
    )
    clam = make_exercise(
        "clamshell",
        Direction.EXTERNAL_ROTATION,
        Direction.ABDUCTION,
        positions=(Position.SIDE_LYING,),
    )
    return {ex.id: ex for ex in (bridge, single, step, clam)}


CATALOG = variant_chain()


def plan(exercise_id: str = "single-leg-glute-bridge", weeks: int = 1) -> Program:
    program = Program()
    for w in range(weeks):
        if w:
            program.insert_week(w)
        for day in (0, 3):
            program.add_entry(w, day, CATALOG[exercise_id])
            program.add_entry(w, day, CATALOG["clamshell"])
    return program


def log(program: Program, week: int, day: int, during: int, morning: int = 0) -> None:
    entries = tuple(
        LoggedEntry(e.id, e.exercise_id, e.dose.sets, e.dose.sets)
        for e in program.day(week, day).entries
    )
    program.add_session(
        Session(date(2026, 3, 2 + 7 * week + day), week, day, entries, during, morning)
    )


def finding(program: Program, week: int, code: Code) -> Finding:
    (found,) = [f for f in analyse_program_week(program, week).findings if f.code is code]
    return found


def entries_of(program: Program, week: int) -> list[tuple[int, str, Dose]]:
    return [(d, e.exercise_id, e.dose) for d, e in program.weeks[week].entries()]


# -- pain-high ----------------------------------------------------------------------------------


def test_pain_seven_offers_the_easier_variant_in_the_next_week() -> None:
    program = plan()
    log(program, 0, 0, during=7)
    found = finding(program, 0, Code.PAIN_HIGH)
    assert "Single leg glute bridge" in found.message
    first, *others = offers(program, 0, found, CATALOG.get, RULES)
    assert first.way is Way.DOWN
    assert first.creates  # there is no week 2 yet: it is added
    assert first.title() == "Week 2: easier variant or fewer reps"
    assert any("Single leg glute bridge → Glute bridge" in line for line in first.lines())
    assert all("(Mon 2 Mar: knee pain 7/10 during)" in line for line in first.lines())
    assert {o.kind for o in others} == {Kind.AMOUNT, Kind.SETS}
    before = copy.deepcopy(program.weeks)
    applied = apply_next(program, first)
    assert len(program.weeks) == 2
    assert [ex for _, ex, _ in entries_of(program, 1)] == [
        "glute-bridge",
        "clamshell",
        "glute-bridge",
        "clamshell",
    ]
    assert "glute-bridge" in program.exercises
    applied.undo()
    assert program.weeks == before
    assert "glute-bridge" not in program.exercises
    applied.redo()
    assert entries_of(program, 1)[0][1] == "glute-bridge"


def test_the_offer_changes_an_existing_next_week_once() -> None:
    program = plan(weeks=2)
    log(program, 0, 3, during=2, morning=4)
    found = finding(program, 0, Code.PAIN_HIGH)
    fewer = next(o for o in offers(program, 0, found, CATALOG.get, RULES) if o.kind is Kind.SETS)
    assert not fewer.creates
    ids = [e.id for _, e in program.weeks[1].entries()]
    applied = apply_next(program, fewer)
    assert len(program.weeks) == 2
    assert [e.id for _, e in program.weeks[1].entries()] == ids  # the same entries, changed
    assert [d.sets for _, _, d in entries_of(program, 1)] == [2, 2, 2, 2]
    assert all(d.sets == 3 for _, _, d in entries_of(program, 0))
    # Applied once, week 2 no longer carries week 1's doses: nothing is offered twice.
    assert offers(program, 0, found, CATALOG.get, RULES) == ()
    applied.undo()
    assert [d.sets for _, _, d in entries_of(program, 1)] == [3, 3, 3, 3]


def test_without_an_easier_variant_the_reps_go_down() -> None:
    program = plan("clamshell")
    log(program, 0, 0, during=8)
    found = finding(program, 0, Code.PAIN_HIGH)
    first = offers(program, 0, found, CATALOG.get, RULES)[0]
    assert {(c.new.id, c.after.amount) for c in first.changes} == {("clamshell", 9)}  # 12 - 3


# -- ready-to-progress --------------------------------------------------------------------------


def test_ready_to_progress_offers_the_harder_variant_or_more() -> None:
    program = plan("glute-bridge")
    log(program, 0, 0, during=1)
    log(program, 0, 3, during=0)
    found = finding(program, 0, Code.READY_TO_PROGRESS)
    choices = offers(program, 0, found, CATALOG.get, RULES)
    assert [c.kind for c in choices] == [Kind.PREFERRED, Kind.AMOUNT, Kind.SETS]
    harder, reps, sets = choices
    assert {(c.old.id, c.new.id) for c in harder.changes} == {
        ("glute-bridge", "single-leg-glute-bridge"),
        ("clamshell", "clamshell"),  # no harder variant: more reps
    }
    assert {c.after.amount for c in reps.changes} == {14}  # 12 + 15%, rounded up
    assert {c.after.sets for c in sets.changes} == {4}


def test_a_variant_the_client_cannot_do_is_not_offered() -> None:
    program = plan("single-leg-glute-bridge")
    program.set_details(replace(program.details, equipment=frozenset({Equipment.ELASTIC_BAND})))
    log(program, 0, 0, during=0)
    log(program, 0, 3, during=0)
    found = finding(program, 0, Code.READY_TO_PROGRESS)
    first = offers(program, 0, found, CATALOG.get, RULES)[0]
    assert all(c.new.id == c.old.id for c in first.changes)  # no step at home: more reps


def test_load_in_kilograms_or_pounds_steps_by_about_ten_percent() -> None:
    assert changed_load("8 kg", up=True) == "9 kg"
    assert changed_load("20 kg", up=False) == "18 kg"
    assert changed_load("2 kg", up=True) == "2.5 kg"
    assert changed_load("25 lb", up=True) == "28 lb"
    assert changed_load("0.5 kg", up=False) is None
    assert changed_load("green band", up=True) is None


def test_pain_wins_over_readiness() -> None:
    program = plan("glute-bridge")
    log(program, 0, 0, during=0)
    log(program, 0, 3, during=1)
    log(program, 0, 4, during=6)  # logged against Friday: no entries, but it hurt
    assert {v.way for v in verdicts(program, 0, RULES).values()} == {Way.UP}
    log(program, 0, 3, during=9)  # the Thursday again: both exercises done in pain
    assert {v.way for v in verdicts(program, 0, RULES).values()} == {Way.DOWN}


# -- next week from the log ---------------------------------------------------------------------


def test_next_week_from_the_log_copies_the_week_with_the_changes() -> None:
    program = plan("glute-bridge", weeks=2)
    log(program, 0, 0, during=0)
    log(program, 0, 3, during=1)
    proposal = next_week(program, 0, CATALOG.get, RULES)
    assert proposal.creates
    assert proposal.target == 1
    assert proposal.summary() == "Added week 2 from week 1 with 4 changes"
    apply_next(program, proposal)
    assert len(program.weeks) == 3  # inserted after week 1; the old week 2 is now week 3
    assert entries_of(program, 1)[0][1] == "single-leg-glute-bridge"


def test_next_week_without_a_log_is_a_plain_copy() -> None:
    program = plan()
    proposal = next_week(program, 0, CATALOG.get, RULES)
    assert proposal.changes == ()
    assert proposal.summary() == "Added week 2, a copy of week 1"
    assert [(d, e.exercise_id, e.dose) for d, e in proposal.week.entries()] == entries_of(
        program, 0
    )


def test_a_variant_that_would_leave_a_direction_untrained_is_not_used() -> None:
    program = Program()
    program.add_entry(0, 0, CATALOG["single-leg-glute-bridge"])  # the only Away work
    log(program, 0, 0, during=7)
    proposal = next_week(program, 0, CATALOG.get, RULES)
    assert [c.new.id for c in proposal.changes] == ["single-leg-glute-bridge"]
    assert proposal.changes[0].after.amount == 9
    assert any("would have left a direction untrained" in n for n in proposal.notes)


# -- properties ---------------------------------------------------------------------------------


def _errors(program: Program, week: object) -> set[tuple[Code, Direction | None]]:
    analysis = analyse_week(week, program.exercises)  # type: ignore[arg-type]
    return {
        (f.code, d)
        for f in analysis.findings
        if f.severity is Severity.ERROR
        for d in (f.directions or (None,))
    }


@settings(max_examples=100, deadline=None)
@given(programs(max_weeks=3), st.data())
def test_next_week_never_drops_an_entry_nor_raises_a_new_error(
    program: Program, data: st.DataObject
) -> None:
    source = data.draw(st.integers(0, len(program.weeks) - 1))
    # The catalog gives each exercise an easier and a harder variant of the same primary
    # direction and knee, whose other directions are drawn at random (they may drop one).
    linked: dict[str, Exercise] = {}
    for ex_id in sorted(program.exercises):
        ex = program.exercises[ex_id]
        others = [d for d in Direction if d is not ex.primary]
        for suffix in ("e", "h"):
            secondary = data.draw(st.lists(st.sampled_from(others), max_size=2, unique=True))
            variant = replace(ex, id=f"{ex_id[:70]}-{suffix}", directions=(ex.primary, *secondary))
            linked[variant.id] = variant
        linked[ex_id] = replace(ex, easier=f"{ex_id[:70]}-e", harder=f"{ex_id[:70]}-h")
    program.exercises.update({i: linked[i] for i in program.exercises})
    proposal = next_week(program, source, linked.get, RULES)
    old = program.weeks[source]
    changed = {c.entry_id: c for c in proposal.changes}
    for old_day, new_day in zip(old.days, proposal.week.days, strict=True):
        assert len(old_day.entries) == len(new_day.entries)  # nothing dropped
        for before, after in zip(old_day.entries, new_day.entries, strict=True):
            if after.id in changed:
                change = changed[after.id]
                assert (change.old.id, change.before) == (before.exercise_id, before.dose)
                assert (change.new.id, change.after) == (after.exercise_id, after.dose)
            else:
                assert (after.exercise_id, after.dose) == (before.exercise_id, before.dose)
    exercises = {**program.exercises, **{e.id: e for e in proposal.exercises}}
    scratch = Program(weeks=[proposal.week], exercises=exercises)
    assert _errors(scratch, proposal.week) <= _errors(program, old)


@settings(max_examples=40, deadline=None)
@given(programs(max_weeks=3), st.data())
def test_applying_and_undoing_next_week_restores_the_program(
    program: Program, data: st.DataObject
) -> None:
    source = data.draw(st.integers(0, len(program.weeks) - 1))
    if len(program.weeks) >= 52:
        return
    before = program.snapshot()
    applied = apply_next(program, next_week(program, source, lambda _i: None, RULES))
    assert len(program.weeks) == len(before.weeks) + 1
    applied.undo()
    assert program.weeks == before.weeks
    assert program.exercises == before.exercises


def test_knee_and_direction_must_match_for_a_variant() -> None:
    bent = replace(CATALOG["glute-bridge"], harder="straight-bridge")
    straight = make_exercise("straight-bridge", Direction.EXTENSION, knee=Knee.STRAIGHT)
    program = Program()
    program.add_entry(0, 0, bent)
    log(program, 0, 0, during=0)
    log(program, 0, 0, during=0)
    proposal = next_week(program, 0, {"straight-bridge": straight}.get, RULES)
    assert [c.new.id for c in proposal.changes] == ["glute-bridge"]


def test_a_load_in_kilograms_is_offered_as_its_own_choice() -> None:
    program = plan("clamshell")
    for _, entry in list(program.weeks[0].entries()):
        program.set_dose(entry.id, entry.dose.with_changes(load="8 kg"))
    log(program, 0, 0, during=0)
    log(program, 0, 3, during=0)
    found = finding(program, 0, Code.READY_TO_PROGRESS)
    (load,) = [o for o in offers(program, 0, found, CATALOG.get, RULES) if o.kind is Kind.LOAD]
    assert load.choice() == "More load (+10%)"
    assert {c.after.load for c in load.changes} == {"9 kg"}
    assert "Monday: Clamshell: 3 × 12, 8 kg → 3 × 12, 9 kg" in load.lines(why=False)


def test_pain_for_an_exercise_taken_out_of_the_week_is_said_not_hidden() -> None:
    """The coach logs a painful session, then takes the exercise out of the week: the copy
    says why nothing changed instead of "no session with too much knee pain"."""
    program = plan()
    log(program, 0, 0, during=7)
    program.take(
        [e.id for _, e in program.weeks[0].entries() if e.exercise_id == "single-leg-glute-bridge"]
    )
    proposal = next_week(program, 0, CATALOG.get, RULES)
    assert {change.old.id for change in proposal.changes} == {"clamshell"}
    (note,) = proposal.notes
    assert note.startswith(f"{CATALOG['single-leg-glute-bridge'].name} (")
    assert "knee pain 7/10 during" in note
    assert note.endswith("is no longer in week 1, so nothing was changed for it")
