"""Exercise ⇄ table row, and the content hash that tells whether two exercises say the same.

Loading is the hot path (tens of thousands of rows when a coach has a big catalog), so the
JSON tag lists and doses are decoded through small caches: most rows share them.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import InstrumentedAttribute

from db.models import ExerciseRow
from db.row_values import LOAD_COLUMN_NAMES, exercise_from_values
from planner.exercise import Exercise
from planner.files.catalog_file import effort_to_text, exercise_to_mapping, photo_to_mapping
from planner.pose import ExercisePose, pose_to_mapping

LOAD_COLUMNS: tuple[InstrumentedAttribute[Any], ...] = tuple(
    getattr(ExerciseRow, name) for name in LOAD_COLUMN_NAMES
)

_KEYS = tuple(column.key for column in LOAD_COLUMNS)


def utc_now() -> datetime:
    """Timestamps are stored as naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def content_hash(ex: Exercise) -> str:
    """SHA-256 of what an exercise says (name, tags, dose, words), not of its id or flags."""
    mapping = exercise_to_mapping(ex)
    del mapping["id"]
    text = json.dumps(mapping, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
        "dose_effort": effort_to_text(d.effort),
        "instructions": ex.instructions,
        "cues": _dump(list(ex.cues)),
        "hip_weight": ex.hip_weight,
        "easier": ex.easier,
        "harder": ex.harder,
        "closed_chain": ex.closed_chain,
        "video": ex.video,
        "photos": _dump_photos(ex),
        "pose": _pose_json(ex.pose),
        "content_hash": content_hash(ex),
    }


def new_row(ex: Exercise, origin: str, now: datetime, created_by: str | None = None) -> ExerciseRow:
    return ExerciseRow(
        id=ex.id,
        origin=origin,
        created_by=created_by,
        updated_by=created_by,
        archived=False,
        retired=False,
        created_at=now,
        updated_at=now,
        **row_values(ex),
    )


def exercise_from_row(row: ExerciseRow) -> Exercise:
    return exercise_from_values([getattr(row, key) for key in _KEYS])


def _pose_json(pose: ExercisePose | None) -> str | None:
    if pose is None:
        return None
    return json.dumps(pose_to_mapping(pose), ensure_ascii=False, separators=(",", ":"))


def _dump(items: list[str]) -> str:
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


def _dump_photos(ex: Exercise) -> str | None:
    if not ex.photos:
        return None
    return json.dumps([photo_to_mapping(p) for p in ex.photos], separators=(",", ":"))
