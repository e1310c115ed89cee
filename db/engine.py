"""The SQLAlchemy engine for the catalog file: pragmas, real transactions, write locking.

Every connection gets ``foreign_keys=ON``, the WAL journal and a busy timeout. sqlite3's legacy
transaction handling is switched off so that SQLAlchemy's BEGIN covers reads and DDL too
(migrations are then all-or-nothing); writes start with ``BEGIN IMMEDIATE`` so they wait for
another window's write instead of failing half-way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event

DEFAULT_BUSY_TIMEOUT_MS = 5000
WRITE_OPTION = "hip_planner_write"


def make_engine(
    path: Path, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, *, wal: bool = True
) -> Engine:
    """An engine for the SQLite file at ``path`` (created on first connect).

    ``wal=False`` leaves the journal mode alone, for looking at a file without changing it.
    """
    engine = create_engine(URL.create("sqlite+pysqlite", database=str(path)))
    timeout = int(busy_timeout_ms)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {timeout}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if wal:
                cursor.execute("PRAGMA journal_mode = WAL").fetchall()
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, but its transactions take the write lock at BEGIN."""
    return engine.execution_options(**{WRITE_OPTION: True})
