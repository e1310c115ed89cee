"""Programs to print: Metzl's knee plan for runners and a plan whose doses rise every week."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from planner.dose import Dose
from planner.exercise import Exercise
from planner.program import ClientDetails, Program, Progression, ProgressionKind
from planner.taxonomy import Direction, Equipment, Knee, Position, Unit
from tests.factories import make_exercise

MONDAY, THURSDAY = 0, 3


def metzl_exercises() -> list[Exercise]:
    """The six exercises of Dr. Jordan Metzl's knee plan, with our own instructions."""
    return [
        _described(
            make_exercise(
                "jump-squat",
                Direction.EXTENSION,
                name="Jump squat",
                positions=(Position.STANDING,),
                sets=4,
                amount=15,
            ),
            "Stand with your feet shoulder-width apart. Sit back into a squat until your thighs "
            "are nearly level with the floor, then jump straight up.\n\nLand softly on the "
            "balls of your feet and sink straight into the next squat.",
            ("Knees point over your toes, not inward.", "Land quietly."),
        ),
        _described(
            make_exercise(
                "walking-lunge",
                Direction.EXTENSION,
                name="Walking lunge",
                positions=(Position.STANDING,),
                amount=15,
            ),
            "Step forward into a long lunge until the back knee nearly touches the floor. "
            "Push through the front heel and bring the back leg through into the next lunge.",
            ("Keep your chest up.", "Left and right together count as one rep."),
        ),
        _described(
            make_exercise(
                "low-side-to-side-lunge",
                Direction.ADDUCTION,
                Direction.EXTENSION,
                name="Low side-to-side lunge",
                positions=(Position.STANDING,),
                amount=15,
                each_side=True,
            ),
            "Stand with your feet wide. Shift your weight to one side, bending that knee and "
            "keeping the other leg straight. Stay low and shift across to the other side.",
            ("Keep both feet flat on the floor.", "Stay low as you move across."),
        ),
        _described(
            make_exercise(
                "mountain-climber",
                Direction.FLEXION,
                name="Mountain climber",
                positions=(Position.PLANK,),
                amount=15,
            ),
            "Start in a push-up position. Drive one knee toward your chest, then switch legs "
            "in a quick running rhythm.",
            ("Hips stay level with your shoulders.", "Left and right together are one rep."),
        ),
        _described(
            make_exercise(
                "band-lateral-walk",
                Direction.ABDUCTION,
                Direction.EXTERNAL_ROTATION,
                name="Band lateral walk",
                positions=(Position.STANDING,),
                equipment=(Equipment.MINI_BAND,),
                amount=20,
                unit=Unit.STEPS,
                each_side=True,
            ),
            "Put a mini band around your legs just above the knees. Bend your knees slightly "
            "and step sideways, keeping tension on the band.",
            ("Toes point forward.", "Do not let your knees fall inward."),
        ),
        _described(
            make_exercise(
                "reverse-hip-raise",
                Direction.EXTENSION,
                name="Reverse hip raise",
                knee=Knee.STRAIGHT,
                positions=(Position.PRONE,),
                equipment=(Equipment.STABILITY_BALL, Equipment.BENCH),
                amount=15,
            ),
            "Lie face down over a ball or bench with your hands on the floor. Keeping your legs "
            "straight, lift them until they are in line with your body, then lower slowly.",
            ("Squeeze your buttocks at the top.", "Do not arch your lower back."),
        ),
    ]


def metzl_program() -> Program:
    program = Program()
    program.set_details(
        ClientDetails(
            client_name="Zoë Łukasiewicz",
            title="Knee-friendly hips",
            coach_name="Sam Rivera",
            start_date=date(2025, 3, 3),
            notes="Easy runs only on the days after these sessions.\nIce is not needed.",
        )
    )
    for day in (MONDAY, THURSDAY):
        for exercise in metzl_exercises():
            program.add_entry(0, day, exercise)
    for _ in range(3):
        program.insert_week(len(program.weeks), program.duplicated_week(0)[0])
    return program


def progressing_program(weeks: int = 4) -> Program:
    """Three weekly sessions whose amounts rise by two every week."""
    program = Program()
    program.set_details(
        ClientDetails(client_name="Юлия Ελένη", title="Return to running", coach_name="Sam")
    )
    exercises = metzl_exercises()
    for day, chosen in ((MONDAY, exercises[:3]), (2, exercises[3:]), (4, exercises[::2])):
        for exercise in chosen:
            program.add_entry(0, day, exercise, replace(exercise.dose, load=""))
    for week in range(1, weeks):
        grown, _ = program.duplicated_week(week - 1, Progression(ProgressionKind.AMOUNT, 2))
        program.insert_week(week, grown)
    return program


def _described(exercise: Exercise, instructions: str, cues: tuple[str, ...]) -> Exercise:
    return replace(exercise, instructions=instructions, cues=cues, dose=_rest(exercise.dose))


def _rest(dose: Dose) -> Dose:
    return dose.with_changes(rest_seconds=45)
