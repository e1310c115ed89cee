"""One file, one window: a lock file next to each open program, with stale-lock detection.

Qt's QLockFile records the process id and host; a lock left by a crashed process on this
machine is recognised as stale and taken over, so a crash never locks a file forever.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


def lock_path(path: Path) -> Path:
    return path.with_name(f".~lock.{path.name}#")


class ProgramLock:
    """A lock held while a file (or a recovery copy) is open in this Hip Planner."""

    def __init__(self, lock_file: Path) -> None:
        self._lock = QLockFile(str(lock_file))
        # 0: never call a lock stale by its age (a file may stay open for hours); a lock whose
        # process no longer runs on this machine is still recognised as stale.
        self._lock.setStaleLockTime(0)

    @classmethod
    def for_program(cls, path: Path) -> ProgramLock:
        """The lock next to a program file."""
        return cls(lock_path(path))

    @classmethod
    def for_recovery(cls, folder: Path, doc_key: str) -> ProgramLock:
        """The lock on a document's autosave copy, so another running Hip Planner does not
        offer it back as if its window had crashed."""
        return cls(folder / f"{doc_key}.lock")

    def try_lock(self) -> bool:
        """Take the lock; False when another running Hip Planner holds it. A folder where no
        lock can be written (read-only, network share) counts as free."""
        if self._lock.tryLock(0):
            return True
        return self._lock.error() != QLockFile.LockError.LockFailedError

    def holder(self) -> str:
        """Who holds the lock, in words, e.g. "process 4242 on laptop"."""
        info = self._lock.getLockInfo()
        if not info or not info[0]:
            return "another Hip Planner"
        pid, host = info[0], info[1]
        return f"process {pid} on {host or 'this computer'}"

    def unlock(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
