"""One day's entries as a Qt list model reading straight from the program (no copies)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from planner.log_summary import MARK_WORDS, CardMark, day_marks
from planner.program import Entry
from ui.common import clock
from ui.common.mime import ENTRY_IDS, encode_ids
from ui.common.workspace import ReadsShownWeek, ShownWeek

EntryRole = Qt.ItemDataRole.UserRole + 1
ExerciseOfEntryRole = Qt.ItemDataRole.UserRole + 2
MarkRole = Qt.ItemDataRole.UserRole + 3
"""The card's :class:`CardMark` from the client's log (done / partly / missed), or None."""

_Index = QModelIndex | QPersistentModelIndex


class DayModel(QAbstractListModel, ReadsShownWeek):
    """Day ``day`` of the week that ``shown`` (the workspace) shows: the model keeps no copy of
    the program or the week, only the entries Qt was last told about."""

    def __init__(self, shown: ShownWeek, day: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.shown = shown
        self.day = day
        self.entries: list[Entry] = self._read()
        self.marks = self._marks(self.entries)
        self._shown = self._signature()

    def _read(self) -> list[Entry]:
        """A copy of the day's list: Qt must only see rows change inside a model reset."""
        if self.week >= len(self.program.weeks):
            return []
        return list(self.program.weeks[self.week].days[self.day].entries)

    def _marks(self, entries: list[Entry]) -> dict[str, CardMark]:
        """The log's mark of each card (read once per refresh, not on every paint)."""
        if not self.program.log and self.program.details.start_date is None:
            return {}
        return day_marks(self.program, self.week, self.day, clock.today(), [e.id for e in entries])

    def show(self) -> None:
        """Read the day anew after the shown program or week changed."""
        self.beginResetModel()
        self.entries = self._read()
        self.marks = self._marks(self.entries)
        self._shown = self._signature()
        self.endResetModel()

    def _signature(
        self, entries: list[Entry] | None = None, marks: dict[str, CardMark] | None = None
    ) -> list[object]:
        """What the cards show: each entry, its dose and its exercise (entries are mutable),
        and its mark from the log."""
        exercises = self.program.exercises
        marks = self.marks if marks is None else marks
        return [
            part
            for e in (self.entries if entries is None else entries)
            for part in (e, e.dose, exercises.get(e.exercise_id), marks.get(e.id))
        ]

    def refresh(self) -> None:
        """Re-read the day. A day that shows the very same entries, doses, exercises and marks
        as before is left alone, so an edit relays out and repaints only the days it touched."""
        entries = self._read()
        marks = self._marks(entries)
        shown = self._signature(entries, marks)
        if len(shown) == len(self._shown) and all(
            new is old or (new == old and isinstance(new, CardMark))
            for new, old in zip(shown, self._shown, strict=True)
        ):
            return
        self.beginResetModel()
        self.entries, self.marks, self._shown = entries, marks, shown
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
            mark = self.marks.get(entry.id)
            done = f", {MARK_WORDS[mark.mark].lower()}" if mark is not None else ""
            return f"{exercise.name}, {entry.dose.describe()}{done}"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [exercise.name, entry.dose.describe()]
            if entry.dose.load:
                lines.append(f"Load: {entry.dose.load}")
            if entry.dose.notes:
                lines.append(entry.dose.notes)
            mark = self.marks.get(entry.id)
            if mark is not None:
                lines.append(mark.explanation)
            if entry.photos:
                count = len(entry.photos)
                lines.append(f"{count} photo{'s' if count > 1 else ''} of this client")
            lines.append("Double-click or F2 to change the dose; right-click for photos")
            return "\n".join(lines)
        if role == MarkRole:
            return self.marks.get(entry.id)
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
