"""What a card shows beside the words: the exercise's video as a QR code with a link, and the
coach's photos (an entry's photo of this client first, then the exercise's own)."""

from __future__ import annotations

import functools
import hashlib
import io
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from planner.exercise import Exercise
from planner.handout.outline import all_entries
from planner.photo import MAX_PHOTOS, MediaType, Photo
from planner.program import Program

MODULE = 0.42 * mm
"""The printed size of one square of the QR code: phones read 0.3 mm and up at arm's length."""
QUIET_ZONE = 4
"""Light squares around the code, as the QR standard asks."""
QR_SMALLEST = 20 * mm
QR_LARGEST = 34 * mm
PHOTO_HEIGHT = 48 * mm
"""The most height one photo takes on a card (two stack to about the height of a drawing)."""


@functools.lru_cache(maxsize=256)
def qr_modules(url: str) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light squares of the QR code of ``url``, error correction M (15%
    of the code may be smudged), with the mask that reads best; kept for the next export."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    return tuple(tuple(bool(square) for square in row) for row in code.modules)


class QrCode(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A QR code of ``url`` with its quiet zone (4 squares), drawn as one path of squares, that
    is also a link in the PDF."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.modules = qr_modules(url)
        squares = len(self.modules) + 2 * QUIET_ZONE
        self.size = min(QR_LARGEST, max(QR_SMALLEST, squares * MODULE))
        self.square = self.size / squares

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas, square = self.canv, self.square
        path = canvas.beginPath()
        top = self.size - QUIET_ZONE * square
        for r, row in enumerate(self.modules):
            y = top - (r + 1) * square
            c = 0
            while c < len(row):
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < len(row) and row[c]:
                    c += 1
                path.rect((QUIET_ZONE + start) * square, y, (c - start) * square, square)
        canvas.saveState()
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()
        canvas.linkURL(self.url, (0, 0, self.size, self.size), relative=1, thickness=0)


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


class _JpegAsIs(ImageReader):  # type: ignore[misc]  # reportlab has no type hints
    """A JPEG put into the PDF as it is (its DCT data), never decoded: reportlab's own reader
    decodes every image just to name it, which took most of a photo handout's time. This one
    is named by a digest of its bytes."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self._bytes = data
        self._dataA = None  # no transparency: a JPEG has none

    def getRGBData(self) -> bytes:  # reportlab's name; used only to name the image
        return hashlib.sha256(self._bytes).digest()

    def jpeg_fh(self) -> io.BytesIO:
        return io.BytesIO(self._bytes)


class PhotoImage(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A photo at a fixed size."""

    def __init__(self, reader: Any, width: float, height: float) -> None:
        super().__init__()
        self.reader, self.width, self.height = reader, width, height
        self.hAlign = "LEFT"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height, mask=None)


def photo_image(photo: Photo, width: float, height: float = PHOTO_HEIGHT) -> Any:
    """The photo as an image fitting ``width`` × ``height``, in proportion; None when its
    bytes cannot be read (a damaged file from elsewhere): the card shows the drawing then."""
    try:
        if photo.media_type is MediaType.JPEG:
            reader = _JpegAsIs(photo.data)
        else:
            reader = ImageReader(io.BytesIO(photo.data))
            reader.getRGBData()  # decode now: a damaged PNG is found here, not mid-page
        pixels_wide, pixels_high = reader.getSize()
        scale = min(width / pixels_wide, height / pixels_high)
    except Exception:  # reportlab and Pillow raise many kinds on damaged bytes
        return None
    return PhotoImage(reader, pixels_wide * scale, pixels_high * scale)
