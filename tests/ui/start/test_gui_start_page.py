"""The start page in the real window, as the program starts: clicks and keys on its cards."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.files.program_file import read_program, save_program
from planner.templates import list_templates, program_from_template
from ui.app.application import open_windows
from ui.app.main_window import MainWindow
from ui.common import settings as remembered
from ui.start.start_page import HEXAGON_SIDE, NO_RECENT, RecentCard, StartPage, TemplateCard


def start(qtbot: QtBot) -> MainWindow:
    """Start the program as ``main.py`` does, with nothing to open."""
    windows = open_windows([])
    for window in windows:
        qtbot.addWidget(window)
    window = windows[0]
    assert window.start_page is not None
    window.start_page.finish_filling()  # what the next turns of the event loop would do
    return window


def page_of(window: MainWindow) -> StartPage:
    assert window.start_page is not None
    return window.start_page


def client_program(path: Path, client: str) -> Path:
    program = program_from_template(list_templates()[1])
    program.set_details(dataclasses.replace(program.details, client_name=client))
    save_program(program, path)
    return path


def test_the_program_starts_on_the_start_page_with_every_template(qtbot: QtBot) -> None:
    window = start(qtbot)
    page = page_of(window)
    assert window.pages.currentWidget() is page
    assert window.windowTitle() == "Hip Planner"
    titles = [card.title.text() for card in page.template_cards]
    assert titles == [t.title for t in list_templates() if t.path.name != "blank.hipplan"]
    metzl = page.template_cards[0]
    assert metzl.glance.text() == "Week 1: 12 exercises on 2 days"
    assert metzl.hexagon is not None
    assert metzl.hexagon.filled
    assert metzl.hexagon.width() == HEXAGON_SIDE
    assert "Jump squat" in metzl.strip.toolTip()
    assert page.no_recent.isVisible()
    assert page.no_recent.text() == NO_RECENT
    assert window.planner_built  # built behind the start page right after its first paint


def test_clicking_a_template_opens_it_as_file_new_from_template_does(qtbot: QtBot) -> None:
    window = start(qtbot)
    card = page_of(window).template_cards[0]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.splitter
    assert window.document.program == program_from_template(list_templates()[1])
    assert window.document.path is None
    assert not window.document.modified
    assert "Metzl's knee plan" in window.statusBar().currentMessage()
    assert window.week_view.models[0].rowCount() == 6
    assert "Metzl" in window.windowTitle()


def test_every_card_is_reached_with_tab_and_opened_with_enter(qtbot: QtBot, tmp_path: Path) -> None:
    path = client_program(tmp_path / "ana.hipplan", "Ana")
    remembered.set_recent_names([str(path)])
    window = start(qtbot)
    window.activateWindow()
    page = page_of(window)
    page.blank_card.setFocus()
    reached: list[QWidget] = [page.blank_card]
    for _ in range(1 + len(page.recent_cards) + len(page.template_cards)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached[: 2 + 1 + 3] == [
        page.blank_card,
        page.open_card,
        *page.recent_cards,
        *page.template_cards,
    ]
    last = page.template_cards[-1]
    last.setFocus()
    qtbot.keyClick(last, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.splitter
    assert window.document.program == program_from_template(list_templates()[3])


def test_a_recent_program_shows_its_client_and_opens_on_click(qtbot: QtBot, tmp_path: Path) -> None:
    path = client_program(tmp_path / "ana.hipplan", "Ana Berg")
    remembered.set_recent_names([str(path)])
    window = start(qtbot)
    [card] = page_of(window).recent_cards
    assert isinstance(card, RecentCard)
    assert not card.missing
    assert card.name.text() == "ana.hipplan"
    assert card.about.text().startswith("Ana Berg · saved ")
    assert not page_of(window).no_recent.isVisible()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.splitter
    assert window.document.path == path
    assert window.document.program == read_program(path)


@pytest.mark.parametrize("remove", [True, False])
def test_a_missing_recent_program_is_explained_and_can_be_taken_off_the_list(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, remove: bool
) -> None:
    kept = client_program(tmp_path / "kept.hipplan", "Kim")
    gone = tmp_path / "moved" / "ben.hipplan"
    remembered.set_recent_names([str(gone), str(kept)])
    window = start(qtbot)
    page = page_of(window)
    card = page.recent_cards[0]
    assert card.missing
    assert "Missing" in card.about.text()
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(f"{box.text()} {box.informativeText()}")
        wanted = "Remove from the list" if remove else "Keep it listed"
        next(b for b in box.buttons() if b.text() == wanted).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert "“ben.hipplan” is no longer in" in asked[0]
    assert "moved" in asked[0]
    assert "not touched" in asked[0]
    assert window.pages.currentWidget() is page  # nothing opened, nothing else changed
    if remove:
        assert remembered.recent_names() == [str(kept)]
        assert [c.path for c in page.recent_cards] == [kept]
    else:
        assert remembered.recent_names() == [str(gone), str(kept)]
        assert [c.path for c in page.recent_cards] == [gone, kept]


def test_closing_the_program_goes_back_to_the_start_page(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = start(qtbot)
    qtbot.mouseClick(page_of(window).blank_card, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.splitter
    window.controller.add_exercises(["glute-bridge"], 0)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Discard)
    window.file.close_action.trigger()
    assert window.pages.currentWidget() is window.start_page
    assert window.windowTitle() == "Hip Planner"
    assert window.document.program.weeks[0].is_empty


def test_a_program_named_at_start_opens_in_the_planner_without_the_start_page(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = client_program(tmp_path / "ana.hipplan", "Ana")
    windows = open_windows([path])
    for window in windows:
        qtbot.addWidget(window)
    assert windows[0].start_page is None
    assert windows[0].pages.currentWidget() is windows[0].splitter
    assert windows[0].document.path == path


def test_template_cards_keep_the_choice_they_open(qtbot: QtBot) -> None:
    window = start(qtbot)
    for card in page_of(window).template_cards:
        assert isinstance(card, TemplateCard)
        assert card.accessibleName().startswith("New program from the template ")


def test_the_hexagon_slot_is_as_large_as_the_hexagon() -> None:
    from ui.start.hexagon import SmallHexagon

    assert SmallHexagon.SIDE == HEXAGON_SIDE
