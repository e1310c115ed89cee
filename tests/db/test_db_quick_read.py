"""The quick read before the first paint agrees with the database, or steps aside."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from db.catalog import CatalogDatabase
from db.quick_read import read_exercises_quickly
from planner.files.folders import database_path
from planner.taxonomy import Direction
from tests.factories import make_exercise
from ui.app.application import open_windows

SAMPLE_0001 = Path(__file__).parents[1] / "data" / "catalog-0001.sqlite3"


def test_quick_read_gives_what_the_database_gives(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    database, _ = CatalogDatabase.open(
        path, builtins=[make_exercise("bridge", Direction.EXTENSION)]
    )
    with database:
        database.add_own(make_exercise("own-clam", Direction.EXTERNAL_ROTATION, builtin=False))
        database.archive("bridge")
        assert read_exercises_quickly(path) == database.exercises(include_archived=True)


def test_quick_read_steps_aside_for_anything_unusual(tmp_path: Path) -> None:
    assert read_exercises_quickly(tmp_path / "missing.sqlite3") is None
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    assert read_exercises_quickly(garbage) is None
    old = tmp_path / "old.sqlite3"
    shutil.copy(SAMPLE_0001, old)
    assert read_exercises_quickly(old) is None  # an older schema waits for the migration
    assert old.read_bytes() == SAMPLE_0001.read_bytes()  # and is not touched


def test_second_start_paints_from_the_quick_read_then_attaches_the_database(qtbot: QtBot) -> None:
    database, _ = CatalogDatabase.open()
    database.close()
    assert read_exercises_quickly(database_path()) is not None
    (window,) = open_windows([])
    qtbot.addWidget(window)
    assert window.catalog_db is not None
    assert window.catalog_actions.new.isEnabled()
    assert window.catalog_model.rowCount() >= 80
    window.catalog_db.close()


def test_quick_read_gives_the_video_and_photos_too(tmp_path: Path, qtbot: QtBot) -> None:
    from dataclasses import replace

    from tests.sample_programs import sample_photo

    path = tmp_path / "catalog.sqlite3"
    database, _ = CatalogDatabase.open(path, builtins=[make_exercise("bridge")])
    with database:
        own = replace(
            make_exercise("own-clam", Direction.EXTERNAL_ROTATION, builtin=False),
            video="https://youtu.be/clam",
            photos=(sample_photo(4),),
        )
        database.add_own(own)
        assert read_exercises_quickly(path) == database.exercises(include_archived=True)
        (found,) = [ex for ex in read_exercises_quickly(path) or [] if ex.id == "own-clam"]
        assert found.photos == own.photos
