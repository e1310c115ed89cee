"""The main window: catalog on the left, the week calendar in the centre, menus and status bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QCursor,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner.exercise import Exercise
from ui.app.window_size import first_geometry, minimum_size
from ui.catalog.catalog_actions import CatalogActions
from ui.catalog.catalog_model import CatalogModel
from ui.catalog.catalog_panel import CatalogPanel
from ui.common import settings as remembered
from ui.common.document import Document
from ui.common.workspace import Workspace
from ui.coverage.coverage_panel import PANEL_WIDTH, CoveragePanel
from ui.dialogs.preferences_dialog import edit_preferences, load_balance_settings
from ui.files.export_controller import ExportController
from ui.files.file_controller import FileController
from ui.files.missing_exercises import offer_missing_exercises
from ui.week.commands import ApplyFix, ApplyNextWeek
from ui.week.planner_controller import PlannerController
from ui.week.week_bar import WeekBar
from ui.week.week_view import WeekView

if TYPE_CHECKING:
    from db.catalog import CatalogDatabase
    from planner.fixing.edits import Fix
    from planner.progression import NextWeek

APP_TITLE = "Hip Planner"
DEFAULT_SPLIT = [270, 1010 - PANEL_WIDTH, PANEL_WIDTH]


class MainWindow(QMainWindow):
    def __init__(
        self, exercises: Sequence[Exercise], catalog_db: CatalogDatabase | None = None
    ) -> None:
        super().__init__()
        self.catalog_db = catalog_db
        self.setObjectName("mainWindow")
        self.workspace = Workspace(Document())

        self.catalog_model = CatalogModel(exercises, self)
        self.catalog = CatalogPanel(self.catalog_model)
        self.week_bar = WeekBar()
        self.week_view = WeekView(self.document.program)
        self.controller = PlannerController(
            self, self.workspace, self.catalog_model.find, self.week_view, self.week_bar
        )
        centre = QWidget()
        centre.setObjectName("planner")
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.week_bar)
        column.addWidget(self.week_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.catalog)
        self.splitter.addWidget(centre)
        thresholds = load_balance_settings()
        self.coverage = CoveragePanel(self.catalog_model.all_exercises, thresholds.settings)
        self.splitter.addWidget(self.coverage)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes(DEFAULT_SPLIT)
        self.setCentralWidget(self.splitter)

        self.catalog.add_requested.connect(self.controller.add_exercises)
        self.controller.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.controller.week_changed.connect(
            lambda _w: self.catalog.set_day_labels(self.controller.day_labels())
        )
        self.document.title_changed.connect(self.update_title)
        self.document.changed.connect(self._details_changed)
        self.coverage.set_workspace(self.workspace)
        self.controller.defaults = lambda: self.coverage.settings
        self.coverage.week_chosen.connect(self.workspace.show_week)
        self.coverage.fix_requested.connect(self._apply_fix)
        self.coverage.fix_all_requested.connect(self._fix_all)
        self.coverage.next_week_requested.connect(self._apply_next_week)

        self.week_label = QLabel()
        self.statusBar().addPermanentWidget(self.week_label)
        self._build_menus()
        self.update_title()
        self.statusBar().showMessage(
            thresholds.problem
            or "Drag exercises from the catalog onto a day, or select one and press Enter."
        )
        self.setAcceptDrops(True)
        self.restore_layout()

    # -- menus -------------------------------------------------------------------------------

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        details = self._action(
            self.file_menu,
            "Program &details…",
            self.controller.edit_details,
            "Ctrl+I",
            "Client name, title, coach, start date, equipment, notes and own thresholds",
        )
        self.file = FileController(
            self, self, self.file_menu, details, catalog=lambda: self.catalog_db
        )
        self.file.opened.connect(lambda program: offer_missing_exercises(self, self, program))
        self.exporter = ExportController(self, self, lambda: self.coverage.effective)
        self.export_action = QAction("&Export handout…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setStatusTip("Write the PDF handout the client follows at home")
        self.export_action.triggered.connect(self.exporter.export)
        self.file_menu.insertAction(details, self.export_action)
        self.file_menu.insertSeparator(details)
        self.file_menu.addSeparator()
        self.quit_action = self._action(
            self.file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit = bar.addMenu("&Edit")
        self.edit_menu = edit
        stack = self.document.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        c = self.controller
        self._action(edit, "Cu&t", c.cut_selected, QKeySequence.StandardKey.Cut)
        self._action(edit, "&Copy", c.copy_selected, QKeySequence.StandardKey.Copy)
        self._action(edit, "&Paste", c.paste, QKeySequence.StandardKey.Paste)
        self._action(
            edit, "&Delete", c.delete_selected, None, "Delete the selected cards (Delete key)"
        )
        edit.addSeparator()
        self._action(
            edit, "Edit &dose…", c.edit_dose, None, "Change the dose of the selected card (F2)"
        )
        self._action(edit, "Move card &up", lambda: c.shift_selected(-1), None, "Alt+Up in a day")
        self._action(
            edit, "Move card dow&n", lambda: c.shift_selected(+1), None, "Alt+Down in a day"
        )
        edit.addSeparator()
        self._action(
            edit, "&Find exercise", self.catalog.focus_search, QKeySequence.StandardKey.Find
        )
        edit.addSeparator()
        preferences = self._action(
            edit,
            "Prefere&nces…",
            self.edit_preferences,
            QKeySequence.StandardKey.Preferences,
            "The limits the balance checks use",
        )
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.edit_menu = edit

        self.catalog_menu = bar.addMenu("&Catalog")
        self.catalog_actions = CatalogActions(
            self, self.catalog_menu, self.catalog_db, self.catalog_model, self.catalog
        )

        view = bar.addMenu("&View")
        self.view_menu = view
        toggle = QAction("&Catalog panel", self, checkable=True, checked=True)
        toggle.setShortcut(QKeySequence("Ctrl+1"))
        toggle.toggled.connect(self.catalog.setVisible)
        view.addAction(toggle)
        self.coverage_toggle = QAction("C&overage panel", self, checkable=True, checked=True)
        self.coverage_toggle.setShortcut(QKeySequence("Ctrl+3"))
        self.coverage_toggle.setStatusTip("How the shown week trains the hip in every direction")
        self.coverage_toggle.toggled.connect(self.coverage.setVisible)
        view.addAction(self.coverage_toggle)
        view.addSeparator()
        self._action(view, "&Previous week", lambda: c.show_week(c.week - 1), "Ctrl+PgUp")
        self._action(view, "&Next week", lambda: c.show_week(c.week + 1), "Ctrl+PgDown")
        self._action(
            view,
            "Go to the &calendar",
            lambda: self.week_view.focus_day(self.week_view.selected_day),
            "Ctrl+2",
        )

        self.help_menu = bar.addMenu("&Help")
        about = self._action(self.help_menu, "&About Hip Planner", self.about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        self._action(self.help_menu, "&Keyboard shortcuts", self.shortcuts_help)

    # -- document ----------------------------------------------------------------------------

    def attach_catalog(
        self, database: CatalogDatabase | None, exercises: Sequence[Exercise]
    ) -> None:
        """Connect the catalog database once it is open (after the first paint), and show its
        exercises if opening it changed them (repairs, updated built-ins)."""
        self.catalog_db = database
        self.catalog_actions.database = database
        self.catalog_actions.update_actions(self.catalog.current_exercise())
        self.catalog_actions.show_authors()
        if list(exercises) != self.catalog_model.all_exercises():
            self.catalog_model.set_exercises(exercises)
            self.catalog.refresh()

    def open_path(self, path: Path) -> bool:
        return self.file.open_path(path)

    @property
    def document(self) -> Document:
        return self.workspace.document

    def set_document(self, document: Document) -> None:
        old = self.document
        old.undo_stack.setActive(False)
        document.undo_stack.setActive(True)
        self._rebind_undo(document)
        document.title_changed.connect(self.update_title)
        document.changed.connect(self._details_changed)
        self.workspace.set_document(document)
        self.catalog.set_client_equipment(document.program.details.equipment)
        self.update_title()
        old.close()  # only now: until here a failure can still go back to ``old``
        old.deleteLater()

    def _rebind_undo(self, document: Document) -> None:
        edit = self.edit_menu
        for old in (self.undo_action, self.redo_action):
            edit.removeAction(old)
            old.deleteLater()
        first = edit.actions()[0] if edit.actions() else None
        self.undo_action = document.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = document.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        if first is None:
            edit.addActions([self.undo_action, self.redo_action])
        else:
            edit.insertActions(first, [self.undo_action, self.redo_action])

    def _details_changed(self, change: object) -> None:
        if getattr(change, "details", False):
            self.catalog.set_client_equipment(self.document.program.details.equipment)
            self.catalog.set_day_labels(self.controller.day_labels())

    def _apply_fix(self, fix: Fix, week: int) -> None:
        program = self.document.program
        self.document.push(ApplyFix(program, week, fix, f"Fix week {week + 1}: {fix.summary()}"))

    def _apply_next_week(self, plan: NextWeek) -> None:
        """A choice of a pain-high or ready-to-progress finding, as one undoable step."""
        text = f"{plan.title()} (from the log)"
        if plan.creates:
            with self.workspace.following(plan.target):
                self.document.push(ApplyNextWeek(self.document.program, plan, text))
        else:
            self.document.push(ApplyNextWeek(self.document.program, plan, text))
        self.statusBar().showMessage(f"{plan.summary()}: {'; '.join(plan.lines())}", 10000)

    def _fix_all(self, week: int) -> None:
        """Fix every error and warning of ``week`` as one undoable step, and say what it did."""
        page = self.coverage.this_week
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            from planner.fixing.engine import fix_week  # scipy's solver, loaded when used

            result = fix_week(page.planning())
        finally:
            QApplication.restoreOverrideCursor()
        lines = result.fix.lines()
        if not result.fix.is_empty:
            text = f"Fix all in week {week + 1}: {result.fix.summary().lower()}"
            self.document.push(ApplyFix(self.document.program, week, result.fix, text))
        summary = f"<b>Fix all:</b> {escape(result.fix.summary().lower())}."
        if lines:
            summary += "<br>" + "<br>".join(escape(line) for line in lines)
        if result.remaining:
            summary += "<br><b>Not fixed:</b> " + " ".join(escape(r) for r in result.reasons)
        page.fix_result.setText(f"<small>{summary}</small>")
        self.statusBar().showMessage(f"Fix all: {result.fix.summary().lower()}", 8000)

    def edit_preferences(self) -> None:
        chosen = edit_preferences(self, self.coverage.settings)
        if chosen is not None:
            self.coverage.set_settings(chosen)
            self.file.apply_autosave_setting()

    def update_title(self) -> None:
        details = self.document.program.details
        name = self.document.display_name()
        client = (
            f" — {details.client_name}"
            if details.client_name and details.client_name not in name
            else ""
        )
        self.setWindowTitle(f"{name}[*]{client} — {APP_TITLE}")
        self.setWindowModified(self.document.modified)

    # -- help --------------------------------------------------------------------------------

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About Hip Planner",
            "<h3>Hip Planner</h3><p>Plan hip strength work for runners: every direction the "
            "hip moves — forward, backward, away, toward, rotating out and in — with the knee "
            "straight and bent, about twice a week.</p>",
        )

    def shortcuts_help(self) -> None:
        QMessageBox.information(
            self,
            "Keyboard shortcuts",
            "Ctrl+F\tsearch the catalog (↓ moves into the list, Esc clears the filters)\n"
            "Enter\tadd the selected exercise to the selected day\n"
            "Ctrl+2\tgo to the calendar; ← → move between days\n"
            "F2 or Enter\tchange the dose of the selected card\n"
            "Alt+↑ / Alt+↓\tmove a card up or down\n"
            "Delete\tremove the selected cards\n"
            "Ctrl+X / C / V\tcut, copy, paste cards\n"
            "Ctrl+PgUp / PgDown\tprevious / next week",
        )

    # -- layout memory -----------------------------------------------------------------------

    def restore_layout(self, available: QRect | None = None) -> None:
        """The remembered geometry and splitters; on first start a size that fits ``available``
        (the available geometry of the screen the window opens on)."""
        if available is None:
            available = self.screen().availableGeometry()
        self.setMinimumSize(minimum_size(available))
        geometry = remembered.layout_state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.setGeometry(first_geometry(available))
        splitters: dict[remembered.Layout, QSplitter] = {
            "mainSplitter": self.splitter,
            "catalogSplitter": self.catalog.splitter,
        }
        for key, splitter in splitters.items():
            state = remembered.layout_state(key)
            if state is not None:
                splitter.restoreState(state)
        if self.splitter.sizes()[2] == 0:  # saved before the coverage panel existed
            self.splitter.setSizes(DEFAULT_SPLIT)
        self.coverage_toggle.setChecked(remembered.coverage_panel_shown())

    def save_layout(self) -> None:
        remembered.save_layout(
            {
                "geometry": self.saveGeometry(),
                "mainSplitter": self.splitter.saveState(),
                "catalogSplitter": self.catalog.splitter.saveState(),
            },
            self.coverage_toggle.isChecked(),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.file.maybe_save():
            event.ignore()
            return
        self.file.close_document()
        self.save_layout()
        event.accept()

    # -- dropping program files on the window ----------------------------------------------------

    @staticmethod
    def _program_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [
            Path(u.toLocalFile())
            for u in urls
            if u.isLocalFile() and u.toLocalFile().lower().endswith(".hipplan")
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._program_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._program_files(event)
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])
