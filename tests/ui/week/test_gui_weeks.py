"""Weeks and program details through the real window and its dialogs (answered by the test)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from planner.taxonomy import Direction, Equipment
from tests.factories import make_exercise
from ui.app.main_window import MainWindow
from ui.dialogs.details_dialog import DetailsDialog
from ui.week.week_bar import DuplicateWeekDialog

EXERCISES = [
    make_exercise("glute-bridge", Direction.EXTENSION, name="Glute bridge"),
    make_exercise("max-sets", Direction.ABDUCTION, name="Max sets", sets=20),
]


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    w = MainWindow(EXERCISES)
    qtbot.addWidget(w)
    w.show()
    w.controller.add_exercises(["glute-bridge", "max-sets"], 1)
    return w


def test_add_week_and_navigate(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.week_bar.add, Qt.MouseButton.LeftButton)
    assert len(window.document.program.weeks) == 2
    assert window.controller.week == 1
    assert window.week_bar.combo.currentText() == "Week 2 of 2"
    assert window.week_view.models[1].rowCount() == 0
    qtbot.mouseClick(window.week_bar.previous, Qt.MouseButton.LeftButton)
    assert window.controller.week == 0
    assert window.week_view.models[1].rowCount() == 2


def test_duplicate_week_with_progression_tells_which_doses_stayed(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(dialog: DuplicateWeekDialog) -> int:
        dialog.more_sets.setChecked(True)
        return QDialog.DialogCode.Accepted

    told: list[str] = []
    monkeypatch.setattr(DuplicateWeekDialog, "exec", answer)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    window.week_bar.duplicate.trigger()
    weeks = window.document.program.weeks
    assert len(weeks) == 2
    assert [e.dose.sets for e in weeks[1].days[1].entries] == [4, 20]
    assert "Max sets" in told[0]
    assert window.undo_action.text().replace("&", "") == "Undo Duplicate week 1"
    window.undo_action.trigger()
    assert len(window.document.program.weeks) == 1
    assert window.controller.week == 0


def test_delete_and_move_weeks(window: MainWindow) -> None:
    window.week_bar.add.click()
    window.week_bar.earlier.trigger()  # the empty week 2 becomes week 1
    program = window.document.program
    assert program.weeks[0].is_empty
    assert window.controller.week == 0
    window.week_bar.delete.trigger()
    assert len(program.weeks) == 1
    assert not program.weeks[0].is_empty
    assert not window.week_bar.delete.isEnabled()


def test_details_dialog_sets_dates_and_client_equipment(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(dialog: DetailsDialog) -> int:
        dialog.client.setText("Ana Silva")
        dialog.title.setText("Spring marathon")
        dialog.has_start.setChecked(True)
        dialog.start.setDate(date(2026, 11, 25))
        dialog.equipment[Equipment.MINI_BAND].setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DetailsDialog, "exec", answer)
    window.controller.edit_details()
    details = window.document.program.details
    assert details.client_name == "Ana Silva"
    assert details.equipment == {Equipment.MINI_BAND}
    assert "before the start" in window.week_view.headers[0].text()  # not dated: 23 Nov
    assert "23 Nov" not in window.week_view.headers[0].text()
    assert "25 Nov" in window.week_view.headers[2].text()  # the start date, a Wednesday
    assert window.catalog.client_only.isEnabled()
    assert "Spring marathon" in window.windowTitle()


def test_details_dialog_refuses_overlong_names(qtbot: QtBot, window: MainWindow) -> None:
    dialog = DetailsDialog(window.document.program.details, window)
    qtbot.addWidget(dialog)
    dialog.client.setText("x" * 121)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert "keep it to 120" in dialog.message.text()
    assert dialog.client.text() == "x" * 121  # nothing the coach typed is cut off


def test_left_and_right_move_between_days(qtbot: QtBot, window: MainWindow) -> None:
    tuesday = window.week_view.lists[1]
    tuesday.setFocus()
    qtbot.keyClick(tuesday, Qt.Key.Key_Right)
    assert window.week_view.selected_day == 2
    assert window.week_view.lists[2].hasFocus()
    qtbot.keyClick(window.week_view.lists[2], Qt.Key.Key_Left)
    assert window.week_view.selected_day == 1


def test_empty_days_are_rest_days_only_once_the_week_has_work(qtbot: QtBot) -> None:
    blank = MainWindow(EXERCISES)
    qtbot.addWidget(blank)
    assert "Nothing planned" in blank.week_view.headers[0].text()
    blank.controller.add_exercises(["glute-bridge"], 1)
    assert "Rest day" in blank.week_view.headers[0].text()
    assert "3 sets" in blank.week_view.headers[1].text()
