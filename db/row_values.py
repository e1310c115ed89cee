"""Turning a database row into an :class:`Exercise`, without SQLAlchemy.

Shared by the ORM layer (:mod:`db.convert`) and the quick read before the first paint
(:mod:`db.quick_read`), which must not import SQLAlchemy.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from planner.dose import Dose
from planner.exercise import Exercise
from planner.files.catalog_file import effort_from_text, photo_from_mapping
from planner.photo import Photo
from planner.pose import ExercisePose, pose_from_mapping
from planner.taxonomy import Direction, Equipment, Knee, Level, Position, Unit

ORIGIN_BUILTIN = "builtin"
ORIGIN_OWN = "own"

LOAD_COLUMN_NAMES = (
    "id",
    "origin",
    "name",
    "directions",
    "knee",
    "positions",
    "equipment",
    "level",
    "dose_sets",
    "dose_amount",
    "dose_unit",
    "dose_each_side",
    "dose_load",
    "dose_rest_seconds",
    "dose_tempo",
    "dose_notes",
    "instructions",
    "cues",
    "archived",
    "retired",
    "hip_weight",
    "easier",
    "harder",
    "closed_chain",
    "video",
    "photos",
    "pose",
    "dose_effort",
)
"""The columns :func:`exercise_from_values` expects, in its order."""
_EFFORT = LOAD_COLUMN_NAMES.index("dose_effort")

_KNEES = {k.value: k for k in Knee}
_LEVELS = {k.value: k for k in Level}
_UNITS = {k.value: k for k in Unit}
_DIRECTIONS = {k.value: k for k in Direction}
_POSITIONS = {k.value: k for k in Position}
_EQUIPMENT = {k.value: k for k in Equipment}


def name_key(name: str) -> str:
    """Names compare without regard to case and surrounding or repeated spaces."""
    return " ".join(name.split()).casefold()


def exercise_from_values(v: Sequence[Any]) -> Exercise:
    """Build an exercise from a row of :data:`LOAD_COLUMN_NAMES`; raises ValueError on bad data."""
    try:
        return Exercise(
            id=v[0],
            name=v[2],
            directions=_directions(v[3]),
            knee=_KNEES[v[4]],
            positions=_positions(v[5]),
            equipment=_equipment(v[6]),
            level=_LEVELS[v[7]],
            dose=_dose(v[8], v[9], v[10], bool(v[11]), v[12], v[13], v[14], v[15], v[_EFFORT]),
            instructions=v[16],
            cues=tuple(json.loads(v[17])),
            hip_weight=float(v[20]),
            easier=v[21],
            harder=v[22],
            closed_chain=bool(v[23]),
            video=v[24],
            photos=photos_from_text(v[25]),
            pose=_pose(v[26]),
            builtin=v[1] == ORIGIN_BUILTIN,
            archived=bool(v[18] or v[19]),
        )
    # JSONDecodeError is a ValueError; a column nested thousands deep stops json with RecursionError
    except (KeyError, TypeError, ValueError, RecursionError) as exc:
        raise ValueError(f"exercise {v[0]!r} in the database is not valid ({exc!r})") from exc


def photos_from_text(text: str | None) -> tuple[Photo, ...]:
    """The ``photos`` column: NULL, or a JSON list of photos as in a program file."""
    if not text:
        return ()
    items = json.loads(text)
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ValueError("photos must be a JSON list of objects")
    return tuple(photo_from_mapping(item) for item in items)


@lru_cache(maxsize=1024)
def _pose(text: str | None) -> ExercisePose | None:
    """The stored drawing pose (JSON), or ``None`` when the exercise is drawn from its tags."""
    return None if text is None else pose_from_mapping(json.loads(text))


@lru_cache(maxsize=1024)
def _directions(text: str) -> tuple[Direction, ...]:
    return tuple(_DIRECTIONS[key] for key in json.loads(text))


@lru_cache(maxsize=1024)
def _positions(text: str) -> tuple[Position, ...]:
    return tuple(_POSITIONS[key] for key in json.loads(text))


@lru_cache(maxsize=1024)
def _equipment(text: str) -> tuple[Equipment, ...]:
    return tuple(_EQUIPMENT[key] for key in json.loads(text))


@lru_cache(maxsize=4096)
def _dose(
    sets: int,
    amount: int,
    unit: str,
    each_side: bool,
    load: str,
    rest_seconds: int,
    tempo: str,
    notes: str,
    effort: str | None,
) -> Dose:
    return Dose(
        sets,
        amount,
        _UNITS[unit],
        each_side,
        load,
        rest_seconds,
        tempo,
        notes,
        effort_from_text(effort),
    )
