"""Rebuild ``catalog-0002.sqlite3``: a catalog at schema 0002 as Hip Planner left it in 2026-11.

It holds the rows of ``catalog-0001.sqlite3`` (one built-in, one of the coach's own, here
archived by the coach) with the flags and content hashes of revision 0002. Run from the
repository root: ``python tests/data/make_catalog_0002.py``. The committed file must not change
afterwards: it stands for databases already out in the world.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from db.row_values import LOAD_COLUMN_NAMES  # noqa: E402
from tests.data.make_catalog_0001 import ROWS, write_sample  # noqa: E402

CONTENT = LOAD_COLUMN_NAMES[2:18]
"""The content columns of schema 0002, from ``name`` to ``cues``."""


def old_hash(row: tuple[object, ...]) -> str:
    """A revision-0002 content hash: what the exercise said, before hip weight and variants."""
    text = json.dumps(dict(zip(CONTENT, row[2:], strict=True)), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main() -> None:
    stamp = "2026-11-25 10:00:00.000000"
    write_sample(
        "0002",
        [(*row, stamp, stamp, row[1] == "own", False, old_hash(row)) for row in ROWS],
    )


if __name__ == "__main__":
    main()
