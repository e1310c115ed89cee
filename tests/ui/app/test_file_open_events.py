"""A program file the system sends to the running Hip Planner (macOS: double-click) opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.files.program_file import save_program
from planner.templates import list_templates, program_from_template
from ui.app.file_open_events import FileOpenEvents
from ui.app.main_window import MainWindow


def test_a_file_open_event_opens_the_program_in_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "ana.hipplan"
    save_program(program_from_template(list_templates()[1]), path)
    window = MainWindow([])
    qtbot.addWidget(window)
    window.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    handler = FileOpenEvents(lambda: [window])
    app.installEventFilter(handler)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(QUrl.fromLocalFile(str(path))))
    finally:
        app.removeEventFilter(handler)
    assert window.document.path == path
    assert window.document.program == program_from_template(list_templates()[1])
