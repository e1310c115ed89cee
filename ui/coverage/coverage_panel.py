"""The coverage panel on the right of the main window: "This week" and "All weeks".

On every edit only the shown week is analysed again (a fraction of a millisecond). The
all-weeks table remembers which weeks changed and analyses them when it is on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QSize, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from planner.balance.analysis import analyse_program, analyse_program_week
from planner.balance.counts import WeekAnalysis
from planner.balance.settings import BalanceSettings
from planner.exercise import Exercise
from planner.files.thresholds import settings_for
from planner.log_summary import program_log
from planner.program import Program
from ui.common import clock
from ui.common.workspace import Shown, Workspace
from ui.coverage.program_table import ProgramTable, ProgramTableModel
from ui.coverage.week_coverage import WeekCoverage

PANEL_WIDTH, PANEL_MIN_WIDTH = 260, 230


class CoveragePanel(QWidget):
    fix_requested = Signal(object, int)  # a planner.fixing Fix, the week it is for
    fix_all_requested = Signal(int)  # the week
    next_week_requested = Signal(object)  # a planner.progression.NextWeek
    week_chosen = Signal(int)

    def __init__(
        self,
        catalog: Callable[[], Sequence[Exercise]],
        settings: BalanceSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("coveragePanel")
        self.setMinimumWidth(PANEL_MIN_WIDTH)
        self.catalog = catalog
        self.settings = settings
        """The coach's thresholds (balance.toml); :attr:`effective` adds the program's own."""
        self.workspace: Workspace | None = None
        self.analysis: WeekAnalysis | None = None
        self._stale: set[int] | None = None
        """Weeks the all-weeks table must analyse again; None: all of them."""
        self._syncing = False

        self.this_week = WeekCoverage()
        self.this_week.fix_requested.connect(lambda fix: self.fix_requested.emit(fix, self.week))
        self.this_week.fix_all_requested.connect(lambda: self.fix_all_requested.emit(self.week))
        self.this_week.next_week_requested.connect(self.next_week_requested)
        self.table_model = ProgramTableModel(self)
        self.table = ProgramTable(self.table_model)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        all_weeks = QWidget()
        column = QVBoxLayout(all_weeks)
        column.setContentsMargins(0, 4, 0, 0)
        hint = QLabel(
            "Weighted sets per week; E/W counts errors and warnings; Done and Pain come from "
            "the client's log. Click a week to show it in the calendar."
        )
        hint.setWordWrap(True)
        column.addWidget(hint)
        column.addWidget(self.table, 1)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.this_week, "This week")
        self.tabs.addTab(all_weeks, "All weeks")
        self.tabs.currentChanged.connect(lambda _i: self._update_table())
        self.tabs.installEventFilter(SteadyTabs(self.tabs))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.addWidget(self.tabs)

    def sizeHint(self) -> QSize:
        return QSize(PANEL_WIDTH, 600)

    @property
    def effective(self) -> BalanceSettings:
        """The thresholds the shown program is checked with (the same function as ``check``)."""
        return settings_for(self.program, self.settings)

    @property
    def program(self) -> Program:
        assert self.workspace is not None, "set_workspace first"
        return self.workspace.program

    @property
    def week(self) -> int:
        return self.workspace.week if self.workspace is not None else 0

    # -- inputs ------------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.this_week.shown = workspace
        workspace.shown.connect(self._shown)
        self._stale = None
        self.refresh()

    def set_settings(self, settings: BalanceSettings) -> None:
        self.settings = settings
        self._stale = None
        self.refresh()

    def _shown(self, shown: Shown) -> None:
        change = shown.change
        if shown.replaced or change.structure or change.details or change.log:
            self._stale = None  # details: own thresholds; the log: checks 14 and 15
        elif self._stale is not None:
            self._stale |= change.weeks | {w + 1 for w in change.weeks}  # check 13
        if (
            shown.moved
            or change.details
            or change.log
            or shown.week in change.weeks
            or shown.week - 1 in change.weeks  # check 13 compares with the week before
            or shown.week + 1 in change.weeks  # the log's offers change the week after
        ):
            self.refresh()
        else:
            self._update_table()

    # -- output ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Analyse the shown week again and show it (and the table, if it is on screen)."""
        if self.workspace is None:
            return
        program = self.program
        settings = self.effective
        self.analysis = analyse_program_week(program, self.week, settings)
        self.this_week.show_week(self.analysis, settings, self.catalog)
        self._update_table()

    def _update_table(self) -> None:
        if self.workspace is None or not self.table.isVisibleTo(self):
            return
        program, settings = self.program, self.effective
        if self._stale is None or self.table_model.rowCount() != len(program.weeks):
            self.table_model.set_weeks(analyse_program(program, settings).weeks)
        else:
            for i in sorted(w for w in self._stale if w < len(program.weeks)):
                fresh = self.analysis if i == self.week else None
                self.table_model.set_week(i, fresh or analyse_program_week(program, i, settings))
        self._stale = set()
        self.table_model.set_logs(program_log(program, clock.today()))
        self._select_row(self.week)

    def _select_row(self, row: int) -> None:
        if self.table.currentIndex().row() == row:
            return
        self._syncing = True
        self.table.selectionModel().setCurrentIndex(
            self.table_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._syncing = False

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.week_chosen.emit(current.row())


class SteadyTabs(QObject):
    """Drops a tab widget's layout requests that would change nothing.

    A label changing its text inside the shown page (the week's summary after every drop)
    posts a layout request up to the QTabWidget, which answers it by laying itself out again
    and repainting all of itself: the whole panel, about 2 ms a drop. When neither its size,
    its tab bar's size nor the page's size hints changed, that request has nothing to do (the
    page lays out its own contents on its own request), so it is dropped.
    """

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self._last: tuple[object, ...] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.LayoutRequest:
            return False
        page = self.tabs.currentWidget()
        key = (
            self.tabs.size(),
            self.tabs.tabBar().sizeHint(),
            self.tabs.currentIndex(),
            page.minimumSizeHint() if page is not None else None,
            page.sizeHint() if page is not None else None,
            page.maximumSize() if page is not None else None,
        )
        if key == self._last:
            return True
        self._last = key
        return False
