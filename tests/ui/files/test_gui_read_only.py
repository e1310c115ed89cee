"""Saving over a read-only program file asks first, as a desktop program does."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from planner.files.program_file import read_program, save_program
from planner.program import Program
from tests.ui.files.test_gui_files import EXERCISES
from ui.app.main_window import MainWindow

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


@pytest.fixture
def opened(qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, Path]:
    """A window with a read-only program open and one unsaved change."""
    path = tmp_path / "ana.hipplan"
    save_program(Program(), path)
    path.chmod(0o444)
    window = MainWindow(EXERCISES)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    window.controller.add_exercises(["glute-bridge"], 0)
    return window, path


def answer_read_only(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[str]:
    """Answer the real question box by clicking the button labelled ``choice``."""
    asked: list[str] = []

    def click(box: QMessageBox) -> int:
        asked.append(f"{box.windowTitle()}|{box.text()}|{box.informativeText()}")
        labels = [button.text() for button in box.buttons()]
        assert sorted(labels) == ["Cancel", "Save Anyway", "Save As…"]
        next(b for b in box.buttons() if b.text() == choice).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    return asked


def press_save(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_save_anyway_replaces_it_and_it_stays_read_only(
    opened: tuple[MainWindow, Path], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, path = opened
    asked = answer_read_only(monkeypatch, "Save Anyway")
    press_save(qtbot, window)
    assert len(asked) == 1
    assert "“ana.hipplan” is read-only" in asked[0]
    assert len(read_program(path).day(0, 0).entries) == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert not window.isWindowModified()
    window.controller.add_exercises(["glute-bridge"], 1)
    press_save(qtbot, window)  # the coach already said yes for this file: not asked again
    assert len(asked) == 1
    assert len(read_program(path).day(0, 1).entries) == 1


def test_save_as_keeps_the_read_only_file_and_saves_elsewhere(
    opened: tuple[MainWindow, Path], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, path = opened
    before = path.read_bytes()
    other = path.with_name("ana-2.hipplan")
    answer_read_only(monkeypatch, "Save As…")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(other), ""))
    press_save(qtbot, window)
    assert path.read_bytes() == before
    assert len(read_program(other).day(0, 0).entries) == 1
    assert window.document.path == other
    assert not window.isWindowModified()


def test_cancel_changes_nothing(
    opened: tuple[MainWindow, Path], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, path = opened
    before = path.read_bytes()
    asked = answer_read_only(monkeypatch, "Cancel")
    press_save(qtbot, window)
    assert len(asked) == 1
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if not p.name.startswith(".~lock")] == [
        "ana.hipplan"
    ]
    assert window.isWindowModified()
