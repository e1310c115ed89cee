"""Which Hip Planner last opened a catalog file, so an older one can name the version needed.

Every open stamps this Hip Planner's version into SQLite's ``PRAGMA user_version`` (an integer:
major × 1,000,000 + minor × 1,000 + patch; 0 means "not stamped"). An older Hip Planner that
finds a schema revision it does not know reads the stamp and tells the coach which version to
install, instead of only "a newer one".
"""

from __future__ import annotations

import re
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from sqlalchemy import Connection, Engine

from db.engine import writer

DISTRIBUTION = "hip-planner"
_RELEASE = re.compile(r"(\d{1,3})\.(\d{1,3})(?:\.(\d{1,3}))?")


@cache
def app_version_stamp() -> int:
    """This Hip Planner's version as a stamp; 0 when it is not installed as a package."""
    try:
        found = _RELEASE.match(version(DISTRIBUTION))
    except PackageNotFoundError:
        return 0
    if found is None:
        return 0
    major, minor, patch = (int(part or 0) for part in found.groups())
    return major * 1_000_000 + minor * 1_000 + patch


def stamp_text(stamp: int) -> str:
    """``2003001`` → ``"2.3.1"``; an empty string for "not stamped"."""
    if stamp <= 0:
        return ""
    return f"{stamp // 1_000_000}.{stamp // 1_000 % 1_000}.{stamp % 1_000}"


def read_stamp(connection: Connection) -> int:
    value = connection.exec_driver_sql("PRAGMA user_version").scalar()
    return value if isinstance(value, int) else 0


def stamp_file(engine: Engine) -> None:
    """Record this version in the file (only when it is not already there: no needless write)."""
    ours = app_version_stamp()
    with engine.connect() as connection:
        if ours == 0 or read_stamp(connection) == ours:
            return
    with writer(engine).connect() as connection, connection.begin():
        connection.exec_driver_sql(f"PRAGMA user_version = {ours:d}")
