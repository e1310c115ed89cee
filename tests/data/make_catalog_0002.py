"""Rebuild ``catalog-0002.sqlite3``: the catalog as Hip Planner 0.1.0 (schema 0002) leaves it.

Made by that release's own code: the shipped built-ins, two of the coach's own exercises (one
archived) and one built-in the coach archived. For the next release this is "the previous
release", whose database must open and keep the coach's work (tests/test_db_previous_release.py).
Run from the repository root: ``python tests/data/make_catalog_0002.py``. The committed file
must not change afterwards: it stands for databases already out in the world.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from db.catalog import CatalogDatabase  # noqa: E402
from planner.dose import Dose  # noqa: E402
from planner.exercise import Exercise  # noqa: E402
from planner.taxonomy import Direction, Equipment, Knee, Level, Position, Unit  # noqa: E402

OWN = [
    Exercise(
        id="own-banded-hip-airplane",
        name="Banded hip airplane (Zoë's version)",
        directions=(Direction.INTERNAL_ROTATION, Direction.EXTERNAL_ROTATION),
        knee=Knee.STRAIGHT,
        positions=(Position.STANDING,),
        equipment=(Equipment.ELASTIC_BAND,),
        level=Level.ADVANCED,
        dose=Dose(sets=3, amount=6, unit=Unit.REPS, each_side=True, load="light band"),
        instructions="Stand on one leg, tip forward and turn the pelvis open and closed.",
        cues=("Slow turns.", "Hold a wall if you wobble."),
        builtin=False,
    ),
    Exercise(
        id="own-towel-slide",
        name="Towel slide",
        directions=(Direction.ADDUCTION,),
        knee=Knee.STRAIGHT,
        positions=(Position.STANDING,),
        equipment=(Equipment.SLIDER,),
        level=Level.BEGINNER,
        dose=Dose(sets=2, amount=10, unit=Unit.REPS, each_side=True),
        instructions="Slide one foot out on a towel and pull it back in.",
        cues=("Pull with the inner thigh.",),
        builtin=False,
    ),
]


def main() -> None:
    path = HERE / "catalog-0002.sqlite3"
    path.unlink(missing_ok=True)
    database, report = CatalogDatabase.open(path)
    with database:
        assert report.schema_revision == "0002", report.schema_revision
        added = [database.add_own(exercise) for exercise in OWN]
        database.archive(added[1].id)
        database.archive(database.exercises()[0].id)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("VACUUM")
    connection.close()
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
