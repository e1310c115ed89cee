"""A clinic's catalog in the window: conflicts settled by the coach, a server that goes away."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from db.catalog import CatalogDatabase
from db.clinic import (
    URL_VARIABLE,
    ClinicSettings,
    clinic_url,
    coach_name,
    read_settings,
    settings_path,
)
from planner.exercise import Exercise
from tests.conftest import CatalogPlace
from tests.factories import make_exercise
from tests.gui_helpers import day_ids
from tests.pg_server import PgServer
from ui.app.application import open_windows
from ui.app.main_window import MainWindow
from ui.catalog.exercise_form import ExerciseForm
from ui.dialogs.clinic_conflict import KEEP_MINE, TAKE_THEIRS
from ui.dialogs.clinic_settings import ClinicDialog

LUNGE = make_exercise("own-lunge", name="Lunge", builtin=False)


def open_window(qtbot: QtBot, catalog: CatalogDatabase) -> MainWindow:
    window = MainWindow(catalog.exercises(include_archived=True), catalog)
    qtbot.addWidget(window)
    window.show()
    return window


def edit_with(
    monkeypatch: pytest.MonkeyPatch, meanwhile: Callable[[ExerciseForm], None]
) -> list[ExerciseForm]:
    """Answer the edit form: type a new name, let ``meanwhile`` happen, press OK."""
    seen: list[ExerciseForm] = []

    def run(form: ExerciseForm) -> int:
        seen.append(form)
        form.name.setText("Lunge, slow")
        meanwhile(form)
        form.accept()
        return form.result()

    monkeypatch.setattr(ExerciseForm, "exec", run)
    return seen


def answer_conflict(monkeypatch: pytest.MonkeyPatch, button: str) -> list[str]:
    shown: list[str] = []

    def click(box: QMessageBox) -> int:
        shown.append(f"{box.text()}\n{box.informativeText()}")
        next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    return shown


@pytest.mark.parametrize("button", [KEEP_MINE, TAKE_THEIRS])
def test_a_second_save_is_shown_the_other_change_and_the_coach_chooses(
    qtbot: QtBot, catalog_place: CatalogPlace, monkeypatch: pytest.MonkeyPatch, button: str
) -> None:
    mine, _ = catalog_place.open(author="ana")
    other, _ = catalog_place.open(author="ben")
    with mine, other:
        mine.add_own(LUNGE)
        window = open_window(qtbot, mine)
        window.catalog.select_exercise("own-lunge")
        theirs: list[Exercise] = []
        edit_with(
            monkeypatch,
            lambda _form: theirs.append(
                other.update_own(replace(LUNGE, instructions="Ben's cue: knee over toes."))
            ),
        )
        shown = answer_conflict(monkeypatch, button)
        window.catalog_actions.edit.trigger()
        assert len(shown) == 1
        assert "changed by ben while you were editing" in shown[0]
        assert "instructions: Ben's cue: knee over toes." in shown[0]
        stored = other.get("own-lunge")
        if button == KEEP_MINE:
            assert stored == replace(LUNGE, name="Lunge, slow")
        else:
            assert stored == theirs[0]
        assert window.catalog.current_exercise() == stored


def test_a_server_that_stops_mid_edit_loses_nothing_typed(
    qtbot: QtBot, pg_server: PgServer, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog, _ = CatalogDatabase.open(url=pg_url, builtins=[])
    with catalog:
        catalog.add_own(LUNGE)
        window = open_window(qtbot, catalog)
        window.catalog.select_exercise("own-lunge")
        forms = edit_with(monkeypatch, lambda _form: pg_server.stop())
        try:
            window.catalog_actions.edit.trigger()
        finally:
            pg_server.start()
        (form,) = forms
        assert form.result() != QDialog.DialogCode.Accepted  # the form stays open
        assert form.name.text() == "Lunge, slow"
        assert "cannot be reached" in form.error.text()
        assert "what you typed is kept" in form.error.text()
        assert window.catalog.current_exercise() == LUNGE  # the window still plans
        form.accept()  # the server is back: the same form saves
        assert form.result() == QDialog.DialogCode.Accepted
        assert catalog.get("own-lunge") == replace(LUNGE, name="Lunge, slow")


def test_without_the_server_the_window_starts_from_the_local_copy(
    qtbot: QtBot, pg_url: str, monkeypatch: pytest.MonkeyPatch, hip_home: Path
) -> None:
    catalog, _ = CatalogDatabase.open(url=pg_url, builtins=[])
    with catalog:
        catalog.add_own(LUNGE)
        catalog.refresh_copy()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        away = f"postgresql+psycopg://hip@127.0.0.1:{sock.getsockname()[1]}/clinic"
    monkeypatch.setenv(URL_VARIABLE, away)
    notes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text, *a: notes.append(text))
    (window,) = open_windows([])
    qtbot.addWidget(window)
    assert window.catalog_db is None
    assert [ex.id for ex in window.catalog_model.all_exercises()] == ["own-lunge"]
    (note,) = notes
    assert note.startswith("clinic catalog unreachable — working from the copy of ")
    assert "cannot add, edit" in note
    assert not window.catalog_actions.new.isEnabled()


def test_a_clinic_coach_filters_mine_and_the_clinics(
    qtbot: QtBot, pg_url: str, tmp_path: Path
) -> None:
    shipped = [make_exercise("glute-bridge")]
    ana, _ = CatalogDatabase.open(url=pg_url, builtins=shipped, author="ana")
    ben, _ = CatalogDatabase.open(url=pg_url, builtins=shipped, author="ben")
    with ana, ben:
        ana.add_own(LUNGE)
        ben.add_own(make_exercise("own-step", name="Step up", builtin=False))
        window = open_window(qtbot, ana)
        panel = window.catalog
        assert panel.mine_only.isVisibleTo(window)
        assert window.catalog_actions.clinic_label.text() == f"Clinic catalog: {pg_url}"
        panel.own_only.setChecked(True)
        assert shown_ids(window) == {"own-lunge", "own-step"}
        panel.mine_only.setChecked(True)
        assert shown_ids(window) == {"own-lunge"}
        panel.own_only.setChecked(False)
        assert shown_ids(window) == {"own-lunge"}

    alone, _ = CatalogDatabase.open(tmp_path / "catalog.sqlite3", builtins=[])
    with alone:
        solo = open_window(qtbot, alone)
        assert not solo.catalog.mine_only.isVisibleTo(solo)
        assert solo.catalog.own_only.text() == "My own only"
        assert not solo.catalog_actions.clinic_label.isVisibleTo(solo)


def shown_ids(window: MainWindow) -> set[str]:
    model = window.catalog_model
    return {model.exercise(row).id for row in range(model.rowCount())}


def test_a_program_saved_as_clinic_template_is_offered_to_every_coach(
    qtbot: QtBot, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, _ = CatalogDatabase.open(url=pg_url, builtins=[], author="ana")
    ben, _ = CatalogDatabase.open(url=pg_url, builtins=[], author="ben")
    with ana, ben:
        ana.add_own(LUNGE)
        anas = open_window(qtbot, ana)
        anas.document.program.add_entry(0, 2, LUNGE)
        monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("Return to running", True))
        monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a: ("Weeks 1-6", True))
        anas.file.clinic_template_action.trigger()
        assert "saved as a clinic template" in anas.statusBar().currentMessage()

        offered: list[list[str]] = []

        def choose(_parent: object, _title: str, _label: str, titles: list[str], *a: object):  # type: ignore[no-untyped-def]
            offered.append(titles)
            return titles[-1], True

        monkeypatch.setattr(QInputDialog, "getItem", choose)
        bens = open_window(qtbot, ben)
        bens.file.template_action.trigger()
        assert offered[0][-1] == "Return to running — clinic template by ana"
        assert len(offered[0]) > 1  # the built-in templates come first
        assert day_ids(bens.document.program, 0, 2) == ["own-lunge"]
        assert bens.document.path is None  # a new program: it becomes a file when saved


def test_clinic_templates_need_a_clinic_catalog(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone, _ = CatalogDatabase.open(tmp_path / "catalog.sqlite3", builtins=[])
    with alone:
        window = open_window(qtbot, alone)
        said: list[str] = []
        monkeypatch.setattr(QMessageBox, "information", lambda _w, _t, text: said.append(text))
        window.file.clinic_template_action.trigger()
        assert said
        assert "Preferences ▸ Clinic" in said[0]


def test_preferences_clinic_keeps_the_address_without_its_password(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _w, _t, text: told.append(text))
    dialog = ClinicDialog()
    qtbot.addWidget(dialog)
    dialog.url.setText("mysql://x@y/z")
    dialog.accept()
    assert "postgresql://" in dialog.problem.text()
    assert read_settings() == ClinicSettings()  # nothing saved

    dialog.url.setText("postgresql://ana:s3cret@clinic.example:5433/hip?sslmode=require")
    qtbot.keyClicks(dialog.coach, "Ana  Coach")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = read_settings()
    assert saved == ClinicSettings(
        "postgresql://ana@clinic.example:5433/hip?sslmode=require", "Ana Coach"
    )
    assert "s3cret" not in settings_path().read_text(encoding="utf-8")
    (note,) = told  # no keyring here: the coach is pointed to .pgpass
    assert "No system keyring" in note
    assert ".pgpass" in note
    assert clinic_url() == saved.url
    assert coach_name() == "Ana Coach"


def start_beside_a_silent_server(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> tuple[MainWindow, bool]:
    """Start the program with a clinic whose server accepts the connection, then says
    nothing; also whether events were handled while the catalog was being opened."""
    with socket.socket() as silent:  # accepts the connection, then says nothing
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        monkeypatch.setenv(
            URL_VARIABLE, f"postgresql+psycopg://hip@127.0.0.1:{silent.getsockname()[1]}/x"
        )
        monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
        while_opening: list[bool] = []
        ticks = QTimer()  # stands for the repaints: it runs only when the event loop does
        ticks.timeout.connect(
            lambda: while_opening.append(
                any(t.name == "open-catalog" for t in threading.enumerate())
            )
        )
        ticks.start(50)
        (window,) = open_windows([])
        qtbot.addWidget(window)
        ticks.stop()
    return window, any(while_opening)


def test_a_server_that_never_answers_leaves_the_event_loop_running_meanwhile(
    qtbot: QtBot, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog, _ = CatalogDatabase.open(url=pg_url, builtins=[])
    with catalog:
        catalog.add_own(LUNGE)
        catalog.refresh_copy()
    window, responsive = start_beside_a_silent_server(qtbot, monkeypatch)
    assert [ex.id for ex in window.catalog_model.all_exercises()] == ["own-lunge"]
    assert responsive  # events were handled while the server kept silent
    assert window.catalog_db is None


def test_a_first_start_with_a_silent_server_and_no_copy_paints_the_built_ins_meanwhile(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, responsive = start_beside_a_silent_server(qtbot, monkeypatch)
    assert responsive  # no copy yet, and still the window did not wait for the server
    assert window.catalog_db is None
    assert window.catalog_model.rowCount() > 0  # the built-in exercises, read-only
