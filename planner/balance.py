"""The balance analysis of a week and of a program (DESIGN.md §1, "Balance rule (per week)").

:func:`analyse_week` counts everything the checks and the panel need in one pass over the
entries, then runs the checks of :mod:`planner.balance_checks`. Nothing here changes the week.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from planner.balance_checks import check_week
from planner.balance_settings import BalanceSettings
from planner.catalog import fits_equipment
from planner.exercise import Exercise
from planner.findings import Finding, Severity
from planner.program import Program, Week
from planner.taxonomy import Direction, Equipment, Knee, Level, Position
from planner.volume import direction_credits


@dataclass(frozen=True, slots=True)
class WeekAnalysis:
    """What one week trains. Every mapping keyed by direction has all six directions."""

    sets: Mapping[Direction, float]
    """Weighted sets (primary × 1.0, secondary × 0.5 per set)."""
    knee_sets: Mapping[Direction, Mapping[Knee, float]]
    """Weighted sets split by the knee state of the exercise (both states always present)."""
    days: Mapping[Direction, frozenset[int]]
    """Day indexes (0 = Monday) on which the direction gets any credit."""
    positions: Mapping[Direction, frozenset[Position]]
    equipment: Mapping[Direction, frozenset[Equipment]]
    """The equipment options of the exercises feeding the direction."""
    entry_ids: Mapping[Direction, tuple[str, ...]]
    """The entries feeding each direction, in the order of the week."""
    week_positions: frozenset[Position]
    week_equipment: frozenset[Equipment]
    weight_bearing_sets: float
    """Weighted sets (all directions) of exercises done standing."""
    levels: frozenset[Level]
    exercise_ids: frozenset[str]
    unavailable: tuple[str, ...] = ()
    """Names of the week's exercises the client cannot do with their equipment (when it is set),
    in the order of the week."""
    findings: tuple[Finding, ...] = ()
    """Errors first, then warnings, then infos; within a severity, in the order of the checks."""

    @property
    def is_empty(self) -> bool:
        return not self.exercise_ids

    @property
    def total(self) -> float:
        return sum(self.sets.values())

    @property
    def mean(self) -> float:
        """The six-direction mean of weighted sets."""
        return self.total / len(Direction)

    @property
    def weight_bearing_share(self) -> float | None:
        """Share (0–1) of the weighted sets done standing; None for an empty week."""
        total = self.total
        return self.weight_bearing_sets / total if total else None

    @property
    def straight_knee_share(self) -> float | None:
        """Share (0–1) of the weighted sets done with the knee straight; None when empty."""
        total = self.total
        straight = sum(split[Knee.STRAIGHT] for split in self.knee_sets.values())
        return straight / total if total else None

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)


@dataclass(frozen=True, slots=True)
class ProgramAnalysis:
    """The analysis of some weeks of a program; ``numbers`` are their 1-based week numbers."""

    weeks: tuple[WeekAnalysis, ...]
    numbers: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.weeks) != len(self.numbers):
            raise ValueError("every analysed week needs its week number")

    def numbered(self) -> Iterator[tuple[int, WeekAnalysis]]:
        return zip(self.numbers, self.weeks, strict=True)

    def only(self, number: int) -> ProgramAnalysis:
        """Just week ``number`` (1-based); raises ``IndexError`` if it is not analysed here."""
        if number not in self.numbers:
            raise IndexError(f"week {number} is not part of this analysis")
        i = self.numbers.index(number)
        return ProgramAnalysis((self.weeks[i],), (number,))

    @property
    def sets_table(self) -> tuple[Mapping[Direction, float], ...]:
        """Weeks × directions: the weighted sets of every week, in week order."""
        return tuple(week.sets for week in self.weeks)

    def count(self, severity: Severity) -> int:
        return sum(week.count(severity) for week in self.weeks)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)


def analyse_week(
    week: Week,
    exercises: Mapping[str, Exercise],
    settings: BalanceSettings | None = None,
    *,
    equipment: frozenset[Equipment] = frozenset(),
) -> WeekAnalysis:
    """Count what ``week`` trains and run every balance check on it.

    ``exercises`` maps exercise ids to exercises (``Program.exercises``); every entry's
    exercise must be there, as the program model guarantees. ``equipment`` is the client's
    (empty: not set, anything goes).
    """
    counted = _count(week, exercises, equipment)
    findings = check_week(counted, settings or BalanceSettings())
    return replace(counted, findings=findings)


def analyse_program(program: Program, settings: BalanceSettings | None = None) -> ProgramAnalysis:
    settings = settings or BalanceSettings()
    equipment = program.details.equipment
    weeks = tuple(
        analyse_week(week, program.exercises, settings, equipment=equipment)
        for week in program.weeks
    )
    return ProgramAnalysis(weeks, tuple(range(1, len(weeks) + 1)))


def _count(
    week: Week, exercises: Mapping[str, Exercise], client_equipment: frozenset[Equipment]
) -> WeekAnalysis:
    sets = dict.fromkeys(Direction, 0.0)
    knee_sets = {d: dict.fromkeys(Knee, 0.0) for d in Direction}
    days: dict[Direction, set[int]] = {d: set() for d in Direction}
    positions: dict[Direction, set[Position]] = {d: set() for d in Direction}
    equipment: dict[Direction, set[Equipment]] = {d: set() for d in Direction}
    entry_ids: dict[Direction, list[str]] = {d: [] for d in Direction}
    levels: set[Level] = set()
    used: dict[str, tuple[Exercise, dict[Direction, float]]] = {}
    weight_bearing = 0.0
    for day, entry in week.entries():
        known = used.get(entry.exercise_id)
        if known is None:
            exercise = exercises[entry.exercise_id]
            known = used[entry.exercise_id] = (exercise, direction_credits(exercise))
            levels.add(exercise.level)
        exercise, credits = known
        for direction, credit in credits.items():
            amount = entry.dose.sets * credit
            sets[direction] += amount
            knee_sets[direction][exercise.knee] += amount
            days[direction].add(day)
            positions[direction].update(exercise.positions)
            equipment[direction].update(exercise.equipment)
            entry_ids[direction].append(entry.id)
            if exercise.weight_bearing:
                weight_bearing += amount
    return WeekAnalysis(
        sets=sets,
        knee_sets=knee_sets,
        days={d: frozenset(v) for d, v in days.items()},
        positions={d: frozenset(v) for d, v in positions.items()},
        equipment={d: frozenset(v) for d, v in equipment.items()},
        entry_ids={d: tuple(v) for d, v in entry_ids.items()},
        week_positions=frozenset().union(*positions.values()),
        week_equipment=frozenset().union(*equipment.values()),
        weight_bearing_sets=weight_bearing,
        levels=frozenset(levels),
        exercise_ids=frozenset(used),
        unavailable=tuple(
            ex.name
            for ex, _ in used.values()
            if client_equipment and not fits_equipment(ex, client_equipment)
        ),
    )
