"""Small builders for tests: exercises and programs without the shipped catalog."""

from __future__ import annotations

from planner.dose import Dose
from planner.exercise import Exercise
from planner.taxonomy import Direction, Equipment, Knee, Level, Position, Unit


def make_exercise(
    id: str = "glute-bridge",
    *directions: Direction,
    name: str | None = None,
    knee: Knee = Knee.BENT,
    positions: tuple[Position, ...] = (Position.SUPINE,),
    equipment: tuple[Equipment, ...] = (Equipment.BODY_WEIGHT,),
    level: Level = Level.BEGINNER,
    sets: int = 3,
    amount: int = 12,
    unit: Unit = Unit.REPS,
    each_side: bool = False,
    builtin: bool = True,
) -> Exercise:
    return Exercise(
        id=id,
        name=name or id.replace("-", " ").capitalize(),
        directions=directions or (Direction.EXTENSION,),
        knee=knee,
        positions=positions,
        equipment=equipment,
        level=level,
        dose=Dose(sets=sets, amount=amount, unit=unit, each_side=each_side),
        instructions="Lie on your back. Lift your hips. Lower slowly.",
        cues=("Squeeze the glutes.",),
        builtin=builtin,
    )
