"""What the balance checks report: a finding with its code, severity, message and reason.

The codes are a contract (DESIGN.md §1): the command line prints them, the panel keys its
icons and suggestions on them, and tests assert them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planner.taxonomy import Direction, Knee


class Severity(StrEnum):
    """How much a finding matters; the order of the members is the order of a report."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class Code(StrEnum):
    """One per check of DESIGN.md §1, in the order of its table, plus ``week-empty``."""

    WEEK_EMPTY = "week-empty"
    DIRECTION_MISSING = "direction-missing"
    DIRECTION_LOW_VOLUME = "direction-low-volume"
    DIRECTION_UNDER_SERVED = "direction-under-served"
    DIRECTION_DOMINANT = "direction-dominant"
    ABDUCTION_ADDUCTION_RATIO = "abduction-adduction-ratio"
    ROTATION_RATIO = "rotation-ratio"
    EXTENSION_FLEXION_RATIO = "extension-flexion-ratio"
    KNEE_MISSING = "knee-missing"
    KNEE_SHARE = "knee-share"
    DIRECTION_FREQUENCY = "direction-frequency"
    WEIGHT_BEARING_MISSING = "weight-bearing-missing"
    NON_WEIGHT_BEARING_MISSING = "non-weight-bearing-missing"
    POSITION_VARIETY = "position-variety"
    EQUIPMENT_VARIETY = "equipment-variety"
    EQUIPMENT_UNAVAILABLE = "equipment-unavailable"

    @property
    def rank(self) -> int:
        return list(Code).index(self)

    @property
    def reason(self) -> str:
        return REASONS[self]


_CONSENSUS = (
    "Crossley 2016 and Collins 2018 consensus statements; Willy 2019 JOSPT guideline "
    "(combined hip and knee exercise); Ferber 2015; Khayambashi 2012"
)

REASONS: dict[Code, str] = {
    Code.WEEK_EMPTY: (
        "The balance checks start once the week has exercises; an empty week may be a planned "
        "rest week."
    ),
    Code.DIRECTION_MISSING: (
        "Train the hip in every direction: the weakness found in runners is spread across "
        "directions (Cichanowski 2007; Van Cant 2014 meta-analysis; " + _CONSENSUS + ")."
    ),
    Code.DIRECTION_LOW_VOLUME: (
        "Strength needs a minimum dose: ACSM 2009 recommends at least 2 days × 2 sets, and "
        "fewer than 5 sets a week is the lowest tier in Schoenfeld 2017."
    ),
    Code.DIRECTION_UNDER_SERVED: (
        "Keeping every direction above half the average keeps the spread within about 4:1."
    ),
    Code.DIRECTION_DOMINANT: (
        "Squats and lunges easily crowd out the other directions; keeping every direction "
        "below twice the average leaves room for them."
    ),
    Code.ABDUCTION_ADDUCTION_RATIO: (
        "Adductor strength below 80% of abductor strength goes with groin strains "
        "(Tyler 2001); both sides of the hip matter for runners (Finnoff 2011; Neal 2019)."
    ),
    Code.ROTATION_RATIO: (
        "Guidelines stress external rotation, yet normal internal-rotation torque is at least "
        "as large as external (Lindsay 1992): train both, external somewhat more."
    ),
    Code.EXTENSION_FLEXION_RATIO: (
        "The extensors are the largest hip muscles and deserve the most work, but runners "
        "also show hip-flexor deficits (Van Cant 2014)."
    ),
    Code.KNEE_MISSING: (
        "Knees straight and knees bent train the hip differently: rotation torque depends on "
        "the knee angle, and the two-joint muscles work differently in each."
    ),
    Code.KNEE_SHARE: (
        "Knees straight and knees bent train the hip differently; a week of mostly one knee "
        "state misses half of the premise."
    ),
    Code.DIRECTION_FREQUENCY: (
        "ACSM recommends training each muscle group 2–3 days a week; Metzl's plan for runners "
        "is twice a week."
    ),
    Code.WEIGHT_BEARING_MISSING: (
        "Standing and lying exercises activate the glutes differently (MacAskill 2014); "
        "running is done standing."
    ),
    Code.NON_WEIGHT_BEARING_MISSING: (
        "Standing and lying exercises activate the glutes differently (MacAskill 2014); "
        "lying, seated or kneeling work isolates the hip."
    ),
    Code.POSITION_VARIETY: (
        "The premise is to mix it up: different positions load the hip at different angles."
    ),
    Code.EQUIPMENT_VARIETY: (
        "The premise is to mix it up: different equipment changes how the load pulls on the hip."
    ),
    Code.EQUIPMENT_UNAVAILABLE: (
        "The plan must be doable at home with what the client has (a convention of this program)."
    ),
}

SEVERITIES: dict[Code, Severity] = {
    Code.WEEK_EMPTY: Severity.INFO,
    Code.DIRECTION_MISSING: Severity.ERROR,
    Code.POSITION_VARIETY: Severity.INFO,
    Code.EQUIPMENT_VARIETY: Severity.INFO,
}
"""Codes not listed here are warnings."""


@dataclass(frozen=True, slots=True)
class Finding:
    code: Code
    severity: Severity
    directions: tuple[Direction, ...]
    """The directions involved, in the taxonomy's order (empty for week-wide findings)."""
    message: str
    """Plain language for the coach, using the coach-facing direction labels."""
    reason: str
    """Why the check exists, with its source."""
    knee: Knee | None = None
    """For ``knee-missing``: the knee state that is missing; for ``knee-share``: the knee state
    that is short of its share."""

    @property
    def sort_key(self) -> tuple[int, int, tuple[int, ...]]:
        """Errors first, then the order of the checks, then the order of the directions."""
        order = list(Direction)
        return (self.severity.rank, self.code.rank, tuple(order.index(d) for d in self.directions))


def finding(
    code: Code, message: str, directions: tuple[Direction, ...] = (), knee: Knee | None = None
) -> Finding:
    """A finding with the severity and reason that belong to its code."""
    severity = SEVERITIES.get(code, Severity.WARNING)
    return Finding(code, severity, directions, message, code.reason, knee)
