"""A small chart of the highest knee pain per week: during the sessions and the next morning.

One column per week, 0–10 upwards, a solid line for pain during and a dashed one for the next
morning (weeks without a report leave a gap); the shown week is shaded, and a line at 5 marks
the top of what the pain-monitoring model accepts during exercise. Hovering a week tells its
numbers; a click shows that week.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from planner.log_summary import WeekLog, pain_text, percent_text

DURING = QColor("#c62828")
MORNING = QColor("#1565c0")
ACCEPTABLE = 5
"""Pain up to 5/10 during exercise, settled by the next morning, is acceptable in the
pain-monitoring model (Thomeé 1997; Silbernagel 2007) — drawn as a guide, not a verdict."""
LEFT, TOP, BOTTOM = 22, 16, 14


class PainTrend(QWidget):
    week_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks: list[WeekLog] = []
        self.current = 0
        self.setMinimumHeight(84)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Knee pain per week")
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(220, 92)

    def set_weeks(self, weeks: Sequence[WeekLog], current: int) -> None:
        self.weeks, self.current = list(weeks), current
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """Every week's numbers in words (the tooltip and screen readers)."""
        return "\n".join(self.week_text(w) for w in self.weeks)

    @staticmethod
    def week_text(week: WeekLog) -> str:
        return (
            f"Week {week.week + 1}: knee pain during {pain_text(week.pain_during)}, "
            f"next morning {pain_text(week.pain_next_morning)} (highest reported); "
            f"{percent_text(week.adherence)} of due sets done"
        )

    # -- geometry ------------------------------------------------------------------------------

    def _plot(self) -> QRectF:
        return QRectF(self.rect()).adjusted(LEFT, TOP, -4, -BOTTOM)

    def week_x(self, week: int) -> float:
        plot = self._plot()
        step = plot.width() / max(1, len(self.weeks))
        return plot.left() + step * (week + 0.5)

    def _y(self, pain: float) -> float:
        plot = self._plot()
        return plot.bottom() - plot.height() * pain / 10

    def week_at(self, x: float) -> int | None:
        plot = self._plot()
        if not self.weeks or not plot.left() <= x <= plot.right():
            return None
        step = plot.width() / len(self.weeks)
        return min(len(self.weeks) - 1, int((x - plot.left()) // step))

    # -- events --------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            week = self.week_at(event.pos().x()) if self.weeks else None
            text = self.week_text(self.weeks[week]) if week is not None else self.describe()
            QToolTip.showText(event.globalPos(), text or "Nothing logged yet", self)
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        week = self.week_at(event.position().x())
        if week is not None:
            self.week_clicked.emit(week)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(palette.ColorRole.Text)
        faint = palette.color(palette.ColorRole.Mid)
        plot = self._plot()
        font = painter.font()
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        painter.setFont(font)

        # legend on top, axis labels on the left
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), TOP), Qt.AlignmentFlag.AlignLeft, "Knee pain")
        legend_x = self.width() - 4
        for label, colour, dashed in (("next morning", MORNING, True), ("during", DURING, False)):
            width = painter.fontMetrics().horizontalAdvance(label)
            legend_x -= width
            painter.setPen(text)
            painter.drawText(QPointF(legend_x, TOP - 5), label)
            legend_x -= 16
            painter.setPen(self._pen(colour, dashed))
            painter.drawLine(QPointF(legend_x, TOP - 8), QPointF(legend_x + 12, TOP - 8))
            legend_x -= 8
        for value in (0, ACCEPTABLE, 10):
            y = self._y(value)
            painter.setPen(
                QPen(
                    faint, 1, Qt.PenStyle.DotLine if value == ACCEPTABLE else Qt.PenStyle.SolidLine
                )
            )
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - 7, LEFT - 4, 14),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        if not self.weeks:
            painter.end()
            return
        step = plot.width() / len(self.weeks)
        if 0 <= self.current < len(self.weeks):
            shade = QColor(palette.color(palette.ColorRole.Highlight))
            shade.setAlpha(40)
            painter.fillRect(
                QRectF(plot.left() + step * self.current, plot.top(), step, plot.height()), shade
            )
        # week numbers below (thinned out when there are many weeks)
        every = max(1, int(len(self.weeks) * 18 // max(1.0, plot.width())) + 1)
        painter.setPen(text)
        for w in range(len(self.weeks)):
            if w % every == 0 or w == self.current:
                painter.drawText(
                    QRectF(self.week_x(w) - 12, plot.bottom() + 1, 24, BOTTOM),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    str(w + 1),
                )
        self._series(painter, [w.pain_next_morning for w in self.weeks], MORNING, True)
        self._series(painter, [w.pain_during for w in self.weeks], DURING, False)
        if all(w.pain_during is None and w.pain_next_morning is None for w in self.weeks):
            painter.setPen(faint)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No pain reported yet")
        painter.end()

    @staticmethod
    def _pen(colour: QColor, dashed: bool) -> QPen:
        pen = QPen(colour, 2)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def _series(
        self, painter: QPainter, values: Sequence[int | None], colour: QColor, dashed: bool
    ) -> None:
        path = QPainterPath()
        drawing = False
        for w, value in enumerate(values):
            if value is None:
                drawing = False
                continue
            point = QPointF(self.week_x(w), self._y(value))
            if drawing:
                path.lineTo(point)
            else:
                path.moveTo(point)
                drawing = True
        painter.setPen(self._pen(colour, dashed))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for w, value in enumerate(values):
            if value is not None:
                painter.drawEllipse(QPointF(self.week_x(w), self._y(value)), 2.5, 2.5)
