"""Rebuild ``catalog-0004.sqlite3``: a catalog at schema 0004 as Hip Planner left it in 2026-12.

It is ``catalog-0003.sqlite3`` brought to revision 0004 by that revision's own migration, with
the coach's own exercise given the fields 0004 added (who made and changed it, a version) and
one clinic template. Run from the repository root: ``python tests/data/make_catalog_0004.py``.
The committed file must not change afterwards: it stands for databases already out in the world.
"""

from __future__ import annotations

import shutil
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from db.engine import make_engine  # noqa: E402
from db.migrate import migrate  # noqa: E402

TARGET = HERE / "catalog-0004.sqlite3"


def main() -> None:
    TARGET.unlink(missing_ok=True)
    shutil.copyfile(HERE / "catalog-0003.sqlite3", TARGET)
    engine = make_engine(TARGET, wal=False)
    migrate(engine, None, datetime(2026, 12, 1), target="0004")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE exercise SET created_by = 'Sam', updated_by = 'Alex', version = 3"
            " WHERE origin = 'own'"
        )
        blank = (HERE.parents[1] / "tests" / "data" / "client-v3.hipplan").read_text("utf-8")
        connection.exec_driver_sql(
            "INSERT INTO clinic_template (name, description, author, program, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                "Knee plan",
                "Metzl's plan",
                "Sam",
                blank,
                datetime(2026, 12, 2),
                datetime(2026, 12, 2),
            ),
        )
    engine.dispose()


if __name__ == "__main__":
    main()
