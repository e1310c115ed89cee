"""The last resort for a bug: logged, and told in a dialog that is always made on the GUI thread."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ui.common.crash_handler import install_excepthook


class Broken(QThread):
    def run(self) -> None:
        raise RuntimeError("a bug in a worker")


def test_an_error_in_a_worker_thread_is_shown_from_the_gui_thread(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    shown_on_gui_thread: list[bool] = []

    def critical(_parent: object, _title: str, text: str) -> None:
        assert "hip-planner.log" in text
        shown_on_gui_thread.append(QThread.currentThread() == QApplication.instance().thread())

    monkeypatch.setattr(QMessageBox, "critical", critical)
    install_excepthook()
    worker = Broken()
    with qtbot.waitSignal(worker.finished, timeout=10000):
        worker.start()
    qtbot.waitUntil(lambda: bool(shown_on_gui_thread))
    assert shown_on_gui_thread == [True]
