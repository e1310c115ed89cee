"""What the coverage panel draws: the target band, each direction's standing, feeding entries."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.balance.analysis import analyse_week
from planner.balance.coverage import UNDER_CODES, Standing, feeds, standings, target_band
from planner.balance.findings import Code
from planner.balance.settings import BalanceSettings, field_range, is_share
from planner.program import Program
from planner.taxonomy import Direction
from tests.factories import make_exercise
from tests.plans import EVERY_DIRECTION, METZL, THURSDAY, build

FLEX, EXT, ABD, ADD, ER, IR = Direction


def test_metzl_week_stands_under_and_over_as_its_findings_say() -> None:
    program = build(METZL)
    analysis = analyse_week(program.weeks[0], program.exercises)
    standing = standings(analysis)
    assert standing[IR] is Standing.UNDER  # missing
    assert standing[ER] is Standing.UNDER  # low volume
    assert standing[EXT] is Standing.OVER
    ratio = next(f for f in analysis.findings if f.code is Code.EXTENSION_FLEXION_RATIO)
    assert FLEX in ratio.directions
    assert standing[FLEX] is Standing.FLAGGED  # in the band, but the ratio finding names it


def test_balanced_week_stands_on_target_everywhere() -> None:
    program = build(EVERY_DIRECTION)
    analysis = analyse_week(program.weeks[0], program.exercises)
    assert set(standings(analysis).values()) == {Standing.ON}
    low, high = target_band(analysis, BalanceSettings())
    assert all(low <= analysis.sets[d] <= high for d in Direction)


def test_target_band_follows_the_settings_and_never_turns_inside_out() -> None:
    program = build(METZL)
    analysis = analyse_week(program.weeks[0], program.exercises)  # mean 44 / 6
    assert target_band(analysis, BalanceSettings()) == pytest.approx((4.0, 2 * 44 / 6))
    wide = BalanceSettings(min_weighted_sets=1, under_served_share=0.75, dominant_factor=3)
    assert target_band(analysis, wide) == pytest.approx((0.75 * 44 / 6, 3 * 44 / 6))
    tiny = Program()
    tiny.add_entry(0, 0, make_exercise("bridge", EXT, sets=1))
    small = analyse_week(tiny.weeks[0], tiny.exercises)
    assert target_band(small, BalanceSettings()) == (4.0, 4.0)


def test_feeds_name_the_entries_with_dose_day_and_credit() -> None:
    program = build(METZL)
    week = program.weeks[0]
    analysis = analyse_week(week, program.exercises)
    rotate_out = feeds(week, program.exercises, analysis, ER)
    assert [(f.day, f.name, f.weighted_sets, f.primary) for f in rotate_out] == [
        (0, "Band lateral walk", 1.5, False),
        (THURSDAY, "Band lateral walk", 1.5, False),
    ]
    assert rotate_out[0].dose == "3 × 20 steps each way"
    assert sum(f.weighted_sets for f in feeds(week, program.exercises, analysis, EXT)) == 23
    assert feeds(week, program.exercises, analysis, IR) == []


def test_settings_ranges_for_editors() -> None:
    assert field_range("min_days_per_direction") == (1, 7)
    assert field_range("straight_knee_share_low") == (0.0, 1.0)
    assert is_share("under_served_share")
    assert not is_share("dominant_factor")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(list(Direction)), min_size=1, max_size=3, unique=True),
            st.integers(0, 6),
            st.integers(1, 6),
        ),
        max_size=10,
    )
)
def test_standings_agree_with_the_findings_for_every_week(
    entries: list[tuple[list[Direction], int, int]],
) -> None:
    program = Program()
    for i, (directions, day, sets) in enumerate(entries):
        program.add_entry(0, day, make_exercise(f"ex-{i}", *directions, sets=sets))
    analysis = analyse_week(program.weeks[0], program.exercises)
    standing = standings(analysis)
    for direction in Direction:
        codes = {f.code for f in analysis.findings if direction in f.directions}
        expected = (
            Standing.UNDER
            if codes & UNDER_CODES
            else Standing.OVER
            if Code.DIRECTION_DOMINANT in codes
            else Standing.FLAGGED
            if codes
            else Standing.ON
        )
        assert standing[direction] is expected


def test_a_ratio_finding_flags_directions_inside_the_band() -> None:
    program = Program()
    for day in (0, 3):
        program.add_entry(0, day, make_exercise(f"ir-{day}", IR, sets=5))
        program.add_entry(0, day, make_exercise(f"er-{day}", ER, sets=3))  # out 0.6 × in: low
        for other in (FLEX, EXT, ABD, ADD):
            program.add_entry(0, day, make_exercise(f"{other}-{day}", other, sets=3))
    analysis = analyse_week(program.weeks[0], program.exercises)
    assert Code.ROTATION_RATIO in {f.code for f in analysis.findings}
    low, high = target_band(analysis, BalanceSettings())
    assert low <= analysis.sets[IR] <= high
    assert low <= analysis.sets[ER] <= high
    assert standings(analysis)[IR] is Standing.FLAGGED
    assert standings(analysis)[ER] is Standing.FLAGGED
