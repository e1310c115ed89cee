"""Sharing the coach's own exercises with another coach: one JSON file, read all or nothing.

The format is documented in ``docs/exercise-sharing.md``::

    {"format": "hip-planner/exercises", "version": 2, "exercises": [{...}, ...]}

Each exercise has the shape of an exercise in a program file (:class:`ExerciseCore` with hip
weight, variants and the closed-chain flag), without the program's ``builtin`` and ``archived``
flags. Reading goes through the same strict reader as program files (size, depth, duplicate
keys, lone surrogates, value count) and raises :class:`ExerciseShareError` naming the file and
the place of the first problem; nothing is returned unless every exercise in the file is valid.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal, Protocol

from pydantic import Field

from planner.exercise import Exercise
from planner.file_text import quoted
from planner.files.program_file import MAX_FILE_BYTES, read_limited
from planner.files.program_format import (
    ProgramFileError,
    decode_file,
    encode_json,
    exercise_model,
    exercises_from_models,
    validated,
)
from planner.files.program_schema import (
    DoseModel,
    ExerciseCore,
    ExerciseId,
    ExerciseModel,
    FileModel,
    HipWeight,
    PhotoModel,
    PoseModel,
    VideoUrl,
)
from planner.files.safe_save import ProgramSaveError, write_atomically
from planner.photo import MAX_PHOTOS
from planner.program import MAX_EXERCISES

FORMAT = "hip-planner/exercises"
VERSION = 2
"""Version 2 added a dose's target effort, the video address and photos; 1 is still read."""
SUFFIX = ".json"
WHAT = "Hip Planner exercise file"
_PROGRAM_ONLY = {"builtin", "archived"}

__all__ = [
    "FORMAT",
    "MAX_FILE_BYTES",
    "SUFFIX",
    "VERSION",
    "ExerciseShareError",
    "dumps_exercises",
    "loads_exercises",
    "read_exercises",
    "write_exercises",
]


class ExerciseShareError(ValueError):
    """A sharing file cannot be written or read; the message says which file, where and why."""


class SharedExercise(ExerciseCore):
    hip_weight: HipWeight = 1.0
    easier: ExerciseId | None = None
    harder: ExerciseId | None = None
    closed_chain: bool = False
    dose: DoseModel
    video: VideoUrl | None = None
    photos: list[PhotoModel] = Field(default_factory=list, max_length=MAX_PHOTOS)
    pose: PoseModel | None = None


class SharingFile(FileModel):
    format: Literal["hip-planner/exercises"]
    version: Literal[1, 2]
    exercises: list[SharedExercise] = Field(max_length=MAX_EXERCISES, fail_fast=True)


def dumps_exercises(exercises: Iterable[Exercise]) -> bytes:
    """The sharing file's bytes: UTF-8 JSON, indented, keys in a stable order."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exercises": [
            exercise_model(ex).model_dump(mode="json", exclude=_PROGRAM_ONLY) for ex in exercises
        ],
    }
    return encode_json(document)


def write_exercises(path: Path, exercises: Iterable[Exercise]) -> None:
    """Write a sharing file all or nothing (the program files' safe writer).

    Refuses to replace anything but a sharing file: a program or a PDF chosen by mistake stays.
    """
    data = dumps_exercises(exercises)
    if path.exists() or path.is_symlink():
        try:
            read_exercises(path)
        except ExerciseShareError:
            raise ExerciseShareError(
                f"{path}: is there already and is not a {WHAT}; choose another name"
            ) from None
    try:
        write_atomically(path, data)
    except ProgramSaveError as exc:
        raise ExerciseShareError(f"{path}: cannot be written ({exc.reason})") from exc


def read_exercises(path: Path) -> list[Exercise]:
    """Every exercise of a sharing file, as the coach's own (not built-in)."""
    try:
        data = read_limited(path, str(path), what=WHAT)
    except ProgramFileError as exc:
        raise ExerciseShareError(str(exc)) from None
    return loads_exercises(data, source=str(path))


def loads_exercises(data: bytes, source: str = "the sharing file") -> list[Exercise]:
    """Parse a sharing file's bytes; ``source`` names it in error messages."""
    try:
        return _parse(data, source)
    except ProgramFileError as exc:
        raise ExerciseShareError(str(exc)) from None


def _parse(data: bytes, source: str) -> list[Exercise]:
    document = decode_file(data, source, what=f"a {WHAT}")
    found = document.get("format") if isinstance(document, dict) else None
    if not isinstance(document, dict) or found != FORMAT:
        shown = quoted(found) if isinstance(found, str) else json.dumps(found)[:20]
        raise ProgramFileError(
            source, f'is not a {WHAT} ("format" is {shown}; expected "{FORMAT}")'
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProgramFileError(source, f'"version" must be a whole number such as {VERSION}')
    if version > VERSION:
        raise ProgramFileError(
            source,
            f"was written by a newer Hip Planner (version {version}); update Hip Planner to "
            "read it",
        )
    shared = validated(SharingFile, document, source)
    return list(exercises_from_models(_as_own(shared.exercises), source).values())


def _as_own(exercises: Sequence[SharedExercise]) -> list[ExerciseModel]:
    """The shared exercises as a program embeds them, as the coach's own and not archived."""
    return [
        ExerciseModel.model_construct(**dict(ex), builtin=False, archived=False) for ex in exercises
    ]


class ImportedExercise(Protocol):
    @property
    def exercise(self) -> Exercise: ...
    @property
    def reason(self) -> str: ...


class ImportOutcome(Protocol):
    """What an import did (``db.catalog.ImportReport``)."""

    @property
    def added(self) -> Sequence[Exercise]: ...
    @property
    def updated(self) -> Sequence[Exercise]: ...
    @property
    def skipped(self) -> Sequence[ImportedExercise]: ...


def describe_import(report: ImportOutcome, *, limit: int = 15) -> str:
    """Added, updated and skipped, with the reason for each skipped exercise (the first
    ``limit`` of them), in lines for a message box or a terminal."""
    lines = [
        f"Added: {len(report.added)}",
        f"Updated: {len(report.updated)}",
        f"Skipped: {len(report.skipped)}",
    ]
    lines += [f"• {quoted(s.exercise.name, 80)}: {s.reason}" for s in report.skipped[:limit]]
    if len(report.skipped) > limit:
        lines.append(f"… and {len(report.skipped) - limit} more")
    return "\n".join(lines)
