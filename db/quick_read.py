"""Read the catalog with the standard ``sqlite3`` module, for the first paint of the window.

SQLAlchemy takes about 0.2 s to import; the coach should see the window before that. This
reader is read-only and answers only for a healthy database at the current schema; anything
unusual (no file, an older schema, damage) returns None, and the full open in
:class:`db.catalog.CatalogDatabase` — which repairs, migrates and refreshes the built-ins —
runs right after the window is painted in every case.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from db.clinic import clinic_url, copy_path, copy_time
from db.revisions import HEAD_REVISION
from db.row_values import LOAD_COLUMN_NAMES, exercise_from_values, name_key
from planner.exercise import Exercise
from planner.files.catalog_file import load_catalog_dir
from planner.files.folders import database_path
from resources import resource_path


def read_exercises_quickly(path: Path) -> list[Exercise] | None:
    """Every exercise (archived too), sorted like ``CatalogDatabase.exercises``; or None."""
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            revision = db.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision is None or revision[0] != HEAD_REVISION:
                return None
            columns = ", ".join(LOAD_COLUMN_NAMES)
            rows = db.execute(f"SELECT {columns} FROM exercise").fetchall()
        exercises = [exercise_from_values(row) for row in rows]
    except (sqlite3.Error, ValueError):
        return None
    return sorted(exercises, key=lambda ex: (name_key(ex.name), ex.id))


def catalog_source() -> Path:
    """The file the window starts from: the coach's catalog, or the local copy of the clinic's."""
    return copy_path() if clinic_url() else database_path()


def catalog_without_database(path: Path) -> tuple[list[Exercise], str]:
    """The exercises to show when the database cannot be opened for use, and how to say so:
    the file's exercises as they are (it may only be read), else the built-in ones."""
    found = read_exercises_quickly(path)
    if found is not None and path == copy_path():
        return found, f"the copy of the clinic catalog of {copy_time(path)}, read-only"
    if found is not None:
        return found, "the catalog as it is, read-only"
    return load_catalog_dir(resource_path("catalog")), "the built-in exercises only"
