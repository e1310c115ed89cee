"""The Qt application: opens the catalog database, shows the main window and any files given."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.crash_handler import install_excepthook, setup_logging
from ui.main_window import MainWindow


def create_application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QApplication.setApplicationName("Hip Planner")
    QApplication.setOrganizationName("Hip Planner")
    QApplication.setApplicationDisplayName("Hip Planner")
    return QApplication(sys.argv[:1])


def open_main_window(files: list[Path]) -> MainWindow:
    """Open the catalog (repairing it if needed) and build the window; tell the coach what
    start-up had to do. A catalog that cannot be used at all still leaves a working planner
    with the built-in exercises, read-only."""
    from db.catalog import CatalogDatabase
    from db.errors import CatalogError

    notes: list[str] = []
    try:
        database, report = CatalogDatabase.open()
        notes += report.messages()
        window = MainWindow(database.exercises(include_archived=True), database)
    except CatalogError as exc:
        from planner.catalog_file import load_catalog_dir
        from resources import resource_path

        notes.append(f"{exc}\n\nHip Planner runs with the built-in exercises only until then.")
        window = MainWindow(load_catalog_dir(resource_path("catalog")), None)
    window.show()
    if notes:
        QTimer.singleShot(
            0, lambda: QMessageBox.warning(window, "The exercise catalog", "\n\n".join(notes))
        )
    for path in files:
        window.open_path(path)
    return window


def run_gui(files: list[Path]) -> int:
    app = create_application()
    setup_logging()
    install_excepthook()
    window = open_main_window(files)
    code = app.exec()
    del window
    return code
