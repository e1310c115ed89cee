"""The week's findings as a list model with severity icons, and a list that wraps them and
shows the few that matter most, with the rest folded away until asked for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from planner.balance.findings import Code, Finding, Severity
from ui.common.item_flags import read_only_flags

FindingRole = Qt.ItemDataRole.UserRole + 1

SEVERITY_ICONS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}
SEVERITY_WORDS = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Info"}

_Index = QModelIndex | QPersistentModelIndex


def severity_icon(severity: Severity) -> QIcon:
    return QApplication.style().standardIcon(SEVERITY_ICONS[severity])


def finding_key(finding: Finding) -> Code:
    """What identifies a finding across re-analyses: its code, as a week holds one per code
    (its directions and the numbers in its message may change)."""
    return finding.code


class FindingsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Finding] = []
        self._icons: dict[Severity, QIcon] = {}

    def set_findings(self, findings: Sequence[Finding]) -> None:
        self.beginResetModel()
        self._rows = list(findings)
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._rows[row]

    def row_of(self, key: Code) -> int:
        return next((r for r, f in enumerate(self._rows) if finding_key(f) == key), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        found = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return found.message
        if role == Qt.ItemDataRole.DecorationRole:
            if found.severity not in self._icons:
                self._icons[found.severity] = severity_icon(found.severity)
            return self._icons[found.severity]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{SEVERITY_WORDS[found.severity]}: {found.message}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(found)
        if role == FindingRole:
            return found
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return read_only_flags(index)


def tooltip(found: Finding) -> str:
    """Severity, code and directions on one line, then why the check exists."""
    where = ", ".join(d.label for d in found.directions)
    head = f"{SEVERITY_WORDS[found.severity]} ({found.code.value})" + (
        f": {where}" if where else ""
    )
    return f"{head}\nWhy it matters: {found.reason}"


class WrappingDelegate(QStyledItemDelegate):
    """Sizes each row to its message wrapped at the list's width."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        view = self.parent()
        wrapped = QStyleOptionViewItem(option)
        if isinstance(view, QListView):
            wrapped.rect = QRect(0, 0, max(80, view.viewport().width()), 1)
        size = super().sizeHint(wrapped, index)
        return QSize(size.width(), size.height() + 8)


TOP_FINDINGS = 3
"""How many findings show before the rest are folded away."""


class FindingsList(QListView):
    """The findings, the first :data:`TOP_FINDINGS` of them only while ``folded``."""

    def __init__(self, model: FindingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folded = True
        self.setModel(model)
        model.modelReset.connect(self._fold)
        self.setItemDelegate(WrappingDelegate(self))
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName("Findings")
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def folded_count(self) -> int:
        """How many findings the fold hides (0 when unfolded or when there are few)."""
        rows = self.model().rowCount()
        # Folding a single finding away would save no room: show it.
        return rows - TOP_FINDINGS if self.folded and rows > TOP_FINDINGS + 1 else 0

    def set_folded(self, folded: bool) -> None:
        self.folded = folded
        self._fold()

    def _fold(self) -> None:
        hidden = self.folded_count()
        rows = self.model().rowCount()
        for row in range(rows):
            self.setRowHidden(row, row >= rows - hidden)
