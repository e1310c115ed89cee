"""Program templates shipped in ``resources/templates`` (program files like any other)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner.files.program_file import ProgramFileError, read_program
from planner.program import Program
from resources import resource_path

BLANK = "blank.hipplan"
ORDER = (
    BLANK,
    "metzl-knee-plan.hipplan",
    "metzl-every-direction.hipplan",
    "hips-in-every-direction.hipplan",
)


DESCRIPTIONS = {
    "metzl-knee-plan.hipplan": (
        "Dr. Jordan Metzl's published plan, as he wrote it. The findings on the right are what "
        "Hip Planner adds: select one for its fixes, or click Fix all to close every gap in one "
        "step."
    ),
    "metzl-every-direction.hipplan": (
        "Metzl's plan with Fix all applied: his six exercises, a few sets fewer of the squats "
        "and lunges, and short exercises for the directions his plan leaves out."
    ),
    "hips-in-every-direction.hipplan": (
        "Two days of hip work in all six directions, knee straight and bent, standing and lying."
    ),
}
"""What the coach reads about a template when choosing one (the client never sees it)."""


@dataclass(frozen=True, slots=True)
class Template:
    path: Path
    title: str
    description: str = ""


def list_templates(folder: Path | None = None) -> list[Template]:
    """Every readable template, known ones first; an unreadable file is left out."""
    folder = folder or resource_path("templates")
    paths = sorted(
        folder.glob("*.hipplan"),
        key=lambda p: (p.name not in ORDER, ORDER.index(p.name) if p.name in ORDER else 0, p.name),
    )
    found = []
    for path in paths:
        try:
            details = read_program(path).details
        except ProgramFileError:
            continue
        found.append(Template(path, details.title or path.stem, DESCRIPTIONS.get(path.name, "")))
    return found


def program_from_template(template: Template) -> Program:
    """A new program from a template: the template's weeks and exercises, no file behind it."""
    return read_program(template.path)
