"""The one place that decides where Hip Planner writes files.

``HIP_PLANNER_HOME`` puts everything (database, settings, autosave, logs) under one folder;
without it the platform's usual user folders are used. Tests always set it.

The folder functions make their folder when they can and never raise: on a read-only drive or
in a folder the coach may not write, Hip Planner still lists, checks, prints and saves programs
elsewhere. Whatever then writes there reports its own failure, and :func:`folder_problems`
names the folders that cannot be written, for one message at start.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

import platformdirs

APP_NAME = "HipPlanner"
HOME_VARIABLE = "HIP_PLANNER_HOME"


def _base(kind: str) -> Path:
    home = os.environ.get(HOME_VARIABLE)
    if home:
        return Path(home).expanduser() / kind
    if kind == "data":
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if kind == "config":
        return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    if kind == "logs":
        return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    raise ValueError(kind)


def data_dir() -> Path:
    """The database and its backups live here."""
    return _ensure(_base("data"))


def config_dir() -> Path:
    """Settings (window geometry, preferences, recent files)."""
    return _ensure(_base("config"))


def recovery_dir() -> Path:
    """Autosaved copies of unsaved programs, offered back after a crash."""
    return _ensure(_base("data") / "recovery")


def log_dir() -> Path:
    return _ensure(_base("logs"))


FOLDER_PURPOSES = {
    "data": "the catalog database",
    "recovery": "autosave copies of unsaved work",
    "config": "settings",
    "logs": "the log",
}


def folder_problems() -> dict[str, str]:
    """Hip Planner's folders that cannot be written: kind (see :data:`FOLDER_PURPOSES`) →
    "<folder> (<why>)". Tries to make each folder and a file in it, so it tells the truth for
    root, read-only drives and network shares alike."""
    folders = {
        "data": _base("data"),
        "recovery": _base("data") / "recovery",
        "config": _base("config"),
        "logs": _base("logs"),
    }
    problems = {}
    for kind, folder in folders.items():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / f".write-test-{secrets.token_hex(4)}"
            os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            probe.unlink()
        except OSError as exc:
            problems[kind] = f"{folder} ({exc.strerror or exc})"
    return problems


def database_path() -> Path:
    return data_dir() / "catalog.sqlite3"


def remove_stale_temp_files_at_start() -> None:
    """Remove what saves killed in Hip Planner's own folders left (recovery copies, settings).

    Program folders are tidied when a program there is opened or saved.
    """
    from planner.files.safe_save import remove_stale_temp_files

    for folder in (_base("data"), _base("data") / "recovery", _base("config")):
        remove_stale_temp_files(folder)


def _ensure(path: Path) -> Path:
    """``path``, made if it can be (see the module's docstring)."""
    with contextlib.suppress(OSError):
        path.mkdir(parents=True, exist_ok=True)
    return path
