"""Shared test setup: Qt runs offscreen, and every test writes under its own HIP_PLANNER_HOME."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def hip_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Redirect every file the app writes into a fresh temporary folder."""
    home = tmp_path_factory.mktemp("hip-home")
    monkeypatch.setenv("HIP_PLANNER_HOME", str(home))
    return home


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
