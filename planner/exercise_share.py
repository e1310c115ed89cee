"""Sharing the coach's own exercises with another coach: one JSON file, read all or nothing.

The format is documented in ``docs/exercise-sharing.md``::

    {"format": "hip-planner/exercises", "version": 1, "exercises": [{...}, ...]}

Each exercise is the mapping of :func:`planner.catalog_file.exercise_to_mapping`. Reading
raises :class:`ExerciseShareError` naming the file and the place of the first problem;
nothing is returned unless every exercise in the file is valid.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from planner.catalog_file import exercise_from_mapping, exercise_to_mapping
from planner.dose import DoseError
from planner.exercise import Exercise, ExerciseError

FORMAT = "hip-planner/exercises"
VERSION = 1
SUFFIX = ".json"


class ExerciseShareError(ValueError):
    """A sharing file cannot be written or read; the message says which file, where and why."""


def dumps_exercises(exercises: Iterable[Exercise]) -> str:
    """The sharing file's text: UTF-8 JSON, indented, keys in a stable order."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exercises": [exercise_to_mapping(ex) for ex in exercises],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_exercises(path: Path, exercises: Iterable[Exercise]) -> None:
    """Write a sharing file; a half-written file never replaces an existing one."""
    text = dumps_exercises(exercises)
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ExerciseShareError(f"{path}: cannot be written ({exc.strerror or exc})") from exc


def read_exercises(path: Path) -> list[Exercise]:
    """Every exercise of a sharing file, as the coach's own (not built-in)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ExerciseShareError(f"{path}: is not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise ExerciseShareError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return loads_exercises(text, source=str(path))


def loads_exercises(text: str, source: str = "the sharing file") -> list[Exercise]:
    """Parse a sharing file's text; ``source`` names it in error messages."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExerciseShareError(
            f"{source}: line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"
        ) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        found = document.get("format") if isinstance(document, dict) else None
        raise ExerciseShareError(
            f"{source}: is not a Hip Planner exercise file "
            f'("format" is {json.dumps(found)}; expected "{FORMAT}")'
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExerciseShareError(f'{source}: "version" must be a whole number such as {VERSION}')
    if version > VERSION:
        raise ExerciseShareError(
            f"{source}: was written by a newer Hip Planner (version {version}); "
            "update Hip Planner to read it"
        )
    items = document.get("exercises")
    if not isinstance(items, list):
        raise ExerciseShareError(f'{source}: "exercises" must be a list of exercises')
    exercises = [_exercise(source, index, item) for index, item in enumerate(items)]
    seen: dict[str, int] = {}
    for index, ex in enumerate(exercises):
        if ex.id in seen:
            raise ExerciseShareError(
                f"{source}: exercises[{index}]: the id {ex.id!r} is used twice "
                f"(also exercises[{seen[ex.id]}])"
            )
        seen[ex.id] = index
    return exercises


def _exercise(source: str, index: int, item: Any) -> Exercise:
    where = f"{source}: exercises[{index}]"
    if not isinstance(item, Mapping):
        raise ExerciseShareError(f"{where}: expected an object with the exercise's fields")
    if "id" in item:
        where += f" ({item['id']})"
    if "dose" in item and not isinstance(item["dose"], Mapping):
        raise ExerciseShareError(f'{where}: "dose" must be an object')
    try:
        return exercise_from_mapping(item, builtin=False)
    except KeyError as exc:
        raise ExerciseShareError(f"{where}: missing field {exc}") from exc
    except (ValueError, TypeError, DoseError, ExerciseError) as exc:
        raise ExerciseShareError(f"{where}: {exc}") from exc
