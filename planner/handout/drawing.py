"""The exercise drawing on a handout card, as vector graphics (reportlab)."""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.shapes import Circle, Drawing, Group, Polygon, PolyLine, String
from reportlab.lib.colors import HexColor

from planner.drawing.defaults import exercise_pose
from planner.drawing.geometry import Arrow, Disc, Label, Picture, Shape, Stroke, exercise_picture
from planner.exercise import Exercise
from planner.handout.fonts import FontFamily

ASPECT = 2.4
"""Width over height of a drawing: the start and the end pose side by side."""


def exercise_drawing(
    exercise: Exercise, width: float, height: float, fonts: FontFamily | None = None
) -> Drawing:
    """The exercise drawn as large as fits ``width`` × ``height`` points (a platypus
    flowable): start and end pose, the working leg highlighted, an arrow, the equipment."""
    picture = exercise_picture(exercise_pose(exercise), ASPECT)
    scale = min(width / picture.width, height / picture.height)
    font = fonts.regular if fonts is not None else "Helvetica"
    drawing = Drawing(picture.width * scale, picture.height * scale)
    drawing.add(_group(picture, scale, font))
    return drawing


def _group(picture: Picture, scale: float, font: str) -> Group:
    group = Group()
    for item in picture.primitives:
        if isinstance(item, Stroke):
            group.add(
                PolyLine(
                    [c * scale for p in item.points for c in p],
                    strokeColor=_colour(item.colour),
                    strokeWidth=item.width * scale,
                    strokeLineCap=1,
                    strokeLineJoin=1,
                    strokeDashArray=[item.width * scale * 1.2, item.width * scale * 1.6]
                    if item.dashed
                    else None,
                )
            )
        elif isinstance(item, Disc):
            group.add(
                Circle(
                    item.centre[0] * scale,
                    item.centre[1] * scale,
                    item.radius * scale,
                    fillColor=_colour(item.fill),
                    strokeColor=_colour(item.stroke),
                    strokeWidth=item.width * scale,
                )
            )
        elif isinstance(item, Shape):
            group.add(
                Polygon(
                    [c * scale for p in item.points for c in p],
                    fillColor=_colour(item.fill),
                    strokeColor=_colour(item.stroke),
                    strokeWidth=item.width * scale,
                    strokeLineJoin=1,
                )
            )
        elif isinstance(item, Arrow):
            group.add(
                PolyLine(
                    [c * scale for p in item.points for c in p],
                    strokeColor=_colour(item.colour),
                    strokeWidth=item.width * scale,
                    strokeLineCap=1,
                    strokeLineJoin=1,
                )
            )
            group.add(
                Polygon(
                    [c * scale for p in item.head for c in p],
                    fillColor=_colour(item.colour),
                    strokeColor=None,
                )
            )
        elif isinstance(item, Label):
            group.add(
                String(
                    item.at[0] * scale,
                    item.at[1] * scale,
                    item.text,
                    fontName=font,
                    fontSize=item.size * scale,
                    fillColor=_colour(item.colour),
                    textAnchor="middle",
                )
            )
    return group


@lru_cache(maxsize=32)
def _colour(value: str | None) -> HexColor | None:
    return HexColor(value) if value is not None else None
