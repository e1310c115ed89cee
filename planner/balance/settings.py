"""The thresholds of the balance rule (DESIGN.md §1), which the coach may change in Preferences.

Shares are fractions (0.25 is 25%); the Preferences dialog shows them as percentages.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from planner.taxonomy import Equipment, Position


@dataclass(frozen=True, slots=True)
class BalanceSettings:
    min_weighted_sets: float = 4.0
    """Below this (and above 0) a direction is low on volume (check 2)."""
    under_served_share: float = 0.5
    """A direction below this share of the six-direction mean is under-served (check 3)."""
    dominant_factor: float = 2.0
    """A direction above this many times the mean is dominant (check 4)."""
    abduction_adduction_low: float = 0.67
    abduction_adduction_high: float = 1.5
    rotation_low: float = 1.0
    """External ÷ internal rotation."""
    rotation_high: float = 3.0
    extension_flexion_low: float = 1.0
    extension_flexion_high: float = 3.0
    straight_knee_share_low: float = 0.25
    straight_knee_share_high: float = 0.75
    min_days_per_direction: int = 2
    maintenance: bool = False
    """Maintenance mode: one day a week per direction is enough (relaxes check 9)."""
    min_positions_per_direction: int = 2
    min_equipment_kinds: int = 2
    max_session_minutes: int = 45
    """The session budget a fix may fill a training day up to (a convention)."""
    volume_jump_factor: float = 1.5
    """A week whose weighted sets exceed this many times the week before jumps (check 13)."""
    direction_jump_factor: float = 2.0
    """A direction whose weighted sets exceed this many times the week before's …"""
    direction_jump_min_sets: float = 4.0
    """… and rise by at least this many weighted sets jumps too (check 13)."""
    pain_during_limit: int = 5
    """Knee pain during a session above this (0–10) is too high (check 14)."""
    pain_next_morning_limit: int = 2
    """Knee pain the next morning above this (0–10) has not settled (check 14)."""
    ready_pain_limit: int = 2
    """An exercise done in full twice with knee pain at most this is ready to progress
    (check 15)."""

    @property
    def required_days(self) -> int:
        """The days per direction check 9 asks for, after maintenance mode."""
        if self.maintenance:
            return min(self.min_days_per_direction, 1)
        return self.min_days_per_direction

    def target_band(self, mean: float) -> tuple[float, float]:
        """The weighted sets a direction should get in a week whose six-direction mean is
        ``mean``: from the higher of the low-volume floor and the under-served share of the
        mean, up to the dominant limit (never below the start)."""
        low = max(self.min_weighted_sets, self.under_served_share * mean)
        return low, max(low, self.dominant_factor * mean)

    def problems(self) -> dict[str, str]:
        """Field name → coach-facing message for every impossible value (empty when all is well).

        For a low–high pair whose ends are swapped, the message is on the low field.
        """
        found: dict[str, str] = {}
        for f in fields(self):
            text = _field_problem(f.name, getattr(self, f.name))
            if text:
                found[f.name] = text
        for low, high, what in _PAIRS:
            if low in found or high in found:
                continue
            low_value, high_value = getattr(self, low), getattr(self, high)
            if low_value > high_value:
                found[low] = (
                    f"{what}: the lower limit ({_fmt(low, low_value)}) is above the upper limit "
                    f"({_fmt(high, high_value)})"
                )
        return found

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_overrides(self, overrides: Mapping[str, Any]) -> BalanceSettings:
        """These settings with a program's own values on top; call only with overrides that
        :func:`override_problems` passed."""
        return replace(self, **overrides)

    @classmethod
    def from_dict(cls, data: object) -> BalanceSettings:
        """Settings from stored data; unknown keys are ignored, bad or impossible values fall
        back to their defaults (a pair with swapped ends falls back as a pair). Anything but a
        mapping (a damaged settings file) gives the defaults."""
        defaults = cls()
        if not isinstance(data, Mapping):
            return defaults
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = data.get(f.name, getattr(defaults, f.name))
            if _field_problem(f.name, value):
                value = getattr(defaults, f.name)
            values[f.name] = float(value) if isinstance(getattr(defaults, f.name), float) else value
        for low, high, _ in _PAIRS:
            if values[low] > values[high]:
                values[low], values[high] = getattr(defaults, low), getattr(defaults, high)
        return cls(**values)


_PAIRS = (
    ("abduction_adduction_low", "abduction_adduction_high", "Away ÷ Toward"),
    ("rotation_low", "rotation_high", "Rotate out ÷ Rotate in"),
    ("extension_flexion_low", "extension_flexion_high", "Backward ÷ Forward"),
    ("straight_knee_share_low", "straight_knee_share_high", "Straight-knee share"),
)

_RATIO_RANGE = (0.01, 100.0)
_RANGES: dict[str, tuple[float, float]] = {
    "min_weighted_sets": (0.0, 100.0),
    "under_served_share": (0.0, 1.0),
    "dominant_factor": (1.0, 6.0),
    "abduction_adduction_low": _RATIO_RANGE,
    "abduction_adduction_high": _RATIO_RANGE,
    "rotation_low": _RATIO_RANGE,
    "rotation_high": _RATIO_RANGE,
    "extension_flexion_low": _RATIO_RANGE,
    "extension_flexion_high": _RATIO_RANGE,
    "straight_knee_share_low": (0.0, 1.0),
    "straight_knee_share_high": (0.0, 1.0),
    "min_days_per_direction": (1, 7),
    "min_positions_per_direction": (1, len(Position)),
    "min_equipment_kinds": (1, len(Equipment)),
    "max_session_minutes": (10, 240),
    "volume_jump_factor": (1.0, 10.0),
    "direction_jump_factor": (1.0, 10.0),
    "direction_jump_min_sets": (0.0, 100.0),
    "pain_during_limit": (0, 10),
    "pain_next_morning_limit": (0, 10),
    "ready_pain_limit": (0, 10),
}
_INTEGERS = {
    "min_days_per_direction",
    "min_positions_per_direction",
    "min_equipment_kinds",
    "max_session_minutes",
    "pain_during_limit",
    "pain_next_morning_limit",
    "ready_pain_limit",
}
_SHARES = {"under_served_share", "straight_knee_share_low", "straight_knee_share_high"}


def _field_problem(name: str, value: object) -> str:
    if name == "maintenance":
        return "" if isinstance(value, bool) else "must be on or off"
    low, high = _RANGES[name]
    if name in _INTEGERS:
        if isinstance(value, bool) or not isinstance(value, int):
            return "must be a whole number"
    elif isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return "must be a number"
    if not low <= value <= high:
        return f"must be between {_fmt(name, low)} and {_fmt(name, high)}"
    return ""


def override_problems(overrides: Mapping[str, object]) -> dict[str, str]:
    """Key → coach-facing message for every override that names no setting or holds a value
    the setting cannot take (empty when all is well). Swapped pairs are checked against the
    defaults of the other end."""
    names = {f.name for f in fields(BalanceSettings)}
    found = {key: "is not a balance threshold" for key in overrides if key not in names}
    found |= {
        key: problem
        for key, value in overrides.items()
        if key in names and (problem := _field_problem(key, value))
    }
    if not found:
        found = BalanceSettings().with_overrides(overrides).problems()
    return found


def _fmt(name: str, value: float) -> str:
    if name in _SHARES:
        return f"{value * 100:g}%"
    return f"{value:g}"


def field_range(name: str) -> tuple[float, float]:
    """The allowed values of a numeric setting (shares as fractions), for an editor's limits."""
    return _RANGES[name]


def is_share(name: str) -> bool:
    """Whether a setting is a share (0–1) that people read as a percentage."""
    return name in _SHARES
