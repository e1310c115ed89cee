"""Paints a catalog row: the name (elided in the middle, the full name in the tooltip), marks
for own and archived, direction badges."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from planner.exercise import Exercise
from ui.catalog.catalog_model import ExerciseRole
from ui.common.badges import paint_badges

MARGIN = 6


def shown_name(exercise: Exercise, metrics: QFontMetrics, width: int) -> str:
    """The name as a row shows it in ``width`` pixels: elided in the middle, so both its start
    and its end (often what tells two exercises apart) stay in sight; the marks "own" and
    "archived" are kept whole after it."""
    marks = [m for m, on in (("own", not exercise.builtin), ("archived", exercise.archived)) if on]
    suffix = f"  ({', '.join(marks)})" if marks else ""
    room = width - metrics.horizontalAdvance(suffix)
    if suffix and room < metrics.horizontalAdvance("Abc…xyz"):
        return metrics.elidedText(exercise.name + suffix, Qt.TextElideMode.ElideMiddle, width)
    return metrics.elidedText(exercise.name, Qt.TextElideMode.ElideMiddle, room) + suffix


class CatalogDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        height = QFontMetrics(option.font).height() + 12
        return QSize(200, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        exercise: Exercise | None = index.data(ExerciseRole)
        if exercise is None:
            return
        style = option.widget.style() if option.widget else QApplication.style()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)

        rect: QRect = option.rect.adjusted(MARGIN, 0, -MARGIN, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        badge_left = paint_badges(
            painter,
            rect.right(),
            rect.center().y(),
            exercise.directions,
            option.font,
            option.palette,
        )
        text_font = QFont(option.font)
        text_font.setItalic(exercise.archived)
        painter.save()
        painter.setFont(text_font)
        painter.setPen(option.palette.color(role))
        available = int(badge_left - rect.left() - MARGIN)
        elided = shown_name(exercise, QFontMetrics(text_font), available)
        painter.drawText(
            QRect(rect.left(), rect.top(), available, rect.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            elided,
        )
        painter.restore()
