"""Counting work per hip direction (DESIGN.md §1, balance rule: "weighted sets").

Every entry credits sets × 1.0 to its exercise's primary direction and sets × 0.5 to each
secondary direction, times the exercise's hip weight (0.5 for trunk-dominant exercises such as
mountain climbers, otherwise 1.0); timed holds count as sets like any other.
"""

from __future__ import annotations

from collections.abc import Mapping

from planner.exercise import Exercise
from planner.program import Week
from planner.taxonomy import Direction

PRIMARY_CREDIT = 1.0
SECONDARY_CREDIT = 0.5


def direction_credits(exercise: Exercise) -> dict[Direction, float]:
    """How much one set of ``exercise`` counts toward each direction it trains."""
    weight = exercise.hip_weight
    credits = {exercise.primary: PRIMARY_CREDIT * weight}
    for direction in exercise.secondary:
        credits[direction] = SECONDARY_CREDIT * weight
    return credits


def weighted_sets(week: Week, exercises: Mapping[str, Exercise]) -> dict[Direction, float]:
    """Weighted sets per direction for one week; every direction is present (0.0 if untrained)."""
    totals = dict.fromkeys(Direction, 0.0)
    for _, entry in week.entries():
        for direction, credit in direction_credits(exercises[entry.exercise_id]).items():
            totals[direction] += entry.dose.sets * credit
    return totals
