"""An unexpected error becomes a calm message and a log entry, never a vanished window."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.files import folders

log = logging.getLogger("hip_planner")


def setup_logging() -> None:
    """Log to a file in the log folder; when it cannot be written (said at start), to nowhere
    but the console."""
    try:
        handler = logging.FileHandler(log_file(), encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def install_excepthook() -> None:
    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        app = QApplication.instance()
        if app is not None and QThread.currentThread() is not app.thread():
            # Widgets may only be made on the GUI thread: the dialog is shown from there.
            QTimer.singleShot(0, app, show_crash_dialog)
        elif app is not None:
            show_crash_dialog()

    sys.excepthook = hook


def show_crash_dialog() -> None:
    QMessageBox.critical(
        QApplication.activeWindow(),
        "Something went wrong",
        "Hip Planner hit an unexpected problem and stopped that action. Your program is "
        "still open; save it under a new name to be safe.\n\n"
        f"Details are in {log_file()}",
    )


def log_file() -> Path:
    """Where unexpected errors are written, for the coach to send in."""
    return folders.log_dir() / "hip-planner.log"
