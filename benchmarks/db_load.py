"""How long the catalog database takes to load 10,000 and 100,000 exercises into objects.

``python -m benchmarks.db_load [N ...]`` (or ``python -m benchmarks db_load``). Rows are
inserted with Core (not timed), then the start-up path (open: checks, migration state, built-in
sync) and ``exercises()`` are timed. No target: it explains the start and memory figures.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from benchmarks._common import synthetic_exercise
from db.catalog import CatalogDatabase
from db.convert import new_row, utc_now
from db.engine import make_engine
from db.migrate import migrate
from db.models import ExerciseRow
from db.row_values import ORIGIN_OWN


def fill(path: Path, count: int) -> None:
    engine = make_engine(path)
    migrate(engine, path, utc_now())
    now = utc_now()
    rows = []
    for i in range(count):
        row = new_row(synthetic_exercise(i), ORIGIN_OWN, now)
        rows.append({c.key: getattr(row, c.key) for c in ExerciseRow.__table__.columns})
    with engine.begin() as connection:
        connection.execute(insert(ExerciseRow), rows)
    engine.dispose()


def measure(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalog.sqlite3"
        fill(path, count)
        started = time.perf_counter()
        db, _report = CatalogDatabase.open(path, builtins=[])
        opened = time.perf_counter() - started
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            exercises = db.exercises()
            timings.append(time.perf_counter() - started)
        db.close()
        assert len(exercises) == count
        size = path.stat().st_size / 1e6
        print(
            f"{count:>7} exercises ({size:.1f} MB): open {opened * 1000:.0f} ms, "
            f"exercises() best {min(timings) * 1000:.0f} ms / worst {max(timings) * 1000:.0f} ms"
        )


def main(counts: list[int] | None = None) -> None:
    for count in counts or [10_000, 100_000]:
        measure(count)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]])
