"""Files the system hands to the running program: on macOS a double-clicked ``.hipplan`` file
arrives as a ``FileOpen`` event, not as a command-line argument, when Hip Planner is running."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from ui.app.main_window import MainWindow


class FileOpenEvents(QObject):
    """Opens each file the system sends in the active window (or the first one), as
    File ▸ Open would: unsaved changes are asked about first."""

    def __init__(self, windows: Callable[[], list[MainWindow]], parent: QObject | None = None):
        super().__init__(parent)
        self._windows = windows

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return super().eventFilter(watched, event)
        path = event.file()
        windows = self._windows()
        if not path or not windows:
            return False
        active = QApplication.activeWindow()
        window = active if isinstance(active, MainWindow) else windows[0]
        window.activateWindow()
        window.open_path(Path(path))
        return True
