"""Rebuild ``catalog-0003.sqlite3``: a catalog at schema 0003 as Hip Planner left it in 2026-12.

It is ``catalog-0002.sqlite3`` brought to revision 0003 by that revision's own migration, with
the coach's own exercise given the fields 0003 added (hip weight, an easier variant,
closed-chain); its content hash stays empty as the migration left it. Run from the repository root:
``python tests/data/make_catalog_0003.py``. The committed file must not change afterwards: it
stands for databases already out in the world.
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

TARGET = HERE / "catalog-0003.sqlite3"


def main() -> None:
    TARGET.unlink(missing_ok=True)
    shutil.copyfile(HERE / "catalog-0002.sqlite3", TARGET)
    engine = make_engine(TARGET, wal=False)
    migrate(engine, None, datetime(2026, 12, 1), target="0003")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE exercise SET hip_weight = 0.5, easier = 'glute-bridge', closed_chain = 1"
            " WHERE origin = 'own'"
        )
    engine.dispose()


if __name__ == "__main__":
    main()
