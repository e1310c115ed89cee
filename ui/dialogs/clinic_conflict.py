"""Saving an own exercise that another coach may have changed meanwhile (a clinic's catalog).

The form's save callback remembers the version the editing started from. When another coach
saved first, the coach is shown what they changed and chooses: keep mine (save over it),
take theirs (close the form with their version), or go back to the form (nothing lost).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from db.errors import CatalogConflictError
from planner.exercise import Exercise
from planner.files.catalog_file import exercise_to_mapping

if TYPE_CHECKING:
    from db.catalog import CatalogDatabase

CONFLICT_TITLE = "Changed by another coach"
KEEP_MINE = "Keep mine"
TAKE_THEIRS = "Take theirs"


def differences(mine: Exercise, theirs: Exercise) -> list[str]:
    """One line per field where their stored version differs from mine: "field: theirs"."""
    ours, stored = exercise_to_mapping(mine), exercise_to_mapping(theirs)
    lines = []
    for key, value in stored.items():
        if ours.get(key) != value:
            shown = value if isinstance(value, str) else repr(value)
            lines.append(f"{key.replace('_', ' ')}: {shown[:200]}")
    return lines


class VersionedSave:
    """The save callback of an edit form: update, and settle a conflict with the coach."""

    def __init__(self, database: CatalogDatabase, exercise_id: str, parent: QWidget) -> None:
        """Reads the version editing starts from (raises CatalogError if it cannot)."""
        self.database = database
        self.parent = parent
        self.version = database.version_of(exercise_id)

    def __call__(self, mine: Exercise) -> Exercise:
        try:
            return self.database.update_own(mine, self.version)
        except CatalogConflictError as conflict:
            choice = self.ask(mine, conflict)
            if choice == TAKE_THEIRS:
                return conflict.theirs
            if choice != KEEP_MINE:
                raise  # the form stays open with everything typed, and says why
            self.version = conflict.version
            return self.database.update_own(mine, conflict.version)

    def ask(self, mine: Exercise, conflict: CatalogConflictError) -> str:
        box = QMessageBox(
            QMessageBox.Icon.Warning, CONFLICT_TITLE, str(conflict), parent=self.parent
        )
        changes = differences(mine, conflict.theirs) or ["(the same as yours)"]
        box.setInformativeText("Their version differs from yours in:\n" + "\n".join(changes))
        box.addButton(KEEP_MINE, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(TAKE_THEIRS, QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton("Back to my form", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.exec()
        clicked = box.clickedButton()
        return clicked.text() if clicked is not None else ""
