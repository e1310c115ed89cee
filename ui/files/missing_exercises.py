"""Offer to add the exercises an opened program embeds but the catalog lacks (all or chosen)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from db.errors import CatalogError
from planner.exercise import Exercise
from planner.program import Program
from ui.catalog.catalog_actions import CatalogActions
from ui.catalog.catalog_model import CatalogModel

if TYPE_CHECKING:
    from db.catalog import CatalogDatabase  # SQLAlchemy: not before the first paint


class CatalogHost(Protocol):
    """What adding missing exercises needs: the database, the shown catalog, its actions."""

    @property
    def catalog_db(self) -> CatalogDatabase | None: ...

    @property
    def catalog_model(self) -> CatalogModel: ...

    @property
    def catalog_actions(self) -> CatalogActions: ...


class MissingExercisesDialog(QDialog):
    def __init__(self, exercises: list[Exercise], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Exercises not in your catalog")
        self.exercises = exercises
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for exercise in exercises:
            item = QListWidgetItem(exercise.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        buttons = QDialogButtonBox()
        buttons.addButton("Add to my catalog", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Not now", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "This program uses exercises your catalog does not have. The program works either "
                "way; add the ticked ones to your catalog to use them in other programs too.",
                wordWrap=True,
            )
        )
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(480, 360)

    def chosen(self) -> list[Exercise]:
        return [
            ex
            for i, ex in enumerate(self.exercises)
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


def missing_from_catalog(catalog: CatalogHost, program: Program) -> list[Exercise]:
    known = {ex.id for ex in catalog.catalog_model.all_exercises()}
    return sorted(
        (ex for ex in program.exercises.values() if ex.id not in known), key=lambda e: e.name
    )


def offer_missing_exercises(window: QWidget, catalog: CatalogHost, program: Program) -> None:
    database = catalog.catalog_db
    missing = missing_from_catalog(catalog, program)
    if database is None or not missing:
        return
    dialog = MissingExercisesDialog(missing, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen():
        return
    try:
        report = database.add_from_program(dialog.chosen())
    except CatalogError as exc:
        QMessageBox.warning(window, "Nothing was added", str(exc))
        return
    catalog.catalog_actions.reload()
    from planner.files.exercise_share import describe_import

    QMessageBox.information(window, "Exercises added", describe_import(report))
