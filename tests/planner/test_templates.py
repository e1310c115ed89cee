"""The shipped templates: current with the catalog, Metzl's plan as given, and a balanced plan."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from planner.balance.analysis import analyse_program
from planner.balance.findings import Severity
from planner.cli import EXIT_FINDINGS, EXIT_OK, run_command
from planner.files.program_file import read_program
from planner.program import Program
from planner.taxonomy import Direction, Unit
from planner.templates import list_templates, program_from_template
from tests.templates_source import FOLDER, templates

MONDAY, THURSDAY = 0, 3


def shape(program: Program) -> object:
    """Everything but the random entry ids."""
    weeks = [
        [[(e.exercise_id, e.dose) for e in day.entries] for day in w.days] for w in program.weeks
    ]
    return program.details, weeks, program.exercises


@pytest.mark.parametrize("name", list(templates()))
def test_committed_templates_match_the_catalog(name: str) -> None:
    committed = read_program(FOLDER / name)
    assert shape(committed) == shape(templates()[name]), (
        f"{name} is out of date with the catalog: run python -m tests.templates_source"
    )


def test_templates_are_listed_blank_first() -> None:
    titles = [t.title for t in list_templates()]
    assert titles == [
        "Blank program",
        "Metzl's knee plan for runners",
        "Metzl's plan, every direction",
        "Hips in every direction",
    ]


def metzl() -> Program:
    return program_from_template(list_templates()[1])


def test_metzl_plan_is_six_exercises_twice_a_week_with_the_given_doses() -> None:
    week = metzl().weeks[0]
    doses = {e.exercise_id: e.dose for e in week.days[MONDAY].entries}
    assert [(d.sets, d.amount, d.unit, d.each_side) for d in doses.values()] == [
        (4, 15, Unit.REPS, False),  # jump squat
        (3, 15, Unit.REPS, False),  # walking lunge, left and right count as one
        (3, 15, Unit.REPS, True),  # low side-to-side lunge, each side
        (3, 15, Unit.REPS, False),  # mountain climbers, left and right count as one
        (3, 20, Unit.STEPS, True),  # band lateral walk, 20 steps each way
        (3, 15, Unit.REPS, False),  # reverse hip raise
    ]
    assert list(doses) == [
        "jump-squat",
        "walking-lunge",
        "low-side-to-side-lunge",
        "mountain-climber",
        "band-lateral-walk",
        "reverse-hip-raise",
    ]
    assert [e.exercise_id for e in week.days[THURSDAY].entries] == list(doses)
    assert sum(bool(day.entries) for day in week.days) == 2


def test_metzl_every_direction_keeps_metzl_s_exercises_on_his_days() -> None:
    fixed = program_from_template(list_templates()[2]).weeks[0]
    for day in (MONDAY, THURSDAY):
        ids = [e.exercise_id for e in fixed.days[day].entries]
        original = [e.exercise_id for e in metzl().weeks[0].days[day].entries]
        assert ids[: len(original)] == original


def test_metzl_plan_misses_internal_rotation() -> None:
    (week,) = analyse_program(metzl()).weeks
    # jump squat 4 + walking lunge 3 + side-to-side lunge 3 + reverse hip raise 3, twice
    assert round(week.sets[Direction.EXTENSION], 1) == 26.0
    missing = [f for f in week.findings if f.code == "direction-missing"]
    assert [f.directions for f in missing] == [(Direction.INTERNAL_ROTATION,)]


def test_metzl_plan_gives_the_worked_example_of_the_design() -> None:
    """DESIGN.md §1: with the tagging rule's tags (side-to-side lunge extension first,
    mountain climber at hip weight 0.5), Metzl's plan twice a week has no internal rotation,
    too little adduction and external rotation, extension dominant, extension ÷ flexion too
    high and a straight-knee share under 25%. Asserted on (code, direction) pairs, so it holds
    however the findings are grouped."""
    (week,) = analyse_program(metzl()).weeks
    found = {(f.code, d) for f in week.findings for d in f.directions or (None,)}
    too_little = {"direction-low-volume", "direction-under-served"}
    assert ("direction-missing", Direction.INTERNAL_ROTATION) in found
    for direction in (Direction.ADDUCTION, Direction.EXTERNAL_ROTATION):
        assert {(code, direction) for code in too_little} & found, direction
    assert ("direction-dominant", Direction.EXTENSION) in found
    assert ("extension-flexion-ratio", Direction.EXTENSION) in found
    assert "knee-share" in {code for code, _ in found}
    share = week.straight_knee_share
    assert share is not None
    assert share < 0.25
    assert week.sets[Direction.FLEXION] == 3.0  # 3 sets × hip weight 0.5, twice
    assert week.sets[Direction.ADDUCTION] == 3.0  # 3 sets × secondary 0.5, twice


@pytest.mark.parametrize("index", [2, 3], ids=["Metzl every direction", "Hips every direction"])
def test_every_direction_plans_have_no_error_and_no_warning(index: int) -> None:
    analysis = analyse_program(program_from_template(list_templates()[index]))
    problems = [f for w in analysis.weeks for f in w.findings if f.severity is not Severity.INFO]
    assert problems == []


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("metzl-knee-plan.hipplan", EXIT_FINDINGS),
        ("metzl-every-direction.hipplan", EXIT_OK),
        ("hips-in-every-direction.hipplan", EXIT_OK),
    ],
)
def test_check_command_exit_codes(name: str, code: int) -> None:
    out = io.StringIO()
    assert run_command(["check", str(Path(FOLDER) / name)], load_catalog=list, out=out) == code


def test_metzl_s_template_tells_the_coach_the_findings_are_hip_planner_s() -> None:
    template = list_templates()[1]
    assert "published plan" in template.description
    assert "Fix all" in template.description
    assert "Fix all" not in metzl().details.notes  # the notes go into the client's handout
