"""The program templates of ``resources/templates``, built from the shipped catalog.

The committed ``.hipplan`` files are generated from this module so that they embed the
catalog's current text; ``tests/planner/test_templates.py`` fails when they drift. Regenerate with
``python -m tests.templates_source``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from planner.balance.settings import BalanceSettings
from planner.files.catalog_file import load_catalog_dir
from planner.files.program_file import serialize_program
from planner.fixing.program_fix import fix_program
from planner.program import ClientDetails, Program
from planner.taxonomy import Equipment
from resources import resource_path
from tests.plans import EVERY_DIRECTION, METZL, Planned

FOLDER = resource_path("templates")

METZL_NOTES = (
    "Dr. Jordan Metzl's knee plan for runners: six exercises, twice a week, or more often if "
    "you are prone to injury."
)
METZL_FIXED_NOTES = (
    "Dr. Jordan Metzl's knee plan for runners with the gaps closed: his six exercises stay, a few "
    "sets of the squats and lunges make room, and short exercises for the directions his plan "
    "leaves out (rotating in, the knee straight, moving the leg toward the other) are added. "
    "Do it twice a week. Move slowly and stop if you feel a pinch at the front of the hip."
)
EVERY_DIRECTION_NOTES = (
    "Hips in every direction: forward, backward, away, toward, rotating out and in, with the "
    "knee straight and bent, standing and lying, twice a week."
)


def build(plan: Sequence[Planned], title: str, notes: str) -> Program:
    catalog = {ex.name: ex for ex in load_catalog_dir(resource_path("catalog"))}
    program = Program(details=ClientDetails(title=title, notes=notes))
    for planned in plan:
        exercise = catalog[planned.name]
        shape = planned.exercise().dose
        dose = exercise.dose.with_changes(
            sets=shape.sets, amount=shape.amount, unit=shape.unit, each_side=shape.each_side
        )
        for day in planned.days:
            program.add_entry(0, day, exercise, dose)
    return program


HOME_AND_METZL = frozenset(
    {
        Equipment.BODY_WEIGHT,
        Equipment.ELASTIC_BAND,
        Equipment.MINI_BAND,
        Equipment.STABILITY_BALL,
        Equipment.BENCH,
        Equipment.BOX_STEP,
    }
)
"""What a runner doing Metzl's plan at home has: his mini band and ball or bench, a band, a step."""


def fixed(program: Program, title: str, notes: str) -> Program:
    """``program`` with Fix all applied to every week for a runner at home, as a new template
    (which, like every template, leaves the client's equipment unset)."""
    catalog = load_catalog_dir(resource_path("catalog"))
    program.set_details(ClientDetails(equipment=HOME_AND_METZL))
    fix_program(program, catalog, BalanceSettings())
    program.set_details(ClientDetails(title=title, notes=notes))
    return program


def templates() -> dict[str, Program]:
    """File name → program, in the order the New from template dialog lists them."""
    return {
        "blank.hipplan": Program(details=ClientDetails(title="Blank program")),
        "metzl-knee-plan.hipplan": build(METZL, "Metzl's knee plan for runners", METZL_NOTES),
        "metzl-every-direction.hipplan": fixed(
            build(METZL, "", ""), "Metzl's plan, every direction", METZL_FIXED_NOTES
        ),
        "hips-in-every-direction.hipplan": build(
            EVERY_DIRECTION, "Hips in every direction", EVERY_DIRECTION_NOTES
        ),
    }


def write_all(folder: Path = FOLDER) -> None:
    for name, program in templates().items():
        (folder / name).write_bytes(serialize_program(program))


if __name__ == "__main__":
    write_all()
