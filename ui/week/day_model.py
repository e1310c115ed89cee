"""One day's entries as a Qt list model reading straight from the program (no copies)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from planner.program import Entry, Program
from ui.common.mime import ENTRY_IDS, encode_ids

EntryRole = Qt.ItemDataRole.UserRole + 1
ExerciseOfEntryRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class DayModel(QAbstractListModel):
    def __init__(self, program: Program, week: int, day: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.program = program
        self.week = week
        self.day = day
        self.entries: list[Entry] = self._read()
        self._shown = self._signature()

    def _read(self) -> list[Entry]:
        """A copy of the day's list: Qt must only see rows change inside a model reset."""
        if self.week >= len(self.program.weeks):
            return []
        return list(self.program.weeks[self.week].days[self.day].entries)

    def show(self, program: Program, week: int) -> None:
        """Point the model at another program or week and refresh."""
        self.beginResetModel()
        self.program, self.week = program, week
        self.entries = self._read()
        self._shown = self._signature()
        self.endResetModel()

    def _signature(self, entries: list[Entry] | None = None) -> list[object]:
        """What the cards show: each entry, its dose and its exercise (entries are mutable)."""
        exercises = self.program.exercises
        return [
            part
            for e in (self.entries if entries is None else entries)
            for part in (e, e.dose, exercises.get(e.exercise_id))
        ]

    def refresh(self) -> None:
        """Re-read the day. A day that shows the very same entries, doses and exercises as
        before is left alone, so an edit relays out and repaints only the days it touched."""
        entries = self._read()
        shown = self._signature(entries)
        if len(shown) == len(self._shown) and all(
            new is old for new, old in zip(shown, self._shown, strict=True)
        ):
            return
        self.beginResetModel()
        self.entries, self._shown = entries, shown
        self.endResetModel()

    def entry(self, row: int) -> Entry:
        return self.entries[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entries = self.entries
        if not index.isValid() or not 0 <= index.row() < len(entries):
            return None
        entry = entries[index.row()]
        exercise = self.program.exercises[entry.exercise_id]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{exercise.name}, {entry.dose.describe()}"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [exercise.name, entry.dose.describe()]
            if entry.dose.load:
                lines.append(f"Load: {entry.dose.load}")
            if entry.dose.notes:
                lines.append(entry.dose.notes)
            if entry.photos:
                count = len(entry.photos)
                lines.append(f"{count} photo{'s' if count > 1 else ''} of this client")
            lines.append("Double-click or F2 to change the dose; right-click for photos")
            return "\n".join(lines)
        if role == EntryRole:
            return entry
        if role == ExerciseOfEntryRole:
            return exercise
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def mimeTypes(self) -> list[str]:
        return [ENTRY_IDS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_ids(ENTRY_IDS, [self.entries[r].id for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
