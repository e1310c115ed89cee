"""Direction badges: short text in a rounded box; the primary is filled, secondaries outlined.

Meaning never rests on colour alone: the text names the direction and fill marks the primary.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette

from planner.taxonomy import Direction

BADGE_TEXT = {
    Direction.FLEXION: "Fwd",
    Direction.EXTENSION: "Back",
    Direction.ABDUCTION: "Away",
    Direction.ADDUCTION: "Toward",
    Direction.EXTERNAL_ROTATION: "Rot out",
    Direction.INTERNAL_ROTATION: "Rot in",
}

# Muted hues that stay distinct in greyscale-ish print and for common colour-vision deficiencies.
BADGE_COLOUR = {
    Direction.FLEXION: QColor("#1f77b4"),
    Direction.EXTENSION: QColor("#8c564b"),
    Direction.ABDUCTION: QColor("#2ca02c"),
    Direction.ADDUCTION: QColor("#9467bd"),
    Direction.EXTERNAL_ROTATION: QColor("#d62728"),
    Direction.INTERNAL_ROTATION: QColor("#e377c2").darker(130),
}

PAD_X, GAP = 5, 4


def badge_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(7.0, base.pointSizeF() * 0.8))
    font.setBold(True)
    return font


def badges_width(directions: tuple[Direction, ...], font: QFont) -> int:
    metrics = QFontMetrics(badge_font(font))
    return sum(metrics.horizontalAdvance(BADGE_TEXT[d]) + 2 * PAD_X + GAP for d in directions)


def paint_badges(
    painter: QPainter,
    right: float,
    center_y: float,
    directions: tuple[Direction, ...],
    font: QFont,
    palette: QPalette,
    first_is_primary: bool = True,
) -> float:
    """Paint badges right-aligned ending at ``right``; returns the x where they begin.

    The primary direction is filled, secondary ones outlined; ``first_is_primary`` is False
    for a second row of badges.
    """
    font = badge_font(font)
    metrics = QFontMetrics(font)
    height = metrics.height() + 2
    x = right
    painter.save()
    painter.setFont(font)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for index in reversed(range(len(directions))):
        direction, primary = directions[index], index == 0 and first_is_primary
        text = BADGE_TEXT[direction]
        width = metrics.horizontalAdvance(text) + 2 * PAD_X
        x -= width
        rect = QRectF(x, center_y - height / 2, width, height)
        colour = BADGE_COLOUR[direction]
        painter.setPen(colour)
        painter.setBrush(colour if primary else palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor("white") if primary else colour.darker(110))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        x -= GAP
    painter.restore()
    return x


def badge_rows(
    directions: tuple[Direction, ...], font: QFont, width: float
) -> list[tuple[Direction, ...]]:
    """Split badges into rows that each fit ``width`` (at least one badge a row)."""
    metrics = QFontMetrics(badge_font(font))
    rows: list[list[Direction]] = [[]]
    used = 0.0
    for direction in directions:
        size = metrics.horizontalAdvance(BADGE_TEXT[direction]) + 2 * PAD_X + GAP
        if rows[-1] and used + size > width:
            rows.append([])
            used = 0.0
        rows[-1].append(direction)
        used += size
    return [tuple(row) for row in rows]


def badge_tooltip(directions: tuple[Direction, ...]) -> str:
    primary, *secondary = directions
    text = f"Primary: {primary.label} ({primary.joint_action})"
    if secondary:
        text += "\nAlso: " + ", ".join(f"{d.label} ({d.joint_action})" for d in secondary)
    return text
