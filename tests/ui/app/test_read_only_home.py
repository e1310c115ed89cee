"""Hip Planner's own folders cannot be written: it says which, and still lists, checks, prints,
opens and saves programs elsewhere; no traceback, no crash dialog.

Tests run as root in CI, and chmod does not stop root. So every case is made twice: once with a
folder the operating system itself refuses to make for anyone (its parent is a regular file),
and once with a real ``chmod 0o555`` folder when the tests do not run as root.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from db.catalog import CatalogDatabase
from db.quick_read import catalog_without_database
from planner.files.catalog_file import load_catalog_dir
from planner.files.program_file import read_program
from resources import resource_path
from tests.db_support import own, shipped_v1
from tests.planner.test_cli_main import run
from ui.app.application import open_windows
from ui.common.crash_handler import setup_logging

SAMPLE = Path(__file__).parents[2] / "data" / "client-v1.hipplan"
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def unwritable(folder: Path, how: str) -> None:
    """Make ``folder`` impossible to create things in."""
    if how == "blocked":
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.write_bytes(b"a file where the folder should be")  # ENOTDIR, even for root
    else:
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o555)


@pytest.fixture(
    params=[
        "blocked",
        pytest.param("chmod", marks=pytest.mark.skipif(AS_ROOT, reason="root ignores permissions")),
    ]
)
def how(request: pytest.FixtureRequest, tmp_path: Path, hip_home: Path) -> Iterator[str]:
    yield str(request.param)
    for folder in (tmp_path, hip_home):  # let pytest remove what the test made read-only
        for path in folder.rglob("*"):
            if path.is_dir():
                path.chmod(0o755)


@pytest.fixture
def read_only_home(tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    unwritable(home, how)
    monkeypatch.setenv("HIP_PLANNER_HOME", str(home))
    return home


def test_catalog_lists_the_built_ins_and_names_the_folder(read_only_home: Path) -> None:
    result = run("catalog", home=read_only_home)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert f"{read_only_home}/data" in result.stderr
    assert "cannot make the folder" in result.stderr
    assert "Listing the built-in exercises only." in result.stderr
    count, _, total, _ = result.stdout.splitlines()[-1].split(maxsplit=3)
    assert count == total
    assert int(count) >= 80


def test_check_and_export_elsewhere_work(read_only_home: Path, tmp_path: Path) -> None:
    checked = run("check", str(SAMPLE), home=read_only_home)
    assert checked.returncode in (0, 1), checked.stderr
    assert checked.stderr == ""
    out = tmp_path / "out" / "ana.pdf"
    out.parent.mkdir()
    exported = run("export", str(SAMPLE), "-o", str(out), home=read_only_home)
    assert exported.returncode == 0, exported.stderr
    assert out.read_bytes().startswith(b"%PDF")


def warnings_told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    told: list[str] = []

    def warning(_parent: object, title: str, text: str, *rest: object) -> object:
        told.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return told


def test_the_window_starts_says_what_cannot_be_saved_and_saves_elsewhere(
    read_only_home: Path, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = warnings_told(monkeypatch)
    handlers = list(logging.getLogger().handlers)
    setup_logging()
    assert logging.getLogger().handlers == handlers  # no log file, and no error either
    windows = open_windows([])
    window = windows[0]
    qtbot.addWidget(window)
    assert len(told) == 2
    folders, catalog = told
    for words in ("catalog database", "settings", "autosave copies", str(read_only_home)):
        assert words in folders
    assert "built-in exercises only" in catalog
    assert window.catalog_db is None
    assert len(window.catalog_model.all_exercises()) >= 80

    window.controller.add_exercises([window.catalog_model.all_exercises()[0].id], 0)
    window.file.autosave_now()
    assert "recovery folder" in window.statusBar().currentMessage()
    window.save_layout()  # settings cannot be kept: nothing breaks

    target = tmp_path / "saved" / "ana.hipplan"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    assert window.file.save()
    assert len(read_program(target).day(0, 0).entries) == 1


def test_a_data_folder_where_recovery_cannot_be_made(
    hip_home: Path, how: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    (hip_home / "data").mkdir()
    if how == "blocked":
        unwritable(hip_home / "data" / "recovery", how)
    else:
        unwritable(hip_home / "data", how)
    told = warnings_told(monkeypatch)
    windows = open_windows([])
    qtbot.addWidget(windows[0])
    assert windows[0].file.offer_recoveries() == []
    assert "autosave copies" in told[0]
    assert f"{hip_home}/data/recovery" in told[0]


def test_a_catalog_that_cannot_be_opened_for_use_is_still_read(tmp_path: Path) -> None:
    """What the window and ``catalog`` show when the database may only be read."""
    path = tmp_path / "catalog.sqlite3"
    database, _ = CatalogDatabase.open(path, builtins=shipped_v1())
    with database:
        database.add_own(own("own-lunge", "Coach's lunge"))
        stored = database.exercises(include_archived=True)
    assert catalog_without_database(path) == (stored, "the catalog as it is, read-only")
    exercises, shown = catalog_without_database(tmp_path / "missing.sqlite3")
    assert shown == "the built-in exercises only"
    assert exercises == load_catalog_dir(resource_path("catalog"))
