"""Exercises that close a gap the balance checks found, and the day to put one on.

The GUI offers :func:`suggest` next to a finding; when the coach picks one it adds it to
:func:`lightest_training_day` as one undoable step.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.balance import WeekAnalysis
from planner.exercise import Exercise
from planner.findings import Code, Finding
from planner.program import Week
from planner.taxonomy import Direction, Equipment, Knee

SUGGESTIBLE = frozenset(
    {
        Code.DIRECTION_MISSING,
        Code.DIRECTION_LOW_VOLUME,
        Code.DIRECTION_UNDER_SERVED,
        Code.KNEE_MISSING,
        Code.KNEE_SHARE,
    }
)
"""The findings a catalog exercise can fix; :func:`suggest` returns nothing for the others."""

ALWAYS_AVAILABLE = frozenset({Equipment.BODY_WEIGHT})


def suggest(
    finding: Finding,
    week: WeekAnalysis,
    catalog: Sequence[Exercise],
    *,
    client_equipment: frozenset[Equipment] = frozenset(),
    limit: int = 5,
) -> list[Exercise]:
    """Up to ``limit`` catalog exercises that fill the gap of ``finding``, best fit first.

    A candidate trains a direction of the finding (any direction for ``knee-share``) in the
    knee state a knee finding misses there, is not archived, is not already in the week, and —
    when ``client_equipment`` is set — can be done with something the client has (body weight
    always counts). Best fit: the gap's direction as primary before secondary; the knee state
    the direction lacks; for ``knee-share``, which may be filled in any direction, the
    direction with the least work in that knee state, then the least work; a level close to
    the levels already in the week; a position the direction does not use yet; then the name.
    """
    if finding.code not in SUGGESTIBLE:
        return []
    targets = finding.directions or tuple(Direction)
    available = client_equipment | ALWAYS_AVAILABLE if client_equipment else None
    ranked = []
    for exercise in catalog:
        trained = [
            d
            for d in exercise.directions
            if d in targets and _required_knee(finding, d) in (None, exercise.knee)
        ]
        if (
            not trained
            or exercise.archived
            or exercise.id in week.exercise_ids
            or (available is not None and available.isdisjoint(exercise.equipment))
        ):
            continue
        knee = _required_knee(finding, trained[0])
        ranked.append((_fit(exercise, trained[0], week, knee), exercise))
    ranked.sort(key=lambda pair: (pair[0], pair[1].name.casefold()))
    return [exercise for _, exercise in ranked[:limit]]


def _required_knee(finding: Finding, direction: Direction) -> Knee | None:
    """The knee state a candidate training ``direction`` must have to close the gap."""
    if finding.code is Code.KNEE_MISSING:
        return finding.missing_knee(direction)
    return finding.knee if finding.code is Code.KNEE_SHARE else None


def _fit(
    exercise: Exercise, direction: Direction, week: WeekAnalysis, knee: Knee | None
) -> tuple[float, ...]:
    """Smaller is better (see :func:`suggest`)."""
    split = week.knee_sets[direction]
    lacking = [k for k in Knee if split[k] == 0]
    wrong_knee = len(lacking) == 1 and exercise.knee is not lacking[0]
    work_in_knee = split[knee] if knee is not None else 0.0
    level = exercise.level.rank
    distance = min((abs(level - used.rank) for used in week.levels), default=0)
    known_position = set(exercise.positions) <= week.positions[direction]
    return (
        exercise.primary is not direction,
        wrong_knee,
        work_in_knee,
        week.sets[direction],
        distance,
        known_position,
        list(Direction).index(direction),
    )


def lightest_training_day(week: Week) -> int:
    """The day (0 = Monday) with entries and the fewest total sets; ties go to the earliest.

    An empty week has no training day yet: Monday.
    """
    training = [(day.total_sets, i) for i, day in enumerate(week.days) if day.entries]
    return min(training)[1] if training else 0
