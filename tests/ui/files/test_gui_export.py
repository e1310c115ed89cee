"""File ▸ Export handout: options remembered, PDF written off the GUI thread, errors told."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from planner.files.program_file import read_program
from planner.files.thresholds import thresholds_path
from planner.handout import HandoutError
from planner.templates import list_templates
from ui.app.main_window import MainWindow
from ui.common.settings import app_settings
from ui.files import export_controller
from ui.files.export_controller import ExportOptions


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    w = MainWindow([])
    qtbot.addWidget(w)
    w.show()
    metzl = list_templates()[1]
    w.file.open_path(metzl.path)
    return w


def choose(monkeypatch: pytest.MonkeyPatch, target: Path, paper: str = "letter") -> None:
    def answer(dialog: ExportOptions) -> int:
        (dialog.letter if paper == "letter" else dialog.a4).setChecked(True)
        dialog.open_when_done.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportOptions, "exec", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))


def test_export_writes_the_handout_in_the_background(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(monkeypatch, tmp_path / "metzl")
    with qtbot.waitSignal(window.exporter.finished, timeout=30000) as done:
        window.export_action.trigger()
    assert done.args == [True]
    pdf = PdfReader(tmp_path / "metzl.pdf")
    assert pdf.pages[0].mediabox.width == pytest.approx(612)  # Letter, as chosen
    text = "".join(page.extract_text() for page in pdf.pages)
    program = read_program(list_templates()[1].path)
    for exercise in program.exercises.values():
        assert exercise.name in " ".join(text.split())
    assert app_settings().value("export/paper") == "letter"
    assert "Handout written" in window.statusBar().currentMessage()


def test_a_failed_export_is_told_and_leaves_the_program_alone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_a: object, **_k: object) -> None:
        raise HandoutError(f"{tmp_path / 'x.pdf'}: cannot be written (Permission denied)")

    monkeypatch.setattr(export_controller, "write_handout", refuse)
    choose(monkeypatch, tmp_path / "x.pdf")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: told.append(text))
    before = window.document.program.snapshot()
    with qtbot.waitSignal(window.exporter.finished, timeout=30000) as done:
        window.export_action.trigger()
    assert done.args == [False]
    assert "Permission denied" in told[0]
    assert window.document.program == before


def test_a_bug_in_the_export_thread_is_told_on_the_gui_thread_and_export_works_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write_handout = export_controller.write_handout

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("a bug in the layout")

    monkeypatch.setattr(export_controller, "write_handout", broken)
    choose(monkeypatch, tmp_path / "zoe.pdf")
    told: list[tuple[str, bool]] = []

    def warning(_parent: object, _title: str, text: str) -> None:
        told.append((text, QThread.currentThread() == QApplication.instance().thread()))

    monkeypatch.setattr(QMessageBox, "warning", warning)
    with qtbot.waitSignal(window.exporter.finished, timeout=30000) as done:
        window.export_action.trigger()
    assert done.args == [False]
    ((text, on_gui_thread),) = told
    assert on_gui_thread
    assert "unexpected problem" in text
    assert "hip-planner.log" in text
    assert "Choose another name" not in text  # no other name would help
    qtbot.waitUntil(lambda: window.exporter.job is None)
    assert not any(
        isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    assert not (tmp_path / "zoe.pdf").exists()

    monkeypatch.setattr(export_controller, "write_handout", real_write_handout)
    with qtbot.waitSignal(window.exporter.finished, timeout=30000) as again:
        window.export_action.trigger()
    assert again.args == [True]
    assert "Jump squat" in " ".join(PdfReader(tmp_path / "zoe.pdf").pages[0].extract_text().split())


def test_a_file_that_is_not_a_pdf_is_not_replaced_and_the_coach_is_told(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letter = tmp_path / "letter.pdf"
    letter.write_text("Dear Zoë, see you Monday.")
    choose(monkeypatch, letter)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: told.append(text))
    with qtbot.waitSignal(window.exporter.finished, timeout=30000) as done:
        window.export_action.trigger()
    assert done.args == [False]
    assert "letter.pdf is not a PDF" in told[0]
    assert "Choose another name or folder" in told[0]
    assert letter.read_text() == "Dear Zoë, see you Monday."


def test_starting_the_program_does_not_import_reportlab(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from ui.app.application import create_application, open_windows\n"
        "app = create_application()\n"
        "windows = open_windows([])\n"
        "app.processEvents()\n"
        "assert windows[0].catalog_model.rowCount() > 80\n"
        "print('reportlab' in sys.modules)\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "HIP_PLANNER_HOME": str(tmp_path), "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).parents[3],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_window_s_coach_report_uses_the_coach_s_and_the_client_s_thresholds(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    thresholds_path().write_text("[balance]\nmin_weighted_sets = 9\n", encoding="utf-8")
    w = MainWindow([])
    qtbot.addWidget(w)
    w.file.open_path(list_templates()[1].path)  # Metzl: 41 weighted sets, a mean of 6.83
    program = w.document.program
    program.details = replace(program.details, balance_overrides={"dominant_factor": 3.0})
    choose(monkeypatch, tmp_path / "metzl.pdf")
    with qtbot.waitSignal(w.exporter.finished, timeout=30000):
        w.coach_report_action.trigger()  # the client's handout shows no targets
    text = " ".join(
        "".join(p.extract_text() for p in PdfReader(tmp_path / "metzl.pdf").pages).split()
    )
    assert "target range, 9–20 sets" in text  # balance.toml's floor, the client's 3× the mean
