"""One family of errors for the catalog database, each with a message a coach can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.exc import DBAPIError

    from planner.exercise import Exercise


# Primary SQLite result codes (https://www.sqlite.org/rescode.html).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class CatalogError(Exception):
    """Base of every error the catalog database raises; ``str()`` is meant for the coach."""


class CatalogOpenError(CatalogError):
    """The catalog database could not be opened, repaired or brought up to date."""


class CatalogWriteError(CatalogError):
    """A change could not be saved; the catalog is left exactly as it was."""


class CatalogConflictError(CatalogWriteError):
    """Another coach changed the exercise since it was opened; nothing was saved.

    ``theirs`` is the exercise as now stored, ``version`` its version: saving again with that
    version keeps mine, showing ``theirs`` takes theirs.
    """

    def __init__(self, theirs: Exercise, version: int, author: str | None) -> None:
        who = author or "another coach"
        super().__init__(
            f'"{theirs.name}" was changed by {who} while you were editing it; '
            "nothing was saved. Keep your version or take theirs."
        )
        self.theirs = theirs
        self.version = version


class CatalogRuleError(CatalogError):
    """A change was refused (a built-in edited, a name taken, an unknown id); nothing was saved."""


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code behind ``exc`` (a driver or SQLAlchemy error), if known."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(orig).lower()
    for needle, guess in (
        ("locked", SQLITE_BUSY),
        ("busy", SQLITE_BUSY),
        ("disk is full", SQLITE_FULL),
        ("readonly", SQLITE_READONLY),
        ("read-only", SQLITE_READONLY),
        ("malformed", SQLITE_CORRUPT),
        ("not a database", SQLITE_NOTADB),
        ("unable to open", SQLITE_CANTOPEN),
        ("disk i/o error", SQLITE_IOERR),
    ):
        if needle in text:
            return guess
    return None


def is_corruption(exc: BaseException) -> bool:
    """True when SQLite says the file is damaged or is not a database at all."""
    return sqlite_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def storage_message(exc: BaseException, path: Path) -> str:
    """Turn a storage failure into one sentence that tells the coach what to do."""
    code = sqlite_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return "The catalog database is busy in another Hip Planner window; try again."
    if code == SQLITE_FULL:
        return "The disk is full; free some space and try again."
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return (
            f"The catalog database {path} is read-only; check that the file and its folder "
            "may be written, then try again."
        )
    if code == SQLITE_CANTOPEN:
        return (
            f"The catalog database {path} cannot be opened; check that its folder exists "
            "and may be written, then try again."
        )
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return (
            f"The catalog database {path} is damaged; restart Hip Planner, which moves the "
            "damaged file aside and builds a fresh catalog."
        )
    if code == SQLITE_IOERR:
        return f"The disk reported an error while using {path}; check the disk and try again."
    detail = str(getattr(exc, "orig", exc)).strip()
    return f"The catalog database {path} could not be used ({detail}); try again."


def write_error(exc: DBAPIError | sqlite3.Error, path: Path) -> CatalogWriteError:
    return CatalogWriteError(storage_message(exc, path))


def server_message(exc: BaseException, where: str) -> str:
    """A clinic server's failure (``where``: its address without password) in one sentence."""
    detail = " ".join(str(getattr(exc, "orig", exc)).split())
    if getattr(exc, "connection_invalidated", False) or "connect" in detail.lower():
        return (
            f"The clinic catalog at {where} cannot be reached ({detail}). Nothing was changed "
            "there; what you typed is kept, so try again when the connection is back."
        )
    return f"The clinic catalog at {where} refused the change ({detail}); nothing was changed."
