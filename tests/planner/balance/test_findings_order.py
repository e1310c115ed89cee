"""The shape of a week's findings for any week: one per code, errors first, larger gaps first."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.balance.analysis import analyse_week
from planner.balance.findings import Code
from planner.balance.settings import BalanceSettings
from planner.exercise import Exercise
from planner.program import Program
from planner.taxonomy import Direction, Equipment, Knee, Position
from tests.factories import make_exercise


@st.composite
def tagged_exercises(draw: st.DrawFn, number: int) -> Exercise:
    directions = draw(st.lists(st.sampled_from(Direction), min_size=1, max_size=3, unique=True))
    return make_exercise(
        f"exercise-{number}",
        *directions,
        knee=draw(st.sampled_from(Knee)),
        positions=(draw(st.sampled_from(Position)),),
        equipment=(draw(st.sampled_from(Equipment)),),
    )


@st.composite
def weeks(draw: st.DrawFn) -> Program:
    """One week of 1–12 entries drawn from a pool of up to 8 tagged exercises."""
    pool = [draw(tagged_exercises(i)) for i in range(draw(st.integers(1, 8)))]
    program = Program()
    for _ in range(draw(st.integers(1, 12))):
        exercise = draw(st.sampled_from(pool))
        sets = draw(st.integers(1, 6))
        program.add_entry(
            0, draw(st.integers(0, 6)), exercise, exercise.dose.with_changes(sets=sets)
        )
    return program


RATIOS = {Code.ABDUCTION_ADDUCTION_RATIO, Code.ROTATION_RATIO, Code.EXTENSION_FLEXION_RATIO}
thresholds = st.sampled_from(
    [
        BalanceSettings(),
        BalanceSettings(maintenance=True, min_weighted_sets=0),
        BalanceSettings(min_weighted_sets=8, min_days_per_direction=3),
        BalanceSettings(under_served_share=0.9, dominant_factor=1.2, rotation_low=0.5),
    ]
)


@settings(
    max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(weeks(), thresholds)
def test_a_week_shows_each_code_once_errors_first_then_the_larger_gap(
    program: Program, balance: BalanceSettings
) -> None:
    week = analyse_week(program.weeks[0], program.exercises, balance)
    codes = [f.code for f in week.findings]
    assert len(codes) == len(set(codes))
    keys = [(f.severity.rank, -f.gap) for f in week.findings]
    assert keys == sorted(keys)
    order = list(Direction)
    for f in week.findings:
        assert f.gap > 0
        if f.code not in RATIOS:  # a ratio names its dividend first
            assert list(f.directions) == sorted(f.directions, key=order.index)
        if f.code is Code.KNEE_MISSING:
            assert len(f.knees) == len(f.directions)
            assert all(
                week.knee_sets[d][k] == 0 < week.sets[d]
                for d, k in zip(f.directions, f.knees, strict=True)
            )
