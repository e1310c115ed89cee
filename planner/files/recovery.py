"""Autosaved copies of open programs, offered back after a crash (the non-GUI part).

Each open document has a key (letters, digits, ``-``, ``_``); its copy is one file,
``<key>.recovery`` in :func:`planner.files.folders.recovery_dir`, written with the safe save. The
file is JSON: a little metadata (which file it came from, its title, when it was saved) around the
program in the ``.hipplan`` form. The GUI's autosave timer calls :func:`write_recovery`, the
restore dialog :func:`list_recoveries`, and a save or a clean close :func:`discard_recovery`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from planner.files.folders import recovery_dir
from planner.files.program_file import read_limited
from planner.files.program_format import (
    ProgramFileError,
    decode_file,
    encode_json,
    parse_document,
    program_document,
    validated,
)
from planner.files.program_schema import FileModel
from planner.files.safe_save import ProgramSaveError, remove_stale_temp_files, write_atomically
from planner.program import Program

log = logging.getLogger(__name__)

SUFFIX = ".recovery"
FORMAT_NAME = "hip-planner/recovery"
_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True, slots=True)
class Recovery:
    doc_key: str
    program: Program
    original_path: Path | None
    """The file the program was opened from or last saved to; None if never saved."""
    title: str
    saved_at: datetime
    """When the copy was written (UTC)."""


class RecoveryFile(FileModel):
    format: Literal["hip-planner/recovery"]
    version: Literal[1]
    doc_key: str = Field(pattern=_KEY.pattern)
    original_path: str | None = Field(max_length=4096)
    title: str = Field(max_length=1000)
    saved_at: str = Field(max_length=64)
    program: dict[str, Any]


def recovery_path(doc_key: str) -> Path:
    if not _KEY.fullmatch(doc_key):
        raise ValueError(f"a recovery key is 1–64 letters, digits, - or _, not {doc_key!r}")
    return recovery_dir() / f"{doc_key}{SUFFIX}"


def write_recovery(doc_key: str, program: Program, original_path: Path | None, title: str) -> Path:
    """Save a copy of ``program`` for ``doc_key`` (replacing the last one); returns its path.

    Raises :class:`planner.files.safe_save.ProgramSaveError` if it cannot be written.
    """
    path = recovery_path(doc_key)
    if not path.parent.is_dir():
        raise ProgramSaveError(
            path,
            f"Hip Planner cannot make its recovery folder {path.parent}. Save the program to "
            "keep your changes.",
        )
    document = {
        "format": FORMAT_NAME,
        "version": 1,
        "doc_key": doc_key,
        "original_path": str(original_path) if original_path is not None else None,
        "title": title,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "program": program_document(program).model_dump(mode="json"),
    }
    write_atomically(path, encode_json(document))
    return path


def list_recoveries() -> list[Recovery]:
    """Every readable recovery copy, newest first. Unreadable ones are logged and skipped;
    temporary files of interrupted autosaves are removed."""
    folder = recovery_dir()
    remove_stale_temp_files(folder)
    found: list[Recovery] = []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            found.append(read_recovery(path))
        except ProgramFileError as exc:
            log.warning("skipping an unreadable recovery copy: %s", exc)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def read_recovery(path: Path) -> Recovery:
    """One recovery file; raises :class:`ProgramFileError`."""
    source = str(path)
    value = decode_file(read_limited(path, source), source)
    meta = validated(RecoveryFile, value, source)
    if meta.doc_key != path.name.removesuffix(SUFFIX):
        raise ProgramFileError(source, "does not match the file name", "doc_key")
    try:
        saved_at = datetime.fromisoformat(meta.saved_at)
    except ValueError:
        raise ProgramFileError(source, "is not a date and time", "saved_at") from None
    if saved_at.tzinfo is None:
        saved_at = saved_at.replace(tzinfo=UTC)
    try:
        program = parse_document(meta.program, source=source).program
    except ProgramFileError as exc:
        place = f"program.{exc.place}" if exc.place else "program"
        raise ProgramFileError(source, exc.problem, place) from None
    return Recovery(
        doc_key=meta.doc_key,
        program=program,
        original_path=Path(meta.original_path) if meta.original_path is not None else None,
        title=meta.title,
        saved_at=saved_at,
    )


def discard_recovery(doc_key: str) -> None:
    """Forget the copy of ``doc_key`` (after a save, a clean close, or a declined restore)."""
    try:
        recovery_path(doc_key).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not remove the recovery copy of %s: %s", doc_key, exc)
