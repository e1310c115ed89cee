"""Clinic templates: a program saved for every coach of the clinic to start from.

They live in the clinic's catalog database (client programs stay files); the template chooser
lists them after the built-in templates. Without a clinic's catalog (or while its server is
away) there are none, and saving one says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from db.errors import CatalogError
from planner.program import Program

if TYPE_CHECKING:
    from db.catalog import CatalogDatabase

NOT_SHARED = (
    "Clinic templates are kept in a clinic's shared catalog. Set one up in Preferences ▸ "
    "Clinic (see docs/clinic.md); while its server is away they cannot be saved or used."
)


@dataclass(frozen=True, slots=True)
class TemplateChoice:
    title: str
    description: str
    load: Callable[[], Program]
    """Raises ProgramFileError when the template cannot be read."""
    blank: bool = False
    """The built-in blank template (the start page offers "New blank program" instead)."""


def template_choices(database: CatalogDatabase | None) -> list[TemplateChoice]:
    """The built-in templates, then the clinic's (an unreachable server lists none)."""
    from planner.templates import BLANK, list_templates, program_from_template

    choices = [
        TemplateChoice(
            t.title,
            t.description,
            lambda t=t: program_from_template(t),  # type: ignore[misc]
            blank=t.path.name == BLANK,
        )
        for t in list_templates()
    ]
    if database is None or not database.shared:
        return choices
    try:
        shared = database.templates()
    except CatalogError:
        return choices
    for template in shared:
        title = f"{template.name} — clinic template by {template.author}"
        choices.append(
            TemplateChoice(
                title,
                template.description,
                lambda text=template.program: _parse(text),  # type: ignore[misc]
            )
        )
    return choices


def _parse(text: str) -> Program:
    from planner.files.program_format import parse_program

    return parse_program(text.encode("utf-8"), source="the clinic template").program


def save_as_clinic_template(
    parent: QWidget, database: CatalogDatabase | None, program: Program
) -> str:
    """Ask for a name and a description and store the program; returns the status message."""
    if database is None or not database.shared:
        QMessageBox.information(parent, "Save as clinic template", NOT_SHARED)
        return ""
    name, ok = QInputDialog.getText(parent, "Save as clinic template", "Template name:")
    if not ok or not name.strip():
        return ""
    description, ok = QInputDialog.getMultiLineText(
        parent, "Save as clinic template", "What is it for (shown to the other coaches):"
    )
    if not ok:
        return ""
    from planner.files.program_format import serialize_program

    try:
        saved = database.save_template(name, description, serialize_program(program).decode())
    except (CatalogError, ValueError) as exc:
        QMessageBox.warning(parent, "The clinic template was not saved", str(exc))
        return ""
    return f"“{saved.name}” saved as a clinic template; every coach can start from it."
