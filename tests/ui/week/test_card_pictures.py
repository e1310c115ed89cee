"""The cards' pictures (kept so that a drop does not paint every card of its day again): a card
whose dose, mark, name, selection, focus or palette changed is painted anew, never shown from
an old picture; an unchanged card is not painted again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.dose import Dose
from planner.log_summary import default_session
from planner.program import ClientDetails, Program
from planner.taxonomy import Direction
from tests.factories import make_exercise
from ui.common import clock
from ui.common.workspace import FixedWeek
from ui.week.day_model import DayModel
from ui.week.entry_delegate import CARD_PICTURES, CardPictures
from ui.week.week_view import DayList

EXERCISES = [
    make_exercise("bridge", Direction.EXTENSION, name="Glute bridge", sets=3),
    make_exercise("clam", Direction.EXTERNAL_ROTATION, name="Clamshell", sets=2),
]
START = date(2026, 11, 2)  # a Monday
TODAY = date(2026, 11, 4)  # Monday has passed: its cards are marked missed until logged


@pytest.fixture
def view(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[DayList]:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    program = Program()
    program.set_details(ClientDetails(start_date=START))
    for exercise in EXERCISES:
        program.add_entry(0, 0, exercise)
    day = DayList(DayModel(FixedWeek(program), 0))
    qtbot.addWidget(day)
    day.resize(220, 300)
    day.show()
    qtbot.waitExposed(day)
    CARD_PICTURES.clear()
    yield day
    CARD_PICTURES.clear()


def pixels(view: DayList) -> QImage:
    QApplication.processEvents()
    return view.viewport().grab().toImage()


def painted_from_scratch(view: DayList) -> QImage:
    CARD_PICTURES.clear()
    return pixels(view)


def program_of(view: DayList) -> Program:
    return view.day_model.program


def new_dose(view: DayList) -> None:
    entry = program_of(view).day(0, 0).entries[0]
    program_of(view).set_dose(entry.id, replace(entry.dose, sets=entry.dose.sets + 2))
    view.day_model.refresh()


def same_text_new_load(view: DayList) -> None:
    entry = program_of(view).day(0, 0).entries[1]
    program_of(view).set_dose(entry.id, replace(entry.dose, load="red band"))
    view.day_model.refresh()


def logged(view: DayList) -> None:
    program = program_of(view)
    program.add_session(default_session(program, 0, 0, TODAY))
    view.day_model.refresh()


def renamed(view: DayList) -> None:
    program_of(view).embed(replace(EXERCISES[1], name="Side-lying clamshell"))
    view.day_model.refresh()


def selected(view: DayList) -> None:
    view.selectionModel().select(
        view.day_model.index(1, 0), QItemSelectionModel.SelectionFlag.Select
    )


def focused(view: DayList) -> None:
    """The keyboard's ring moves to the second card."""
    view.selectionModel().setCurrentIndex(
        view.day_model.index(1, 0), QItemSelectionModel.SelectionFlag.NoUpdate
    )


def dark_palette(view: DayList) -> None:
    palette = QPalette(view.palette())
    palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.black)
    palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.white)
    view.setPalette(palette)


def narrower(view: DayList) -> None:
    view.resize(160, 300)


@pytest.mark.parametrize(
    "change",
    [new_dose, same_text_new_load, logged, renamed, selected, focused, dark_palette, narrower],
)
def test_a_changed_card_is_painted_anew(
    qtbot: QtBot, view: DayList, change: Callable[[DayList], None]
) -> None:
    view.activateWindow()
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(view.day_model.index(0, 0))
    before = pixels(view)
    change(view)
    after = pixels(view)
    assert after != before, "the change should show"
    assert after == painted_from_scratch(view)


def test_an_unchanged_card_is_not_painted_again(view: DayList) -> None:
    pixels(view)
    kept = len(CARD_PICTURES)
    assert kept == 2
    view.viewport().update()
    pixels(view)
    assert len(CARD_PICTURES) == kept
    program = program_of(view)
    program.add_entry(0, 0, EXERCISES[0])  # a third card; the two others as they were
    view.day_model.refresh()
    pixels(view)
    assert len(CARD_PICTURES) == 3


def test_the_pictures_keep_to_their_size_dropping_the_least_recently_used() -> None:
    pictures = CardPictures(limit=3 * 10 * 10 * 4)
    for name in "abc":
        pictures.put((name,), QPixmap(10, 10))
    assert pictures.get(("a",)) is not None  # now the most recently used
    pictures.put(("d",), QPixmap(10, 10))
    assert pictures.get(("b",)) is None
    assert all(pictures.get((n,)) is not None for n in "acd")
    assert pictures.bytes == 3 * 10 * 10 * 4
    pictures.put(("huge",), QPixmap(100, 100))  # larger than the limit: kept alone
    assert len(pictures) == 1
    unused = Dose(sets=1, amount=1)
    assert pictures.get((unused,)) is None
