"""The client's log in the real window: a paper week typed in with the keyboard only, the Log
tab, marks on the cards, the All weeks columns, undo/redo, save and open, and weeks with
logged sessions (the form is driven by key presses sent to its focused widget)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from planner.log import MAX_SESSIONS
from planner.log_summary import Mark, default_session
from planner.program import ClientDetails
from planner.taxonomy import Direction
from tests.factories import make_exercise
from ui.app.main_window import MainWindow
from ui.common import clock
from ui.coverage.program_table import ADHERENCE_COLUMN, PAIN_COLUMN
from ui.log.session_form import SessionForm, pain_spin
from ui.week.commands import SetDetails
from ui.week.day_model import MarkRole

EXERCISES = [
    make_exercise("glute-bridge", Direction.EXTENSION, name="Glute bridge", sets=3),
    make_exercise("clam", Direction.EXTERNAL_ROTATION, name="Clamshell", sets=2),
]
START = date(2026, 11, 2)  # a Monday
TODAY = date(2026, 11, 9)  # the Monday after: the whole first week has passed
TRAINING_DAYS = (0, 2, 4, 6)  # Monday, Wednesday, Friday, Sunday

Script = list[tuple[str, str]]
"""Key presses: ("type", "3"), ("key", "Tab"), ("key", "Return"), ("key", "Escape")."""


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    w = MainWindow(EXERCISES)
    qtbot.addWidget(w)
    w.show()
    for day in TRAINING_DAYS:
        w.controller.add_exercises(["glute-bridge", "clam"], day)
    w.document.push(SetDetails(w.document.program, ClientDetails(start_date=START)))
    return w


def drive_form(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, script: Script) -> list[int]:
    """Answer the session form with ``script``'s key presses, each sent to the widget that has
    the focus in the form; returns [the number of key presses] once the form has closed."""
    pressed: list[int] = []

    def run(form: SessionForm) -> int:
        form.show()
        qtbot.waitExposed(form)
        form.activateWindow()
        qtbot.waitUntil(form.isActiveWindow)
        for kind, what in script:
            if not form.isVisible():
                break
            target: QWidget = form.focusWidget() or form
            if kind == "type":
                qtbot.keyClicks(target, what)
                pressed.append(len(what))
            else:
                qtbot.keyClick(target, getattr(Qt.Key, f"Key_{what}"))
                pressed.append(1)
        assert not form.isVisible(), "the script should have closed the form"
        return form.result()

    monkeypatch.setattr(SessionForm, "exec", run)
    return pressed


def keys(text: str) -> Script:
    """ "3 Tab 1 Return" → the script; words are keys, everything else is typed."""
    return [("key", w) if w[0].isupper() else ("type", w) for w in text.split()]


def log_paper_week(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> int:
    """The client's paper: Monday pain 3/1 all done; Wednesday pain 4/2, one set of the bridge
    only; Friday no pain reported, all done; Sunday not done (the form is closed with Esc)."""
    pressed = drive_form(
        qtbot,
        monkeypatch,
        keys("3 Tab 1 Return") + keys("4 Tab 2 Tab 1 Return") + keys("Return Escape"),
    )
    window.week_view.focus_day(0)
    qtbot.keyClick(window.week_view.lists[0], Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    return sum(pressed) + 1  # and Ctrl+L


def marks(window: MainWindow, day: int) -> list[Mark | None]:
    model = window.week_view.models[day]
    found = [model.index(r, 0).data(MarkRole) for r in range(model.rowCount())]
    return [m.mark if m is not None else None for m in found]


def undo_text(window: MainWindow) -> str:
    return window.undo_action.text().replace("&", "")


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen tooltip
def test_a_paper_week_is_typed_in_with_the_keyboard_only(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    presses = log_paper_week(qtbot, window, monkeypatch)
    program = window.document.program
    log = program.log
    assert [(s.week, s.day, s.date) for s in log] == [
        (0, 0, date(2026, 11, 2)),
        (0, 2, date(2026, 11, 4)),
        (0, 4, date(2026, 11, 6)),
    ]
    assert [(s.pain_during, s.pain_next_morning) for s in log] == [(3, 1), (4, 2), (None, None)]
    assert [[e.sets_done for e in s.entries] for s in log] == [[3, 2], [1, 2], [3, 2]]
    assert presses == 13  # a week of four training days in thirteen key presses
    # each session is its own undo step
    assert undo_text(window) == "Undo Log Friday of week 1"
    # the cards: done, partly, done; Sunday has passed without a session: missed
    assert marks(window, 0) == [Mark.DONE, Mark.DONE]
    assert marks(window, 2) == [Mark.PARTLY, Mark.DONE]
    assert marks(window, 4) == [Mark.DONE, Mark.DONE]
    assert marks(window, 6) == [Mark.MISSED, Mark.MISSED]
    tip = window.week_view.models[2].index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Partly done: Logged 4 Nov 2026, 1 of 3 sets." in tip
    # the Log tab: 3+2 + 1+2 + 3+2 of 4 × 5 planned sets
    panel = window.log_panel
    assert "13 of 20 sets done (65 %)" in panel.summary.text()
    assert panel.model.rowCount() == 3
    assert panel.model.index(1, 2).data() == "4 / 2"
    assert [(w.pain_during, w.pain_next_morning) for w in panel.trend.weeks] == [(4, 2)]
    trend = panel.trend
    at = QPoint(int(trend.week_x(0)), trend.height() // 2)
    QApplication.sendEvent(trend, QHelpEvent(QEvent.Type.ToolTip, at, trend.mapToGlobal(at)))
    assert QToolTip.text() == (
        "Week 1: knee pain during 4, next morning 2 (highest reported); 65 % of due sets done"
    )
    # All weeks gains Done and Pain
    window.coverage.tabs.setCurrentIndex(1)
    table = window.coverage.table_model
    assert table.index(0, ADHERENCE_COLUMN).data() == "65%"
    assert table.index(0, PAIN_COLUMN).data() == "4/2"


def test_enter_in_the_list_edits_a_session_and_delete_removes_it_both_undoable(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_paper_week(qtbot, window, monkeypatch)
    program = window.document.program
    window.coverage.tabs.setCurrentWidget(window.log_panel)
    table = window.log_panel.table
    table.setFocus()
    table.select_id(program.log[1].id)
    drive_form(qtbot, monkeypatch, keys("6 Return"))  # pain during 4 → 6, Save
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert program.log[1].pain_during == 6
    assert undo_text(window) == "Undo Edit the session of Wednesday of week 1"
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [s.day for s in program.log] == [0, 4]
    assert marks(window, 2) == [Mark.MISSED, Mark.MISSED]  # Wednesday has passed, unlogged
    assert undo_text(window) == "Undo Remove the session of Wednesday of week 1"
    window.undo_action.trigger()
    assert [s.day for s in program.log] == [0, 2, 4]
    assert marks(window, 2) == [Mark.PARTLY, Mark.DONE]
    window.undo_action.trigger()
    assert program.log[1].pain_during == 4
    window.redo_action.trigger()
    assert program.log[1].pain_during == 6


def test_the_log_survives_undo_redo_save_and_open(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    log_paper_week(qtbot, window, monkeypatch)
    logged = list(window.document.program.log)
    for _ in logged:
        window.undo_action.trigger()
    assert window.document.program.log == []
    assert marks(window, 0) == [Mark.MISSED, Mark.MISSED]
    for _ in logged:
        window.redo_action.trigger()
    assert window.document.program.log == logged
    target = tmp_path / "runner.hipplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    assert window.file.save_as()
    window.file.close_document()  # lets go of the file's lock, as closing the window does
    other = MainWindow(EXERCISES)
    qtbot.addWidget(other)
    assert other.open_path(target)
    assert other.document.program.log == logged
    assert marks(other, 2) == [Mark.PARTLY, Mark.DONE]
    assert "13 of 20 sets done" in other.log_panel.summary.text()


def test_a_week_with_logged_sessions_is_kept_with_a_clear_message(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_paper_week(qtbot, window, monkeypatch)
    window.controller.add_week()
    window.controller.show_week(0)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    window.week_bar.delete.trigger()
    assert len(window.document.program.weeks) == 2
    assert told == [
        "Week 1 has 3 logged sessions of the client, so it is not deleted. Remove them in "
        "the Log tab first if the week should go."
    ]
    # moving the week carries its sessions along
    window.controller.move_week(+1)
    assert {s.week for s in window.document.program.log} == {1}
    assert marks(window, 2) == [Mark.PARTLY, Mark.DONE]
    window.undo_action.trigger()
    assert {s.week for s in window.document.program.log} == {0}


def test_logging_a_week_with_nothing_planned_says_so(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.controller.add_week()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    window.log_action.trigger()
    assert told == [
        "Week 2 has no exercises planned. Plan the week first, then log what the client did of it."
    ]


def test_each_change_refreshes_the_log_views_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_paper_week(qtbot, window, monkeypatch)
    panel = window.log_panel
    before = panel.refreshes
    window.undo_action.trigger()
    assert panel.refreshes == before + 1
    window.redo_action.trigger()
    assert panel.refreshes == before + 2


def test_the_sessions_and_program_table_models_pass_the_qt_model_tester(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    log_paper_week(qtbot, window, monkeypatch)
    window.coverage.tabs.setCurrentIndex(1)
    qtmodeltester.check(window.log_panel.model)
    qtmodeltester.check(window.coverage.table_model)
    window.undo_action.trigger()
    qtmodeltester.check(window.log_panel.model)


def test_a_digit_typed_anywhere_in_a_not_reported_box_replaces_the_dash(qtbot: QtBot) -> None:
    spin = pain_spin(None, "Knee pain during")
    qtbot.addWidget(spin)
    spin.show()
    assert spin.text() == "–"
    spin.lineEdit().setCursorPosition(1)  # after the dash, as a click there leaves it
    qtbot.keyClicks(spin, "7")
    assert spin.value() == 7


def test_a_full_log_says_so_and_keeps_what_was_typed(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = window.document.program
    filler = default_session(program, 0, 0, TODAY)
    program.log.extend(replace(filler, id=f"s{i}") for i in range(MAX_SESSIONS))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, _t: told.append(title))
    drive_form(qtbot, monkeypatch, keys("3 Return Escape"))
    window.log_action.trigger()
    assert told == ["Log full"]
    assert len(program.log) == MAX_SESSIONS


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768)])
def test_the_sessions_fit_the_side_panel_without_a_scroll_bar(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    window.resize(*size)
    log_paper_week(qtbot, window, monkeypatch)
    window.coverage.tabs.setCurrentWidget(window.log_panel)
    QApplication.processEvents()
    table = window.log_panel.table
    assert table.model().rowCount() == 3
    assert table.horizontalScrollBar().maximum() == 0
