"""Exercise ⇄ table row, and the content hash that tells whether two exercises say the same.

Loading is the hot path (tens of thousands of rows when a coach has a big catalog), so the
JSON tag lists and doses are decoded through small caches: most rows share them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import InstrumentedAttribute

from db.models import ORIGIN_BUILTIN, ExerciseRow
from planner.catalog_file import exercise_to_mapping
from planner.dose import Dose
from planner.exercise import Exercise
from planner.taxonomy import Direction, Equipment, Knee, Level, Position, Unit

LOAD_COLUMNS: tuple[InstrumentedAttribute[Any], ...] = (
    ExerciseRow.id,
    ExerciseRow.origin,
    ExerciseRow.name,
    ExerciseRow.directions,
    ExerciseRow.knee,
    ExerciseRow.positions,
    ExerciseRow.equipment,
    ExerciseRow.level,
    ExerciseRow.dose_sets,
    ExerciseRow.dose_amount,
    ExerciseRow.dose_unit,
    ExerciseRow.dose_each_side,
    ExerciseRow.dose_load,
    ExerciseRow.dose_rest_seconds,
    ExerciseRow.dose_tempo,
    ExerciseRow.dose_notes,
    ExerciseRow.instructions,
    ExerciseRow.cues,
    ExerciseRow.archived,
    ExerciseRow.retired,
)
"""The columns :func:`exercise_from_values` expects, in its order."""

_KEYS = tuple(column.key for column in LOAD_COLUMNS)
_KNEES = {k.value: k for k in Knee}
_LEVELS = {k.value: k for k in Level}
_UNITS = {k.value: k for k in Unit}
_DIRECTIONS = {k.value: k for k in Direction}
_POSITIONS = {k.value: k for k in Position}
_EQUIPMENT = {k.value: k for k in Equipment}


def utc_now() -> datetime:
    """Timestamps are stored as naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def content_hash(ex: Exercise) -> str:
    """SHA-256 of what an exercise says (name, tags, dose, words), not of its id or flags."""
    mapping = exercise_to_mapping(ex)
    del mapping["id"]
    text = json.dumps(mapping, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def name_key(name: str) -> str:
    """Names compare without regard to case and surrounding or repeated spaces."""
    return " ".join(name.split()).casefold()


def row_values(ex: Exercise) -> dict[str, Any]:
    """The content columns of ``ex`` (not origin, flags or timestamps)."""
    d = ex.dose
    return {
        "name": ex.name.strip(),
        "directions": _dump([x.value for x in ex.directions]),
        "knee": ex.knee.value,
        "positions": _dump([x.value for x in ex.positions]),
        "equipment": _dump([x.value for x in ex.equipment]),
        "level": ex.level.value,
        "dose_sets": d.sets,
        "dose_amount": d.amount,
        "dose_unit": d.unit.value,
        "dose_each_side": d.each_side,
        "dose_load": d.load,
        "dose_rest_seconds": d.rest_seconds,
        "dose_tempo": d.tempo,
        "dose_notes": d.notes,
        "instructions": ex.instructions,
        "cues": _dump(list(ex.cues)),
        "content_hash": content_hash(ex),
    }


def new_row(ex: Exercise, origin: str, now: datetime) -> ExerciseRow:
    return ExerciseRow(
        id=ex.id,
        origin=origin,
        archived=False,
        retired=False,
        created_at=now,
        updated_at=now,
        **row_values(ex),
    )


def exercise_from_values(v: Sequence[Any]) -> Exercise:
    """Build an exercise from a row of :data:`LOAD_COLUMNS`; raises ValueError on bad data."""
    try:
        return Exercise(
            id=v[0],
            name=v[2],
            directions=_directions(v[3]),
            knee=_KNEES[v[4]],
            positions=_positions(v[5]),
            equipment=_equipment(v[6]),
            level=_LEVELS[v[7]],
            dose=_dose(v[8], v[9], v[10], bool(v[11]), v[12], v[13], v[14], v[15]),
            instructions=v[16],
            cues=tuple(json.loads(v[17])),
            builtin=v[1] == ORIGIN_BUILTIN,
            archived=bool(v[18] or v[19]),
        )
    except (KeyError, TypeError, ValueError) as exc:  # JSONDecodeError is a ValueError
        raise ValueError(f"exercise {v[0]!r} in the database is not valid ({exc!r})") from exc


def exercise_from_row(row: ExerciseRow) -> Exercise:
    return exercise_from_values([getattr(row, key) for key in _KEYS])


def _dump(items: list[str]) -> str:
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


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
) -> Dose:
    return Dose(sets, amount, _UNITS[unit], each_side, load, rest_seconds, tempo, notes)
