"""Bring the database file to the newest schema with Alembic, after a backup copy.

Alembic is driven programmatically: the script location is ``db/migrations`` inside the
package, the connection is ours (with its pragmas), and logging is left to the application.
Alembic is slow to import and an ordinary start needs no migration, so it is imported only to
migrate: the revisions are listed here too (a test checks them against the scripts).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from db.engine import is_server, writer
from db.revisions import HEAD_REVISION, KNOWN_REVISIONS

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")
VERSION_TABLE = "alembic_version"


@dataclass(frozen=True, slots=True)
class MigrationResult:
    from_revision: str | None
    """The schema the file had before (None: it was new or empty)."""
    to_revision: str
    backup_path: Path | None

    @property
    def migrated(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def scripts() -> ScriptDirectory:
    """Alembic's view of ``db/migrations`` (imports Alembic)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return HEAD_REVISION


def known_revisions() -> frozenset[str]:
    return KNOWN_REVISIONS


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the file (None: no version table or no row), read with plain SQL.

    A table with several rows (branches, which Hip Planner never makes) reads as an unknown
    revision, so opening reports a file from another version instead of crashing.
    """
    if connection.dialect.name == "sqlite":
        found = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (VERSION_TABLE,)
        ).scalar()
    else:
        found = connection.exec_driver_sql(f"SELECT to_regclass('{VERSION_TABLE}')").scalar()
    if found is None:
        return None
    rows = sorted(connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalars())
    return "+".join(rows) if rows else None


def migrate(
    engine: Engine, path: Path | None, now: datetime, target: str | None = None
) -> MigrationResult:
    """Upgrade the database to ``target`` (default: head) if it is behind.

    A SQLite file (at ``path``) is backed up first, unless new or empty; a clinic's server is
    backed up by whoever runs it (docs/clinic.md). The upgrade runs in one writing transaction
    (``BEGIN IMMEDIATE``, or the server's advisory lock), so it is all or nothing and two
    windows or coaches cannot migrate at once.
    """
    target = target or head_revision()
    with engine.connect() as connection:
        before = current_revision(connection)
    if before == target:
        return MigrationResult(before, target, None)
    backup = None
    if before is not None and path is not None and not is_server(engine):
        backup = backup_copy(path, before, now)
    with writer(engine).connect() as connection, connection.begin():
        before = current_revision(connection)  # another window may have done it meanwhile
        if before != target:
            from alembic import command

            command.upgrade(alembic_config(connection), target)
    return MigrationResult(before, target, backup)


def backup_copy(path: Path, revision: str, now: datetime) -> Path:
    """Copy the database (with whatever its WAL holds) via SQLite's online backup API."""
    target = free_path(path, f".backup-{revision}-{now:%Y%m%d-%H%M%S}")
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


def free_path(path: Path, suffix: str) -> Path:
    """``path`` + ``suffix``, numbered (``-2``, ``-3``…) if that name is taken already."""
    candidate = path.with_name(path.name + suffix)
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}{suffix}-{number}")
        number += 1
    return candidate
