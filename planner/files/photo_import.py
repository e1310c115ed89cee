"""A coach's photo file made ready to store: checked, turned upright, scaled down, re-encoded.

Every photo a coach attaches (to an own exercise, or to an entry of a client's program) goes
through :func:`photo_from_file` or :func:`photo_from_bytes`. The result is a JPEG of at most
:data:`LONG_SIDE` pixels on its long side and under :data:`planner.photo.PHOTO_BYTES_LIMIT`
bytes, so a program with two photos on every exercise still mails easily
(docs/file-format.md states the limits). A file that is not a photo Hip Planner can use raises
:class:`~planner.photo.PhotoError` with one line for the coach, and nothing is stored. Pillow is
imported only when a photo is read.
"""

from __future__ import annotations

import io
import os
import warnings
from pathlib import Path
from typing import Any

from planner.photo import PHOTO_BYTES_LIMIT, MediaType, Photo, PhotoError
from planner.program import Program

LONG_SIDE = 1024
"""Pixels on the long side of a stored photo (a card prints it about 6 cm wide: ~400 dpi)."""
QUALITIES = (80, 70, 60, 50)
"""JPEG qualities tried in turn until the photo fits under the byte limit."""
FILE_BYTES_LIMIT = 40_000_000
"""The largest file read at all (a camera's raw JPEG is under 20 MB)."""
PIXELS_LIMIT = 60_000_000
"""The most pixels a photo may have before scaling (a 60-megapixel camera); more is refused
before it is decoded, so a small file that unpacks to gigabytes (a decompression bomb) is not."""
SMALLEST_SIDE = 64
"""A photo narrower than this on its long side prints as a blur; it is refused."""
EXTENSIONS = (".jpg", ".jpeg", ".png")
FILE_FILTER = "Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"
LIMITS_TEXT = (
    f"JPEG or PNG; it is scaled down to {LONG_SIDE} pixels on the long side and stored inside "
    f"the program (under {PHOTO_BYTES_LIMIT // 1000} kB each)"
)
"""How a dialog states the limits to the coach."""


def photo_from_file(path: str | os.PathLike[str]) -> Photo:
    """The photo stored for the image file at ``path``; raises PhotoError saying what is wrong."""
    path = Path(path)
    name = path.name
    if path.suffix.lower() not in EXTENSIONS:
        shown = path.suffix or "no extension"
        raise PhotoError(
            f"{name}: choose a JPEG or PNG photo (.jpg, .jpeg or .png), not a file with {shown}"
        )
    try:
        size = path.stat().st_size
        if size > FILE_BYTES_LIMIT:
            raise PhotoError(
                f"{name} is {size / 1e6:.0f} MB; choose a photo of at most "
                f"{FILE_BYTES_LIMIT // 1_000_000} MB"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise PhotoError(f"{name} cannot be read: {exc.strerror or exc}") from None
    return photo_from_bytes(data, name)


def photo_from_bytes(data: bytes, name: str = "the photo") -> Photo:
    """The photo stored for an image file's bytes; ``name`` is how messages call it."""
    if not data:
        raise PhotoError(f"{name} is empty")
    if len(data) > FILE_BYTES_LIMIT:
        raise PhotoError(f"{name} is too large; choose a photo of at most 40 MB")
    from PIL import Image, ImageOps, UnidentifiedImageError

    with warnings.catch_warnings():
        # Pillow warns (or raises) on images of very many pixels; both are refused below.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=("JPEG", "PNG"))
        except UnidentifiedImageError:
            raise PhotoError(f"{name} is not a JPEG or PNG image{_what_else(data)}") from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoError(_too_many_pixels(name)) from None
        except Exception:  # Pillow's decoders raise many kinds on damaged files
            raise PhotoError(f"{name} is damaged and cannot be read as a photo") from None
        with image:
            _check(image, name)
            try:
                image.load()
                upright = ImageOps.exif_transpose(image) or image
                data = _encode(_as_rgb(upright))
            except PhotoError:
                raise
            except OSError as exc:
                if "truncated" in str(exc):
                    raise PhotoError(f"{name} is incomplete: the file ends early") from None
                raise PhotoError(f"{name} is damaged and cannot be read as a photo") from None
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                raise PhotoError(_too_many_pixels(name)) from None
            except Exception:
                raise PhotoError(f"{name} is damaged and cannot be read as a photo") from None
    return Photo(MediaType.JPEG, data)


def _check(image: Any, name: str) -> None:
    """Refuse what the coach should fix in the photo itself, before decoding its pixels."""
    width, height = image.size
    if width * height > PIXELS_LIMIT:
        raise PhotoError(_too_many_pixels(name, f" ({width:,} × {height:,} pixels)"))
    if max(width, height) < SMALLEST_SIDE:
        raise PhotoError(
            f"{name} is only {width} × {height} pixels; choose a photo at least "
            f"{SMALLEST_SIDE} pixels across"
        )
    if getattr(image, "is_animated", False) and image.format != "MPO":
        raise PhotoError(f"{name} is animated; choose a still photo")
    if image.mode == "CMYK":
        raise PhotoError(
            f"{name} uses print colours (CMYK); save it as an RGB photo and attach it again"
        )
    if image.mode.startswith("I") or image.mode == "F":
        raise PhotoError(
            f"{name} has 16 bits per colour (a scan or an editor's file); save it as an "
            "ordinary 8-bit photo and attach it again"
        )
    if image.mode not in ("1", "L", "LA", "P", "PA", "RGB", "RGBA", "La"):
        raise PhotoError(f"{name} uses colours Hip Planner cannot print ({image.mode})")


def _as_rgb(image: Any) -> Any:
    """RGB pixels; a transparent background becomes white, as on paper."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "La", "PA") or (
        image.mode == "P" and "transparency" in image.info
    ):
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, (255, 255, 255))
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    return image.convert("RGB")


def _encode(image: Any) -> bytes:
    """A JPEG under the byte limit: smaller sides and lower qualities are tried in turn."""
    side = LONG_SIDE
    while True:
        scaled = image.copy()
        scaled.thumbnail((side, side))
        for quality in QUALITIES:
            out = io.BytesIO()
            scaled.save(out, "JPEG", quality=quality, optimize=True)
            if out.tell() < PHOTO_BYTES_LIMIT:
                return out.getvalue()
        side = side * 3 // 4


def _too_many_pixels(name: str, size: str = "") -> str:
    return (
        f"{name} has too many pixels{size}; photos of up to "
        f"{PIXELS_LIMIT // 1_000_000} megapixels can be used"
    )


def _what_else(data: bytes) -> str:
    """ " (it is a GIF image)" when the start of the file says what it is."""
    for signature, kind in (
        (b"GIF8", "a GIF image"),
        (b"RIFF", "a WebP image or another RIFF file"),
        (b"%PDF", "a PDF"),
        (b"BM", "a BMP image"),
        (b"PK\x03\x04", "a ZIP file"),
    ):
        if data.startswith(signature):
            return f" (it is {kind})"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        return " (it is a HEIC photo: export it as JPEG from the phone or the photo program)"
    return ""


PROGRAM_PHOTOS_LIMIT = 12_000_000
"""The most bytes of photos one program may hold (16 MB in base64): a program file is read
only up to 20 MB (:data:`planner.files.program_file.MAX_FILE_BYTES`)."""


def program_photo_bytes(program: Program) -> int:
    """Bytes of every photo the program file would store (its exercises' and its cards')."""
    total = sum(len(p.data) for ex in program.exercises.values() for p in ex.photos)
    for week in program.weeks:
        for _, entry in week.entries():
            total += sum(len(p.data) for p in entry.photos)
    return total


def room_problem(program: Program, old: tuple[Photo, ...], new: tuple[Photo, ...]) -> str:
    """Why ``new`` photos in place of ``old`` would make the program too big ("" if they fit)."""
    total = program_photo_bytes(program) - sum(len(p.data) for p in old)
    total += sum(len(p.data) for p in new)
    if total <= PROGRAM_PHOTOS_LIMIT:
        return ""
    return (
        f"the program would hold {total / 1e6:.1f} MB of photos; a program holds at most "
        f"{PROGRAM_PHOTOS_LIMIT // 1_000_000} MB, so remove photos from other cards first"
    )
