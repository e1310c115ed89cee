"""The week calendar in the real main window: drag and drop, keys, clipboard, weeks, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from planner.program import MAX_ENTRIES_PER_DAY
from planner.taxonomy import Direction
from tests.factories import make_exercise
from tests.gui_helpers import day_ids, drag_and_drop, row_point
from ui.app.main_window import MainWindow
from ui.common.mime import ENTRY_IDS, EXERCISE_IDS, encode_ids
from ui.dialogs.dose_editor import DoseEditor
from ui.week.week_view import COPY_MODIFIER

EXERCISES = [
    make_exercise("glute-bridge", Direction.EXTENSION, name="Glute bridge"),
    make_exercise("clamshell", Direction.EXTERNAL_ROTATION, name="Clamshell"),
    make_exercise("side-lying-abduction", Direction.ABDUCTION, name="Side-lying hip abduction"),
]


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    w = MainWindow(EXERCISES)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


def undo_text(window: MainWindow) -> str:
    return window.undo_action.text().replace("&", "")


def fill_monday(window: MainWindow) -> None:
    window.controller.add_exercises(["glute-bridge", "clamshell", "side-lying-abduction"], 0)


def test_drop_from_catalog_adds_with_default_dose(window: MainWindow) -> None:
    tuesday = window.week_view.lists[1]
    entered, dropped = drag_and_drop(
        tuesday, encode_ids(EXERCISE_IDS, ["clamshell"]), row_point(tuesday, 0)
    )
    assert entered
    assert dropped
    program = window.document.program
    assert day_ids(program, 0, 1) == ["clamshell"]
    assert program.day(0, 1).entries[0].dose == EXERCISES[1].dose
    assert undo_text(window) == "Undo Add Clamshell to Tuesday"
    assert window.isWindowModified()


@pytest.mark.parametrize("width", [1280, 1900], ids=["days as rows", "days as columns"])
def test_drop_between_two_cards_lands_there(window: MainWindow, width: int) -> None:
    window.resize(width, 800)
    window.splitter.setSizes([250, width - 520, 270])
    QApplication.processEvents()
    assert window.week_view.rows == (width < 1500)
    window.controller.add_exercises(["glute-bridge", "side-lying-abduction"], 0)
    monday = window.week_view.lists[0]
    drag_and_drop(monday, encode_ids(EXERCISE_IDS, ["clamshell"]), row_point(monday, 1, "top"))
    assert day_ids(window.document.program, 0, 0) == [
        "glute-bridge",
        "clamshell",
        "side-lying-abduction",
    ]


def test_catalog_drag_carries_the_selected_ids(window: MainWindow) -> None:
    model = window.catalog_model
    data = model.mimeData([model.index(model.row_of("clamshell"), 0)])
    wednesday = window.week_view.lists[2]
    drag_and_drop(wednesday, data, row_point(wednesday, 0))
    assert day_ids(window.document.program, 0, 2) == ["clamshell"]


def test_move_card_to_another_day_and_undo(window: MainWindow) -> None:
    fill_monday(window)
    program = window.document.program
    before = program.snapshot()
    clam = program.day(0, 0).entries[1]
    thursday = window.week_view.lists[3]
    drag_and_drop(thursday, encode_ids(ENTRY_IDS, [clam.id]), row_point(thursday, 0))
    assert day_ids(program, 0, 0) == ["glute-bridge", "side-lying-abduction"]
    assert day_ids(program, 0, 3) == ["clamshell"]
    assert program.day(0, 3).entries[0].id == clam.id
    assert undo_text(window) == "Undo Move Clamshell to Thursday"
    window.undo_action.trigger()
    assert program == before


def test_copy_modifier_copies_the_card(window: MainWindow) -> None:
    fill_monday(window)
    program = window.document.program
    bridge = program.day(0, 0).entries[0]
    friday = window.week_view.lists[4]
    drag_and_drop(friday, encode_ids(ENTRY_IDS, [bridge.id]), row_point(friday, 0), COPY_MODIFIER)
    assert day_ids(program, 0, 0) == ["glute-bridge", "clamshell", "side-lying-abduction"]
    assert day_ids(program, 0, 4) == ["glute-bridge"]
    assert program.day(0, 4).entries[0].id != bridge.id


def test_reorder_within_a_day_and_several_cards_together(window: MainWindow) -> None:
    fill_monday(window)
    program = window.document.program
    monday = window.week_view.lists[0]
    ids = [e.id for e in program.day(0, 0).entries]
    drag_and_drop(monday, encode_ids(ENTRY_IDS, [ids[0]]), row_point(monday, 3))
    assert day_ids(program, 0, 0) == ["clamshell", "side-lying-abduction", "glute-bridge"]
    sunday = window.week_view.lists[6]
    drag_and_drop(sunday, encode_ids(ENTRY_IDS, [ids[1], ids[0]]), row_point(sunday, 0))
    assert day_ids(program, 0, 6) == ["clamshell", "glute-bridge"]


def test_dropping_a_card_onto_its_own_place_adds_no_undo_step(window: MainWindow) -> None:
    fill_monday(window)
    monday = window.week_view.lists[0]
    first = window.document.program.day(0, 0).entries[0].id
    steps = window.document.undo_stack.count()
    drag_and_drop(monday, encode_ids(ENTRY_IDS, [first]), row_point(monday, 0))
    assert window.document.undo_stack.count() == steps


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(lambda: _text("glute-bridge"), id="plain text"),
        pytest.param(lambda: _raw(EXERCISE_IDS, b"not json"), id="garbled vendor data"),
        pytest.param(lambda: _raw("application/x-other", b'["glute-bridge"]'), id="foreign type"),
    ],
)
def test_foreign_or_garbled_drops_are_refused(window: MainWindow, data) -> None:  # type: ignore[no-untyped-def]
    monday = window.week_view.lists[0]
    entered, dropped = drag_and_drop(monday, data(), row_point(monday, 0))
    assert not entered
    assert not dropped
    assert day_ids(window.document.program, 0, 0) == []
    assert window.document.undo_stack.count() == 0


def _text(text: str) -> QMimeData:
    data = QMimeData()
    data.setText(text)
    return data


def _raw(mime: str, payload: bytes) -> QMimeData:
    data = QMimeData()
    data.setData(mime, payload)
    return data


def test_enter_in_catalog_adds_to_the_selected_day(qtbot: QtBot, window: MainWindow) -> None:
    window.week_view.select_day(2)
    catalog = window.catalog.list
    catalog.setFocus()
    # Select exactly this row: a Ctrl left held by an earlier test's shortcut would otherwise
    # make setCurrentIndex add to the selection.
    catalog.selectionModel().setCurrentIndex(
        window.catalog_model.index(window.catalog_model.row_of("clamshell"), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )
    qtbot.keyClick(catalog, Qt.Key.Key_Return)
    assert day_ids(window.document.program, 0, 2) == ["clamshell"]


def test_delete_key_and_alt_arrows(qtbot: QtBot, window: MainWindow) -> None:
    fill_monday(window)
    monday = window.week_view.lists[0]
    monday.setFocus()
    monday.setCurrentIndex(monday.model().index(0, 0))
    qtbot.keyClick(monday, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert day_ids(window.document.program, 0, 0) == [
        "clamshell",
        "glute-bridge",
        "side-lying-abduction",
    ]
    assert undo_text(window) == "Undo Move Glute bridge down"
    qtbot.keyClick(monday, Qt.Key.Key_Delete)
    assert day_ids(window.document.program, 0, 0) == ["clamshell", "side-lying-abduction"]
    assert undo_text(window) == "Undo Delete Glute bridge"


def test_cut_and_paste_moves_cards_between_days(qtbot: QtBot, window: MainWindow) -> None:
    fill_monday(window)
    monday = window.week_view.lists[0]
    monday.setFocus()
    monday.setCurrentIndex(monday.model().index(1, 0))
    qtbot.keyClick(monday, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert day_ids(window.document.program, 0, 0) == ["glute-bridge", "side-lying-abduction"]
    tuesday = window.week_view.lists[1]
    tuesday.setFocus()
    qtbot.keyClick(tuesday, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert day_ids(window.document.program, 0, 1) == ["clamshell"]
    assert undo_text(window) == "Undo Paste Clamshell to Tuesday"


def test_f2_opens_dose_editor_and_change_is_undoable(
    qtbot: QtBot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    fill_monday(window)
    monday = window.week_view.lists[0]
    monday.setFocus()
    monday.setCurrentIndex(monday.model().index(0, 0))

    def answer(dialog: DoseEditor) -> int:
        dialog.fields.sets.setValue(25)
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        assert "between 1 and 20" in dialog.fields.messages["sets"].text()
        dialog.fields.sets.setValue(5)
        dialog.fields.amount.setValue(8)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DoseEditor, "exec", answer)
    qtbot.keyClick(monday, Qt.Key.Key_F2)
    entry = window.document.program.day(0, 0).entries[0]
    assert (entry.dose.sets, entry.dose.amount) == (5, 8)
    window.undo_action.trigger()
    assert window.document.program.day(0, 0).entries[0].dose == EXERCISES[0].dose


def test_modified_mark_follows_the_undo_stack(window: MainWindow) -> None:
    assert not window.isWindowModified()
    fill_monday(window)
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert not window.isWindowModified()


def test_copied_cards_stay_as_text_after_quitting(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.week.planner_controller import CLIPBOARD_TYPE, release_clipboard

    fill_monday(window)
    monday = window.week_view.lists[0]
    monday.setCurrentIndex(monday.model().index(0, 0))
    window.controller.copy_selected()
    release_clipboard()
    data = QApplication.clipboard().mimeData()
    assert not data.hasFormat(CLIPBOARD_TYPE)
    assert QApplication.clipboard().text() == "Glute bridge: 3 × 12"


def test_a_full_day_takes_no_more_cards_and_says_why(window: MainWindow) -> None:
    program = window.document.program
    window.controller.add_exercises(["glute-bridge"] * MAX_ENTRIES_PER_DAY, 2)
    window.controller.add_exercises(["clamshell"], 0)
    full = window.week_view.lists[2]
    said: list[str] = []
    window.controller.status.connect(said.append)
    window.controller.add_exercises(["clamshell"], 2)  # Enter or a catalog drop
    clam = program.day(0, 0).entries[0]
    drag_and_drop(full, encode_ids(ENTRY_IDS, [clam.id]), row_point(full, 0))  # a move
    drag_and_drop(full, encode_ids(ENTRY_IDS, [clam.id]), row_point(full, 0), COPY_MODIFIER)
    assert len(program.day(0, 2).entries) == MAX_ENTRIES_PER_DAY
    assert day_ids(program, 0, 0) == ["clamshell"]
    assert len(said) == 3
    assert said[0] == (
        "Not added: Wednesday has 50 exercises, and a day holds at most 50. "
        "Spread them over other days."
    )
    inside = program.day(0, 2).entries[0]
    drag_and_drop(full, encode_ids(ENTRY_IDS, [inside.id]), row_point(full, 5))  # reordering
    assert len(said) == 3
    assert program.day(0, 2).entries.index(inside) > 0


def _highlight_pixels(window: MainWindow, row: int) -> int:
    monday = window.week_view.lists[0]
    rect = monday.visualRect(monday.model().index(row, 0))
    image = monday.viewport().grab(rect).toImage()
    ink = monday.palette().color(QPalette.ColorRole.Highlight).rgb()
    return sum(
        image.pixel(x, y) == ink for x in range(image.width()) for y in range(image.height())
    )


def test_the_card_with_keyboard_focus_has_a_strong_ring(qtbot: QtBot, window: MainWindow) -> None:
    fill_monday(window)
    monday = window.week_view.lists[0]
    monday.setFocus()
    qtbot.keyClick(monday, Qt.Key.Key_Down)
    current = monday.currentIndex().row()
    rect = monday.visualRect(monday.currentIndex())
    focused = _highlight_pixels(window, current)
    window.week_view.lists[1].setFocus()  # the same card, selected, without the focus
    qtbot.waitUntil(lambda: not monday.hasFocus())
    unfocused = _highlight_pixels(window, current)
    # a ring 2 px wide inside the card's border: about twice its perimeter in the highlight
    assert focused - unfocused >= 2 * (rect.width() + rect.height())


def test_in_rows_the_arrow_keys_still_go_card_by_card_and_day_by_day(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A day as a row keeps the keys of a column: ↓ ↑ the next and previous card, → ← the next
    and previous day, Alt+↓ moves the card later."""
    window.resize(1100, 700)
    QApplication.processEvents()
    assert window.week_view.rows
    fill_monday(window)
    window.week_view.focus_day(0)
    monday = window.week_view.lists[0]
    assert monday.currentIndex().row() == 0
    qtbot.keyClick(monday, Qt.Key.Key_Down)
    assert monday.currentIndex().row() == 1
    qtbot.keyClick(monday, Qt.Key.Key_Up)
    assert monday.currentIndex().row() == 0
    qtbot.keyClick(monday, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert day_ids(window.document.program, 0, 0)[:2] == ["clamshell", "glute-bridge"]
    qtbot.keyClick(monday, Qt.Key.Key_Right)
    assert window.week_view.selected_day == 1
