"""How much of an exercise: sets × amount, with load, rest, tempo and notes (DESIGN.md §1)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from enum import StrEnum

from planner.taxonomy import Unit

SETS_RANGE = (1, 20)
AMOUNT_RANGES: dict[Unit, tuple[int, int]] = {
    Unit.REPS: (1, 500),
    Unit.SECONDS: (1, 3600),
    Unit.STEPS: (1, 1000),
    Unit.METERS: (1, 10000),
}
REST_RANGE = (0, 600)
TEXT_LIMITS = {"load": 60, "tempo": 20, "notes": 500}


class DoseError(ValueError):
    """A dose value is out of range; ``problems`` maps each field to a coach-facing message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{name}: {text}" for name, text in problems.items()))


class EffortScale(StrEnum):
    """How hard a set should feel: the rating of perceived exertion (1–10) or the reps the
    client could still have done (reps in reserve, 0–10)."""

    RPE = "rpe"
    RIR = "rir"

    @property
    def label(self) -> str:
        return {"rpe": "effort (RPE 1–10)", "rir": "reps in reserve"}[self.value]


EFFORT_RANGES: dict[EffortScale, tuple[int, int]] = {
    EffortScale.RPE: (1, 10),
    EffortScale.RIR: (0, 10),
}


@dataclass(frozen=True, slots=True)
class Effort:
    """A target (in a dose) or reported (in the client's log) effort of a set."""

    scale: EffortScale
    value: int

    def __post_init__(self) -> None:
        low, high = EFFORT_RANGES.get(self.scale, (0, -1))
        if not isinstance(self.scale, EffortScale):
            raise DoseError({"effort": "choose RPE or reps in reserve"})
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise DoseError({"effort": "must be a whole number"})
        if not low <= self.value <= high:
            raise DoseError({"effort": f"{self.scale.label} must be between {low} and {high}"})

    def describe(self) -> str:
        """ "RPE 7", "2 reps in reserve"."""
        if self.scale is EffortScale.RPE:
            return f"RPE {self.value}"
        return f"{self.value} rep{'' if self.value == 1 else 's'} in reserve"

    def harder_than(self, other: Effort) -> bool:
        """True when this effort asks more than ``other`` (on the same scale)."""
        if self.scale is not other.scale:
            return False
        if self.scale is EffortScale.RPE:
            return self.value > other.value
        return self.value < other.value


@dataclass(frozen=True, slots=True)
class Dose:
    sets: int = 3
    amount: int = 10
    unit: Unit = Unit.REPS
    each_side: bool = False
    load: str = ""
    rest_seconds: int = 60
    tempo: str = ""
    notes: str = ""
    effort: Effort | None = None
    """The target effort of each set, if the coach sets one."""

    def __post_init__(self) -> None:
        problems = dose_problems(self)
        if problems:
            raise DoseError(problems)

    def with_changes(self, **changes: object) -> Dose:
        """A copy with some fields changed; raises :class:`DoseError` if the result is invalid."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def describe(self) -> str:
        """The dose in words, as a client reads it: "3 × 15 each side", "3 × 30 s"."""
        unit = "s" if self.unit is Unit.SECONDS else self.unit.label
        text = f"{self.sets} × {self.amount}"
        if self.unit is not Unit.REPS:
            text += f" {unit}"
        if self.each_side:
            text += " each way" if self.unit is Unit.STEPS else " each side"
        return text

    @property
    def work_seconds(self) -> int:
        """A rough time under work per set, used only for the session duration estimate."""
        per_unit = {Unit.REPS: 3, Unit.SECONDS: 1, Unit.STEPS: 1, Unit.METERS: 1}[self.unit]
        sides = 2 if self.each_side else 1
        return self.amount * per_unit * sides

    def estimated_seconds(self) -> int:
        """Work plus rest between sets, rounded to whole seconds."""
        return self.sets * self.work_seconds + (self.sets - 1) * self.rest_seconds


def dose_problems(dose: object) -> dict[str, str]:
    """Check every field of a dose-like object; return field name → message for each problem.

    Used both by :class:`Dose` itself and by the dose editor, which shows the messages inline
    instead of clamping values.
    """
    problems: dict[str, str] = {}
    values = {f.name: getattr(dose, f.name) for f in fields(Dose)}
    unit = values["unit"]
    if not isinstance(unit, Unit):
        problems["unit"] = "choose reps, seconds, steps or meters"
        unit = Unit.REPS
    _check_int(problems, "sets", values["sets"], SETS_RANGE)
    _check_int(problems, "amount", values["amount"], AMOUNT_RANGES[unit], unit.value)
    _check_int(problems, "rest_seconds", values["rest_seconds"], REST_RANGE, "seconds of rest")
    if not isinstance(values["each_side"], bool):
        problems["each_side"] = "must be yes or no"
    if values["effort"] is not None and not isinstance(values["effort"], Effort):
        problems["effort"] = "choose RPE or reps in reserve, with a value"
    for name, limit in TEXT_LIMITS.items():
        text = values[name]
        if not isinstance(text, str):
            problems[name] = "must be text"
        elif len(text) > limit:
            problems[name] = f"is {len(text)} characters long; keep it to {limit}"
    return problems


def _check_int(
    problems: dict[str, str], name: str, value: object, bounds: tuple[int, int], what: str = ""
) -> None:
    low, high = bounds
    what = what or name
    if isinstance(value, bool) or not isinstance(value, int):
        problems[name] = f"must be a whole number of {what}"
    elif not low <= value <= high:
        problems[name] = f"must be between {low} and {high} {what}".rstrip()
