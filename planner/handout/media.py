"""What a card shows beside the words: the exercise's video as a QR code with a link, and the
coach's photos (an entry's photo of this client first, then the exercise's own)."""

from __future__ import annotations

import io
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image

from planner.exercise import Exercise
from planner.handout.outline import all_entries
from planner.photo import MAX_PHOTOS, Photo
from planner.program import Program

MODULE = 0.42 * mm
"""The printed size of one square of the QR code: phones read 0.3 mm and up at arm's length."""
QR_SMALLEST = 20 * mm
QR_LARGEST = 34 * mm
PHOTO_HEIGHT = 48 * mm
"""The most height one photo takes on a card (two stack to about the height of a drawing)."""


class QrCode(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A QR code of ``url`` (with its quiet zone) that is also a link in the PDF."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        widget = QrCodeWidget(url, barLevel="M")
        widget.qr.make()
        x0, y0, x1, y1 = widget.getBounds()
        squares = widget.qr.getModuleCount() + 2 * widget.barBorder
        self.size = min(QR_LARGEST, max(QR_SMALLEST, squares * MODULE))
        scale_x, scale_y = self.size / (x1 - x0), self.size / (y1 - y0)
        self.drawing = Drawing(self.size, self.size, transform=[scale_x, 0, 0, scale_y, 0, 0])
        self.drawing.add(widget)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        renderPDF.draw(self.drawing, self.canv, 0, 0)
        self.canv.linkURL(self.url, (0, 0, self.size, self.size), relative=1, thickness=0)


def card_photos(program: Program, exercise: Exercise) -> list[tuple[Photo, bool]]:
    """Up to :data:`MAX_PHOTOS` photos for the card of ``exercise``, each with whether it is a
    photo of this client (an entry's): those come first, then the exercise's own."""
    found: dict[bytes, tuple[Photo, bool]] = {}
    for entry in all_entries(program):
        if entry.exercise_id == exercise.id:
            for photo in entry.photos:
                found.setdefault(photo.data, (photo, True))
    for photo in exercise.photos:
        found.setdefault(photo.data, (photo, False))
    return list(found.values())[:MAX_PHOTOS]


def photo_image(photo: Photo, width: float, height: float = PHOTO_HEIGHT) -> Any:
    """The photo as an image fitting ``width`` × ``height``, in proportion; None when its
    bytes cannot be read (a damaged file from elsewhere): the card shows the drawing then."""
    try:
        image = Image(io.BytesIO(photo.data))
        pixels_wide, pixels_high = image.imageWidth, image.imageHeight
        scale = min(width / pixels_wide, height / pixels_high)
    except Exception:  # reportlab and Pillow raise many kinds on damaged bytes
        return None
    image.drawWidth, image.drawHeight = pixels_wide * scale, pixels_high * scale
    image.hAlign = "LEFT"
    return image
