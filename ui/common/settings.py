"""Every setting Hip Planner remembers, each with its key and type, in one place.

Settings live in an INI file under the app's config folder (so HIP_PLANNER_HOME covers them).
No other module names a settings key: they read and write through the functions here, which
also turn what an INI file gives back (strings for numbers and booleans, a string for a
one-element list) into the type the caller expects.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QByteArray, QSettings

from planner.files import folders

Layout = Literal["geometry", "mainSplitter", "catalogSplitter", "coverageSplitter"]
"""The window's remembered shapes: its geometry and the state of its splitters."""

AUTOSAVE_KEY = "files/autosaveSeconds"
AUTOSAVE_DEFAULT_SECONDS = 60
AUTOSAVE_MIN_SECONDS = 5
RECENT_KEY = "files/recent"
PAPER_KEY = "export/paper"
OPEN_WHEN_DONE_KEY = "export/openWhenDone"
COVERAGE_SHOWN_KEY = "window/coveragePanel"
DAY_LAYOUT_KEY = "window/dayLayout"
OLD_THRESHOLDS_KEY = "balance/settings"
"""Where Hip Planner kept the thresholds before balance.toml (a JSON value)."""


def app_settings() -> QSettings:
    return QSettings(str(folders.config_dir() / "settings.ini"), QSettings.Format.IniFormat)


def _flag(value: object) -> bool:
    return value not in (False, "false")


# -- the window ------------------------------------------------------------------------------


def layout_state(name: Layout) -> QByteArray | None:
    state = app_settings().value(f"window/{name}")
    return state if isinstance(state, QByteArray) else None


def coverage_panel_shown() -> bool:
    return _flag(app_settings().value(COVERAGE_SHOWN_KEY, True))


def save_layout(states: dict[Layout, QByteArray], coverage_shown: bool) -> None:
    settings = app_settings()
    for name, state in states.items():
        settings.setValue(f"window/{name}", state)
    settings.setValue(COVERAGE_SHOWN_KEY, coverage_shown)
    settings.sync()


def day_layout() -> str:
    """View ▸ Days: "automatic" (by the calendar's width), "columns" or "rows"."""
    return str(app_settings().value(DAY_LAYOUT_KEY, "automatic"))


def set_day_layout(choice: str) -> None:
    app_settings().setValue(DAY_LAYOUT_KEY, choice)


# -- files -----------------------------------------------------------------------------------


def autosave_seconds() -> int:
    """How often unsaved work is copied to the recovery folder (at least every 5 seconds)."""
    value = app_settings().value(AUTOSAVE_KEY, AUTOSAVE_DEFAULT_SECONDS)
    try:
        return max(AUTOSAVE_MIN_SECONDS, int(str(value)))
    except (TypeError, ValueError):
        return AUTOSAVE_DEFAULT_SECONDS


def set_autosave_seconds(seconds: int) -> None:
    app_settings().setValue(AUTOSAVE_KEY, seconds)


def recent_names() -> list[str]:
    """The remembered recent files, newest first, as saved (they may no longer exist)."""
    value = app_settings().value(RECENT_KEY, [])
    names = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
    return [str(name) for name in names if name]


def set_recent_names(names: list[str]) -> None:
    app_settings().setValue(RECENT_KEY, names)


# -- the handout -----------------------------------------------------------------------------


def export_paper(default: str) -> str:
    return str(app_settings().value(PAPER_KEY, default))


def export_opens_when_done() -> bool:
    return _flag(app_settings().value(OPEN_WHEN_DONE_KEY, True))


def remember_export(paper: str, open_when_done: bool) -> None:
    settings = app_settings()
    settings.setValue(PAPER_KEY, paper)
    settings.setValue(OPEN_WHEN_DONE_KEY, open_when_done)


# -- thresholds kept before balance.toml -----------------------------------------------------


def old_thresholds() -> object:
    """The thresholds an older Hip Planner remembered here (a JSON text), or None."""
    return app_settings().value(OLD_THRESHOLDS_KEY)


def forget_old_thresholds() -> None:
    settings = app_settings()
    settings.remove(OLD_THRESHOLDS_KEY)
    settings.sync()
