"""The catalog as a Qt list model over a plain Python list, filtered by a :class:`CatalogQuery`.

A hand-written model rather than QStandardItemModel: cheaper per row, and it avoids a PySide6
reference-count bug with many item calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from planner.catalog import CatalogQuery, filter_exercises, sort_for_browsing
from planner.exercise import Exercise
from ui.common.badges import badge_tooltip
from ui.common.item_flags import read_only_flags
from ui.common.mime import EXERCISE_IDS, encode_ids

ExerciseRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class CatalogModel(QAbstractListModel):
    """Shows the exercises matching the current query, sorted by direction then name."""

    def __init__(self, exercises: Sequence[Exercise] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Exercise] = []
        self._archived = 0
        self._by_id: dict[str, Exercise] = {}
        self._rows: list[Exercise] = []
        self._query = CatalogQuery()
        self.set_exercises(exercises)

    # -- data ------------------------------------------------------------------------------

    def set_exercises(self, exercises: Sequence[Exercise]) -> None:
        self._all = sort_for_browsing(exercises)
        self._archived = sum(1 for ex in self._all if ex.archived)
        self._by_id = {}
        for ex in reversed(self._all):  # the first of a (never expected) repeated id wins
            self._by_id[ex.id] = ex
        self._refilter(self._all, force=True)

    def set_query(self, query: CatalogQuery) -> None:
        if query != self._query:
            # Typing on only narrows the result: filter the rows shown, not the whole catalog.
            narrower = query.narrows(self._query)
            self._query = query
            self._refilter(self._rows if narrower else self._all)

    @property
    def query(self) -> CatalogQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many exercises the catalog shows when nothing is filtered."""
        return len(self._all) - (0 if self._query.include_archived else self._archived)

    def all_exercises(self) -> list[Exercise]:
        """Every exercise the model holds, archived ones too, whatever the query."""
        return list(self._all)

    def exercise(self, row: int) -> Exercise:
        return self._rows[row]

    def row_of(self, exercise_id: str) -> int:
        for row, ex in enumerate(self._rows):
            if ex.id == exercise_id:
                return row
        return -1

    def find(self, exercise_id: str) -> Exercise | None:
        return self._by_id.get(exercise_id)

    def _refilter(self, candidates: list[Exercise], *, force: bool = False) -> None:
        """Filter ``candidates`` (kept in their order) by the query; the rows Qt sees change
        only inside a reset, and an unchanged result causes none (no relayout, no repaint)."""
        rows = [candidates[i] for i in filter_exercises(candidates, self._query)]
        if not force and rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    # -- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        ex = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return ex.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{ex.name}\n{badge_tooltip(ex.directions)}\n{ex.knee.label}, {ex.level.label}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            dirs = ", ".join(d.label for d in ex.directions)
            return f"{ex.name}; {dirs}; {ex.knee.label}"
        if role == ExerciseRole:
            return ex
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return read_only_flags(index, Qt.ItemFlag.ItemIsDragEnabled)

    def mimeTypes(self) -> list[str]:
        return [EXERCISE_IDS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = encode_ids(EXERCISE_IDS, [self._rows[r].id for r in rows])
        data.setText("\n".join(self._rows[r].name for r in rows))
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction
