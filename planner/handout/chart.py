"""The hexagon chart of weighted sets per hip direction, as vector shapes.

Readable in black and white: every axis carries its label and number, the target range is a
grey band with drawn edges, the first week is a solid line with squares and a later week a
dashed line with circles; a legend says so in words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String

from planner.balance.coverage import HEXAGON
from planner.balance.settings import BalanceSettings
from planner.handout.fonts import FontFamily
from planner.handout.styles import BLACK, HEADER_FILL, LIGHT_GREY, MID_GREY, WHITE
from planner.taxonomy import Direction

# Opposite directions sit on opposite corners: forward/backward, away/toward, out/in.
ANGLES = {direction: 90 - 60 * i for i, direction in enumerate(HEXAGON)}
"""Degrees counter-clockwise from east: the first direction at the top, then clockwise."""
RADIUS = 62.0
SIDE_ROOM = 66.0
TOP_ROOM = 30.0
LEGEND_LINE = 13.0


@dataclass(frozen=True, slots=True)
class ChartWeek:
    label: str
    """"Week 1"."""
    sets: Mapping[Direction, float]


def target_band(sets: Mapping[Direction, float], settings: BalanceSettings) -> tuple[float, float]:
    """The range of weighted sets a direction should get in a week like this one."""
    return settings.target_band(sum(sets.values()) / len(Direction))


def number(value: float) -> str:
    return f"{value:g}"


def direction_chart(
    first: ChartWeek, later: ChartWeek | None, fonts: FontFamily, settings: BalanceSettings
) -> Drawing:
    """The chart of ``first``, with ``later`` (e.g. the last week) drawn over it if given; the
    grey band comes from the thresholds ``settings``."""
    band = target_band(first.sets, settings)
    weeks = [first] if later is None else [first, later]
    top = max([band[1], *(v for w in weeks for v in w.sets.values())])
    step = _ring_step(top)
    scale = RADIUS / (math.ceil(top / step) * step)

    legend_height = LEGEND_LINE * (1 + len(weeks)) + 6
    width = 2 * (RADIUS + SIDE_ROOM)
    height = 2 * (RADIUS + TOP_ROOM) + legend_height
    cx, cy = width / 2, legend_height + RADIUS + TOP_ROOM
    drawing = Drawing(width, height)

    def corner(direction: Direction, value: float) -> tuple[float, float]:
        angle = math.radians(ANGLES[direction])
        return cx + value * scale * math.cos(angle), cy + value * scale * math.sin(angle)

    def hexagon(value: float) -> list[float]:
        return [coord for d in ANGLES for coord in corner(d, value)]

    drawing.add(Polygon(hexagon(band[1]), fillColor=HEADER_FILL, strokeColor=MID_GREY))
    drawing.add(Polygon(hexagon(band[0]), fillColor=WHITE, strokeColor=MID_GREY))
    ring = step
    while ring * scale <= RADIUS + 0.01:
        drawing.add(Polygon(hexagon(ring), fillColor=None, strokeColor=LIGHT_GREY, strokeWidth=0.5))
        x, y = corner(Direction.FLEXION, ring)
        drawing.add(String(x + 3, y - 7, number(ring), fontName=fonts.regular, fontSize=6.5))
        ring += step
    for direction in ANGLES:
        x, y = corner(direction, RADIUS / scale)
        drawing.add(Line(cx, cy, x, y, strokeColor=MID_GREY, strokeWidth=0.6))

    for index, week in enumerate(weeks):
        _draw_week(drawing, [corner(d, week.sets[d]) for d in ANGLES], dashed=index > 0)
    for direction in ANGLES:
        tip = corner(direction, RADIUS / scale)
        _label(drawing, direction, tip, [w.sets[direction] for w in weeks], fonts)
    _legend(drawing, band, weeks, fonts)
    return drawing


def _ring_step(top: float) -> float:
    for step in (1, 2, 5, 10, 20, 50, 100):
        if top / step <= 5:
            return step
    return 200


def _draw_week(drawing: Drawing, points: list[tuple[float, float]], *, dashed: bool) -> None:
    flat = [coord for point in points for coord in point]
    dash = [4, 2.5] if dashed else None
    drawing.add(
        Polygon(flat, fillColor=None, strokeColor=BLACK, strokeWidth=1.6, strokeDashArray=dash)
    )
    for x, y in points:
        drawing.add(_marker(x, y, dashed=dashed))


def _marker(x: float, y: float, *, dashed: bool) -> Rect | Circle:
    if dashed:
        return Circle(x, y, 2.6, fillColor=WHITE, strokeColor=BLACK, strokeWidth=1.2)
    return Rect(x - 2.4, y - 2.4, 4.8, 4.8, fillColor=BLACK, strokeColor=None)


def _label(
    drawing: Drawing,
    direction: Direction,
    tip: tuple[float, float],
    values: list[float],
    fonts: FontFamily,
) -> None:
    """The direction's name and its weighted sets ("6 → 10 sets") just beyond its corner."""
    angle = ANGLES[direction]
    x, y = tip
    sets = " → ".join(number(v) for v in values)
    lines = (
        (direction.label, fonts.bold, 9.0),
        (f"{sets} sets", fonts.regular, 8.5),
    )
    if angle == 90:
        anchor, x, y = "middle", x, y + 17
    elif angle == -90:
        anchor, x, y = "middle", x, y - 11
    else:
        anchor = "start" if abs(angle) < 90 else "end"
        x += 6 if anchor == "start" else -6
        y += 3
    for text, font, size in lines:
        drawing.add(String(x, y, text, fontName=font, fontSize=size, textAnchor=anchor))
        y -= 10.5


def _legend(
    drawing: Drawing, band: tuple[float, float], weeks: list[ChartWeek], fonts: FontFamily
) -> None:
    y = LEGEND_LINE * len(weeks) + 4
    drawing.add(Rect(4, y - 1, 18, 8, fillColor=HEADER_FILL, strokeColor=MID_GREY))
    whose = f" for {weeks[0].label.lower()}" if len(weeks) > 1 else ""
    low, high = number(round(band[0])), number(round(band[1]))
    band_text = f"Grey band: target range{whose}, {low}–{high} sets"
    drawing.add(String(28, y, band_text, fontName=fonts.regular, fontSize=8))
    for index, week in enumerate(weeks):
        y -= LEGEND_LINE
        dashed = index > 0
        drawing.add(
            Line(
                4,
                y + 3,
                22,
                y + 3,
                strokeColor=BLACK,
                strokeWidth=1.6,
                strokeDashArray=[4, 2.5] if dashed else None,
            )
        )
        drawing.add(_marker(13, y + 3, dashed=dashed))
        line = "dashed line, circles" if dashed else "solid line, squares"
        drawing.add(String(28, y, f"{week.label}: {line}", fontName=fonts.regular, fontSize=8))
