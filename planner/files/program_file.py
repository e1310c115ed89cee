"""Open and save ``.hipplan`` program files: the API the GUI and the command line use.

Opening checks the file before reading it (exists, is a file, at most :data:`MAX_FILE_BYTES`)
and turns every problem into a :class:`ProgramFileError`. Saving goes through
:mod:`planner.files.safe_save` and turns every problem into a :class:`ProgramSaveError`; the old
file is then unchanged. A file of an older version is upgraded in memory on opening and written in
the current version only when saved, with the original kept as ``<name>.v<version>.hipplan.bak``.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

from planner.files.program_format import (
    LoadedProgram,
    NewerVersionError,
    ProgramFileError,
    parse_program,
    serialize_program,
)
from planner.files.program_schema import CURRENT_VERSION, FORMAT_NAME
from planner.files.safe_save import (
    ProgramSaveError,
    ReadOnlyFileError,
    remove_stale_temp_files,
    write_atomically,
)
from planner.program import FILE_EXTENSION, Program

__all__ = [
    "EXTENSION",
    "MAX_FILE_BYTES",
    "LoadedProgram",
    "NewerVersionError",
    "ProgramFileError",
    "ProgramSaveError",
    "ReadOnlyFileError",
    "backup_path",
    "load_program",
    "parse_program",
    "read_limited",
    "read_program",
    "remove_stale_temp_files",
    "save_program",
    "serialize_program",
]

EXTENSION = FILE_EXTENSION
MAX_FILE_BYTES = 20 * 1024 * 1024
"""A real program is well under 2 MB; anything over this is refused before it is read."""

PathLike = str | os.PathLike[str]


def load_program(path: PathLike) -> LoadedProgram:
    """The program in a file, with its file version; raises :class:`ProgramFileError`."""
    source = os.fspath(path)
    return parse_program(read_limited(Path(path), source), source=source)


def read_program(path: PathLike) -> Program:
    return load_program(path).program


def save_program(
    program: Program,
    path: PathLike,
    *,
    keep_backup: bool = True,
    overwrite_read_only: bool = False,
) -> None:
    """Write ``program`` to ``path`` in the current version, all or nothing.

    With ``keep_backup`` the previous file becomes ``<name>.bak``. A previous file of an older
    version is always kept, as ``<name>.v<version>.hipplan.bak``, since older Hip Planners
    cannot open the new one. Raises :class:`ProgramSaveError`; :class:`ReadOnlyFileError` when
    ``path`` is read-only, unless ``overwrite_read_only``.
    """
    target = Path(path)
    data = _checked_bytes(program, target)
    old_version = _existing_version(target)
    if old_version is not None and old_version < CURRENT_VERSION:
        backup: Path | None = backup_path(target, old_version)
    else:
        backup = backup_path(target) if keep_backup else None
    write_atomically(target, data, backup=backup, overwrite_read_only=overwrite_read_only)


def backup_path(path: Path, version: int | None = None) -> Path:
    """``client.hipplan.bak``, or ``client.v1.hipplan.bak`` for a file of version 1."""
    if version is None:
        return path.with_name(path.name + ".bak")
    return path.with_name(f"{path.stem}.v{version}{path.suffix}.bak")


def read_limited(path: Path, source: str, what: str = "program file") -> bytes:
    """The bytes of a regular file of at most :data:`MAX_FILE_BYTES`, checked before reading
    (a folder, a device or a pipe would otherwise fail oddly or never return). ``what`` names
    the kind of file expected in messages."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise ProgramFileError(source, f"is a folder, not a {what}")
        if not stat.S_ISREG(info.st_mode):
            raise ProgramFileError(source, f"is not an ordinary file, so it is not a {what}")
        _check_size(info.st_size, source, what)
        with open(path, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ProgramFileError(source, _open_problem(exc, what)) from None
    except ValueError:  # a NUL character in the name
        raise ProgramFileError(source, "is not a valid file name") from None
    _check_size(len(data), source, what)
    return data


def _check_size(size: int, source: str, what: str) -> None:
    if size > MAX_FILE_BYTES:
        raise ProgramFileError(
            source,
            f"is {size / 1024 / 1024:.0f} MB; a {what} is at most "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB, so this is not one",
        )


def _open_problem(exc: OSError, what: str) -> str:
    if isinstance(exc, FileNotFoundError):
        return "does not exist; check the file name and the folder"
    if isinstance(exc, PermissionError):
        return "cannot be opened: you do not have permission to read it"
    if isinstance(exc, IsADirectoryError):
        return f"is a folder, not a {what}"
    if exc.errno == errno.ELOOP:
        return "is a link that leads back to itself (a symbolic link loop)"
    return f"cannot be read ({exc.strerror or exc})"


def _checked_bytes(program: Program, path: Path) -> bytes:
    """The file's bytes, refused if Hip Planner could not open them again."""
    try:
        data = serialize_program(program)
        parse_program(data, source=path.name)
    except (ValueError, ProgramFileError) as exc:
        raise ProgramSaveError(
            path,
            f"the program breaks a rule of the file format ({exc}). "
            "This is a bug in Hip Planner; please report it.",
        ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise ProgramSaveError(
            path,
            f"the program is too large to save (more than {MAX_FILE_BYTES // 1024 // 1024} MB). "
            "Take some photos off its exercises and entries, or split it into two.",
        )
    return data


def _existing_version(path: Path) -> int | None:
    """The version of the Hip Planner program now at ``path``, or None if there is none."""
    try:  # plain json is enough to read a version, and much faster than the strict decoder
        value = json.loads(read_limited(path, str(path)))
    except (ProgramFileError, ValueError, RecursionError):
        return None
    if not isinstance(value, dict) or value.get("format") != FORMAT_NAME:
        return None
    version = value.get("version")
    return version if isinstance(version, int) and not isinstance(version, bool) else None
