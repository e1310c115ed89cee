"""The smallest units a fix is judged by: one check for one direction (or for the week).

A finding may list several directions (one finding per code and week); it stands for one atom
per direction. A fix "raises no new error or warning" when the atoms failing after it are a
subset of those failing before it.
"""

from __future__ import annotations

from collections.abc import Iterable

from planner.balance.findings import Code, Finding, Severity
from planner.taxonomy import Direction

Atom = tuple[Code, Direction | None]

PER_DIRECTION = frozenset(
    {
        Code.DIRECTION_MISSING,
        Code.DIRECTION_LOW_VOLUME,
        Code.DIRECTION_UNDER_SERVED,
        Code.DIRECTION_DOMINANT,
        Code.KNEE_MISSING,
        Code.DIRECTION_FREQUENCY,
    }
)
"""Checks that hold for each direction separately."""
WEEK_WIDE = frozenset(
    {
        Code.ABDUCTION_ADDUCTION_RATIO,
        Code.ROTATION_RATIO,
        Code.EXTENSION_FLEXION_RATIO,
        Code.KNEE_SHARE,
        Code.WEIGHT_BEARING_MISSING,
        Code.NON_WEIGHT_BEARING_MISSING,
    }
)
"""Checks that hold once for the week (a ratio names its two directions, but is one check)."""
FIXABLE = PER_DIRECTION | WEEK_WIDE | {Code.EQUIPMENT_UNAVAILABLE}
"""Checks 1–10 and 12 of DESIGN.md §1: every error and warning a fix can clear."""


def atoms(finding: Finding) -> frozenset[Atom]:
    if finding.code in PER_DIRECTION:
        return frozenset((finding.code, d) for d in finding.directions)
    return frozenset({(finding.code, None)})


def failing(findings: Iterable[Finding]) -> frozenset[Atom]:
    """The atoms of every error and warning (infos never need a fix)."""
    return frozenset().union(*(atoms(f) for f in findings if f.severity is not Severity.INFO))


def is_fixable(finding: Finding) -> bool:
    return finding.severity is not Severity.INFO and finding.code in FIXABLE
