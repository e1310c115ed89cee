"""Settings live in an INI file under the app's config folder (so HIP_PLANNER_HOME covers them)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from planner import folders


def app_settings() -> QSettings:
    return QSettings(str(folders.config_dir() / "settings.ini"), QSettings.Format.IniFormat)
