"""An exercise's hip weight scales everything it credits (DESIGN.md §1: "times the exercise's
hip weight"), and closed-chain exercises count as weight-bearing though not standing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.balance.analysis import analyse_week
from planner.balance.coverage import feeds
from planner.balance.volume import weighted_sets
from planner.exercise import HIP_WEIGHT_RANGE, Exercise
from planner.program import Program
from planner.taxonomy import Direction, Knee, Position
from tests.factories import make_exercise
from tests.strategies import fuzz, programs

FLEX, EXT, ABD, ADD, ER, IR = Direction


def with_weight(program: Program, weight: float) -> dict[str, Exercise]:
    return {key: replace(ex, hip_weight=weight) for key, ex in program.exercises.items()}


@fuzz
@given(programs(max_weeks=1), st.floats(*HIP_WEIGHT_RANGE))
def test_every_count_of_a_week_scales_with_the_hip_weight(program: Program, weight: float) -> None:
    week = program.weeks[0]
    full = analyse_week(week, with_weight(program, 1.0))
    scaled = analyse_week(week, with_weight(program, weight))
    for direction in Direction:
        assert scaled.sets[direction] == pytest.approx(weight * full.sets[direction])
        for knee in Knee:
            assert scaled.knee_sets[direction][knee] == pytest.approx(
                weight * full.knee_sets[direction][knee]
            )
    assert scaled.weight_bearing_sets == pytest.approx(weight * full.weight_bearing_sets)
    assert scaled.days == full.days  # a lighter credit is still a day of training


def test_a_trunk_exercise_credits_half_its_sets_to_primary_and_secondary() -> None:
    climber = replace(
        make_exercise("mountain-climber", FLEX, EXT, positions=(Position.PLANK,)), hip_weight=0.5
    )
    program = Program()
    program.add_entry(0, 0, climber, climber.dose.with_changes(sets=3))
    week = program.weeks[0]
    analysis = analyse_week(week, program.exercises)
    assert analysis.sets[FLEX] == 1.5
    assert analysis.sets[EXT] == 0.75
    assert weighted_sets(week, program.exercises) == analysis.sets
    (feed,) = feeds(week, program.exercises, analysis, FLEX)
    assert feed.weighted_sets == 1.5


def test_a_closed_chain_exercise_is_weight_bearing_though_not_standing() -> None:
    press = make_exercise("leg-press", EXT, positions=(Position.SEATED,))
    assert not press.weight_bearing
    assert replace(press, closed_chain=True).weight_bearing
    standing = make_exercise("squat", EXT, positions=(Position.STANDING,))
    assert standing.weight_bearing  # standing counts without the flag
    program = Program()
    program.add_entry(0, 0, replace(press, closed_chain=True))
    analysis = analyse_week(program.weeks[0], program.exercises)
    assert analysis.weight_bearing_share == 1.0
