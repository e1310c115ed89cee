"""The Qt application: created once, shows the main window, opens files given at start."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.launch import catalog_exercises
from ui.main_window import MainWindow


def create_application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QApplication.setApplicationName("Hip Planner")
    QApplication.setOrganizationName("Hip Planner")
    QApplication.setApplicationDisplayName("Hip Planner")
    return QApplication(sys.argv[:1])


def run_gui(files: list[Path]) -> int:
    app = create_application()
    window = MainWindow(catalog_exercises())
    window.show()
    del files  # opening files arrives with the program file format
    return app.exec()
