"""Paints an entry as a compact card: the name on at most two lines (elided in the middle, the
full name in the tooltip), the dose and load on one line, and the direction badges beside them
when they fit (else on a row of their own)."""

from __future__ import annotations

import re
from collections import OrderedDict

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from planner.exercise import Exercise
from planner.log_summary import CardMark, Mark
from planner.program import Entry
from ui.common.badges import badge_font, badge_rows, badges_width, paint_badges
from ui.week.day_model import EntryRole, ExerciseOfEntryRole, MarkRole

PAD = 4
SPACING = 4
FOCUS_RING = 2.0
"""The width of the ring around the card that has the keyboard focus."""
MAX_NAME_LINES = 3
"""A name's lines on a card in a day column (narrow: the name may need three)."""
ROW_NAME_LINES = 2
"""A name's lines on a card when the days are rows (the cards are wider)."""
ROW_CARD_WIDTH = 160
"""A card's smallest width when the days are rows; the cards of a line share its width."""
MARK_COLOURS = {Mark.DONE: "#2e7d32", Mark.PARTLY: "#b26a00", Mark.MISSED: "#c62828"}
"""Green, amber and red, dark enough for white on them (and told apart by shape too)."""
LAYOUT_CACHE_SIZE = 4096
CARD_PICTURES_BYTES = 24 * 1024 * 1024
"""The most the cards' pictures may take (a 60-entry week at 2× takes about 8 MB)."""


class CardPictures:
    """Cards' pictures by what they show, the least recently used dropped beyond a size.

    The key holds everything a card's pixels depend on: its text lines (which follow the
    exercise's name, the dose, the width and the font), its direction badges, its log mark, its
    size, whether it is selected or has the keyboard focus, the palette and the pixel ratio. So
    a card whose dose, mark or selection changed is painted anew, and an unchanged card (the
    rest of the day after a drop) is one pixmap copy. Shared by all days: equal keys, equal
    pictures."""

    def __init__(self, limit: int = CARD_PICTURES_BYTES) -> None:
        self.limit = limit
        self.bytes = 0
        self._pictures: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()

    def __len__(self) -> int:
        return len(self._pictures)

    def get(self, key: tuple[object, ...]) -> QPixmap | None:
        picture = self._pictures.get(key)
        if picture is not None:
            self._pictures.move_to_end(key)
        return picture

    def put(self, key: tuple[object, ...], picture: QPixmap) -> None:
        old = self._pictures.pop(key, None)
        if old is not None:
            self.bytes -= _size(old)
        self._pictures[key] = picture
        self.bytes += _size(picture)
        while self.bytes > self.limit and len(self._pictures) > 1:
            _, dropped = self._pictures.popitem(last=False)
            self.bytes -= _size(dropped)

    def clear(self) -> None:
        self._pictures.clear()
        self.bytes = 0


def _size(picture: QPixmap) -> int:
    return picture.width() * picture.height() * 4


CARD_PICTURES = CardPictures()


def wrap_lines(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap that also breaks after hyphens; a word wider than a line is cut, and
    what does not fit in ``max_lines`` is elided in the middle of the last line, so the end of
    the text (often what tells two exercises apart) stays in sight."""
    pieces = re.findall(r"\S+?-(?=\S)|\S+\s*", text)  # "side-to-side " → "side-", "to-", "side "
    lines: list[str] = []
    current = ""
    for piece in pieces:
        candidate = current + piece
        if metrics.horizontalAdvance(candidate.rstrip()) <= width:
            current = candidate
            continue
        if current:
            lines.append(current.rstrip())
        current = piece
        while metrics.horizontalAdvance(current.rstrip()) > width and len(current.rstrip()) > 1:
            cut = len(current)
            while cut > 1 and metrics.horizontalAdvance(current[:cut]) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current.strip():
        lines.append(current.rstrip())
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = [
            *lines[: max_lines - 1],
            metrics.elidedText(rest, Qt.TextElideMode.ElideMiddle, width),
        ]
    return lines or [""]


def dose_line(entry: Entry) -> str:
    """The dose in words and the load, on one line."""
    text = entry.dose.describe()
    return f"{text} · {entry.dose.load}" if entry.dose.load else text


class EntryDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view)
        self.view = view
        self._layouts: dict[tuple[object, ...], tuple[list[str], list[str], int]] = {}
        """Wrapped lines by what they depend on: Qt asks for the size and then paints."""

    def layout(
        self, option: QStyleOptionViewItem, exercise: Exercise, entry: Entry, marked: bool = False
    ) -> tuple[list[str], list[str], int]:
        """The name's lines, the dose's lines and the card's height; a ``marked`` card keeps
        room for the log's mark right of its name."""
        width = self.text_width()
        key = (exercise.name, entry.dose, width, option.font.key(), marked)
        layout = self._layouts.get(key)
        if layout is None:
            if len(self._layouts) >= LAYOUT_CACHE_SIZE:
                self._layouts.clear()
            layout = self._layouts[key] = self._wrap(option, exercise, entry, width, marked)
        return layout

    def card_width(self) -> int | None:
        """The fixed width of a card when the days are rows; None: as wide as the day."""
        if getattr(self.view, "rows", False):
            width = self.view.viewport().width() - 1
            return max(ROW_CARD_WIDTH, width // max(1, width // ROW_CARD_WIDTH))
        return None

    def text_width(self) -> int:
        fixed = self.card_width()
        if fixed is not None:
            return fixed - 4 - 2 * PAD
        # Reserve the scroll bar's width so cards keep their size when it appears.
        scroll_bar = self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return max(60, self.view.width() - scroll_bar - 2 * PAD - 8)

    def _wrap(
        self,
        option: QStyleOptionViewItem,
        exercise: Exercise,
        entry: Entry,
        width: int,
        marked: bool = False,
    ) -> tuple[list[str], list[str], int]:
        name_metrics = QFontMetrics(self._name_font(option.font))
        small = QFontMetrics(option.font)
        rows_of_cards = self.card_width() is not None
        names = wrap_lines(
            exercise.name,
            name_metrics,
            width - mark_space(option, marked),
            ROW_NAME_LINES if rows_of_cards else MAX_NAME_LINES,
        )
        if rows_of_cards:
            details = [small.elidedText(dose_line(entry), Qt.TextElideMode.ElideRight, width)]
        else:
            details = wrap_lines(dose_line(entry), small, width, 2)
        badge_height = QFontMetrics(badge_font(option.font)).height() + 2
        if self._badges_beside(option.font, exercise, details, width):
            rows = 0
            detail_height = max(small.lineSpacing(), badge_height + 1)
        else:
            rows = len(badge_rows(exercise.directions, option.font, width))
            detail_height = len(details) * small.lineSpacing()
        if rows_of_cards:  # every card as tall as the tallest
            names_height = ROW_NAME_LINES * name_metrics.lineSpacing()
            rows, detail_height = 1, small.lineSpacing()
        else:
            names_height = len(names) * name_metrics.lineSpacing()
        height = 2 * PAD + names_height + detail_height + rows * (SPACING + badge_height)
        return names, details, height

    @staticmethod
    def _badges_beside(font: QFont, exercise: Exercise, details: list[str], width: int) -> bool:
        """Whether the badges fit on the dose's one line, right of its text."""
        if len(details) != 1:
            return False
        used = QFontMetrics(font).horizontalAdvance(details[0]) + 2 * SPACING
        return used + badges_width(exercise.directions, font) <= width

    @staticmethod
    def _name_font(font: QFont) -> QFont:
        bold = QFont(font)
        bold.setBold(True)
        return bold

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        entry, exercise = index.data(EntryRole), index.data(ExerciseOfEntryRole)
        if entry is None:
            return QSize(self.card_width() or 100, 40)
        marked = index.data(MarkRole) is not None
        height = self.layout(option, exercise, entry, marked)[2] + SPACING
        return QSize(self.card_width() or 100, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draws the card's picture, kept by everything it shows (see :class:`CardPictures`):
        a drop repaints every card of its day, and most of them did not change."""
        entry: Entry | None = index.data(EntryRole)
        exercise: Exercise | None = index.data(ExerciseOfEntryRole)
        if entry is None or exercise is None:
            return
        mark: CardMark | None = index.data(MarkRole)
        names, details, _ = self.layout(option, exercise, entry, mark is not None)
        rect = option.rect
        if rect.isEmpty():
            return
        ratio = painter.device().devicePixelRatioF()
        key = (
            tuple(names),
            tuple(details),
            exercise.directions,
            None if mark is None else mark.mark,
            rect.width(),
            rect.height(),
            bool(option.state & QStyle.StateFlag.State_Selected),
            bool(option.state & QStyle.StateFlag.State_HasFocus),
            option.palette.cacheKey(),
            option.palette.currentColorGroup(),
            option.font.key(),
            ratio,
        )
        picture = CARD_PICTURES.get(key)
        if picture is None:
            picture = QPixmap(round(rect.width() * ratio), round(rect.height() * ratio))
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            at_origin = QStyleOptionViewItem(option)
            at_origin.rect = QRect(0, 0, rect.width(), rect.height())
            card_painter = QPainter(picture)
            self.paint_card(card_painter, at_origin, exercise, mark, names, details)
            card_painter.end()
            CARD_PICTURES.put(key, picture)
        painter.drawPixmap(rect.topLeft(), picture)

    def paint_card(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        exercise: Exercise,
        mark: CardMark | None,
        names: list[str],
        details: list[str],
    ) -> None:
        """Paints the card in ``option.rect``: its border, name, mark, dose and badges."""
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        card = QRectF(option.rect.adjusted(2, 2, -2, -SPACING))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2.5 if selected else 1.0))
        fill = palette.color(
            QPalette.ColorRole.AlternateBase if selected else QPalette.ColorRole.Base
        )
        painter.setBrush(fill)
        painter.drawRoundedRect(card, 6, 6)
        if option.state & QStyle.StateFlag.State_HasFocus:
            # The keyboard's card: a solid ring inside the border, as strong as the selection,
            # so it shows on a selected card too and in any palette.
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), FOCUS_RING))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inset = 2 + FOCUS_RING / 2
            painter.drawRoundedRect(card.adjusted(inset, inset, -inset, -inset), 4, 4)

        x = int(card.left()) + PAD
        y = int(card.top()) + PAD
        width = int(card.width()) - 2 * PAD
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        name_font = self._name_font(option.font)
        painter.setFont(name_font)
        name_metrics = QFontMetrics(name_font)
        if mark is not None:  # right of the name's first line, in the room kept for it
            size = QFontMetrics(badge_font(option.font)).height() + 2
            spot = QPointF(card.right() - PAD - size / 2, y + name_metrics.height() / 2)
            paint_mark(painter, spot, size, mark.mark)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
        for line in names:
            painter.drawText(
                QRect(x, y, width, name_metrics.height()), Qt.AlignmentFlag.AlignLeft, line
            )
            y += name_metrics.lineSpacing()
        painter.setFont(option.font)
        small = QFontMetrics(option.font)
        badge_height = QFontMetrics(badge_font(option.font)).height() + 2
        if self._badges_beside(option.font, exercise, details, width):
            line_height = max(small.lineSpacing(), badge_height + 1)
            painter.drawText(
                QRect(x, y, width, line_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                details[0],
            )
            centre = y + line_height / 2
            paint_badges(
                painter, card.right() - PAD, centre, exercise.directions, option.font, palette
            )
            painter.restore()
            return
        for line in details:
            painter.drawText(QRect(x, y, width, small.height()), Qt.AlignmentFlag.AlignLeft, line)
            y += small.lineSpacing()
        for row in badge_rows(exercise.directions, option.font, width):
            centre = y + SPACING + badge_height / 2
            first_is_primary = row[0] is exercise.primary
            paint_badges(
                painter, card.right() - PAD, centre, row, option.font, palette, first_is_primary
            )
            y += SPACING + badge_height
        painter.restore()


def mark_space(option: QStyleOptionViewItem, marked: bool) -> int:
    """The room a log mark takes right of the name (none without a mark)."""
    if not marked:
        return 0
    return QFontMetrics(badge_font(option.font)).height() + 2 + SPACING


def paint_mark(painter: QPainter, centre: QPointF, size: float, mark: Mark) -> None:
    """The log's mark: a green disc with a tick (done), an amber half-filled disc (partly), a
    red ring with a cross (missed). Drawn, not a font's glyphs, so every system shows them."""
    colour = QColor(MARK_COLOURS[mark])
    r = size / 2 - 1
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    disc = QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)
    if mark is Mark.DONE:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(disc)
        tick = QPainterPath(QPointF(centre.x() - r * 0.5, centre.y()))
        tick.lineTo(centre.x() - r * 0.1, centre.y() + r * 0.45)
        tick.lineTo(centre.x() + r * 0.55, centre.y() - r * 0.45)
        painter.setPen(QPen(QColor("white"), max(1.5, r * 0.3)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    elif mark is Mark.PARTLY:
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(disc)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPie(disc, 90 * 16, 180 * 16)  # the left half filled
    else:
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(disc)
        d = r * 0.45
        painter.drawLine(
            QPointF(centre.x() - d, centre.y() - d), QPointF(centre.x() + d, centre.y() + d)
        )
        painter.drawLine(
            QPointF(centre.x() - d, centre.y() + d), QPointF(centre.x() + d, centre.y() - d)
        )
    painter.restore()
