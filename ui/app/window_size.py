"""The main window's size on first start: as large as the screen it opens on allows, never more."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize

PREFERRED = QSize(1280, 800)
MINIMUM = QSize(900, 560)
FRAME_ALLOWANCE = QSize(16, 40)
"""Room left for the title bar and borders, which are not known before the window is shown."""


def first_geometry(available: QRect) -> QRect:
    """The window's inner geometry on first start: the preferred size, shrunk to fit
    ``available`` (a screen's available geometry) with its frame, centred on it."""
    room = available.size() - FRAME_ALLOWANCE
    size = PREFERRED.boundedTo(room).expandedTo(QSize(1, 1))
    top_left = available.center() - QPoint(size.width() // 2, size.height() // 2)
    return QRect(top_left, size)


def minimum_size(available: QRect) -> QSize:
    """The smallest the window may be made: :data:`MINIMUM`, less on a smaller screen."""
    return MINIMUM.boundedTo(available.size() - FRAME_ALLOWANCE)


CATALOG_SHARE, CATALOG_WIDTHS = 0.2, (200, 300)
COVERAGE_WIDTHS = (240, 300)


def side_panels_for(width: int) -> list[int]:
    """The catalog, the calendar and the coverage panel's widths in a window ``width`` wide
    (until the coach drags the splitter): the side panels take what they need to be read, the
    calendar the rest, so a small window keeps as much of the week as it can."""
    catalog = max(CATALOG_WIDTHS[0], min(CATALOG_WIDTHS[1], round(width * CATALOG_SHARE)))
    coverage = max(COVERAGE_WIDTHS[0], min(COVERAGE_WIDTHS[1], round(width * 0.19)))
    return [catalog, max(100, width - catalog - coverage - 12), coverage]
