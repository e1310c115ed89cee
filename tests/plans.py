"""Whole weeks written as plain data: name, tags as in the reference catalog, dose, days.

Tags are ``"DIRECTIONS knee position equipment level"`` with the reference list's spelling
(``"ADD;EXT bent standing bodyweight intermediate"``; ``|`` separates options); a dose is
``"3x15"``, ``"3x15/side"`` or ``"3x20 steps/side"``.

``METZL`` is Dr. Jordan Metzl's knee plan for runners (DESIGN.md §1 worked example).
``EVERY_DIRECTION`` is a balanced week meant to become the "hips in every direction" template:
two training days, every direction on both, both knee states, several positions and equipment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from planner.exercise import Exercise
from planner.program import Program
from planner.taxonomy import Direction, Equipment, Knee, Level, Position, Unit
from tests.factories import make_exercise

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)

_DIRECTIONS = {
    "FLEX": Direction.FLEXION,
    "EXT": Direction.EXTENSION,
    "ABD": Direction.ABDUCTION,
    "ADD": Direction.ADDUCTION,
    "ER": Direction.EXTERNAL_ROTATION,
    "IR": Direction.INTERNAL_ROTATION,
}
_EQUIPMENT = {
    "bodyweight": Equipment.BODY_WEIGHT,
    "band": Equipment.ELASTIC_BAND,
    "step": Equipment.BOX_STEP,
    "box": Equipment.BOX_STEP,
}
_DOSE = re.compile(r"^(\d+)x(\d+)(?: (steps|s))?(/side)?$")


@dataclass(frozen=True, slots=True)
class Planned:
    name: str
    tags: str
    dose: str
    days: tuple[int, ...]

    @property
    def id(self) -> str:
        return "-".join(re.findall(r"[a-z0-9]+", self.name.lower()))[:80]

    def exercise(self) -> Exercise:
        directions, knee, position, equipment, level = self.tags.split()
        match = _DOSE.match(self.dose)
        assert match, f"bad dose {self.dose!r}"
        sets, amount, unit, side = match.groups()
        return make_exercise(
            self.id,
            *(_DIRECTIONS[tag] for tag in directions.split(";")),
            name=self.name,
            knee=Knee.parse(knee),
            positions=tuple(Position.parse(p) for p in position.split("|")),
            equipment=tuple(_EQUIPMENT.get(e) or Equipment.parse(e) for e in equipment.split("|")),
            level=Level.parse(level),
            sets=int(sets),
            amount=int(amount),
            unit={None: Unit.REPS, "steps": Unit.STEPS, "s": Unit.SECONDS}[unit],
            each_side=side is not None,
        )


def build(plan: Sequence[Planned]) -> Program:
    """A one-week program with every planned exercise on its days, in plan order per day."""
    program = Program()
    for planned in plan:
        for day in planned.days:
            program.add_entry(0, day, planned.exercise())
    return program


TWICE = (MONDAY, THURSDAY)

METZL = (
    Planned("Jump squat", "EXT bent standing bodyweight advanced", "4x15", TWICE),
    Planned("Walking lunge", "EXT bent standing bodyweight intermediate", "3x15", TWICE),
    Planned(
        "Low side-to-side lunge (lateral squat shift)",
        "ADD;EXT bent standing bodyweight intermediate",
        "3x15/side",
        TWICE,
    ),
    Planned("Mountain climber", "FLEX bent plank bodyweight intermediate", "3x15", TWICE),
    Planned(
        "Band lateral walk", "ABD;ER bent standing mini_band beginner", "3x20 steps/side", TWICE
    ),
    Planned(
        "Reverse hip raise on ball or bench",
        "EXT straight prone stability_ball|bench intermediate",
        "3x15",
        TWICE,
    ),
)

MON, THU = (MONDAY,), (THURSDAY,)

EVERY_DIRECTION = (
    Planned("Goblet squat", "EXT bent standing dumbbell|kettlebell beginner", "3x10", MON),
    Planned(
        "Standing band straight-leg hip flexion",
        "FLEX straight standing band beginner",
        "3x15/side",
        MON,
    ),
    Planned(
        "Prone straight-leg hip extension",
        "EXT straight prone bodyweight|ankle_weight beginner",
        "3x15/side",
        MON,
    ),
    Planned(
        "Side-lying hip abduction",
        "ABD straight side-lying bodyweight|ankle_weight beginner",
        "3x15/side",
        MON,
    ),
    Planned("Hook-lying ball squeeze", "ADD bent supine soft_ball beginner", "3x10", MON),
    Planned("Clamshell", "ER;ABD bent side-lying mini_band|bodyweight beginner", "3x15/side", MON),
    Planned(
        "Supine straight-leg hip internal rotation (band roll-in)",
        "IR straight supine band beginner",
        "3x15/side",
        MON,
    ),
    Planned(
        "Romanian deadlift", "EXT straight standing barbell|dumbbell intermediate", "3x10", THU
    ),
    Planned(
        "Seated knee raise (seated hip flexion)",
        "FLEX bent seated band|ankle_weight beginner",
        "3x15/side",
        THU,
    ),
    Planned("Glute bridge", "EXT bent supine bodyweight beginner", "3x15", THU),
    Planned(
        "Fire hydrant", "ABD;ER bent quadruped bodyweight|mini_band beginner", "3x12/side", THU
    ),
    Planned("Standing band hip adduction", "ADD straight standing band beginner", "3x15/side", THU),
    Planned(
        "Seated band hip internal rotation (knee 90)",
        "IR bent seated band beginner",
        "3x15/side",
        THU,
    ),
    Planned(
        "Supine straight-leg hip external rotation (band roll-out)",
        "ER straight supine band beginner",
        "3x15/side",
        THU,
    ),
)
