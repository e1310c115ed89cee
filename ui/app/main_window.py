"""The main window: catalog on the left, the week calendar in the centre, menus and status bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QCursor,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.exercise import Exercise
from ui.app.window_size import first_geometry, minimum_size, side_panels_for
from ui.common import settings as remembered
from ui.common.document import Document
from ui.common.workspace import Workspace

if TYPE_CHECKING:
    from db.catalog import CatalogDatabase
    from planner.balance.settings import BalanceSettings
    from planner.fixing.edits import Fix
    from planner.progression import NextWeek
    from ui.catalog.catalog_actions import CatalogActions
    from ui.catalog.catalog_model import CatalogModel
    from ui.catalog.catalog_panel import CatalogPanel
    from ui.coverage.coverage_panel import CoveragePanel
    from ui.files.clinic_templates import TemplateChoice
    from ui.files.export_controller import ExportController
    from ui.files.file_controller import FileController
    from ui.start.start_page import StartPage
    from ui.week.planner_controller import PlannerController
    from ui.week.week_bar import WeekBar
    from ui.week.week_view import WeekView

# The panels, their controllers and the menus' commands are imported when the planner is built:
# a window that opens on the start page paints before any of them is loaded.

APP_TITLE = "Hip Planner"
START_HINT = "Pick a template, start a blank program or open one you saved."
PLANNER_HINT = "Drag exercises from the catalog onto a day, or select one and press Enter."


class MainWindow(QMainWindow):
    """The window: the start page while no program is open, else the planner (catalog on the
    left, the week in the centre, coverage on the right).

    ``start_page=True`` opens on the start page and builds only it: the planner (its panels,
    controllers and menu commands) is built by :meth:`build_planner`, which the application
    calls right after the first paint (and any command that needs it calls first).
    """

    catalog_model: CatalogModel
    catalog: CatalogPanel
    week_bar: WeekBar
    week_view: WeekView
    controller: PlannerController
    coverage: CoveragePanel
    splitter: QSplitter
    file: FileController
    exporter: ExportController
    catalog_actions: CatalogActions

    def __init__(
        self,
        exercises: Sequence[Exercise] = (),
        catalog_db: CatalogDatabase | None = None,
        *,
        start_page: bool = False,
        side_panels_later: bool = False,
    ) -> None:
        super().__init__()
        self.catalog_db = catalog_db
        self.setObjectName("mainWindow")
        self.workspace = Workspace(Document())
        self.planner_built = False
        """The whole planner: catalog, week, coverage and log panels, the menus' commands."""
        self._centre_built = False
        self.start_page: StartPage | None = None
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.setCentralWidget(self.pages)
        bar = self.menuBar()  # the menus' titles now, their commands with the planner
        self.file_menu = bar.addMenu("&File")
        self.edit_menu = bar.addMenu("&Edit")
        self.catalog_menu = bar.addMenu("&Catalog")
        self.view_menu = bar.addMenu("&View")
        self.help_menu = bar.addMenu("&Help")
        self._build_help_menu()
        self.week_label = QLabel()
        self.statusBar().addPermanentWidget(self.week_label)
        self.document.title_changed.connect(self.update_title)
        self.document.changed.connect(self._details_changed)
        self.setAcceptDrops(True)
        self._restore_geometry(None)
        if start_page:
            self.show_start_page()
            self.statusBar().showMessage(START_HINT)
        else:
            self.build_planner(exercises, side_panels_later=side_panels_later)
        self.update_title()

    def build_planner(
        self, exercises: Sequence[Exercise], *, side_panels_later: bool = False
    ) -> None:
        """The catalog, the week, the coverage panel and the menus' commands (once).

        ``side_panels_later``: only the catalog and the week now, shown with an empty space
        where the coverage panel goes; :meth:`build_side_panels` (or :meth:`ensure_planner`)
        builds the rest after the first paint. Until then ``planner_built`` stays False."""
        if not self._centre_built:
            self._build_centre(exercises)
        if side_panels_later:
            if not self.showing_start_page:
                self.pages.setCurrentWidget(self.splitter)
        else:
            self.build_side_panels()

    def _build_centre(self, exercises: Sequence[Exercise]) -> None:
        from ui.catalog.catalog_model import CatalogModel
        from ui.catalog.catalog_panel import CatalogPanel
        from ui.week.planner_controller import PlannerController
        from ui.week.week_bar import WeekBar
        from ui.week.week_view import WeekView

        self._centre_built = True
        self.catalog_model = CatalogModel(exercises, self)
        self.catalog = CatalogPanel(self.catalog_model)
        self.week_bar = WeekBar()
        self.week_view = WeekView(self.workspace)
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
        self.splitter.addWidget(QWidget())  # where the coverage panel goes
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes(side_panels_for(self.width()))
        self.pages.addWidget(self.splitter)

        self.catalog.add_requested.connect(self.controller.add_exercises)
        self.controller.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.controller.week_changed.connect(
            lambda _w: self.catalog.set_day_labels(self.controller.day_labels())
        )

    def build_side_panels(self) -> None:
        """The coverage and log panels and the menus' commands, completing the planner."""
        if self.planner_built:
            return
        from ui.coverage.coverage_panel import CoveragePanel
        from ui.dialogs.preferences_dialog import load_balance_settings
        from ui.log.log_controller import LogController
        from ui.log.log_panel import LogPanel

        self.planner_built = True
        thresholds = load_balance_settings()
        self.coverage = CoveragePanel(self.catalog_model.all_exercises, thresholds.settings)
        space = self.splitter.replaceWidget(2, self.coverage)
        if space is not None:
            space.deleteLater()
        self.splitter.setStretchFactor(2, 0)
        self.coverage.set_workspace(self.workspace)
        self.controller.defaults = lambda: self.coverage.settings
        self.coverage.week_chosen.connect(self.workspace.show_week)
        self.coverage.fix_requested.connect(self._apply_fix)
        self.coverage.fix_all_requested.connect(self._fix_all)
        self.log_panel = LogPanel()
        self.coverage.tabs.addTab(self.log_panel, "Log")
        self.log_panel.set_workspace(self.workspace)
        self.log_panel.week_chosen.connect(self.workspace.show_week)
        self.log = LogController(
            self, self.workspace, self.log_panel, lambda: self.week_view.selected_day
        )
        self.log.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.coverage.next_week_requested.connect(self._apply_next_week)

        self._build_menus()
        self.update_title()
        if thresholds.problem or not self.showing_start_page:
            self.statusBar().showMessage(thresholds.problem or PLANNER_HINT)
        self._restore_panels()
        if not self.showing_start_page:
            self.pages.setCurrentWidget(self.splitter)

    # -- the start page ----------------------------------------------------------------------

    @property
    def showing_start_page(self) -> bool:
        return self.start_page is not None and self.pages.currentWidget() is self.start_page

    def show_start_page(self) -> None:
        """The start page instead of the planner (built the first time)."""
        if self.start_page is None:
            from ui.start.start_page import StartPage

            self.start_page = StartPage(self._template_choices, self._thresholds)
            self.start_page.blank_requested.connect(self._start_blank)
            self.start_page.open_requested.connect(self._start_open)
            self.start_page.template_chosen.connect(self._start_from_template)
            self.start_page.recent_chosen.connect(self._start_recent)
            self.pages.addWidget(self.start_page)
        else:
            self.start_page.refresh()
        self.pages.setCurrentWidget(self.start_page)
        self.statusBar().showMessage(START_HINT)
        self.update_title()
        self.start_page.blank_card.setFocus()

    def show_planner(self) -> None:
        self.ensure_planner()
        if self.pages.currentWidget() is not self.splitter:
            self.pages.setCurrentWidget(self.splitter)
            self.statusBar().showMessage(PLANNER_HINT, 8000)
        self.update_title()

    def ensure_planner(self) -> None:
        """Build the planner now if it is not yet (with an empty catalog until one is attached)."""
        if not self.planner_built:
            self.build_planner(())  # or only what side_panels_later left out

    def _template_choices(self) -> list[TemplateChoice]:
        from ui.files.clinic_templates import template_choices

        return template_choices(self.catalog_db)

    def _thresholds(self) -> BalanceSettings:
        if self.planner_built:
            return self.coverage.settings
        from ui.dialogs.preferences_dialog import load_balance_settings

        return load_balance_settings().settings

    def _start_blank(self) -> None:
        self.ensure_planner()
        self.file.new()

    def _start_open(self) -> None:
        self.ensure_planner()
        self.file.open()

    def _start_from_template(self, choice: TemplateChoice) -> None:
        self.ensure_planner()
        self.file.new_from(choice)

    def _start_recent(self, path: Path) -> None:
        self.ensure_planner()
        self.file.open_path(path)

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
        from ui.catalog.catalog_actions import CatalogActions
        from ui.files.export_controller import ExportController
        from ui.files.file_controller import FileController
        from ui.files.missing_exercises import offer_missing_exercises

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
        self.file.closed.connect(self.show_start_page)
        self.exporter = ExportController(self, self, lambda: self.coverage.effective)
        self.export_action = QAction("&Export handout…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setStatusTip("Write the PDF handout the client follows at home")
        self.export_action.triggered.connect(self.exporter.export)
        self.file_menu.insertAction(details, self.export_action)
        self.coach_report_action = QAction("Export &coach report…", self)
        self.coach_report_action.setStatusTip(
            "Write the coach's PDF: findings, the chart with targets, the weekly table"
        )
        self.coach_report_action.triggered.connect(self.exporter.export_coach_report)
        self.file_menu.insertAction(details, self.coach_report_action)
        self.file_menu.insertSeparator(details)
        self.file_menu.addSeparator()
        self.quit_action = self._action(
            self.file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit = self.edit_menu
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
        self._action(
            edit,
            "P&hotos of this client…",
            c.edit_entry_photos,
            None,
            "Photos of the client doing the selected card's exercise, for the handout",
        )
        self._action(edit, "Move card &up", lambda: c.shift_selected(-1), None, "Alt+Up in a day")
        self._action(
            edit, "Move card dow&n", lambda: c.shift_selected(+1), None, "Alt+Down in a day"
        )
        self.log_action = self._action(
            edit,
            "&Log a session…",
            self.log.log_session,
            "Ctrl+L",
            "Type in a session the client reported: pain, sets done, load, effort, note",
        )
        self.week_bar.menu.insertAction(self.week_bar.duplicate, self.log_action)
        self.week_bar.menu.insertSeparator(self.week_bar.duplicate)
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

        self.catalog_actions = CatalogActions(
            self, self.catalog_menu, self.catalog_db, self.catalog_model, self.catalog
        )

        view = self.view_menu
        toggle = QAction("&Catalog panel", self, checkable=True, checked=True)
        toggle.setShortcut(QKeySequence("Ctrl+1"))
        toggle.toggled.connect(self.catalog.setVisible)
        view.addAction(toggle)
        self.coverage_toggle = QAction("C&overage panel", self, checkable=True, checked=True)
        self.coverage_toggle.setShortcut(QKeySequence("Ctrl+3"))
        self.coverage_toggle.setStatusTip("How the shown week trains the hip in every direction")
        self.coverage_toggle.toggled.connect(self.coverage.setVisible)
        view.addAction(self.coverage_toggle)
        self._build_day_layout_menu(view)
        view.addSeparator()
        self._action(view, "&Previous week", lambda: c.show_week(c.week - 1), "Ctrl+PgUp")
        self._action(view, "&Next week", lambda: c.show_week(c.week + 1), "Ctrl+PgDown")
        self._action(
            view,
            "Go to the &calendar",
            lambda: self.week_view.focus_day(self.week_view.selected_day),
            "Ctrl+2",
        )

    def _build_help_menu(self) -> None:
        self._action(
            self.help_menu,
            "&Getting started",
            self.getting_started,
            QKeySequence.StandardKey.HelpContents,
            "From a template to the printed handout, in five steps",
        )
        self._action(self.help_menu, "&Keyboard shortcuts", self.shortcuts_help)
        self.help_menu.addSeparator()
        about = self._action(self.help_menu, "&About Hip Planner", self.about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_day_layout_menu(self, view: QMenu) -> None:
        """View ▸ Days: side by side, in rows, or by the window's width (remembered)."""
        days = view.addMenu("&Days")
        group = QActionGroup(self)
        chosen = remembered.day_layout()
        self.day_layout_actions: dict[str, QAction] = {}
        for key, text, tip in (
            ("automatic", "By the window's &width", "Side by side when there is room, else rows"),
            ("columns", "&Side by side", "Seven columns; a day scrolls when it is long"),
            ("rows", "In &rows", "A row per day, its cards left to right; the week scrolls"),
        ):
            action = QAction(text, self, checkable=True, checked=key == chosen)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False, key=key: self._choose_days(key))
            group.addAction(action)
            days.addAction(action)
            self.day_layout_actions[key] = action
        self.week_view.set_day_layout(chosen)

    def _choose_days(self, key: str) -> None:
        self.week_view.set_day_layout(key)
        remembered.set_day_layout(key)

    # -- document ----------------------------------------------------------------------------

    def attach_catalog(
        self, database: CatalogDatabase | None, exercises: Sequence[Exercise]
    ) -> None:
        """Connect the catalog database once it is open (after the first paint), and show its
        exercises if opening it changed them (repairs, updated built-ins)."""
        self.catalog_db = database
        if self.start_page is not None and database is not None and database.shared:
            self.start_page.fill_templates()  # the clinic's templates join the built-in ones
        self.ensure_planner()
        self.catalog_actions.database = database
        self.catalog_actions.update_actions(self.catalog.current_exercise())
        self.catalog_actions.show_authors()
        if list(exercises) != self.catalog_model.all_exercises():
            self.catalog_model.set_exercises(exercises)
            self.catalog.refresh()

    def open_path(self, path: Path) -> bool:
        self.ensure_planner()
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
        self.show_planner()
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
        if self.planner_built and getattr(change, "details", False):
            self.catalog.set_client_equipment(self.document.program.details.equipment)
            self.catalog.set_day_labels(self.controller.day_labels())

    def _apply_fix(self, fix: Fix, week: int) -> None:
        from ui.week.commands import ApplyFix

        program = self.document.program
        self.document.push(ApplyFix(program, week, fix, f"Fix week {week + 1}: {fix.summary()}"))

    def _apply_next_week(self, plan: NextWeek) -> None:
        """A choice of a pain-high or ready-to-progress finding, as one undoable step."""
        from ui.week.commands import ApplyNextWeek

        text = f"{plan.title()} (from the log)"
        if plan.creates:
            with self.workspace.following(plan.target):
                self.document.push(ApplyNextWeek(self.document.program, plan, text))
        else:
            self.document.push(ApplyNextWeek(self.document.program, plan, text))
        self.statusBar().showMessage(f"{plan.summary()}: {'; '.join(plan.lines())}", 10000)

    def _fix_all(self, week: int) -> None:
        """Fix every error and warning of ``week`` as one undoable step, and say what it did."""
        from ui.week.commands import ApplyFix

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
        from ui.dialogs.preferences_dialog import edit_preferences

        chosen = edit_preferences(self, self.coverage.settings)
        if chosen is not None:
            self.coverage.set_settings(chosen)
            self.file.apply_autosave_setting()

    def update_title(self) -> None:
        if self.showing_start_page:
            self.setWindowTitle(APP_TITLE)
            self.setWindowModified(False)
            return
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

    def getting_started(self) -> None:
        from ui.dialogs.help_dialogs import GettingStarted  # built when first asked for

        self._show_help("_guide", GettingStarted)

    def about(self) -> None:
        from ui.dialogs.help_dialogs import AboutDialog

        self._show_help("_about", AboutDialog)

    def _show_help(self, name: str, make: Callable[[QWidget], QDialog]) -> None:
        """Show a help window beside the program (not modal: the coach may follow it)."""
        dialog = getattr(self, name, None)
        if dialog is None:
            dialog = make(self)
            setattr(self, name, dialog)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

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
            "Ctrl+PgUp / PgDown\tprevious / next week\n"
            "Ctrl+L\tlog a session the client reported (Enter: save and next day)",
        )

    # -- layout memory -----------------------------------------------------------------------

    def restore_layout(self, available: QRect | None = None) -> None:
        """The remembered geometry and splitters; on first start a size that fits ``available``
        (the available geometry of the screen the window opens on)."""
        self._restore_geometry(available)
        if self.planner_built:
            self._restore_panels()

    def _restore_geometry(self, available: QRect | None) -> None:
        if available is None:
            available = self.screen().availableGeometry()
        self.setMinimumSize(minimum_size(available))
        geometry = remembered.layout_state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.setGeometry(first_geometry(available))

    def _restore_panels(self) -> None:
        self.splitter.setSizes(side_panels_for(self.width()))
        splitters: dict[remembered.Layout, QSplitter] = {
            "mainSplitter": self.splitter,
            "catalogSplitter": self.catalog.splitter,
        }
        for key, splitter in splitters.items():
            state = remembered.layout_state(key)
            if state is not None:
                splitter.restoreState(state)
        self.coverage.this_week.restore_splitter(remembered.layout_state("coverageSplitter"))
        if self.splitter.sizes()[2] == 0:  # saved before the coverage panel existed
            self.splitter.setSizes(side_panels_for(self.width()))
        self.coverage_toggle.setChecked(remembered.coverage_panel_shown())

    def save_layout(self) -> None:
        if not self.planner_built:  # closed before the planner was built: only the size
            remembered.save_layout(
                {"geometry": self.saveGeometry()}, remembered.coverage_panel_shown()
            )
            return
        remembered.save_layout(
            {
                "geometry": self.saveGeometry(),
                "mainSplitter": self.splitter.saveState(),
                "catalogSplitter": self.catalog.splitter.saveState(),
                "coverageSplitter": self.coverage.this_week.splitter.saveState(),
            },
            self.coverage_toggle.isChecked(),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.planner_built:
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
