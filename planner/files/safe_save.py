"""Write a file all or nothing, so a crash, a full disk or a pulled drive never leaves it half
written.

The new contents go to a temporary file in the same folder (see below for its name),
every write is checked, the file is flushed to the disk, the previous version is kept as a
backup if asked (a hard link, or a copy where links are not supported), and only then does
``os.replace`` swap it in — atomically. Until that moment the old file is untouched.

A temporary file's name says which computer and process wrote it
(``.client.hipplan.tmp-<host>-<pid>-<random>``). One that a killed save left behind is removed
by :func:`remove_stale_temp_files` before every save in its folder and at start-up.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import socket
import stat
import time
from functools import cache
from pathlib import Path

TEMP_MARK = ".tmp-"
STALE_TEMP_SECONDS = 60.0
"""A temporary file not written for this long belongs to no running save, whoever made it."""
_TEMP_NAME = re.compile(
    r"^\..+\.tmp-(?:(?P<host>[0-9a-f]{8})-(?P<pid>[0-9]{1,10})-[0-9a-f]{8}|[0-9a-f]{16})$"
)
"""This version's temporary names, and the older ``tmp-<16 hex>`` ones (no host, no pid)."""


class ProgramSaveError(Exception):
    """Saving failed and nothing was changed; ``str()`` is the message for the coach."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"Could not save {path.name}: {reason}")


class ReadOnlyFileError(ProgramSaveError):
    """The file to replace is read-only; it is replaced only when the caller says so."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path, "the file is read-only. Save it under another name, or make it writable first."
        )


def write_atomically(
    path: Path, data: bytes, *, backup: Path | None = None, overwrite_read_only: bool = False
) -> None:
    """Make ``path`` hold exactly ``data``; if ``backup`` is given, the previous file (if any)
    becomes ``backup``. Raises :class:`ProgramSaveError` with ``path`` left as it was.

    A read-only ``path`` raises :class:`ReadOnlyFileError` unless ``overwrite_read_only``: the
    swap itself would succeed in a writable folder, silently ignoring the file's permissions.
    The new file keeps the old one's permissions, so it stays read-only.
    """
    if not overwrite_read_only and is_read_only(path):
        raise ReadOnlyFileError(path)
    remove_stale_temp_files(path.parent)
    temp = temp_path_for(path)
    try:
        _write_new_file(temp, data, mode_of=path)
        if backup is not None:
            _keep_backup(path, backup)
        os.replace(temp, path)
    except OSError as exc:
        _remove_quietly(temp)
        raise ProgramSaveError(path, save_failure_reason(exc)) from exc
    _sync_folder(path.parent)


def is_read_only(path: Path) -> bool:
    """True for an existing file whose permissions forbid writing it: no write bit at all
    (which root ignores), or not writable by this user."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # not there yet (or unreachable: the save itself will say why)
    return stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(path, os.W_OK))


def temp_path_for(path: Path) -> Path:
    """A hidden, recognisable name next to ``path`` that no other save will pick, naming this
    computer and process so that a later start can tell a dead save's file from a live one."""
    tag = f"{host_tag()}-{os.getpid()}-{secrets.token_hex(4)}"
    return path.with_name(f".{path.name}{TEMP_MARK}{tag}")


@cache
def host_tag() -> str:
    """This computer, as 8 hex digits (a shared network folder may hold other computers' files)."""
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def remove_stale_temp_files(folder: Path, *, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Delete the temporary files interrupted saves left in ``folder``; returns them.

    A temporary file is left over when the process named in it no longer runs on this
    computer, or, whoever wrote it, when it was not written for ``older_than`` seconds (longer
    than any save takes). A running save's file is never taken: its process runs, and it is
    being written right now.
    """
    removed: list[Path] = []
    try:
        candidates = [(p, m) for p in folder.iterdir() if (m := _TEMP_NAME.match(p.name))]
    except OSError:
        return removed
    now = time.time()
    for path, name in candidates:
        try:
            age = now - path.lstat().st_mtime
            if age < older_than and not _writer_is_gone(name):
                continue
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def _writer_is_gone(name: re.Match[str]) -> bool:
    """True when the temporary name says it was written here by a process that has ended."""
    host, pid = name.group("host", "pid")
    if host != host_tag() or pid is None or not 0 < int(pid) < 2**31:
        return False  # another computer's, an older name or no real process: age tells
    import psutil

    return int(pid) != os.getpid() and not psutil.pid_exists(int(pid))


def save_failure_reason(exc: OSError) -> str:
    """Why a save failed and what to do, in the coach's words."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk is full. Free some space or use Save As to save elsewhere."
    if code == errno.EROFS:
        return "the drive is read-only (write-protected or locked). Use Save As to save elsewhere."
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return (
            "you do not have permission to write there, or another program is using the file. "
            "Use Save As to save elsewhere."
        )
    if code == errno.ENOENT:
        return (
            "the folder no longer exists (deleted, renamed, or its drive removed). "
            "Use Save As to save elsewhere."
        )
    if code == errno.EIO:
        return "the drive reported an error. Check the drive, then use Save As to save elsewhere."
    detail = exc.strerror or str(exc) or type(exc).__name__
    return f"{detail}. Use Save As to save elsewhere."


def _write_new_file(path: Path, data: bytes, *, mode_of: Path | None = None) -> None:
    """Create ``path`` (it must not exist), write all of ``data`` and flush it to the disk."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o666)
    try:
        if mode_of is not None:
            _copy_permissions(mode_of, path)
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    """``os.write`` may write less than asked (a nearly full disk, a signal): loop until done."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.ENOSPC, "the disk accepted no more data")
        view = view[written:]


def _copy_permissions(source: Path, target: Path) -> None:
    """Keep the saved file's permissions as the coach set them on the old one."""
    try:
        mode = stat.S_IMODE(os.stat(source).st_mode)
    except FileNotFoundError:
        return
    os.chmod(target, mode)


def _keep_backup(path: Path, backup: Path) -> None:
    """Make ``backup`` hold what ``path`` holds now (a hard link, or a copy).

    If ``backup`` already is a hard link of ``path`` (a save killed before its final swap, or
    two savers at once), ``os.replace`` onto it does nothing and would leave the temporary name
    behind: so the temporary name is always removed at the end.
    """
    temp = temp_path_for(backup)
    try:
        try:
            os.link(path, temp)
        except FileNotFoundError:
            return  # the first save: nothing to keep
        except OSError:  # no hard links on this drive (FAT, some network shares): copy
            _write_new_file(temp, path.read_bytes())
        os.replace(temp, backup)
    finally:
        _remove_quietly(temp)


def _remove_quietly(path: Path) -> None:
    # If this fails too (the folder is gone), remove_stale_temp_files gets it next time.
    with contextlib.suppress(OSError):
        path.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no folder handles to sync).

    The new file is already in place here, so a folder that refuses to sync (some network and
    FUSE file systems) is not reported as a failed save.
    """
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
