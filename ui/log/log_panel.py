"""The Log tab: the shown week's adherence, the pain trend across weeks, the week's sessions.

Reads everything from the workspace on each :class:`Shown` (one change: one refresh); the
buttons and keys only report what the coach asked for, which the log controller carries out.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.log_summary import program_log, week_summary
from ui.common import clock
from ui.common.workspace import Shown, Workspace
from ui.log.pain_trend import PainTrend
from ui.log.sessions_model import SessionRole, SessionsModel

EMPTY_HINT = "No sessions logged for this week. Log a session (Ctrl+L) from the client's paper."


class SessionsTable(QTableView):
    edit_requested = Signal(str)
    remove_requested = Signal(str)

    def __init__(self, model: SessionsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.sessions = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.setAccessibleName("Sessions logged this week")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the stretched last column keeps the default size (100 px) as its least, one scroll
        # bar too many in the narrow side panel: "Done" needs room for "150/150" only (set
        # before the stretch, which remembers the size it starts from)
        header.setDefaultSectionSize(self.fontMetrics().horizontalAdvance("Done 000/000"))
        header.setStretchLastSection(True)
        self.doubleClicked.connect(self._edit)

    def current_id(self) -> str | None:
        index = self.currentIndex()
        session = index.data(SessionRole) if index.isValid() else None
        return None if session is None else str(session.id)

    def select_id(self, session_id: str | None) -> None:
        row = self.sessions.row_of(session_id) if session_id else -1
        if row < 0 and self.sessions.rowCount():
            row = 0
        if row >= 0:
            self.selectionModel().setCurrentIndex(
                self.sessions.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _edit(self, index: QModelIndex) -> None:
        session = index.data(SessionRole)
        if session is not None:
            self.edit_requested.emit(session.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self.current_id()
        if current is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_requested.emit(current)
        elif current is not None and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_requested.emit(current)
        else:
            super().keyPressEvent(event)


class LogPanel(QWidget):
    log_requested = Signal()
    week_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logPanel")
        self.workspace: Workspace | None = None
        self.refreshes = 0
        """How often the panel re-read the log (tests count one per change)."""
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.trend = PainTrend()
        self.trend.week_clicked.connect(self.week_chosen)
        self.model = SessionsModel(self)
        self.table = SessionsTable(self.model)
        self.empty = QLabel(EMPTY_HINT)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.log_button = QPushButton("&Log a session…")
        self.log_button.setToolTip("Type in a session the client reported (Ctrl+L)")
        self.log_button.clicked.connect(self.log_requested)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Change the selected session (Enter or double-click)")
        self.edit_button.clicked.connect(self._edit_current)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Remove the selected session (Delete); Undo brings it back")
        self.remove_button.clicked.connect(self._remove_current)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.log_button)
        layout.addWidget(self.trend)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)  # takes the table's room when there is no table
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())

    def set_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        workspace.shown.connect(self._shown)
        self.refresh()

    def _shown(self, _shown: Shown) -> None:
        # Every change can move the figures: the log itself, and the plan (missed days count
        # their planned sets), so the panel re-reads on each one, once.
        self.refresh()

    def refresh(self) -> None:
        if self.workspace is None:
            return
        self.refreshes += 1
        program, week = self.workspace.program, self.workspace.week
        logs = program_log(program, clock.today())
        current = self.table.current_id()
        self.model.show(program, week)
        self.table.select_id(current)
        shown = logs[week]
        self.summary.setText(f"<b>Week {week + 1}</b>: {week_summary(shown)}")
        self.summary.setToolTip(
            "Adherence counts the sets of planned days that are logged or whose date has "
            "passed; a day not logged by then counts as missed."
        )
        self.trend.set_weeks(logs, week)
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self._buttons()

    def _buttons(self) -> None:
        chosen = self.table.current_id() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _edit_current(self) -> None:
        current = self.table.current_id()
        if current is not None:
            self.table.edit_requested.emit(current)

    def _remove_current(self) -> None:
        current = self.table.current_id()
        if current is not None:
            self.table.remove_requested.emit(current)
