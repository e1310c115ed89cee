"""What the coverage panel shows about a week, worked out without Qt.

The chart's target band and its markers come from the same thresholds and findings as the
report, so the picture never disagrees with the list of findings next to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from planner.balance.counts import WeekAnalysis
from planner.balance.findings import Code
from planner.balance.settings import BalanceSettings
from planner.balance.volume import direction_credits
from planner.exercise import Exercise
from planner.program import Week
from planner.taxonomy import Direction


class Standing(StrEnum):
    """Where a direction's weighted sets stand against the target band, and whether a finding
    names it even so (a ratio, too few days, too few positions)."""

    UNDER = "under"
    ON = "on"
    OVER = "over"
    FLAGGED = "flagged"


UNDER_CODES = frozenset(
    {Code.DIRECTION_MISSING, Code.DIRECTION_LOW_VOLUME, Code.DIRECTION_UNDER_SERVED}
)


HEXAGON = (
    Direction.FLEXION,
    Direction.ABDUCTION,
    Direction.EXTERNAL_ROTATION,
    Direction.EXTENSION,
    Direction.ADDUCTION,
    Direction.INTERNAL_ROTATION,
)
"""The corners of the direction charts (panel and handout), clockwise from the top; every
direction is opposite its antagonist."""


def target_band(analysis: WeekAnalysis, settings: BalanceSettings) -> tuple[float, float]:
    """The weighted sets a direction should get this week (:meth:`BalanceSettings.target_band`)."""
    return settings.target_band(analysis.mean)


_PRECEDENCE = (Standing.UNDER, Standing.OVER, Standing.FLAGGED, Standing.ON)
"""A direction under the floor and above twice a tiny mean is drawn under the band."""


def standings(analysis: WeekAnalysis) -> dict[Direction, Standing]:
    """Each direction's standing, read from the week's findings: under or over the band when a
    volume finding says so, flagged when another finding names it, on target only when no
    finding does. The chart never calls a direction on target beside a finding about it."""
    result = dict.fromkeys(Direction, Standing.ON)
    for found in analysis.findings:
        if found.code in UNDER_CODES:
            mark = Standing.UNDER
        elif found.code is Code.DIRECTION_DOMINANT:
            mark = Standing.OVER
        else:
            mark = Standing.FLAGGED
        for direction in found.directions:
            result[direction] = min(result[direction], mark, key=_PRECEDENCE.index)
    return result


@dataclass(frozen=True, slots=True)
class Feed:
    """One entry feeding a direction: its day, exercise name, dose and the credit it gives."""

    day: int
    name: str
    dose: str
    weighted_sets: float
    primary: bool


def feeds(
    week: Week, exercises: Mapping[str, Exercise], analysis: WeekAnalysis, direction: Direction
) -> list[Feed]:
    """The entries of ``week`` that feed ``direction``, in the order of the week."""
    wanted = set(analysis.entry_ids[direction])
    found = []
    for day, entry in week.entries():
        if entry.id not in wanted:
            continue
        exercise = exercises[entry.exercise_id]
        credit = direction_credits(exercise).get(direction, 0.0)
        found.append(
            Feed(
                day,
                exercise.name,
                entry.dose.describe(),
                entry.dose.sets * credit,
                exercise.primary is direction,
            )
        )
    return found
