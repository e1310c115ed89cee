"""A coach's own photo of an exercise, stored inside the program so the file stands alone.

Photos are scaled down before they are stored (the form does that), so one photo stays under
:data:`PHOTO_BYTES_LIMIT` and a program with two photos per exercise stays small.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

MAX_PHOTOS = 2
"""Photos per exercise and per entry."""
PHOTO_BYTES_LIMIT = 200_000
"""The most one stored photo may take, after scaling."""


class PhotoError(ValueError):
    """The bytes are not a photo Hip Planner can store; the message says why, for a coach."""


class MediaType(StrEnum):
    JPEG = "image/jpeg"
    PNG = "image/png"


_SIGNATURES = {MediaType.JPEG: b"\xff\xd8\xff", MediaType.PNG: b"\x89PNG\r\n\x1a\n"}


@dataclass(frozen=True, slots=True)
class Photo:
    media_type: MediaType
    data: bytes

    def __post_init__(self) -> None:
        problem = photo_problem(self.media_type, self.data)
        if problem:
            raise PhotoError(problem)


def photo_problem(media_type: object, data: object) -> str:
    """Why these bytes cannot be a stored photo ("" when they can)."""
    if not isinstance(media_type, MediaType):
        return "a photo must be a JPEG or PNG image"
    if not isinstance(data, bytes) or not data:
        return "the photo is empty"
    if len(data) > PHOTO_BYTES_LIMIT:
        return (
            f"the photo takes {len(data):,} bytes; stored photos are at most {PHOTO_BYTES_LIMIT:,}"
        )
    if not data.startswith(_SIGNATURES[media_type]):
        return f"the photo's bytes are not a {media_type.name} image"
    return ""
