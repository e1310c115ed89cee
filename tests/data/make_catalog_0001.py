"""Rebuild ``catalog-0001.sqlite3``: a catalog at schema 0001 as an early Hip Planner left it.

It holds one built-in exercise and one of the coach's own. Run from the repository root:
``python tests/data/make_catalog_0001.py``. The committed file must not change afterwards:
it stands for databases already out in the world.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from db.convert import utc_now  # noqa: E402
from db.engine import make_engine  # noqa: E402
from db.migrate import migrate  # noqa: E402

ROWS = [
    (
        "supine-straight-leg-raise",
        "builtin",
        "Supine straight-leg raise",
        '["flexion"]',
        "straight",
        '["supine"]',
        '["body_weight","ankle_weight"]',
        "beginner",
        3,
        12,
        "reps",
        1,
        "",
        45,
        "",
        "",
        "An old wording of the instructions.",
        '["Lock the knee before you lift."]',
    ),
    (
        "own-wall-press-march",
        "own",
        "Wall press march",
        '["flexion","extension"]',
        "bent",
        '["standing"]',
        '["body_weight"]',
        "intermediate",
        3,
        20,
        "seconds",
        1,
        "",
        30,
        "",
        "Hold each side",
        "Press both hands into a wall and drive one knee up; hold it there.",
        '["Stay tall.","Push the wall away."]',
    ),
]


def write_sample(revision: str, rows: Sequence[Sequence[object]]) -> None:
    """``catalog-<revision>.sqlite3``: an empty catalog at ``revision`` holding ``rows``
    (every column of the exercise table, in its order at that revision)."""
    path = HERE / f"catalog-{revision}.sqlite3"
    path.unlink(missing_ok=True)
    engine = make_engine(path)
    migrate(engine, path, utc_now(), target=revision)
    engine.dispose()
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO exercise VALUES (" + ", ".join("?" * len(rows[0])) + ")", rows
        )
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("VACUUM")
    connection.close()
    print(f"wrote {path} at {utc_now():%Y-%m-%d}")


def main() -> None:
    stamp = "2026-01-15 10:00:00.000000"
    write_sample("0001", [(*row, stamp, stamp) for row in ROWS])


if __name__ == "__main__":
    main()
