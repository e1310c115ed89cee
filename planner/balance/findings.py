"""What the balance checks report: a finding with its code, severity, message and reason.

The codes are a contract (DESIGN.md §1): the command line prints them, the panel keys its
icons and fixes on them, and tests assert them.
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
    VOLUME_JUMP = "volume-jump"
    PAIN_HIGH = "pain-high"
    READY_TO_PROGRESS = "ready-to-progress"

    @property
    def rank(self) -> int:
        return list(Code).index(self)

    @property
    def reason(self) -> str:
        return REASONS[self]


_PREMISE = "The program's premise"

REASONS: dict[Code, str] = {
    Code.WEEK_EMPTY: (
        "The balance checks start once the week has exercises; an empty week may be a planned "
        "rest week."
    ),
    Code.DIRECTION_MISSING: (
        _PREMISE + " is to train the hip in every direction. Runners with knee pain "
        "(patellofemoral pain) were weaker than others in most hip directions tested "
        "(Cichanowski 2007). A meta-analysis found deficits in abduction, extension, external "
        "rotation and flexion, but not in adduction or internal rotation (Van Cant 2014): for "
        "Toward and Rotate in the evidence is weak, and the premise carries the rule. Hip "
        "weakness did not predict later knee pain (Neal 2019): it may follow pain rather than "
        "cause it."
    ),
    Code.DIRECTION_LOW_VOLUME: (
        "Our reading of ACSM 2009 (novices: 1–3 sets, 2–3 days a week): 2 days × 2 sets, "
        "4 weighted sets a week, is this program's floor. Weekly sets are the usual measure of "
        "dose (Schoenfeld 2017)."
    ),
    Code.DIRECTION_UNDER_SERVED: (
        "A convention: keeping every direction above half the six-direction average keeps "
        "the spread within about 4:1."
    ),
    Code.DIRECTION_DOMINANT: (
        "A convention: keeping every direction below twice the average leaves room for the "
        "others. Keep the squats and lunges and add the rest: combined hip and knee exercise "
        "is the recommended care for knee pain (Crossley 2016, Collins 2018, Willy 2019)."
    ),
    Code.ABDUCTION_ADDUCTION_RATIO: (
        "In a small study of high-school runners, those who developed knee pain had a higher "
        "abduction-to-adduction strength ratio (Finnoff 2011); in ice-hockey players, "
        "adductor strength under 80% of abductor strength preceded groin strains (Tyler "
        "2001). The exact range is a convention."
    ),
    Code.ROTATION_RATIO: (
        "In a small study of high-school runners, those who developed knee pain had a lower "
        "external-to-internal rotation strength ratio (Finnoff 2011). Internal rotation stays "
        "trained too: in healthy adults its torque is at least as large as external rotation's "
        "(Lindsay 1992). The exact range is a convention."
    ),
    Code.EXTENSION_FLEXION_RATIO: (
        "A convention: the extensors are the largest hip muscles and may get the most work, "
        "but flexor deficits were found too (Van Cant 2014), so Forward stays trained."
    ),
    Code.KNEE_MISSING: (
        _PREMISE + ": train with the knee straight and with it bent. Rotation torque depends "
        "on the hip and knee angle (Lindsay 1992)."
    ),
    Code.KNEE_SHARE: (
        _PREMISE + ": train with the knee straight and with it bent. The share range is a "
        "convention."
    ),
    Code.DIRECTION_FREQUENCY: (
        "ACSM 2009 recommends training each muscle group 2–3 days a week; Metzl's plan for "
        "runners is twice a week. Maintenance mode asks for one day."
    ),
    Code.WEIGHT_BEARING_MISSING: (
        _PREMISE + ": standing, lying and sitting. Running is done on the feet, and the "
        "guideline recommends both hip-focused and combined hip-and-knee exercise (Willy 2019)."
    ),
    Code.NON_WEIGHT_BEARING_MISSING: (
        _PREMISE + ": standing, lying and sitting. Lying, loaded exercises can work the "
        "gluteus medius as much as standing ones (MacAskill 2014), so lying work is real work; "
        "the guideline recommends hip-focused as well as combined exercise (Willy 2019)."
    ),
    Code.POSITION_VARIETY: (
        _PREMISE + ": mix it up, so the hip is loaded at different angles; a "
        "hip-focused program helped knee pain (Ferber 2015), as did a knee-based one. The "
        "number is a convention."
    ),
    Code.EQUIPMENT_VARIETY: (
        _PREMISE + ": mix it up, so the load pulls on the hip in different ways (Ferber 2015 "
        "supports varied, hip-focused work). The number is a convention."
    ),
    Code.EQUIPMENT_UNAVAILABLE: (
        "The plan must be doable at home with what the client has (a convention of this program)."
    ),
    Code.VOLUME_JUMP: (
        "Progress gradually: ACSM 2009 recommends small steps (about 2–10% more load at a "
        "time). The limits (by default 1.5× the week before's weighted sets, or 2× a "
        "direction's with a rise of at least 4) are a convention of this program."
    ),
    Code.PAIN_HIGH: (
        "The pain-monitoring model used for knee (patellofemoral) pain and Achilles tendon "
        "pain: pain during exercise up to about 5/10 is acceptable if it has settled by the "
        'next morning (Thomeé 1997; Silbernagel 2007). Reading "settled" as 2/10 or less is '
        "a convention, since the log does not record the client's usual pain."
    ),
    Code.READY_TO_PROGRESS: (
        "The same pain-monitoring model (Thomeé 1997; Silbernagel 2007): work done in full with "
        "little pain can be raised. ACSM 2009: progress the load gradually. Two sessions at "
        "2/10 or less is a convention."
    ),
}

SEVERITIES: dict[Code, Severity] = {
    Code.WEEK_EMPTY: Severity.INFO,
    Code.DIRECTION_MISSING: Severity.ERROR,
    Code.POSITION_VARIETY: Severity.INFO,
    Code.EQUIPMENT_VARIETY: Severity.INFO,
    Code.READY_TO_PROGRESS: Severity.INFO,
}
"""Codes not listed here are warnings."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One check's verdict on a week: a week holds at most one finding per code."""

    code: Code
    severity: Severity
    directions: tuple[Direction, ...]
    """The directions involved, in the taxonomy's order (empty for week-wide findings); a ratio
    names its dividend first (Away, Toward)."""
    message: str
    """Plain language for the coach, using the coach-facing direction labels."""
    reason: str
    """Why the check exists, with its source (or "a convention")."""
    knee: Knee | None = None
    """For ``knee-share``: the knee state that is short of its share."""
    knees: tuple[Knee, ...] = ()
    """For ``knee-missing``: the missing knee state of each of ``directions``, in step."""
    gap: float = 0.0
    """Weighted sets that stand between the week and this check passing (see
    :mod:`planner.balance.checks`); the larger gap comes first within a severity."""
    exercises: tuple[str, ...] = ()
    """For the log's checks (``pain-high``, ``ready-to-progress``): the ids of the exercises
    named, in the order of the message."""

    @property
    def sort_key(self) -> tuple[int, float, int]:
        """Errors first, then the larger gap, then the order of the checks."""
        return (self.severity.rank, -self.gap, self.code.rank)

    def missing_knee(self, direction: Direction) -> Knee | None:
        """For ``knee-missing``: the knee state ``direction`` lacks (None if it lacks none)."""
        return dict(zip(self.directions, self.knees, strict=False)).get(direction)


def finding(
    code: Code,
    message: str,
    directions: tuple[Direction, ...] = (),
    *,
    gap: float,
    knee: Knee | None = None,
    knees: tuple[Knee, ...] = (),
    exercises: tuple[str, ...] = (),
) -> Finding:
    """A finding with the severity and reason that belong to its code."""
    severity = SEVERITIES.get(code, Severity.WARNING)
    # Rounded, so sums that differ only in floating-point noise tie and fall back on check order.
    return Finding(
        code, severity, directions, message, code.reason, knee, knees, round(gap, 6), exercises
    )
