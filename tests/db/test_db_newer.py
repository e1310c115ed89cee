"""A catalog written by a newer Hip Planner is refused, never moved aside as damaged.

The file is a real one: made by this version's migrations, then changed as a newer version
would change it (one more table, a later Alembic revision).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from db.catalog import CatalogDatabase
from db.errors import CatalogOpenError
from db.quick_read import read_exercises_quickly
from db.revisions import HEAD_REVISION
from planner.files.folders import database_path
from tests.db_support import own, shipped_v1
from tests.planner.test_cli_main import run
from ui.app.application import open_windows

NEWER_REVISION = "0099"


def newer_catalog(path: Path, *, stamp: int | None = None) -> bytes:
    """A catalog with one own exercise, as a newer Hip Planner would have left it."""
    database, _ = CatalogDatabase.open(path, builtins=shipped_v1())
    with database:
        database.add_own(own("own-lunge", "Coach's lunge"))
    with closing(sqlite3.connect(path)) as connection:
        with connection:
            connection.execute("CREATE TABLE exercise_video (id TEXT PRIMARY KEY, url TEXT)")
            connection.execute("UPDATE alembic_version SET version_num = ?", (NEWER_REVISION,))
        if stamp is not None:
            connection.execute(f"PRAGMA user_version = {stamp}")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.read_bytes()


def assert_left_alone(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if "corrupt" in p.name] == []
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
        names = connection.execute("SELECT name FROM exercise WHERE origin = 'own'").fetchall()
    assert names == [("Coach's lunge",)]


def test_a_newer_database_with_an_extra_table_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    before = newer_catalog(path)
    with pytest.raises(CatalogOpenError) as refused:
        CatalogDatabase.open(path, builtins=shipped_v1())
    message = str(refused.value)
    assert "newer Hip Planner" in message
    assert f"schema {NEWER_REVISION}" in message
    assert f"schema {HEAD_REVISION}" in message  # the newest schema this version reads
    assert "damaged" not in message
    assert_left_alone(path, before)


def test_the_hip_planner_version_that_wrote_it_is_named(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    before = newer_catalog(path, stamp=2_003_001)  # how Hip Planner 2.3.1 stamps its files
    with pytest.raises(CatalogOpenError, match=r"Install Hip Planner 2\.3\.1 or newer"):
        CatalogDatabase.open(path, builtins=shipped_v1())
    assert_left_alone(path, before)


def test_opening_stamps_the_version_of_this_hip_planner(tmp_path: Path) -> None:
    from db.version_stamp import app_version_stamp

    path = tmp_path / "catalog.sqlite3"
    CatalogDatabase.open(path, builtins=[])[0].close()
    with closing(sqlite3.connect(path)) as connection:
        (stamp,) = connection.execute("PRAGMA user_version").fetchone()
    assert stamp == app_version_stamp() > 0


def test_the_catalog_command_lists_the_built_ins_and_leaves_the_file(hip_home: Path) -> None:
    path = hip_home / "data" / "catalog.sqlite3"
    path.parent.mkdir(parents=True)
    before = newer_catalog(path)
    result = run("catalog", home=hip_home)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "newer Hip Planner" in lines[0]
    assert "built-in exercises only" in lines[0]
    assert "Traceback" not in result.stderr
    assert "Coach's lunge" not in result.stdout
    assert "exercises" in result.stdout.splitlines()[-1]
    assert_left_alone(path, before)


def test_the_window_says_so_and_runs_with_the_built_ins(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = database_path()
    before = newer_catalog(path)
    assert read_exercises_quickly(path) is None
    told: list[str] = []

    def warning(_parent: object, title: str, text: str, *rest: object) -> object:
        told.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    windows = open_windows([])
    for window in windows:
        qtbot.addWidget(window)
    assert len(told) == 1
    assert "newer Hip Planner" in told[0]
    assert windows[0].catalog_db is None
    assert windows[0].catalog_model.all_exercises()  # the built-in catalog, read-only
    assert_left_alone(path, before)
