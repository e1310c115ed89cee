"""The coverage hexagon at the size of a start page card.

Loaded with the first template preview, after the start page's first paint: it brings the
balance rule (``planner.balance``) with it.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from planner.balance.coverage import Standing
from planner.taxonomy import Direction
from ui.coverage.radar_chart import RadarChart


class SmallHexagon(RadarChart):
    """The coverage hexagon of :mod:`ui.coverage.radar_chart` at card size: the rings, the
    target band and the week's shape with its markers, without labels or legend."""

    SIDE = 88

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumWidth(self.SIDE)
        self.setFixedSize(self.SIDE, self.SIDE)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.filled = False

    def sizeHint(self) -> QSize:
        return QSize(self.SIDE, self.SIDE)

    def heightForWidth(self, width: int) -> int:
        return self.SIDE

    def show_week(
        self,
        sets: Mapping[Direction, float],
        band: tuple[float, float],
        standing: Mapping[Direction, Standing],
    ) -> None:
        self.filled = True
        self.set_data(sets, band, standing)
        self.setToolTip(self.accessibleDescription())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.filled:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        centre = QPointF(self.width() / 2, self.height() / 2)
        radius = self.SIDE / 2 - 6
        self._paint_grid(painter, palette, centre, radius)
        self._paint_band(painter, palette, centre, radius)
        self._paint_week(painter, palette, centre, radius)
        painter.end()
