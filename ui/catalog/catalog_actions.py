"""The Catalog menu: the coach's own exercises (new, edit, duplicate, archive) and sharing.

Importing reads and stores the file in a worker thread (a sharing file may hold thousands of
exercises); the window stays usable and the result is shown on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from db.errors import CatalogError
from db.row_values import name_key
from planner.exercise import Exercise
from ui.catalog.catalog_model import CatalogModel
from ui.catalog.catalog_panel import CatalogPanel

if TYPE_CHECKING:
    from db.catalog import CatalogDatabase, ImportReport
    from ui.catalog.exercise_form import ExerciseForm

# planner.files.exercise_share (the file format, pydantic) is imported where it is used: the first
# window does not need it.

log = logging.getLogger(__name__)

SHARE_FILTER = "Hip Planner exercises (*.json);;All files (*)"


class ImportJob(QThread):
    """Reads a sharing file and imports it into the catalog, off the GUI thread."""

    succeeded = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, database: CatalogDatabase, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.database, self.path = database, path

    def run(self) -> None:
        from planner.files.exercise_share import ExerciseShareError, read_exercises

        try:
            report = self.database.import_own(read_exercises(self.path))
        except (ExerciseShareError, CatalogError) as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a worker's error must reach the coach, not end the thread
            log.exception("importing %s failed", self.path)
            self.failed.emit(f"{self.path}: an unexpected error ({exc!r}). Please report it.")
        else:
            self.succeeded.emit(report)


class CatalogActions(QObject):
    def __init__(
        self,
        window: QWidget,
        menu: QMenu,
        database: CatalogDatabase | None,
        model: CatalogModel,
        panel: CatalogPanel,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        self.model = model
        self.panel = panel
        self.import_job: ImportJob | None = None
        self.import_progress: QProgressDialog | None = None

        def add(text: str, slot: object, shortcut: str | None = None) -> QAction:
            action = menu.addAction(text)
            action.triggered.connect(slot)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            return action

        self.new = add("&New exercise…", self.new_exercise, "Ctrl+Shift+N")
        self.edit = add("&Edit exercise…", self.edit_exercise, "Ctrl+Shift+E")
        self.duplicate = add("&Duplicate as my own…", self.duplicate_exercise, "Ctrl+Shift+D")
        self.archive = add("&Archive exercise", self.archive_exercise)
        self.restore = add("&Restore exercise", self.restore_exercise)
        menu.addSeparator()
        self.import_action = add("&Import exercises…", self.import_exercises)
        self.export_action = add("E&xport my exercises…", self.export_exercises)
        panel.current_changed.connect(self.update_actions)
        self.update_actions(panel.current_exercise())
        self.clinic_label = QLabel()
        self.clinic_label.setObjectName("clinicCatalog")
        window.statusBar().addPermanentWidget(self.clinic_label)  # type: ignore[attr-defined]
        self.show_authors()

    # -- state -------------------------------------------------------------------------------

    def update_actions(self, exercise: Exercise | None) -> None:
        writable = self.database is not None
        for action in (self.new, self.import_action, self.export_action):
            action.setEnabled(writable)
        self.import_action.setEnabled(writable and self.import_job is None)
        self.edit.setEnabled(writable and exercise is not None)
        self.duplicate.setEnabled(writable and exercise is not None)
        self.archive.setEnabled(writable and exercise is not None and not exercise.archived)
        self.restore.setEnabled(writable and exercise is not None and exercise.archived)
        if not writable:
            self.new.setToolTip(
                "The catalog database could not be opened; see the message at start"
            )

    def show_authors(self) -> None:
        """Offer "Mine only" when the catalog is a clinic's (who made what is stored there),
        and name the clinic's catalog in the status bar."""
        mine = None
        shared = self.database is not None and self.database.shared
        self.clinic_label.setVisible(shared)
        if self.database is not None and self.database.shared:
            self.clinic_label.setText(f"Clinic catalog: {self.database.where}")
            try:
                mine = frozenset(self.database.made_by(self.database.author or ""))
            except CatalogError as exc:
                log.warning("who made which exercise is not known now: %s", exc)
        self.panel.set_mine(mine)

    def reload(self, select: str | None = None, *, done: str = "") -> None:
        """Read the catalog again after a change (``done`` says which, in the status bar).
        When it cannot be read (a clinic's server went away), the list keeps what it showed
        and the status bar says so."""
        assert self.database is not None
        try:
            exercises = self.database.exercises(include_archived=True)
        except CatalogError as exc:
            log.warning("the catalog could not be read again: %s", exc)
            self.window.statusBar().showMessage(  # type: ignore[attr-defined]
                f"{done} The catalog could not be read again ({exc}); the list shows it as it "
                "was and is brought up to date at the next start.".lstrip(),
                15000,
            )
            return
        if done:
            self.window.statusBar().showMessage(done, 6000)  # type: ignore[attr-defined]
        self.model.set_exercises(exercises)
        self.show_authors()
        self.panel.refresh()
        if select is not None:
            self.panel.select_exercise(select)

    def _form(
        self, exercise: Exercise | None, save: Callable[[Exercise], Exercise]
    ) -> ExerciseForm:
        from ui.catalog.exercise_form import ExerciseForm  # built when first asked for

        return ExerciseForm(exercise, save, self._name_taken, self.window)

    def _name_taken(self, name: str) -> bool:
        key = name_key(name)
        return any(name_key(ex.name) == key for ex in self.model.all_exercises())

    def _fail(self, title: str, error: Exception | str) -> None:
        QMessageBox.warning(self.window, title, str(error))

    # -- own exercises ---------------------------------------------------------------------------

    def new_exercise(self) -> None:
        assert self.database is not None
        form = self._form(None, self.database.add_own)
        if form.exec() == QDialog.DialogCode.Accepted and form.saved is not None:
            self.reload(select=form.saved.id)

    def edit_exercise(self) -> None:
        exercise = self.panel.current_exercise()
        if exercise is None or self.database is None:
            return
        if exercise.builtin:
            answer = QMessageBox.question(
                self.window,
                "Built-in exercise",
                f"“{exercise.name}” comes with Hip Planner and cannot be changed. "
                "Make your own copy to edit instead?",
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.duplicate_exercise()
            return
        self._edit_own(exercise)

    def _edit_own(self, exercise: Exercise) -> None:
        from ui.dialogs.clinic_conflict import VersionedSave

        assert self.database is not None
        try:
            save = VersionedSave(self.database, exercise.id, self.window)
        except CatalogError as exc:
            self._fail("Cannot edit the exercise now", exc)
            return
        form = self._form(exercise, save)
        if form.exec() == QDialog.DialogCode.Accepted and form.saved is not None:
            self.reload(select=form.saved.id)

    def duplicate_exercise(self) -> None:
        exercise = self.panel.current_exercise()
        if exercise is None or self.database is None:
            return
        try:
            copy = self.database.duplicate(exercise.id)
        except CatalogError as exc:
            self._fail("Could not duplicate the exercise", exc)
            return
        self.reload(select=copy.id)
        self._edit_own(copy)

    def archive_exercise(self) -> None:
        self._set_archived(True)

    def restore_exercise(self) -> None:
        self._set_archived(False)

    def _set_archived(self, archived: bool) -> None:
        exercise = self.panel.current_exercise()
        if exercise is None or self.database is None:
            return
        try:
            changed = (self.database.archive if archived else self.database.restore)(exercise.id)
        except CatalogError as exc:
            self._fail("Could not change the exercise", exc)
            return
        verb = "archived: programs that use it keep working" if archived else "restored"
        self.reload(select=None if archived else changed.id, done=f"“{changed.name}” {verb}.")

    # -- sharing -------------------------------------------------------------------------------

    def import_exercises(self) -> None:
        if self.database is None or self.import_job is not None:
            return
        name, _ = QFileDialog.getOpenFileName(self.window, "Import exercises", "", SHARE_FILTER)
        if not name:
            return
        self.import_job = ImportJob(self.database, Path(name), self)
        self.import_action.setEnabled(False)
        progress = QProgressDialog("Importing exercises…", "", 0, 0, self.window)
        progress.setWindowTitle("Import exercises")
        progress.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable
        progress.setCancelButton(None)
        progress.setMinimumDuration(300)
        self.import_progress = progress
        self.import_job.succeeded.connect(self._imported)
        self.import_job.failed.connect(lambda message: self._fail("Nothing was imported", message))
        self.import_job.finished.connect(self._import_finished)
        self.import_job.start()

    def _imported(self, report: ImportReport) -> None:
        from planner.files.exercise_share import describe_import

        self.reload()
        QMessageBox.information(self.window, "Exercises imported", describe_import(report))

    def _import_finished(self) -> None:
        if self.import_progress is not None:
            self.import_progress.reset()
            self.import_progress.deleteLater()
        self.import_progress = None
        if self.import_job is not None:
            self.import_job.deleteLater()
        self.import_job = None
        self.update_actions(self.panel.current_exercise())

    def export_exercises(self) -> None:
        from planner.files.exercise_share import ExerciseShareError, write_exercises

        own = [ex for ex in self.model.all_exercises() if not ex.builtin]
        if not own:
            QMessageBox.information(
                self.window,
                "No exercises of your own",
                "Make an exercise with Catalog ▸ New exercise first; then you can share it.",
            )
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window, "Export my exercises", "my-exercises.json", SHARE_FILTER
        )
        if not name:
            return
        try:
            write_exercises(Path(name), own)
        except (ExerciseShareError, OSError) as exc:
            self._fail("The exercises were not exported", exc)
            return
        self.window.statusBar().showMessage(f"{len(own)} exercises written to {name}.", 6000)  # type: ignore[attr-defined]
