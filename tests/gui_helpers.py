"""Helpers for GUI tests: real drag-and-drop events sent to real widgets."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QListView

from planner.program import Program


def row_point(view: QListView, row: int, where: str = "top") -> QPoint:
    """A point in the view's viewport: inside the row's top or bottom edge (its left or right
    edge when the cards run left to right), or after all rows."""
    model = view.model()
    if row >= model.rowCount():
        if model.rowCount() == 0:
            return QPoint(20, 20)
        rect = view.visualRect(model.index(model.rowCount() - 1, 0))
        return QPoint(rect.center().x(), rect.bottom() + 10)
    rect = view.visualRect(model.index(row, 0))
    if getattr(view, "rows", False):  # a day as a row: cards run left to right
        x = rect.left() + 3 if where == "top" else rect.right() - 3
        return QPoint(x, rect.center().y())
    y = rect.top() + 3 if where == "top" else rect.bottom() - 3
    return QPoint(rect.center().x(), y)


def drag_and_drop(
    view: QListView,
    data: QMimeData,
    pos: QPoint,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    actions: Qt.DropAction = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,
) -> tuple[bool, bool]:
    """Send enter, move and drop events as Qt would; returns (enter accepted, drop accepted)."""
    target = view.viewport()
    buttons = Qt.MouseButton.LeftButton
    enter = drag_event(QDragEnterEvent, pos, actions, data, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    move = drag_event(QDragMoveEvent, pos, actions, data, buttons, modifiers)
    QApplication.sendEvent(target, move)
    if not (enter.isAccepted() and move.isAccepted()):
        return False, False
    drop = QDropEvent(QPointF(pos), actions, data, buttons, modifiers)
    QApplication.sendEvent(target, drop)
    return True, drop.isAccepted()


def drag_event(kind, pos, *args):  # type: ignore[no-untyped-def]
    """Qt 6.12 takes a QPointF and deprecates QPoint; earlier versions take only QPoint."""
    try:
        return kind(QPointF(pos), *args)
    except TypeError:
        return kind(pos, *args)


def day_ids(program: Program, week: int, day: int) -> list[str]:
    return [e.exercise_id for e in program.day(week, day).entries]
