"""The hexagon chart: a week's weighted sets per direction against the target band.

Each direction sits opposite its antagonist (Forward–Backward, Away–Toward, Rotate out–Rotate
in), so an unbalanced week shows as a stretched shape. Nothing rests on colour alone: the band
is hatched, and a direction under or over the band gets its own marker shape.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from planner.balance.checks import num
from planner.balance.coverage import HEXAGON, Standing
from planner.taxonomy import Direction

ORDER = HEXAGON

STANDING_WORDS = {
    Standing.UNDER: "under target",
    Standing.ON: "on target",
    Standing.OVER: "over target",
    Standing.FLAGGED: "in the target band, but a finding names it",
}
LEGEND = (
    ("band", "Target"),
    (Standing.ON, "On target"),
    (Standing.UNDER, "Under"),
    (Standing.OVER, "Over"),
    (Standing.FLAGGED, "See findings"),
)
GAP = 6
MARKER = 5.0
MIN_RADIUS, MAX_RADIUS = 40.0, 130.0
BACKDROPS_KEPT = 4


def _angle(i: int) -> float:
    return math.radians(-90 + 60 * i)


def _nice_step(top: float) -> float:
    """A round grid step (1, 2 or 5 × 10^k) giving about four rings up to ``top``."""
    raw = top / 4
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


class RadarChart(QWidget):
    """Paints the six directions; reports the direction under the mouse or keyboard focus."""

    hovered = Signal(object)  # Direction | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(200)
        self.setAccessibleName("Hexagon chart of weighted sets per direction")
        self.sets: dict[Direction, float] = dict.fromkeys(Direction, 0.0)
        self.standing: dict[Direction, Standing] = dict.fromkeys(Direction, Standing.ON)
        self.band = (0.0, 0.0)
        self.describe: Callable[[Direction], str] = lambda d: d.label
        """Tooltip text for a direction (the entries feeding it); the panel sets it."""
        self.highlight: Direction | None = None
        self._backdrops: dict[tuple[object, ...], QPixmap] = {}

    def sizeHint(self) -> QSize:
        return QSize(260, self.heightForWidth(260))

    def set_data(
        self,
        sets: Mapping[Direction, float],
        band: tuple[float, float],
        standing: Mapping[Direction, Standing],
    ) -> None:
        self.sets, self.band, self.standing = dict(sets), band, dict(standing)
        self.setAccessibleDescription(
            "; ".join(
                f"{d.label} {num(self.sets[d])} weighted sets, {STANDING_WORDS[self.standing[d]]}"
                for d in ORDER
            )
            + f". Target {num(band[0])} to {num(band[1])}."
        )
        self.update()

    # -- geometry ----------------------------------------------------------------------------

    def _label_font(self, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setBold(bold)
        return font

    def _legend_lines(self, width: int) -> list[list[tuple[object, str, float]]]:
        """Legend items (kind, text, width) flowed into lines that fit ``width``."""
        metrics = QFontMetrics(self.font())
        lines: list[list[tuple[object, str, float]]] = [[]]
        x = 0.0
        for kind, text in LEGEND:
            item = 2 * MARKER + 4 + metrics.horizontalAdvance(text)
            if lines[-1] and x + item > width - 8:
                lines.append([])
                x = 0.0
            lines[-1].append((kind, text, item))
            x += item + 12
        return lines

    def _label_lines(self, i: int) -> list[str]:
        """Top and bottom: the name, then the number; at the sides the name wraps at spaces."""
        direction = ORDER[i]
        words = [direction.label] if i in (0, 3) else direction.label.split()
        return [*words, num(self.sets[direction])]

    def _radius_for(self, width: int) -> float:
        metrics = QFontMetrics(self._label_font(bold=True))
        side = max(
            metrics.horizontalAdvance(text) for i in (1, 2, 4, 5) for text in self._label_lines(i)
        )
        return (width / 2 - GAP - side - 2) / math.cos(math.radians(30))

    def _rim(self, width: int) -> float:
        """Height used above and below the hexagon: labels and gap, plus the legend."""
        line = QFontMetrics(self._label_font(bold=True)).height()
        legend = len(self._legend_lines(width)) * QFontMetrics(self.font()).height()
        return 2 * (GAP + 2 * line) + legend + GAP

    def heightForWidth(self, width: int) -> int:
        radius = max(MIN_RADIUS, min(self._radius_for(width), MAX_RADIUS))
        return int(2 * radius + self._rim(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the height that suits the width; the layout is told through the fixed height.

        A fixed height (not a minimum changed during layout) keeps neighbours from overlapping.
        """
        super().resizeEvent(event)
        wanted = self.heightForWidth(event.size().width())
        if wanted != self.height():
            self.setFixedHeight(wanted)

    def _geometry(self) -> tuple[QPointF, float]:
        """The centre and the radius of the outer ring, leaving room for labels and legend."""
        legend = len(self._legend_lines(self.width())) * QFontMetrics(self.font()).height()
        height = self.height() - legend - GAP
        by_height = (self.height() - self._rim(self.width())) / 2
        radius = max(MIN_RADIUS, min(self._radius_for(self.width()), by_height))
        return QPointF(self.width() / 2, height / 2), radius

    def _top(self) -> float:
        return max(max(self.sets.values()), self.band[1], 1.0) * 1.08

    def _point(self, centre: QPointF, radius: float, i: int, value: float) -> QPointF:
        r = radius * value / self._top()
        return QPointF(centre.x() + r * math.cos(_angle(i)), centre.y() + r * math.sin(_angle(i)))

    def _hexagon(self, centre: QPointF, radius: float, value: float) -> QPolygonF:
        return QPolygonF([self._point(centre, radius, i, value) for i in range(6)])

    def direction_at(self, pos: QPointF) -> Direction | None:
        """The direction whose axis (or label) is nearest ``pos``; None near the centre."""
        centre, _ = self._geometry()
        dx, dy = pos.x() - centre.x(), pos.y() - centre.y()
        if math.hypot(dx, dy) < 10:
            return None
        angle = math.degrees(math.atan2(dy, dx))
        return ORDER[round((angle + 90) / 60) % 6]

    # -- interaction -------------------------------------------------------------------------

    def _set_highlight(self, direction: Direction | None) -> None:
        if direction is not self.highlight:
            self.highlight = direction
            self.update()
            self.hovered.emit(direction)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_highlight(self.direction_at(event.position()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if not self.hasFocus():
            self._set_highlight(None)
        super().leaveEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._set_highlight(None)
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}
        delta = step.get(Qt.Key(event.key()))
        if delta is None:
            super().keyPressEvent(event)
            return
        current = ORDER.index(self.highlight) if self.highlight else -delta
        self._set_highlight(ORDER[(current + delta) % 6])
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            direction = self.direction_at(QPointF(event.pos()))
            if direction is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.describe(direction), self)
            return True
        return super().event(event)

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        centre, radius = self._geometry()
        painter.drawPixmap(0, 0, self._backdrop(palette, centre, radius))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_week(painter, palette, centre, radius)
        self._paint_labels(painter, palette, centre, radius)
        painter.end()

    def _backdrop(self, palette: QPalette, centre: QPointF, radius: float) -> QPixmap:
        """The grid, the target band and the legend: what a drop seldom changes, kept as a
        picture by everything they depend on (the last few, so undo and redo find theirs)."""
        ratio = self.devicePixelRatioF()
        key = (
            self.width(),
            self.height(),
            ratio,
            palette.cacheKey(),
            self.font().key(),
            self._top(),
            self.band,
            self.highlight,
            centre.x(),
            centre.y(),
            radius,
        )
        picture = self._backdrops.pop(key, None)
        if picture is None:
            picture = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_grid(painter, palette, centre, radius)
            self._paint_band(painter, palette, centre, radius)
            self._paint_legend(painter, palette)
            painter.end()
        self._backdrops[key] = picture  # the most recently used last
        while len(self._backdrops) > BACKDROPS_KEPT:
            del self._backdrops[next(iter(self._backdrops))]
        return picture

    def _paint_grid(
        self, painter: QPainter, palette: QPalette, centre: QPointF, radius: float
    ) -> None:
        top = self._top()
        step = _nice_step(top)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1))
        value = step
        while value < top:
            painter.drawPolygon(self._hexagon(centre, radius, value))
            value += step
        for i, direction in enumerate(ORDER):
            chosen = direction is self.highlight
            colour = palette.color(
                QPalette.ColorRole.Highlight if chosen else QPalette.ColorRole.Mid
            )
            if chosen:
                colour.setAlphaF(0.45)
            painter.setPen(QPen(colour, 4 if chosen else 1))
            painter.drawLine(centre, self._point(centre, radius, i, top))

    def _paint_band(
        self, painter: QPainter, palette: QPalette, centre: QPointF, radius: float
    ) -> None:
        low, high = self.band
        text = palette.color(QPalette.ColorRole.Text)
        if high > low:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            path.addPolygon(self._hexagon(centre, radius, high))
            path.addPolygon(self._hexagon(centre, radius, low))
            # Filled without antialiasing (half the cost of this chart's paint, repainted on
            # every drop); the antialiased dashed rings drawn next are its edges.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            grey = QColor(text)
            grey.setAlphaF(0.10)
            painter.fillPath(path, grey)
            hatch = QColor(text)
            hatch.setAlphaF(0.30)
            painter.fillPath(path, QBrush(hatch, Qt.BrushStyle.BDiagPattern))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        edge = QColor(text)
        edge.setAlphaF(0.45)
        painter.setPen(QPen(edge, 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for value in {low, high}:
            painter.drawPolygon(self._hexagon(centre, radius, value))

    def _paint_week(
        self, painter: QPainter, palette: QPalette, centre: QPointF, radius: float
    ) -> None:
        accent = palette.color(QPalette.ColorRole.Highlight)
        fill = QColor(accent)
        fill.setAlphaF(0.22)
        shape = QPolygonF(
            [self._point(centre, radius, i, self.sets[d]) for i, d in enumerate(ORDER)]
        )
        painter.setPen(QPen(accent, 2))
        painter.setBrush(fill)
        painter.drawPolygon(shape)
        for i, direction in enumerate(ORDER):
            at = self._point(centre, radius, i, self.sets[direction])
            paint_marker(painter, palette, self.standing[direction], at)

    def _paint_labels(
        self, painter: QPainter, palette: QPalette, centre: QPointF, radius: float
    ) -> None:
        top = self._top()
        bold = self._label_font(bold=True)
        metrics = QFontMetrics(bold)
        line = metrics.height()
        for i, direction in enumerate(ORDER):
            lines = self._label_lines(i)
            vertex = self._point(centre, radius, i, top)
            width = max(metrics.horizontalAdvance(text) for text in lines) + 2
            height = len(lines) * line
            x, y = vertex.x(), vertex.y()
            if i == 0:
                rect = QRectF(x - width / 2, y - GAP - height, width, height)
                align = Qt.AlignmentFlag.AlignHCenter
            elif i == 3:
                rect = QRectF(x - width / 2, y + GAP, width, height)
                align = Qt.AlignmentFlag.AlignHCenter
            elif i in (1, 2):
                rect = QRectF(x + GAP, y - height / 2, width, height)
                align = Qt.AlignmentFlag.AlignLeft
            else:
                rect = QRectF(x - GAP - width, y - height / 2, width, height)
                align = Qt.AlignmentFlag.AlignRight
            chosen = direction is self.highlight
            role = QPalette.ColorRole.Highlight if chosen else QPalette.ColorRole.Text
            painter.setPen(palette.color(role))
            name_font = QFont(bold)
            name_font.setUnderline(chosen)
            for n, text in enumerate(lines):
                painter.setFont(name_font if n < len(lines) - 1 else self._label_font())
                row = QRectF(rect.left(), rect.top() + n * line, rect.width(), line)
                painter.drawText(row, align | Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_legend(self, painter: QPainter, palette: QPalette) -> None:
        painter.setFont(self.font())
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        lines = self._legend_lines(self.width())
        y = self.height() - len(lines) * line
        for items in lines:
            total = sum(width for _, _, width in items) + 12 * (len(items) - 1)
            x = (self.width() - total) / 2
            for kind, text, width in items:
                middle = QPointF(x + MARKER, y + line / 2)
                if isinstance(kind, Standing):
                    paint_marker(painter, palette, kind, middle)
                else:
                    swatch = QRectF(x, y + line / 2 - MARKER, 2 * MARKER, 2 * MARKER)
                    ink = QColor(palette.color(QPalette.ColorRole.Text))
                    ink.setAlphaF(0.45)
                    painter.setPen(QPen(ink, 1))
                    painter.setBrush(QBrush(ink, Qt.BrushStyle.BDiagPattern))
                    painter.drawRect(swatch)
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                painter.drawText(
                    QRectF(x + 2 * MARKER + 4, y, width, line),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    text,
                )
                x += width + 12
            y += line


def paint_marker(painter: QPainter, palette: QPalette, standing: Standing, at: QPointF) -> None:
    """On target: a filled dot; under: a hollow triangle pointing down; over: a filled one up;
    flagged by a finding: a hollow diamond."""
    ink = palette.color(QPalette.ColorRole.Text)
    painter.save()
    if standing is Standing.FLAGGED:
        s = MARKER + 1
        diamond = QPolygonF(
            [
                QPointF(at.x(), at.y() - s),
                QPointF(at.x() + s, at.y()),
                QPointF(at.x(), at.y() + s),
                QPointF(at.x() - s, at.y()),
            ]
        )
        painter.setPen(QPen(ink, 2))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawPolygon(diamond)
    elif standing is Standing.ON:
        painter.setPen(QPen(ink, 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawEllipse(at, MARKER - 1, MARKER - 1)
    else:
        s = MARKER + 1
        sign = 1 if standing is Standing.UNDER else -1
        triangle = QPolygonF(
            [
                QPointF(at.x() - s, at.y() - sign * s * 0.8),
                QPointF(at.x() + s, at.y() - sign * s * 0.8),
                QPointF(at.x(), at.y() + sign * s),
            ]
        )
        painter.setPen(QPen(ink, 2 if standing is Standing.UNDER else 1))
        painter.setBrush(
            palette.color(QPalette.ColorRole.Base) if standing is Standing.UNDER else ink
        )
        painter.drawPolygon(triangle)
    painter.restore()
