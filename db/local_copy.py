"""The local read-only copy of a clinic's catalog: a SQLite file the quick read understands.

Written after each successful connection to the clinic's server, so a coach whose server is
away still plans with the clinic's exercises (as they were then). The copy is written beside
and swapped in whole: a start that reads it meanwhile sees the old copy or the new one.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from sqlalchemy import Column, Engine, MetaData, String, Table

from db.engine import make_engine
from db.models import Base
from db.revisions import HEAD_REVISION

_VERSION = Table("alembic_version", MetaData(), Column("version_num", String(32), primary_key=True))


def write_copy(source: Engine, target: Path) -> None:
    """Copy every table of the catalog at ``source`` into a new SQLite file at ``target``.

    Several Hip Planners of one coach may write it at once: each writes its own file, and the
    last swapped in wins (all are copies of the same catalog).
    """
    temp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.new")  # one per writer
    copy = make_engine(temp, wal=False)
    try:
        snapshot = source.execution_options(isolation_level="REPEATABLE READ")  # one moment
        with snapshot.connect() as reading, copy.begin() as writing:
            Base.metadata.create_all(writing)
            _VERSION.create(writing)
            writing.execute(_VERSION.insert(), {"version_num": HEAD_REVISION})
            for table in Base.metadata.sorted_tables:
                rows = [dict(row._mapping) for row in reading.execute(table.select())]
                if rows:
                    writing.execute(table.insert(), rows)
    except BaseException:
        copy.dispose()
        temp.unlink(missing_ok=True)
        raise
    copy.dispose()
    os.replace(temp, target)
