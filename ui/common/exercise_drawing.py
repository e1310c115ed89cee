"""The exercise drawing in the window: QPainter paints the primitives of planner/drawing.

The geometry (and its cache) is the handout's; only the painting is here.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from planner.drawing.geometry import (
    Arrow,
    Disc,
    Label,
    Picture,
    Point,
    Shape,
    Stroke,
    exercise_picture,
)
from planner.pose import ExercisePose

ASPECT = 2.4


def paint_picture(painter: QPainter, picture: Picture, target: QRectF) -> None:
    """Paint ``picture`` as large as fits ``target``, centred (y of the picture points up)."""
    scale = min(target.width() / picture.width, target.height() / picture.height)
    left = target.left() + (target.width() - picture.width * scale) / 2
    top = target.top() + (target.height() - picture.height * scale) / 2

    def at(p: Point) -> QPointF:
        return QPointF(left + p[0] * scale, top + (picture.height - p[1]) * scale)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for item in picture.primitives:
        if isinstance(item, Stroke | Arrow):
            pen = QPen(QColor(item.colour), item.width * scale)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            if isinstance(item, Stroke) and item.dashed:
                pen.setDashPattern([1.2, 1.6])
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            path = QPainterPath(at(item.points[0]))
            for p in item.points[1:]:
                path.lineTo(at(p))
            painter.drawPath(path)
            if isinstance(item, Arrow):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(QColor(item.colour)))
                painter.drawPolygon(QPolygonF([at(p) for p in item.head]))
        elif isinstance(item, Disc | Shape):
            if item.stroke is not None and item.width > 0:
                painter.setPen(QPen(QColor(item.stroke), item.width * scale))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
            fill = item.fill
            painter.setBrush(QBrush(QColor(fill)) if fill else Qt.BrushStyle.NoBrush)
            if isinstance(item, Disc):
                r = item.radius * scale
                painter.drawEllipse(at(item.centre), r, r)
            else:
                painter.drawPolygon(QPolygonF([at(p) for p in item.points]))
        elif isinstance(item, Label):
            font = QFont(painter.font())
            font.setPixelSize(max(7, round(item.size * scale)))
            painter.setFont(font)
            painter.setPen(QColor(item.colour))
            point = at(item.at)
            box = QRectF(
                point.x() - 200, point.y() - item.size * scale * 1.2, 400, item.size * scale * 1.4
            )
            painter.drawText(
                box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, item.text
            )
    painter.restore()


def drawing_image(pose: ExercisePose, width: int, ratio: float = 2.0) -> QImage:
    """The drawing as an image ``width`` logical pixels wide (for rich text)."""
    height = round(width / ASPECT)
    image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_picture(painter, exercise_picture(pose, ASPECT), QRectF(0, 0, width, height))
    painter.end()
    return image


class ExerciseDrawingView(QWidget):
    """Start and end pose side by side; a short sentence instead when there is no pose."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exerciseDrawing")
        self.pose: ExercisePose | None = None
        self.empty_text = ""
        self.setMinimumSize(240, 100)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_pose(self, pose: ExercisePose | None, empty_text: str = "") -> None:
        self.pose, self.empty_text = pose, empty_text
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 150)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(100, round(width / ASPECT))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if self.pose is None:
            painter.setPen(QColor("gray"))
            painter.drawText(
                self.rect().adjusted(8, 8, -8, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
        else:
            paint_picture(painter, exercise_picture(self.pose, ASPECT), QRectF(self.rect()))
        painter.end()
