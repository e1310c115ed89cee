"""The shown week's logged sessions as a table: date, day, knee pain, sets done of planned."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from planner.log import Session
from planner.log_summary import pain_text, sessions_of_week
from planner.program import DAY_NAMES, Program
from ui.common.item_flags import read_only_flags

_Index = QModelIndex | QPersistentModelIndex
SessionRole = Qt.ItemDataRole.UserRole + 1
HEADERS = (
    ("Date", "The date the client did the session"),
    ("Day", "The planned day it stands for"),
    ("Pain", "Knee pain during / next morning (0–10; – not reported)"),
    ("Done", "Sets done of sets planned"),
)


def session_tooltip(program: Program, session: Session) -> str:
    lines = [
        f"{DAY_NAMES[session.day]} of week {session.week + 1}, done {session.date:%a %d %b %Y}",
        f"Knee pain during {pain_text(session.pain_during)}, "
        f"next morning {pain_text(session.pain_next_morning)}",
    ]
    for logged in session.entries:
        exercise = program.exercises.get(logged.exercise_id)
        name = exercise.name if exercise is not None else logged.exercise_id
        parts = [f"{logged.sets_done} of {logged.sets_planned} sets"]
        if logged.load:
            parts.append(logged.load)
        if logged.effort is not None:
            parts.append(logged.effort.describe())
        if logged.comment:
            parts.append(f"“{logged.comment}”")
        lines.append(f"• {name}: {', '.join(parts)}")
    if session.note:
        lines.append(f"Note: {session.note}")
    lines.append("Enter or double-click to edit; Delete to remove")
    return "\n".join(lines)


class SessionsModel(QAbstractTableModel):
    """Reads the sessions of one week of a program; :meth:`show` re-reads them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.program: Program | None = None
        self.sessions: list[Session] = []

    def show(self, program: Program, week: int) -> None:
        self.beginResetModel()
        self.program = program
        self.sessions = sessions_of_week(program.log, week)
        self.endResetModel()

    def row_of(self, session_id: str) -> int:
        return next((i for i, s in enumerate(self.sessions) if s.id == session_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.sessions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADERS[section][1]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.sessions):
            return None
        session = self.sessions[index.row()]
        column = index.column()
        if role == SessionRole:
            return session
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{session.date:%a} {session.date.day} {session.date:%b}"
            if column == 1:
                return DAY_NAMES[session.day][:3]
            if column == 2:
                return f"{pain_text(session.pain_during)} / {pain_text(session.pain_next_morning)}"
            return f"{session.sets_done}/{session.sets_planned}"
        if role == Qt.ItemDataRole.ToolTipRole and self.program is not None:
            return session_tooltip(self.program, session)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return read_only_flags(index)
