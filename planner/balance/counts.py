"""What a week trains, counted: the numbers the balance checks read and the coverage panel shows.

The data of the balance analysis; :mod:`planner.balance.analysis` fills it and runs the checks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from planner.balance.findings import Finding, Severity
from planner.taxonomy import Direction, Equipment, Knee, Level, Position


class _Tally:
    """Errors and warnings, from a ``count`` of findings by severity."""

    __slots__ = ()

    def count(self, severity: Severity) -> int:
        raise NotImplementedError

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)


@dataclass(frozen=True, slots=True)
class WeekAnalysis(_Tally):
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


@dataclass(frozen=True, slots=True)
class ProgramAnalysis(_Tally):
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
