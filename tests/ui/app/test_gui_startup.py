"""Start-up: files from the command line, remembered layout, archived exercises in programs."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from planner.cli import EXIT_FINDINGS, run_command
from planner.files.program_file import save_program
from planner.handout import write_handout
from planner.program import Program
from planner.taxonomy import Direction
from tests.factories import make_exercise
from ui.app.application import open_windows
from ui.app.main_window import MainWindow
from ui.common.settings import app_settings
from ui.files.missing_exercises import MissingExercisesDialog

ARCHIVED = replace(
    make_exercise("own-old-bridge", Direction.EXTENSION, name="Old bridge", builtin=False),
    archived=True,
)


def program_file(path: Path) -> Path:
    program = Program()
    program.add_entry(0, 2, ARCHIVED)
    save_program(program, path)
    return path


def test_a_file_named_at_start_opens(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[list[str]] = []

    def decline(dialog: MissingExercisesDialog) -> int:
        offered.append([ex.name for ex in dialog.exercises])
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(MissingExercisesDialog, "exec", decline)
    path = program_file(tmp_path / "ana.hipplan")
    windows = open_windows([path])
    for window in windows:
        qtbot.addWidget(window)
    assert windows[0].document.path == path
    assert windows[0].week_view.models[2].rowCount() == 1
    assert offered == [["Old bridge"]]  # the catalog lacks it, so adding it was offered


def test_window_size_and_panel_sizes_are_remembered(qtbot: QtBot) -> None:
    first = MainWindow([])
    qtbot.addWidget(first)
    first.show()
    first.resize(1000, 640)
    first.splitter.setSizes([200, 600, 200])
    sizes = first.splitter.sizes()
    geometry = first.saveGeometry()
    first.close()
    assert app_settings().value("window/geometry") == geometry
    second = MainWindow([])
    qtbot.addWidget(second)
    second.show()
    # The offscreen test screen is narrow, so restoring may clamp the width; the height holds.
    assert second.height() == 640
    restored = second.splitter.sizes()
    assert (restored[0], restored[2]) == (sizes[0], sizes[2])  # the catalog and coverage panels


def test_first_start_fits_the_screen_it_opens_on(qtbot: QtBot) -> None:
    window = MainWindow([])  # nothing remembered yet
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry())


@pytest.mark.parametrize(
    "available",
    [QRect(0, 24, 1024, 576), QRect(0, 0, 1366, 740), QRect(1920, 0, 800, 500)],
    ids=["1024x600 with a menu bar", "1366x768 laptop", "tiny second screen"],
)
def test_first_start_on_a_small_screen_is_never_larger_than_it(
    qtbot: QtBot, available: QRect
) -> None:
    window = MainWindow([])
    qtbot.addWidget(window)
    window.restore_layout(available)
    assert available.contains(window.frameGeometry())
    assert window.width() >= min(900, available.width() - 16)  # as large as it can, within
    window.close()  # remembered after
    again = MainWindow([])
    qtbot.addWidget(again)
    again.restore_layout(available)
    # Qt clamps a restored width to the real (narrow offscreen) screen; the height holds.
    assert again.height() == window.height()


def test_a_program_using_an_archived_exercise_opens_checks_and_prints(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = program_file(tmp_path / "old.hipplan")
    window = MainWindow([])  # the catalog does not even have it
    qtbot.addWidget(window)
    assert window.open_path(path)
    assert window.week_view.models[2].rowCount() == 1
    assert run_command(["check", str(path)], load_catalog=list, out=io.StringIO()) == EXIT_FINDINGS
    pdf = tmp_path / "old.pdf"
    write_handout(window.document.program, pdf, paper="a4")
    assert "Old bridge" in "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_a_start_with_a_file_paints_the_catalog_and_week_before_the_side_panels(
    qtbot: QtBot,
) -> None:
    window = MainWindow([ARCHIVED], side_panels_later=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.pages.currentWidget() is window.splitter
    assert window.catalog.isVisible()
    assert window.week_view.isVisible()
    assert not window.planner_built
    assert not hasattr(window, "coverage")
    window.build_side_panels()
    assert window.planner_built
    assert window.splitter.widget(2) is window.coverage
    assert window.splitter.count() == 3
    assert window.coverage.isVisible()
    assert window.splitter.sizes()[2] > 0
    assert window.undo_action.isEnabled() is False  # the menus' commands are there
    window.build_side_panels()  # once only
    assert window.splitter.count() == 3


def test_closing_before_the_side_panels_keeps_the_remembered_panels(qtbot: QtBot) -> None:
    first = MainWindow([])
    qtbot.addWidget(first)
    first.show()
    first.splitter.setSizes([200, 600, 200])
    remembered = first.splitter.sizes()
    first.close()
    early = MainWindow([ARCHIVED], side_panels_later=True)
    qtbot.addWidget(early)
    early.show()
    early.close()  # before its side panels: only the window's size is saved
    late = MainWindow([ARCHIVED], side_panels_later=True)
    qtbot.addWidget(late)
    late.show()
    late.ensure_planner()  # what opening the file does first
    assert late.planner_built
    sizes = late.splitter.sizes()
    assert (sizes[0], sizes[2]) == (remembered[0], remembered[2])
