"""Program templates shipped in ``resources/templates`` (program files like any other).

Listing them reads only each file's title (plain ``json``): the start page lists them before
its first paint, and the file format's models (pydantic, ~0.1 s to import) load only when a
template is read in full (:func:`program_from_template`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from resources import resource_path

if TYPE_CHECKING:
    from planner.program import Program

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
    """Every readable template, known ones first; a file that is not JSON with program details
    is left out (one that is but breaks the format's rules fails when read in full)."""
    folder = folder or resource_path("templates")
    paths = sorted(
        folder.glob("*.hipplan"),
        key=lambda p: (p.name not in ORDER, ORDER.index(p.name) if p.name in ORDER else 0, p.name),
    )
    found = []
    for path in paths:
        title = _title(path)
        if title is not None:
            found.append(Template(path, title or path.stem, DESCRIPTIONS.get(path.name, "")))
    return found


def _title(path: Path) -> str | None:
    """The title in a template's details ("" if it has none); None if it cannot be read."""
    try:
        details = json.loads(path.read_bytes())["details"]
        title = details.get("title", "")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return title if isinstance(title, str) else None


def program_from_template(template: Template) -> Program:
    """A new program from a template: the template's weeks and exercises, no file behind it.

    Raises ``ProgramFileError`` when the template cannot be read."""
    from planner.files.program_file import read_program

    return read_program(template.path)
