"""File commands in the real window: open, save, unsaved changes, locks, recent files, recovery."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from planner.files.program_file import ProgramSaveError, read_program, save_program
from planner.files.recovery import list_recoveries
from planner.program import Program
from planner.taxonomy import Direction
from tests.factories import make_exercise
from tests.gui_helpers import drag_event
from ui.app.application import open_windows
from ui.app.main_window import MainWindow
from ui.files.file_lock import lock_path

EXERCISES = [make_exercise("glute-bridge", Direction.EXTENSION, name="Glute bridge")]
Button = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    w = MainWindow(EXERCISES)
    qtbot.addWidget(w)
    w.show()
    return w


def saved_program(path: Path, entries: int = 1) -> Path:
    program = Program()
    for _ in range(entries):
        program.add_entry(0, 0, EXERCISES[0])
    save_program(program, path)
    return path


def answer(monkeypatch: pytest.MonkeyPatch, name: str, button: Button) -> list[str]:
    asked: list[str] = []

    def reply(_parent: object, _title: str, text: str, *rest: object) -> Button:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, name, reply)
    return asked


def test_open_shows_the_program_and_file_name(window: MainWindow, tmp_path: Path) -> None:
    path = saved_program(tmp_path / "ana.hipplan", entries=2)
    assert window.open_path(path)
    assert window.week_view.models[0].rowCount() == 2
    assert window.windowTitle().startswith("ana.hipplan")
    assert not window.isWindowModified()


def test_bad_file_is_reported_and_the_open_program_untouched(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.controller.add_exercises(["glute-bridge"], 0)
    before = window.document.program.snapshot()
    bad = tmp_path / "broken.hipplan"
    bad.write_bytes(b'{"format": "hip-planner/program", "version": 2, "weeks": [')
    answer(monkeypatch, "question", Button.Discard)
    warned = answer(monkeypatch, "warning", Button.Ok)
    assert not window.open_path(bad)
    said, rest = warned[0].split("\n", 1)
    assert said == (
        f"{bad}: is damaged or not a Hip Planner program: its text breaks off or is "
        "garbled at line 1, column 59 (JSON error: Expecting value)"
    )
    assert "valid JSON" not in rest
    assert window.document.program == before
    assert not lock_path(bad).exists()


def test_save_as_then_save_writes_the_file_and_clears_the_mark(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ana"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    window.controller.add_exercises(["glute-bridge"], 2)
    assert window.file.save()
    written = tmp_path / "ana.hipplan"
    assert read_program(written) == window.document.program
    assert not window.isWindowModified()
    window.controller.add_exercises(["glute-bridge"], 3)
    assert window.isWindowModified()
    window.file.save_action.trigger()
    assert len(read_program(written).day(0, 3).entries) == 1
    assert [Path(p) for p in window.file.recent_files()] == [written.resolve()]


def test_failed_save_keeps_the_old_file_and_the_changes(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = saved_program(tmp_path / "ana.hipplan")
    window.open_path(path)
    original = path.read_bytes()
    window.controller.add_exercises(["glute-bridge"], 1)

    def disk_full(*_a: object, **_k: object) -> None:
        raise ProgramSaveError(path, "the disk is full")

    monkeypatch.setattr("planner.files.program_file.save_program", disk_full)
    told = answer(monkeypatch, "critical", Button.Cancel)
    assert not window.file.save()
    assert "disk is full" in told[0]
    assert path.read_bytes() == original
    assert window.isWindowModified()


@pytest.mark.parametrize(
    ("button", "closes", "saved"),
    [
        (Button.Save, True, True),
        (Button.Discard, True, False),
        (Button.Cancel, False, False),
    ],
)
def test_closing_with_unsaved_changes_asks(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    button: Button,
    closes: bool,
    saved: bool,
) -> None:
    path = saved_program(tmp_path / "ana.hipplan")
    window.open_path(path)
    window.controller.add_exercises(["glute-bridge"], 4)
    asked = answer(monkeypatch, "question", button)
    assert window.close() is closes
    assert "ana.hipplan" in asked[0]
    assert (len(read_program(path).day(0, 4).entries) == 1) is saved


def test_a_file_open_in_another_window_warns(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = saved_program(tmp_path / "ana.hipplan")
    window.open_path(path)
    other = MainWindow(EXERCISES)
    qtbot.addWidget(other)
    warned = answer(monkeypatch, "warning", Button.Cancel)
    assert not other.open_path(path)
    assert "already open" in warned[0]
    window.file.new_action.trigger()  # closing it there releases the lock
    assert other.open_path(path)


def test_a_stale_lock_from_a_crashed_process_is_taken_over(
    window: MainWindow, tmp_path: Path
) -> None:
    path = saved_program(tmp_path / "ana.hipplan")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    host = os.uname().nodename if hasattr(os, "uname") else ""
    lock_path(path).write_text(f"{dead.pid}\npython3\n{host}\n")
    assert window.open_path(path)  # no question asked: the dialog guard would fail otherwise


def test_dropping_a_program_file_on_the_window_opens_it(window: MainWindow, tmp_path: Path) -> None:
    path = saved_program(tmp_path / "dropped.hipplan", entries=3)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    args = (
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = drag_event(QDragEnterEvent, QPoint(50, 50), *args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(50, 50), *args))
    assert window.document.path == path
    assert window.week_view.models[0].rowCount() == 3


def test_recent_files_prune_missing_ones(window: MainWindow, tmp_path: Path) -> None:
    kept, gone = saved_program(tmp_path / "a.hipplan"), saved_program(tmp_path / "b.hipplan")
    window.open_path(kept)
    window.open_path(gone)
    gone.unlink()
    assert window.file.recent_files() == [kept.resolve()]


def test_an_older_file_opens_marked_unsaved(window: MainWindow) -> None:
    sample = Path(__file__).parents[2] / "data" / "client-v1.hipplan"
    assert window.open_path(sample)
    assert window.isWindowModified()


def test_autosave_writes_a_recovery_copy_and_save_removes_it(
    window: MainWindow, tmp_path: Path
) -> None:
    path = saved_program(tmp_path / "ana.hipplan")
    window.open_path(path)
    window.file.autosave_now()
    assert list_recoveries() == []  # nothing unsaved, nothing to keep
    window.controller.add_exercises(["glute-bridge"], 5)
    window.file.autosave_now()
    (copy,) = list_recoveries()
    assert copy.program == window.document.program
    window.file.save()
    assert list_recoveries() == []


CRASHING_SESSION = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from ui.app.application import create_application
    from ui.app.main_window import MainWindow
    from tests.factories import make_exercise
    app = create_application()
    window = MainWindow([make_exercise("glute-bridge", name="Glute bridge")])
    window.open_path(Path(sys.argv[1]))
    window.controller.add_exercises(["glute-bridge"], 6)
    window.file.autosave.setInterval(50)
    window.file.autosave.timeout.connect(lambda: os.kill(os.getpid(), signal.SIGKILL))
    app.exec()
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_unsaved_edits_of_a_killed_session_are_offered_back(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = saved_program(tmp_path / "ana.hipplan")
    child = subprocess.run(
        [sys.executable, "-c", CRASHING_SESSION, str(path)],
        cwd=Path(__file__).parents[3],
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    asked = answer(monkeypatch, "question", Button.Yes)
    windows = open_windows([])
    for w in windows:
        qtbot.addWidget(w)
    (restored,) = windows
    assert "ana.hipplan" in asked[0] or "ana" in asked[0]
    assert len(restored.document.program.day(0, 6).entries) == 1
    assert restored.isWindowModified()
    assert restored.document.path == path


def test_close_asks_about_unsaved_changes_and_leaves_a_blank_program(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = saved_program(tmp_path / "ana.hipplan")
    window.open_path(path)
    window.controller.add_exercises(["glute-bridge"], 2)
    asked = answer(monkeypatch, "question", Button.Discard)
    window.file.close_action.trigger()
    assert "ana.hipplan" in asked[0]
    assert window.document.path is None
    assert window.document.program.weeks[0].is_empty
    assert not lock_path(path).exists()


def test_autosave_interval_comes_from_preferences(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from ui.dialogs.preferences_dialog import PreferencesDialog

    def answer_prefs(dialog: PreferencesDialog) -> int:
        assert dialog.autosave.value() == 1  # every minute unless changed
        dialog.autosave.setValue(5)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", answer_prefs)
    window.edit_preferences()
    assert window.file.autosave.interval() == 5 * 60 * 1000


def test_another_windows_live_autosave_is_not_offered_as_lost(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.controller.add_exercises(["glute-bridge"], 0)
    window.file.autosave_now()
    assert len(list_recoveries()) == 1
    second = MainWindow(EXERCISES)
    qtbot.addWidget(second)
    assert second.file.offer_recoveries() == []  # no question: the dialog guard would fail
    assert len(list_recoveries()) == 1


def test_a_program_that_fails_late_leaves_the_open_one_open_and_unchanged(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = saved_program(tmp_path / "ana.hipplan")
    second = saved_program(tmp_path / "ben.hipplan", entries=2)
    assert window.open_path(first)
    window.controller.add_exercises(["glute-bridge"], 3)
    window.file.autosave_now()
    document, before = window.document, window.document.program.snapshot()
    controller = window.controller
    real_show_week = window.week_view.show_week

    def fails_for_ben() -> None:
        if controller.document.path == second:
            raise OverflowError("date value out of range")  # as day_date did for 9999-12-31
        real_show_week()

    monkeypatch.setattr(window.week_view, "show_week", fails_for_ben)
    warned = answer(monkeypatch, "warning", Button.Ok)
    assert not window.file.open_path(second, ask_first=False)
    assert "The program you have open is unchanged" in warned[0]
    assert window.document is document
    assert window.document.program == before
    assert window.document.modified
    assert controller.document is document
    assert [r.doc_key for r in list_recoveries()] == [document.key]  # its autosave is kept
    assert window.file.open_path(second, ask_first=False) is False  # still refused, and not locked
    monkeypatch.setattr(window.week_view, "show_week", real_show_week)
    window.controller.add_exercises(["glute-bridge"], 4)  # the window goes on working
    assert len(window.document.program.day(0, 4).entries) == 1


def test_a_failing_autosave_is_said_once_and_tried_again(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import planner.files.recovery

    real_write = planner.files.recovery.write_recovery
    failures = [ValueError("the program breaks a rule"), OSError("disk full")]

    def failing_write(*args: object, **kwargs: object) -> Path:
        if failures:
            raise failures.pop(0)
        return real_write(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(planner.files.recovery, "write_recovery", failing_write)
    window.controller.add_exercises(["glute-bridge"], 0)
    said: list[str] = []
    monkeypatch.setattr(window.statusBar(), "showMessage", lambda text, *_: said.append(text))
    window.file.autosave_now()  # raises nothing: no crash dialog
    window.file.autosave_now()
    assert len(said) == 1
    assert said[0].startswith("Autosave failed (the program breaks a rule)")
    assert window.file.autosave.isActive()
    window.file.autosave_now()  # the third try works
    assert [r.doc_key for r in list_recoveries()] == [window.document.key]
    assert not window.file.autosave_failing
