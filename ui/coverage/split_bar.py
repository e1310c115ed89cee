"""A two-part bar with numbers and percentages: knee bent versus straight, standing or not.

The right part is hatched, so the split reads without colour; an optional bracket under the
bar marks the share of the right part the coach aims for.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from planner.balance.checks import num

BAR_HEIGHT = 12
BRACKET = 7


class SplitBar(QWidget):
    def __init__(self, left: str, right: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = (left, right)
        self.values = (0.0, 0.0)
        self.target: tuple[float, float] | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_values(
        self, left: float, right: float, target: tuple[float, float] | None = None
    ) -> None:
        """``target``: the low and high share (0–1) of the right part that is on target."""
        self.values, self.target = (left, right), target
        self.setFixedHeight(self.heightForWidth(self.width()))
        described = f"{self.text(0)}, {self.text(1)}"
        if target is not None:
            described += f"; aim for {target[0]:.0%}–{target[1]:.0%} {self.names[1].lower()}"
        self.setAccessibleDescription(described)
        self.update()

    def share(self, side: int) -> float:
        total = sum(self.values)
        return self.values[side] / total if total else 0.0

    def text(self, side: int) -> str:
        return f"{self.names[side]} {num(self.values[side])} ({self.share(side):.0%})"

    def _text_lines(self, width: int) -> int:
        """1 when both texts fit side by side in ``width``, else 2 (one under the other)."""
        metrics = QFontMetrics(self.font())
        needed = sum(metrics.horizontalAdvance(self.text(side)) for side in (0, 1)) + 12
        return 1 if needed <= width else 2

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        line = QFontMetrics(self.font()).height()
        lines = self._text_lines(width)
        return lines * line + 2 + BAR_HEIGHT + (BRACKET + 2 if self.target else 2)

    def sizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(200))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.heightForWidth(120))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setFixedHeight(self.heightForWidth(event.size().width()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.Text)
        line = QFontMetrics(self.font()).height()
        width = self.width() - 2
        painter.setPen(ink)
        lines = self._text_lines(self.width())
        painter.drawText(QRectF(1, 0, width, line), Qt.AlignmentFlag.AlignLeft, self.text(0))
        right_row = QRectF(1, (lines - 1) * line, width, line)
        painter.drawText(right_row, Qt.AlignmentFlag.AlignRight, self.text(1))

        bar = QRectF(1, lines * line + 2, width, BAR_HEIGHT)
        split = bar.left() + bar.width() * self.share(0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRect(QRectF(bar.left(), bar.top(), split - bar.left(), bar.height()))
        hatch = QColor(ink)
        hatch.setAlphaF(0.55)
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRect(QRectF(split, bar.top(), bar.right() - split, bar.height()))
        painter.setBrush(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
        painter.drawRect(QRectF(split, bar.top(), bar.right() - split, bar.height()))
        painter.setPen(QPen(ink, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(bar)
        if sum(self.values):
            painter.drawLine(QPointF(split, bar.top()), QPointF(split, bar.bottom()))

        if self.target is not None:
            low, high = self.target
            start = bar.right() - bar.width() * high
            end = bar.right() - bar.width() * low
            y = bar.bottom() + BRACKET - 1
            painter.drawLine(QPointF(start, y), QPointF(end, y))
            painter.drawLine(QPointF(start, y), QPointF(start, bar.bottom() + 2))
            painter.drawLine(QPointF(end, y), QPointF(end, bar.bottom() + 2))
        painter.end()
