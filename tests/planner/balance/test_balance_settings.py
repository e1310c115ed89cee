"""Balance thresholds: the defaults of DESIGN.md §1, storage that never crashes, coach messages."""

from __future__ import annotations

import json
import math

import pytest

from planner.balance.settings import BalanceSettings

DEFAULTS = BalanceSettings()


def test_defaults_are_the_design_thresholds() -> None:
    assert DEFAULTS.to_dict() == {
        "min_weighted_sets": 4.0,
        "under_served_share": 0.5,
        "dominant_factor": 2.0,
        "abduction_adduction_low": 0.67,
        "abduction_adduction_high": 1.5,
        "rotation_low": 1.0,
        "rotation_high": 3.0,
        "extension_flexion_low": 1.0,
        "extension_flexion_high": 3.0,
        "straight_knee_share_low": 0.25,
        "straight_knee_share_high": 0.75,
        "min_days_per_direction": 2,
        "maintenance": False,
        "min_positions_per_direction": 2,
        "min_equipment_kinds": 2,
        "max_session_minutes": 45,
        "volume_jump_factor": 1.5,
        "direction_jump_factor": 2.0,
        "direction_jump_min_sets": 4.0,
        "pain_during_limit": 5,
        "pain_next_morning_limit": 2,
        "ready_pain_limit": 2,
    }
    assert DEFAULTS.problems() == {}


def test_maintenance_mode_asks_for_one_day() -> None:
    assert DEFAULTS.required_days == 2
    assert BalanceSettings(maintenance=True).required_days == 1
    assert BalanceSettings(min_days_per_direction=3).required_days == 3


def test_settings_survive_a_round_trip_through_json() -> None:
    custom = BalanceSettings(rotation_high=2.5, min_days_per_direction=3, maintenance=True)
    assert BalanceSettings.from_dict(json.loads(json.dumps(custom.to_dict()))) == custom


@pytest.mark.parametrize(
    "value",
    ["4", None, True, -1, 101, math.nan, math.inf, [4]],
)
def test_a_bad_number_falls_back_to_its_default(value: object) -> None:
    loaded = BalanceSettings.from_dict({"min_weighted_sets": value, "rotation_high": 2.5})
    assert loaded.min_weighted_sets == 4.0
    assert loaded.rotation_high == 2.5


def test_stored_data_is_forgiving() -> None:
    assert BalanceSettings.from_dict({"unknown": 1, "maintenance": "yes"}) == DEFAULTS
    assert BalanceSettings.from_dict({"min_days_per_direction": 2.5}) == DEFAULTS
    assert BalanceSettings.from_dict({"min_days_per_direction": 8}) == DEFAULTS
    assert BalanceSettings.from_dict([1, 2]) == DEFAULTS
    assert BalanceSettings.from_dict(None) == DEFAULTS
    loaded = BalanceSettings.from_dict({"min_weighted_sets": 5})
    assert loaded.min_weighted_sets == 5.0
    assert isinstance(loaded.min_weighted_sets, float)


def test_swapped_limits_fall_back_as_a_pair() -> None:
    loaded = BalanceSettings.from_dict({"rotation_low": 4.0, "rotation_high": 2.0})
    assert (loaded.rotation_low, loaded.rotation_high) == (1.0, 3.0)


def test_problems_explain_impossible_values_to_the_coach() -> None:
    swapped = BalanceSettings(abduction_adduction_low=2.0, abduction_adduction_high=1.5)
    assert swapped.problems() == {
        "abduction_adduction_low": (
            "Away ÷ Toward: the lower limit (2) is above the upper limit (1.5)"
        )
    }
    share = BalanceSettings(straight_knee_share_low=0.8, straight_knee_share_high=0.6)
    assert share.problems() == {
        "straight_knee_share_low": (
            "Straight-knee share: the lower limit (80%) is above the upper limit (60%)"
        )
    }
    out_of_range = BalanceSettings(under_served_share=1.5, min_days_per_direction=0)
    assert out_of_range.problems() == {
        "under_served_share": "must be between 0% and 100%",
        "min_days_per_direction": "must be between 1 and 7",
    }
