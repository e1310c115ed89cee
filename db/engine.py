"""The SQLAlchemy engines: the catalog file (pragmas, real transactions, write locking) or a
clinic's PostgreSQL server (DESIGN.md §5).

Every connection gets ``foreign_keys=ON``, the WAL journal and a busy timeout. sqlite3's legacy
transaction handling is switched off so that SQLAlchemy's BEGIN covers reads and DDL too
(migrations are then all-or-nothing); writes start with ``BEGIN IMMEDIATE`` so they wait for
another window's write instead of failing half-way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url

DEFAULT_BUSY_TIMEOUT_MS = 5000
WRITE_OPTION = "hip_planner_write"
WRITE_LOCK_KEY = 0x48495050  # "HIPP": one advisory lock per database
CONNECT_TIMEOUT_S = 3
"""How long a start waits for the clinic's server before working from the local copy."""


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


def make_server_engine(url: str | URL, connect_timeout_s: int = CONNECT_TIMEOUT_S) -> Engine:
    """An engine for a clinic's PostgreSQL database (psycopg 3).

    The connect timeout is short: a server that is away must not hold up the window. TLS
    options (``sslmode``, ``sslrootcert``…) pass through the URL's query to libpq.
    ``pool_pre_ping`` replaces a connection the server dropped by a fresh one.

    Writing transactions (:func:`writer`) take a transaction-scoped advisory lock first, so
    writes of several coaches queue one after the other exactly as SQLite's ``BEGIN
    IMMEDIATE`` makes them: checks such as "is this name free?" and the change they allow
    happen in one step, and two first starts cannot both seed the built-ins.
    """
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(
        parsed,
        pool_pre_ping=True,
        connect_args={"connect_timeout": connect_timeout_s, "application_name": "hip-planner"},
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        if connection.get_execution_options().get(WRITE_OPTION, False):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY:d})")

    return engine


def is_server(engine: Engine) -> bool:
    """True for a clinic's server, False for the coach's own SQLite file."""
    return engine.dialect.name != "sqlite"
