"""The coach's own exercises through the Catalog menu, on a real catalog database."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from db.catalog import CatalogDatabase
from db.errors import CatalogError, CatalogWriteError
from planner.exercise import Exercise
from planner.files import exercise_share
from planner.files.exercise_share import write_exercises
from planner.taxonomy import Direction, Equipment, Position
from tests.factories import make_exercise
from ui.app.main_window import MainWindow
from ui.catalog.exercise_form import ExerciseForm

BUILTINS = [
    make_exercise("glute-bridge", Direction.EXTENSION, name="Glute bridge"),
    make_exercise("clamshell", Direction.EXTERNAL_ROTATION, name="Clamshell"),
]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    database, _ = CatalogDatabase.open(tmp_path / "catalog.sqlite3", builtins=BUILTINS)
    w = MainWindow(database.exercises(include_archived=True), database)
    qtbot.addWidget(w)
    w.show()
    yield w
    database.close()


def names(window: MainWindow) -> list[str]:
    model = window.catalog_model
    return [model.exercise(r).name for r in range(model.rowCount())]


def answer_form(monkeypatch: pytest.MonkeyPatch, fill) -> list[ExerciseForm]:  # type: ignore[no-untyped-def]
    seen: list[ExerciseForm] = []

    def run(form: ExerciseForm) -> int:
        seen.append(form)
        fill(form)
        form.accept()
        return form.result()

    monkeypatch.setattr(ExerciseForm, "exec", run)
    return seen


def fill_new(form: ExerciseForm) -> None:
    form.name.setText("Banded hip airplane")
    form.primary.setCurrentIndex(form.primary.findData(Direction.INTERNAL_ROTATION.value))
    form.straight.setChecked(True)
    form.positions[Position.STANDING].setChecked(True)
    form.equipment[Equipment.MINI_BAND].setChecked(True)
    form.instructions.setPlainText("Stand on one leg. Turn the pelvis. Come back slowly.")


def test_new_exercise_is_stored_marked_and_filterable(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_form(monkeypatch, fill_new)
    window.catalog_actions.new.trigger()
    assert "Banded hip airplane" in names(window)
    assert window.catalog.current_exercise().name == "Banded hip airplane"
    assert window.catalog_db.get("own-banded-hip-airplane") is not None
    window.catalog.own_only.setChecked(True)
    assert names(window) == ["Banded hip airplane"]


def test_failed_write_keeps_catalog_and_form(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_ex: object) -> object:
        raise CatalogWriteError("The disk is full; free some space and try again.")

    monkeypatch.setattr(window.catalog_db, "add_own", full)
    forms = answer_form(monkeypatch, fill_new)
    window.catalog_actions.new.trigger()
    (form,) = forms
    assert form.result() != QDialog.DialogCode.Accepted
    assert "disk is full" in form.error.text()
    assert form.name.text() == "Banded hip airplane"
    assert sorted(names(window)) == ["Clamshell", "Glute bridge"]


def test_builtin_cannot_be_edited_but_duplicates_into_own_copy(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.catalog.select_exercise("clamshell")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    answer_form(monkeypatch, lambda form: form.name.setText("My clamshell"))
    window.catalog_actions.edit.trigger()
    assert "My clamshell" in names(window)
    assert window.catalog_db.get("clamshell").name == "Clamshell"  # the built-in is untouched


def test_archive_hides_and_restore_brings_back(window: MainWindow) -> None:
    window.catalog.select_exercise("glute-bridge")
    window.catalog_actions.archive.trigger()
    assert "Glute bridge" not in names(window)
    window.catalog.show_archived.setChecked(True)
    assert "Glute bridge" in names(window)
    window.catalog.select_exercise("glute-bridge")
    assert window.catalog_actions.restore.isEnabled()
    window.catalog_actions.restore.trigger()
    window.catalog.show_archived.setChecked(False)
    assert "Glute bridge" in names(window)


def test_import_reports_added_and_skipped(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot
) -> None:
    shared = tmp_path / "shared.json"
    write_exercises(
        shared,
        [
            make_exercise("own-x", name="Hip lock", builtin=False),
            make_exercise("own-y", name="Clamshell", builtin=False),
        ],
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(shared), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _w, _t, text: told.append(text))
    window.catalog_actions.import_action.trigger()
    qtbot.waitUntil(lambda: bool(told))
    assert "Hip lock" in names(window)
    assert "Added: 1" in told[0]
    assert "Skipped: 1" in told[0]


def test_malformed_sharing_file_imports_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "hip-planner/exercises", "version": 1, "exercises": [{"id": 3}]}')
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: warned.append(text))
    window.catalog_actions.import_action.trigger()
    qtbot.waitUntil(lambda: bool(warned))
    assert "bad.json" in warned[0]
    assert sorted(names(window)) == ["Clamshell", "Glute bridge"]


def test_import_runs_in_a_worker_and_the_window_stays_usable(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot
) -> None:
    shared = tmp_path / "shared.json"
    write_exercises(shared, [make_exercise("own-x", name="Hip lock", builtin=False)])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(shared), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _w, _t, text: told.append(text))
    release = threading.Event()
    readers: list[threading.Thread] = []
    real_read = exercise_share.read_exercises

    def slow_read(path: Path) -> list[Exercise]:
        readers.append(threading.current_thread())
        assert release.wait(10), "the test never let the import go on"
        return real_read(path)

    monkeypatch.setattr(exercise_share, "read_exercises", slow_read)
    window.catalog_actions.import_action.trigger()
    qtbot.waitUntil(lambda: bool(readers))
    assert readers[0] is not threading.main_thread()
    assert not window.catalog_actions.import_action.isEnabled()  # one import at a time
    qtbot.keyClicks(window.catalog.search, "clam")  # the GUI thread is free meanwhile
    assert window.catalog.search.text() == "clam"
    release.set()
    qtbot.waitUntil(lambda: bool(told))
    assert "Added: 1" in told[0]
    window.catalog.search.clear()
    assert "Hip lock" in names(window)
    qtbot.waitUntil(window.catalog_actions.import_action.isEnabled)


def test_a_catalog_that_cannot_be_read_again_after_a_change_is_said_not_crashed(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = window.catalog_actions.database
    assert database is not None
    database.add_own(make_exercise("own-lunge", name="Lunge", builtin=False))
    window.catalog_actions.reload(select="own-lunge")
    shown = names(window)

    def unreachable(*_args: object, **_kwargs: object) -> list[Exercise]:
        raise CatalogError("the clinic catalog cannot be reached")

    monkeypatch.setattr(database, "exercises", unreachable)
    window.catalog_actions.archive.trigger()  # archived, then the list cannot be read again
    assert names(window) == shown  # the list keeps what it showed
    message = window.statusBar().currentMessage()
    assert message.startswith("“Lunge” archived")  # what was done, then what went wrong
    assert "could not be read again" in message
    assert "cannot be reached" in message
