"""The item flags the app's read-only list and table models share."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt


def read_only_flags(
    index: QModelIndex | QPersistentModelIndex, extra: Qt.ItemFlag = Qt.ItemFlag.NoItemFlags
) -> Qt.ItemFlag:
    """Enabled, selectable, childless rows (plus ``extra``); nothing for an invalid index."""
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return (
        Qt.ItemFlag.ItemIsEnabled
        | Qt.ItemFlag.ItemIsSelectable
        | Qt.ItemFlag.ItemNeverHasChildren
        | extra
    )
