"""Hip Planner's icon on its windows, and the name Linux desktops match to its menu entry.

The icon is ``resources/icons/hip-planner.svg`` (the bundle's .ico, .icns and PNGs are drawn
from it by ``packaging/icons.py``); ``hip-planner`` is the name of the desktop entry that
``install.sh`` puts in place, so a Wayland desktop shows that entry's icon for the window.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from resources import resource_path

DESKTOP_FILE_NAME = "hip-planner"


def name_the_desktop_entry() -> None:
    """Call before the QApplication exists (Qt reads it when the first window opens)."""
    QApplication.setDesktopFileName(DESKTOP_FILE_NAME)


def set_window_icon(app: QApplication) -> None:
    app.setWindowIcon(QIcon(str(resource_path("icons", "hip-planner.svg"))))
