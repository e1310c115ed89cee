"""Decide whether a database file can be used, and move a damaged one aside (never delete it)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from db.engine import make_engine
from db.errors import CatalogOpenError, is_corruption, storage_message
from db.migrate import VERSION_TABLE, current_revision, free_path, known_revisions
from db.models import Base, ExerciseRow
from db.revisions import HEAD_REVISION
from db.version_stamp import read_stamp, stamp_text

OUR_TABLES = frozenset(Base.metadata.tables) | {VERSION_TABLE}
"""Every table any revision of the schema has had (keep dropped tables listed here)."""
COMPANIONS = ("-wal", "-shm", "-journal")
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class Verdict:
    usable: bool
    revision: str | None = None
    """The schema revision of a usable file (None: a new or empty file)."""
    problem: str = ""
    """Why an unusable file cannot be used, for the coach."""


def examine(path: Path, busy_timeout_ms: int) -> Verdict:
    """Check the file at ``path``: readable, intact, of a schema we know, holding our tables.

    Only reads, so a file that turns out damaged is moved aside exactly as it was found.
    Raises :class:`CatalogOpenError` for problems that moving the file would not solve or
    would hide (busy, no permission, written by a newer Hip Planner).
    """
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return Verdict(usable=True)
    except OSError as exc:
        raise CatalogOpenError(
            f"The catalog database {path} cannot be read ({exc.strerror or exc}); "
            "check the file's permissions, then start Hip Planner again."
        ) from exc
    if head and head != SQLITE_MAGIC:
        # Not even SQLite: do not open it, SQLite would delete its -wal/-shm on closing.
        return Verdict(False, problem="it is not an SQLite database file")
    engine = make_engine(path, busy_timeout_ms, wal=False)
    try:
        with engine.connect() as connection:
            checks = connection.exec_driver_sql("PRAGMA integrity_check(1)").scalars().all()
            if checks != ["ok"]:
                return Verdict(False, problem=f"the integrity check failed ({checks[0]})")
            tables = set(
                connection.execute(
                    text("SELECT name FROM sqlite_master WHERE type = 'table'")
                ).scalars()
            )
            tables = {name for name in tables if not name.startswith("sqlite_")}
            if not tables:
                return Verdict(usable=True)
            revision = current_revision(connection) if VERSION_TABLE in tables else None
            if revision is not None and revision not in known_revisions():
                # Checked before the tables: a newer schema may well have more of them.
                raise CatalogOpenError(_newer_message(path, revision, read_stamp(connection)))
            foreign = sorted(tables - OUR_TABLES)
            if foreign or VERSION_TABLE not in tables:
                shown = ", ".join(foreign or sorted(tables))
                return Verdict(False, problem=f"it holds tables Hip Planner does not use ({shown})")
    except DBAPIError as exc:
        if is_corruption(exc):
            return Verdict(False, problem=f"it is not a readable database ({exc.orig})")
        raise CatalogOpenError(storage_message(exc, path)) from exc
    finally:
        engine.dispose()
    if revision is None:
        return Verdict(False, problem="it has no schema version")
    if ExerciseRow.__tablename__ not in tables:  # every revision has it; later ones add more
        return Verdict(False, problem="its exercise table is missing")
    return Verdict(usable=True, revision=revision)


def _newer_message(path: Path, revision: str, stamp: int) -> str:
    """Refuse a file of an unknown (newer) schema, naming the Hip Planner it needs if known."""
    version = stamp_text(stamp)
    needed = f"Hip Planner {version} or newer" if version else "the newer Hip Planner"
    return (
        f"The catalog database {path} was written by a newer Hip Planner (catalog schema "
        f"{revision}; this Hip Planner reads up to schema {HEAD_REVISION}). Install {needed} "
        "to use it and the exercises you made in it; the file was left as it was."
    )


def move_aside(path: Path, now: datetime) -> Path:
    """Rename the file (and its -wal/-shm/-journal) to ``<name>.corrupt-<timestamp>``."""
    target = free_path(path, f".corrupt-{now:%Y%m%d-%H%M%S}")
    try:
        for suffix in COMPANIONS:
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                os.replace(companion, target.with_name(target.name + suffix))
        os.replace(path, target)
    except OSError as exc:
        raise CatalogOpenError(
            f"The catalog database {path} is damaged and could not be moved aside ({exc}); "
            "move or rename it yourself, then start Hip Planner again."
        ) from exc
    return target
