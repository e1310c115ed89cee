"""Shared test setup: Qt runs offscreen, and every test writes under its own HIP_PLANNER_HOME."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.pg_server import PgServer, missing_reason, remove, start_server

if TYPE_CHECKING:
    from db.catalog import CatalogDatabase, StartupReport
    from planner.exercise import Exercise

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def hip_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Redirect every file the app writes into a fresh temporary folder."""
    home = tmp_path_factory.mktemp("hip-home")
    monkeypatch.setenv("HIP_PLANNER_HOME", str(home))
    monkeypatch.delenv("HIP_PLANNER_DATABASE_URL", raising=False)  # a developer's clinic
    return home


@pytest.fixture(scope="session", autouse=True)
def no_system_keyring() -> None:
    """Tests never read or write the coach's real keyring (a test may set its own)."""
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    keyring.set_keyring(NoKeyring())


@pytest.fixture(scope="session", autouse=True)
def release_clipboard_at_exit() -> Iterator[None]:
    """Qt must not still own Python-made clipboard data when the process exits (it crashes)."""
    yield
    if "ui.week.planner_controller" in sys.modules:
        from ui.week.planner_controller import release_clipboard

        release_clipboard()


class UnexpectedDialog(AssertionError):
    """A test opened a modal dialog it did not answer; it would hang the whole suite."""


@pytest.fixture(autouse=True)
def no_unanswered_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Static message and file dialogs fail the test unless the test answers them itself."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    def refuse(*args: object, **kwargs: object) -> object:
        raise UnexpectedDialog(f"unanswered dialog: {args[1:3]}")

    for name in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, refuse)
    monkeypatch.setattr(QInputDialog, "getItem", refuse)

    def refuse_exec(dialog: QDialog) -> int:
        raise UnexpectedDialog(f"unanswered dialog: {dialog.windowTitle()!r}")

    monkeypatch.setattr(QDialog, "exec", refuse_exec)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Before pytest-qt closes a test's windows, mark them saved so closing asks nothing."""
    if "ui.app.main_window" in sys.modules:
        from PySide6.QtWidgets import QApplication

        from ui.app.main_window import MainWindow

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.document.undo_stack.setClean()
    yield


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A PostgreSQL server of the test run's own (skipped when it cannot be started here)."""
    reason = missing_reason()
    if reason:
        pytest.skip(f"no PostgreSQL tests: {reason}")
    server = start_server()
    yield server
    remove(server)


_DATABASE_NUMBERS = itertools.count(1)


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """The address of a new, empty database on the test server."""
    return pg_server.create_database(f"test_{next(_DATABASE_NUMBERS)}")


@dataclass(frozen=True)
class CatalogPlace:
    """Where a test's catalog lives: a SQLite file or a database on the test server."""

    engine: str
    path: Path | None = None
    url: str | None = None

    def open(
        self, builtins: Sequence[Exercise] = (), **options: Any
    ) -> tuple[CatalogDatabase, StartupReport]:
        from db.catalog import CatalogDatabase

        return CatalogDatabase.open(self.path, url=self.url, builtins=builtins, **options)


@pytest.fixture(params=["sqlite", "postgresql"])
def catalog_place(request: pytest.FixtureRequest, tmp_path: Path) -> CatalogPlace:
    """The same test on both engines (DESIGN.md §5)."""
    if request.param == "sqlite":
        return CatalogPlace("sqlite", path=tmp_path / "catalog.sqlite3")
    return CatalogPlace("postgresql", url=request.getfixturevalue("pg_url"))
