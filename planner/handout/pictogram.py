"""A small drawing of the way the hip moves in an exercise: one panel per direction.

Forward and backward are drawn from the side, the others from the front. The working leg is
black with the knee bent or straight as in the exercise, the other leg grey; an arrow shows
where the foot (or, for rotations, the front of the thigh) travels. Words under each panel
name the direction, so the drawing never has to be understood on its own.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, String

from planner.exercise import Exercise
from planner.handout.fonts import FontFamily
from planner.handout.styles import BLACK, LIGHT_GREY
from planner.taxonomy import Direction, Knee

PANEL_WIDTH = 56.0
PANEL_HEIGHT = 74.0
LABEL_ROOM = 14.0
THIGH = 17.0
SHIN = 16.0
HIP_Y = LABEL_ROOM + 2 + THIGH + SHIN
KNEE_BEND = 75.0
"""Degrees the shin folds back from the thigh line when the knee is bent."""

# Angle of the thigh (degrees, 0 = pointing right, -90 = straight down) and of the travel
# arrow, from where the foot starts to where it ends.
_SIDE_VIEW = {
    Direction.FLEXION: (-40.0, (-85.0, -30.0)),
    Direction.EXTENSION: (-130.0, (-95.0, -140.0)),
}
_FRONT_VIEW = {
    Direction.ABDUCTION: (-58.0, (-85.0, -50.0)),
    Direction.ADDUCTION: (-108.0, (-72.0, -110.0)),
}


MAX_SCALE = 1.4


def exercise_pictogram(exercise: Exercise, fonts: FontFamily, max_width: float) -> Drawing:
    """Panels for the primary direction (bold label) and secondary ones ("also …"), as large
    as ``max_width`` allows, up to :data:`MAX_SCALE`."""
    directions = exercise.directions
    natural = PANEL_WIDTH * len(directions)
    scale = min(MAX_SCALE, max_width / natural)
    drawing = Drawing(natural * scale, PANEL_HEIGHT * scale)
    panels = Group(transform=(scale, 0, 0, scale, 0, 0))
    drawing.add(panels)
    for index, direction in enumerate(directions):
        panel = _panel(direction, exercise.knee)
        panel.translate(index * PANEL_WIDTH, 0)
        panels.add(panel)
        label = direction.label if index == 0 else f"also {direction.label}"
        font = fonts.bold if index == 0 else fonts.regular
        panels.add(
            String(
                index * PANEL_WIDTH + PANEL_WIDTH / 2,
                3,
                label,
                fontName=font,
                fontSize=7.5,
                textAnchor="middle",
            )
        )
    return drawing


def _panel(direction: Direction, knee: Knee) -> Group:
    group = Group()
    cx = PANEL_WIDTH / 2
    if direction in _SIDE_VIEW:
        # Room in front of the hip for a leg moving forward, behind it for one moving back.
        hip = (cx - 10 if direction is Direction.FLEXION else cx + 10, HIP_Y)
        _torso(group, hip)
        _other_leg(group, hip)
        thigh_angle, arrow = _SIDE_VIEW[direction]
        _leg(group, hip, thigh_angle, knee)
        _arc_arrow(group, hip, THIGH + SHIN + 4, THIGH + SHIN + 4, *arrow)
        return group
    left, right = (cx - 11, HIP_Y), (cx + 1, HIP_Y)
    group.add(Line(left[0], HIP_Y, right[0], HIP_Y, strokeColor=BLACK, strokeWidth=2.2))
    _torso(group, (cx - 5, HIP_Y))
    _other_leg(group, left)
    if direction in _FRONT_VIEW:
        thigh_angle, arrow = _FRONT_VIEW[direction]
        _leg(group, right, thigh_angle, knee, fold=-90.0)
        _arc_arrow(group, right, THIGH + SHIN + 3, THIGH + SHIN + 3, *arrow)
        return group
    _leg(group, right, -90.0, Knee.STRAIGHT)
    outward = direction is Direction.EXTERNAL_ROTATION
    ankle = (right[0], HIP_Y - THIGH - SHIN)
    toe = (ankle[0] + (6 if outward else -6), ankle[1] - 2)
    group.add(Line(*ankle, *toe, strokeColor=BLACK, strokeWidth=2.2, strokeLineCap=1))
    # Around the thigh: the front of the thigh is the lower half of the ellipse.
    start, end = (200.0, 340.0) if outward else (340.0, 200.0)
    _arc_arrow(group, (right[0], HIP_Y - THIGH * 0.6), 9, 3.5, start, end)
    return group


def _torso(group: Group, hip: tuple[float, float]) -> None:
    x, y = hip
    group.add(Line(x, y, x, y + 12, strokeColor=BLACK, strokeWidth=2.2))
    group.add(Circle(x, y + 17, 4, fillColor=None, strokeColor=BLACK, strokeWidth=1.4))


def _other_leg(group: Group, hip: tuple[float, float]) -> None:
    x, y = hip
    group.add(
        Line(x, y, x, y - THIGH - SHIN, strokeColor=LIGHT_GREY, strokeWidth=2.6, strokeLineCap=1)
    )


def _leg(
    group: Group,
    hip: tuple[float, float],
    thigh_angle: float,
    knee: Knee,
    fold: float | None = None,
) -> None:
    """Thigh and shin; a bent knee folds the shin back, or hangs it at ``fold`` degrees."""
    knee_point = _towards(hip, thigh_angle, THIGH)
    if knee is Knee.STRAIGHT:
        shin_angle = thigh_angle
    else:
        shin_angle = fold if fold is not None else thigh_angle - KNEE_BEND
    foot = _towards(knee_point, shin_angle, SHIN)
    group.add(
        PolyLine(
            [*hip, *knee_point, *foot],
            strokeColor=BLACK,
            strokeWidth=2.6,
            strokeLineCap=1,
            strokeLineJoin=1,
        )
    )
    group.add(Circle(*hip, 2.2, fillColor=BLACK, strokeColor=None))
    group.add(Circle(*knee_point, 1.8, fillColor=BLACK, strokeColor=None))


def _arc_arrow(
    group: Group,
    centre: tuple[float, float],
    rx: float,
    ry: float,
    start: float,
    end: float,
) -> None:
    """An elliptical arc from ``start`` to ``end`` degrees with an arrowhead at ``end``."""
    steps = 16
    points = [
        (
            centre[0] + rx * math.cos(math.radians(start + (end - start) * i / steps)),
            centre[1] + ry * math.sin(math.radians(start + (end - start) * i / steps)),
        )
        for i in range(steps + 1)
    ]
    group.add(
        PolyLine(
            [c for p in points for c in p], strokeColor=BLACK, strokeWidth=1.1, strokeLineCap=1
        )
    )
    (x0, y0), (x1, y1) = points[-2], points[-1]
    heading = math.atan2(y1 - y0, x1 - x0)
    size = 4.5
    left = _towards((x1, y1), math.degrees(heading) + 150, size)
    right = _towards((x1, y1), math.degrees(heading) - 150, size)
    group.add(Polygon([x1, y1, *left, *right], fillColor=BLACK, strokeColor=None))


def _towards(point: tuple[float, float], degrees: float, length: float) -> tuple[float, float]:
    angle = math.radians(degrees)
    return point[0] + length * math.cos(angle), point[1] + length * math.sin(angle)
