"""One change, one refresh: the workspace tells each view once about each change."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.program import Program
from tests.factories import make_exercise
from ui.app.main_window import MainWindow
from ui.common.document import Document

EXERCISES = [make_exercise("glute-bridge"), make_exercise("clamshell")]


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    w = MainWindow(EXERCISES)
    qtbot.addWidget(w)
    w.show()
    w.controller.add_exercises(["glute-bridge"], 0)
    return w


@pytest.fixture
def counts(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the calendar is rebuilt or re-read and the coverage analysed from now on."""
    seen: Counter[str] = Counter()

    def counting(name: str, method: Callable[..., None]) -> Callable[..., None]:
        def call(*args: object, **kwargs: object) -> None:
            seen[name] += 1
            method(*args, **kwargs)

        return call

    monkeypatch.setattr(
        window.week_view, "show_week", counting("rebuild", window.week_view.show_week)
    )
    monkeypatch.setattr(window.week_view, "refresh", counting("reread", window.week_view.refresh))
    monkeypatch.setattr(window.coverage, "refresh", counting("analyse", window.coverage.refresh))
    return seen


def test_adding_a_card_rereads_the_calendar_once_and_analyses_once(
    window: MainWindow, counts: Counter[str]
) -> None:
    window.controller.add_exercises(["clamshell"], 2)
    assert counts == {"reread": 1, "analyse": 1}
    assert [e.exercise_id for e in window.document.program.day(0, 2).entries] == ["clamshell"]


def test_adding_a_week_rebuilds_once_and_analyses_once_and_so_does_undoing_it(
    qtbot: QtBot, window: MainWindow, counts: Counter[str]
) -> None:
    qtbot.mouseClick(window.week_bar.add, Qt.MouseButton.LeftButton)
    assert counts == {"rebuild": 1, "analyse": 1}
    assert window.controller.week == window.coverage.week == window.week_view.week == 1
    counts.clear()
    window.document.undo_stack.undo()
    assert counts == {"rebuild": 1, "analyse": 1}
    assert window.controller.week == window.coverage.week == window.week_view.week == 0


def test_moving_a_week_shows_it_where_it_went_with_one_refresh(
    qtbot: QtBot, window: MainWindow, counts: Counter[str]
) -> None:
    qtbot.mouseClick(window.week_bar.add, Qt.MouseButton.LeftButton)
    window.controller.show_week(0)
    counts.clear()
    window.controller.move_week(+1)
    assert counts == {"rebuild": 1, "analyse": 1}
    assert window.controller.week == window.coverage.week == 1
    assert window.week_view.models[0].rowCount() == 1  # the card moved with its week


def test_choosing_the_shown_week_again_refreshes_nothing(
    qtbot: QtBot, window: MainWindow, counts: Counter[str]
) -> None:
    qtbot.mouseClick(window.week_bar.add, Qt.MouseButton.LeftButton)
    counts.clear()
    qtbot.mouseClick(window.week_bar.previous, Qt.MouseButton.LeftButton)
    assert counts == {"rebuild": 1, "analyse": 1}
    counts.clear()
    window.week_bar.combo.setCurrentIndex(0)
    assert counts == {}


def test_another_document_is_shown_with_one_refresh(
    window: MainWindow, counts: Counter[str]
) -> None:
    window.set_document(Document(Program()))
    assert counts == {"rebuild": 1, "analyse": 1}
    assert window.coverage.analysis is not None
    assert window.coverage.analysis.is_empty


def test_the_views_read_the_shown_week_from_the_workspace_and_refresh_once(
    qtbot: QtBot, window: MainWindow, counts: Counter[str]
) -> None:
    """The workspace is the one owner of the shown week: moving it there refreshes the calendar
    once and the coverage once, and every view then reads the new week (none keeps a copy)."""
    qtbot.mouseClick(window.week_bar.add, Qt.MouseButton.LeftButton)
    window.workspace.show_week(0)
    counts.clear()
    window.workspace.show_week(1)
    assert counts == {"rebuild": 1, "analyse": 1}
    page = window.coverage.this_week
    views = [window.week_view, page, *window.week_view.models]
    assert [view.week for view in views] == [1] * len(views)
    assert all("week" not in vars(view) for view in views)
    assert window.week_view.models[0].rowCount() == 0  # week 2 is empty, week 1 is not
    assert page.summary.text().startswith("<b>Week 2</b>")
    window.workspace.show_week(0)
    assert window.week_view.models[0].rowCount() == 1
