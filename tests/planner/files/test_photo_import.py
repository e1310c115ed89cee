"""A coach's photo on its way in: scaled down and stored, or refused with one clear line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from planner.files.photo_import import LONG_SIDE, photo_from_bytes, photo_from_file
from planner.photo import PHOTO_BYTES_LIMIT, MediaType, PhotoError


def encoded(image: Image.Image, kind: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **options)
    return out.getvalue()


def noisy(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """The hardest kind of picture to compress: every pixel differs."""
    return Image.effect_noise(size, 80).convert(mode)


def refusal(data: bytes, name: str = "knee.jpg") -> str:
    with pytest.raises(PhotoError) as caught:
        photo_from_bytes(data, name)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(name)
    return message


def test_a_large_camera_photo_is_scaled_to_the_long_side_and_stays_under_the_limit() -> None:
    photo = photo_from_bytes(encoded(noisy((4000, 3000)), "JPEG", quality=95), "camera.jpg")
    assert photo.media_type is MediaType.JPEG
    assert len(photo.data) < PHOTO_BYTES_LIMIT
    with Image.open(io.BytesIO(photo.data)) as stored:
        assert max(stored.size) <= LONG_SIDE
        assert stored.size[0] > stored.size[1]  # proportions kept


def test_a_transparent_png_is_stored_as_a_jpeg_on_white() -> None:
    image = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    photo = photo_from_bytes(encoded(image, "PNG"), "cut-out.png")
    with Image.open(io.BytesIO(photo.data)) as stored:
        assert stored.format == "JPEG"
        assert min(stored.convert("L").getextrema()) > 240


def test_a_phone_photo_taken_sideways_is_turned_upright() -> None:
    image = Image.new("RGB", (400, 200), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to view
    photo = photo_from_bytes(encoded(image, "JPEG", exif=exif), "phone.jpg")
    with Image.open(io.BytesIO(photo.data)) as stored:
        assert stored.size == (200, 400)


def animated() -> bytes:
    frames = [Image.new("RGB", (100, 100), colour) for colour in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "PNG", save_all=True, append_images=frames[1:])
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "is empty"),
        (b"hello, this is text", "is not a JPEG or PNG image"),
        (encoded(Image.new("RGB", (100, 100)), "GIF"), "it is a GIF image"),
        (encoded(noisy((300, 300)), "PNG")[:5000], "incomplete"),
        (encoded(noisy((300, 300)), "JPEG")[:3000], "incomplete"),
        (animated(), "animated"),
        (encoded(Image.new("CMYK", (100, 100)), "JPEG"), "CMYK"),
        (encoded(Image.new("I;16", (100, 100)), "PNG"), "16 bits"),
        (encoded(Image.new("RGB", (20, 10)), "PNG"), "20 × 10 pixels"),
        (encoded(Image.new("1", (20000, 20000)), "PNG"), "too many pixels"),
        (encoded(Image.new("1", (9000, 9000)), "PNG"), "too many pixels"),
    ],
    ids=[
        "empty",
        "text",
        "gif",
        "truncated-png",
        "truncated-jpeg",
        "animated",
        "cmyk",
        "16-bit",
        "tiny",
        "bomb",
        "81-megapixels",
    ],
)
def test_a_bad_image_is_refused_in_one_line_saying_why(data: bytes, words: str) -> None:
    assert words in refusal(data)


def test_a_file_whose_name_is_not_a_photo_s_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "knee.heic"
    path.write_bytes(encoded(Image.new("RGB", (100, 100)), "JPEG"))
    with pytest.raises(PhotoError, match=r"knee\.heic: choose a JPEG or PNG photo"):
        photo_from_file(path)


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(PhotoError, match=r"gone\.jpg cannot be read"):
        photo_from_file(tmp_path / "gone.jpg")


def test_a_png_named_jpg_is_read_by_what_it_holds(tmp_path: Path) -> None:
    path = tmp_path / "really-a-png.JPG"
    path.write_bytes(encoded(Image.new("RGB", (120, 90), "green"), "PNG"))
    assert photo_from_file(path).media_type is MediaType.JPEG


def one_line_or_photo(data: bytes, name: str) -> bool:
    """True when ``data`` becomes a photo under the limit or is refused in one line naming it."""
    try:
        photo = photo_from_bytes(data, name)
    except PhotoError as refused:
        message = str(refused)
        return "\n" not in message and message.startswith(name)
    return len(photo.data) < PHOTO_BYTES_LIMIT


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=4000),
        st.binary(max_size=4000).map(lambda b: b"\x89PNG\r\n\x1a\n" + b),
        st.binary(max_size=4000).map(lambda b: b"\xff\xd8\xff\xe0" + b),
    )
)
def test_random_bytes_are_a_photo_or_one_clear_line_never_a_traceback(data: bytes) -> None:
    assert one_line_or_photo(data, "random.jpg")


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_a_real_image_damaged_anywhere_is_a_photo_or_one_clear_line(data: st.DataObject) -> None:
    picture = Image.radial_gradient("L").resize((120, 80)).convert("RGB")
    original = bytearray(encoded(picture, data.draw(st.sampled_from(["PNG", "JPEG"]))))
    for _ in range(data.draw(st.integers(1, 8))):
        original[data.draw(st.integers(0, len(original) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(original)))
    assert one_line_or_photo(bytes(original[:cut]), "damaged.png")
