"""Read exercises from the human-editable TOML catalog (``resources/catalog/*.toml``).

The file holds an array of ``[[exercise]]`` tables; see ``docs/catalog-format.md``.
"""

from __future__ import annotations

import base64
import binascii
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from planner.dose import Dose, DoseError, Effort, EffortScale
from planner.exercise import Exercise, ExerciseError
from planner.photo import MediaType, Photo, PhotoError
from planner.pose import PoseError, pose_from_mapping, pose_to_mapping
from planner.taxonomy import Direction, Equipment, Knee, Level, Position, Unit


class CatalogDataError(ValueError):
    """A catalog file is not valid; the message names the file and the exercise."""


def load_catalog_file(path: Path, *, builtin: bool = True) -> list[Exercise]:
    """Parse one TOML catalog file into exercises, checking ids are unique."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CatalogDataError(f"{path}: cannot be read as TOML ({exc})") from exc
    tables = data.get("exercise", [])
    if not isinstance(tables, list):
        raise CatalogDataError(f"{path}: expected [[exercise]] tables")
    exercises = [_parse(path, i, table, builtin) for i, table in enumerate(tables)]
    _check_unique(path, exercises)
    return exercises


def load_catalog_dir(folder: Path, *, builtin: bool = True) -> list[Exercise]:
    """Every ``*.toml`` file of a folder, in name order, as one list with unique ids."""
    exercises: list[Exercise] = []
    for path in sorted(folder.glob("*.toml")):
        exercises.extend(load_catalog_file(path, builtin=builtin))
    _check_unique(folder, exercises)
    return exercises


def effort_to_text(effort: Effort | None) -> str | None:
    """ "rpe:7", "rir:2" (None: no target effort) — the catalog's and the database's form."""
    return None if effort is None else f"{effort.scale.value}:{effort.value}"


def effort_from_text(text: object) -> Effort | None:
    """The inverse of :func:`effort_to_text`; raises DoseError for anything else."""
    if text is None:
        return None
    scale, _, value = str(text).partition(":")
    try:
        return Effort(EffortScale(scale.strip().lower()), int(value))
    except ValueError:
        raise DoseError(
            {"effort": f'write the effort as "rpe:7" (1–10) or "rir:2" (0–10), not {text!r}'}
        ) from None


def dose_from_mapping(data: Mapping[str, Any]) -> Dose:
    """Build a dose from plain data; raises ValueError (DoseError, ExerciseError) when bad."""
    values = dict(data)
    if "unit" in values:
        values["unit"] = Unit.parse(str(values["unit"]))
    if "effort" in values:
        values["effort"] = effort_from_text(values["effort"])
    try:
        return Dose(**values)
    except TypeError as exc:
        raise ExerciseError({"dose": f"unknown dose field ({exc})"}) from exc


def dose_to_mapping(dose: Dose) -> dict[str, Any]:
    """The dose as plain data; ``effort`` only when set, so a dose without one reads (and
    hashes) as it did before efforts existed."""
    mapping: dict[str, Any] = {
        "sets": dose.sets,
        "amount": dose.amount,
        "unit": dose.unit.value,
        "each_side": dose.each_side,
        "load": dose.load,
        "rest_seconds": dose.rest_seconds,
        "tempo": dose.tempo,
        "notes": dose.notes,
    }
    if dose.effort is not None:
        mapping["effort"] = effort_to_text(dose.effort)
    return mapping


def exercise_from_mapping(table: Mapping[str, Any], *, builtin: bool = True) -> Exercise:
    """Build an exercise from plain data (TOML table, JSON object); raises ValueError."""
    dose = dose_from_mapping(table.get("dose", {}))
    return Exercise(
        id=str(table["id"]),
        name=str(table["name"]),
        directions=tuple(Direction.parse(d) for d in _strings(table["directions"])),
        knee=Knee.parse(str(table["knee"])),
        positions=tuple(Position.parse(p) for p in _strings(table["positions"])),
        equipment=tuple(Equipment.parse(e) for e in _strings(table["equipment"])),
        level=Level.parse(str(table["level"])),
        dose=dose,
        instructions=str(table.get("instructions", "")).strip(),
        cues=tuple(str(c).strip() for c in table.get("cues", ())),
        hip_weight=_share(table.get("hip_weight", 1.0)),
        easier=table.get("easier"),
        harder=table.get("harder"),
        closed_chain=table.get("closed_chain", False),
        video=table.get("video") or None,
        photos=tuple(photo_from_mapping(p) for p in _photo_tables(table.get("photos", ()))),
        pose=_pose(table.get("pose")),
        builtin=builtin,
        archived=bool(table.get("archived", False)),
    )


def exercise_to_mapping(ex: Exercise) -> dict[str, Any]:
    """The inverse of :func:`exercise_from_mapping` (JSON-friendly, stable key order); the
    pose only when the exercise has its own (so the content hash of one without is as before).
    """
    mapping = {
        "id": ex.id,
        "name": ex.name,
        "directions": [x.value for x in ex.directions],
        "knee": ex.knee.value,
        "positions": [x.value for x in ex.positions],
        "equipment": [x.value for x in ex.equipment],
        "level": ex.level.value,
        "dose": dose_to_mapping(ex.dose),
        "instructions": ex.instructions,
        "cues": list(ex.cues),
        "hip_weight": ex.hip_weight,
        "easier": ex.easier,
        "harder": ex.harder,
        "closed_chain": ex.closed_chain,
        "video": ex.video,
        "photos": [photo_to_mapping(p) for p in ex.photos],
    }
    if ex.pose is not None:
        mapping["pose"] = pose_to_mapping(ex.pose)
    return mapping


def _pose(data: object) -> Any:
    """The drawing pose of a table, or ``None``; bad pose data is an ExerciseError."""
    if data is None:
        return None
    try:
        return pose_from_mapping(data)
    except PoseError as exc:
        raise ExerciseError({"pose": str(exc)}) from exc


def photo_to_mapping(photo: Photo) -> dict[str, str]:
    """A photo as in program and sharing files: its media type and its bytes in base64."""
    return {"media_type": photo.media_type.value, "data": base64.b64encode(photo.data).decode()}


def photo_from_mapping(table: Mapping[str, Any]) -> Photo:
    """The inverse of :func:`photo_to_mapping`; raises PhotoError (a ValueError) when bad."""
    try:
        media_type = MediaType(table["media_type"])
        data = base64.b64decode(str(table["data"]), validate=True)
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise PhotoError(
            "a photo needs a media_type (image/jpeg or image/png) and base64 data"
        ) from None
    return Photo(media_type, data)


def _photo_tables(value: object) -> list[Mapping[str, Any]]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, Mapping) for v in value):
        raise PhotoError("photos must be a list of tables with media_type and data")
    return list(value)


def _share(value: Any) -> Any:
    """A number as a float (1 and 1.0 are the same weight); anything else for the domain to
    refuse with its own message."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return value


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value]
    raise ValueError(f"expected a list of names, got {value!r}")


def _parse(path: Path, index: int, table: object, builtin: bool) -> Exercise:
    where = f"{path}: exercise #{index + 1}"
    if isinstance(table, dict) and "id" in table:
        where += f" ({table['id']})"
    if not isinstance(table, dict):
        raise CatalogDataError(f"{where}: expected a table")
    try:
        return exercise_from_mapping(table, builtin=builtin)
    except KeyError as exc:
        raise CatalogDataError(f"{where}: missing field {exc}") from exc
    except (ValueError, DoseError, ExerciseError) as exc:
        raise CatalogDataError(f"{where}: {exc}") from exc


def _check_unique(where: object, exercises: Iterable[Exercise]) -> None:
    seen: set[str] = set()
    for ex in exercises:
        if ex.id in seen:
            raise CatalogDataError(f"{where}: the id {ex.id!r} is used twice")
        seen.add(ex.id)
