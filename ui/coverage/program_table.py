"""The whole program at a glance: weeks × directions of weighted sets, with problem counts,
and what the client's log says of each week: adherence and the highest knee pain."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from planner.balance.checks import num, plural
from planner.balance.counts import WeekAnalysis
from planner.balance.findings import Severity
from planner.log_summary import WeekLog, pain_text, percent_text
from planner.taxonomy import Direction
from ui.common.badges import BADGE_TEXT
from ui.common.item_flags import read_only_flags
from ui.coverage.findings_model import severity_icon

_Index = QModelIndex | QPersistentModelIndex
DIRECTIONS = tuple(Direction)
PROBLEMS_COLUMN = len(DIRECTIONS)
ADHERENCE_COLUMN = PROBLEMS_COLUMN + 1
PAIN_COLUMN = PROBLEMS_COLUMN + 2
LAST_COLUMN = PAIN_COLUMN


class ProgramTableModel(QAbstractTableModel):
    """One row per week (numbered in the vertical header): the six directions, then
    errors/warnings, adherence (% of due sets done) and knee pain (during/next morning)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._weeks: list[WeekAnalysis] = []
        self._logs: list[WeekLog] = []
        self._icons: dict[Severity, QIcon] = {}

    def set_weeks(self, weeks: Sequence[WeekAnalysis]) -> None:
        self.beginResetModel()
        self._weeks = list(weeks)
        self.endResetModel()

    def set_week(self, row: int, week: WeekAnalysis) -> None:
        self._weeks[row] = week
        self.dataChanged.emit(self.index(row, 0), self.index(row, PROBLEMS_COLUMN))

    def set_logs(self, logs: Sequence[WeekLog]) -> None:
        """The log of every week (one per row); repaints the rows whose figures changed."""
        old, self._logs = self._logs, list(logs)
        rows = [
            r
            for r in range(len(self._weeks))
            if (old[r] if r < len(old) else None)
            != (self._logs[r] if r < len(self._logs) else None)
        ]
        if rows:
            self.dataChanged.emit(
                self.index(rows[0], ADHERENCE_COLUMN), self.index(rows[-1], PAIN_COLUMN)
            )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._weeks)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else LAST_COLUMN + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._weeks):
                return None
            texts = (str(section + 1), f"Week {section + 1}: click to show it in the calendar")
        elif not 0 <= section <= LAST_COLUMN:
            return None
        elif section == PROBLEMS_COLUMN:
            texts = ("E/W", "Errors / warnings")
        elif section == ADHERENCE_COLUMN:
            texts = (
                "Done",
                "Adherence: sets done ÷ sets planned, over the planned days that are logged or "
                "whose date has passed",
            )
        elif section == PAIN_COLUMN:
            texts = ("Pain", "Highest knee pain reported: during / next morning (0–10)")
        else:
            d = DIRECTIONS[section]
            texts = (BADGE_TEXT[d].replace(" ", "\n"), f"{d.label}: weighted sets")
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return texts[1]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._weeks):
            return None
        week, column = self._weeks[index.row()], index.column()
        number = index.row() + 1
        if column == PROBLEMS_COLUMN:
            return self._problems(week, number, role)
        if column in (ADHERENCE_COLUMN, PAIN_COLUMN):
            log = self._logs[index.row()] if index.row() < len(self._logs) else None
            return self._log(log, column, number, role)
        d = DIRECTIONS[column]
        value = week.sets[d]
        missing = value == 0 and not week.is_empty
        if role == Qt.ItemDataRole.DisplayRole:
            return num(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"Week {number}, {d.label}: {num(value)} weighted sets"
            return text + (" — missing" if missing else "")
        if role == Qt.ItemDataRole.FontRole and missing:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _problems(self, week: WeekAnalysis, number: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{week.errors}/{week.warnings}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if week.is_empty:
                return f"Week {number} has no exercises yet"
            return (
                f"Week {number}: {plural(week.errors, 'error')}, {plural(week.warnings, 'warning')}"
            )
        if role == Qt.ItemDataRole.DecorationRole:
            worst = Severity.ERROR if week.errors else Severity.WARNING if week.warnings else None
            if worst is None:
                return None
            if worst not in self._icons:
                self._icons[worst] = severity_icon(worst)
            return self._icons[worst]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _log(log: WeekLog | None, column: int, number: int, role: int) -> Any:
        if log is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ADHERENCE_COLUMN:
                return percent_text(log.adherence).replace(" ", "")
            if log.pain_during is None and log.pain_next_morning is None:
                return "–"
            return f"{pain_text(log.pain_during)}/{pain_text(log.pain_next_morning)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == ADHERENCE_COLUMN:
                if log.adherence is None:
                    return f"Week {number}: nothing logged or due yet"
                return (
                    f"Week {number}: {log.sets_done} of {log.sets_planned} sets done; "
                    f"{log.logged_days} days logged, {log.missed_days} missed"
                )
            return (
                f"Week {number}: highest knee pain during {pain_text(log.pain_during)}, "
                f"next morning {pain_text(log.pain_next_morning)}"
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return read_only_flags(index)


class ProgramTable(QTableView):
    def __init__(self, model: ProgramTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setAlternatingRowColors(True)
        self.setAccessibleName("Weighted sets of every week")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(12)
        # The log's columns come first on screen (the model keeps them last), so a narrow
        # panel shows adherence and pain without scrolling.
        header.moveSection(ADHERENCE_COLUMN, 0)
        header.moveSection(PAIN_COLUMN, 1)
        small = QFont(header.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        header.setFont(small)
