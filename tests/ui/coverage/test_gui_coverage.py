"""The coverage panel in the real main window: it follows every edit, explains, and fixes gaps."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QDialog, QSplitter, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from planner.balance.findings import Code, Severity
from planner.balance.settings import BalanceSettings
from planner.files.thresholds import (
    Thresholds,
    read_thresholds,
    thresholds_path,
    write_thresholds,
)
from planner.program import Program
from planner.taxonomy import Direction, Equipment, Knee, Position
from tests.factories import make_exercise
from tests.gui_helpers import day_ids, drag_and_drop, row_point
from tests.plans import EVERY_DIRECTION, FRIDAY, METZL, MONDAY, TUESDAY, build
from ui.app.main_window import MainWindow
from ui.common.document import Document
from ui.common.mime import EXERCISE_IDS, encode_ids
from ui.common.settings import app_settings
from ui.coverage.coverage_panel import PANEL_MIN_WIDTH
from ui.coverage.radar_chart import ORDER
from ui.dialogs.preferences_dialog import PreferencesDialog, load_balance_settings

FLEX, EXT, ABD, ADD, ER, IR = Direction
BAND, CABLE = Equipment.ELASTIC_BAND, Equipment.CABLE

ROTATE_IN = [
    make_exercise("prone-band-ir", IR, name="Prone band IR", equipment=(BAND,)),
    make_exercise("seated-band-ir", IR, name="Seated band IR", positions=(Position.SEATED,)),
    make_exercise("quadruped-ir", IR, name="Quadruped IR", positions=(Position.QUADRUPED,)),
    make_exercise("band-roll-in", IR, name="Band roll-in", knee=Knee.STRAIGHT, equipment=(BAND,)),
    make_exercise("cable-ir", IR, name="Cable IR", equipment=(CABLE,)),
]
CATALOG = [p.exercise() for p in (*METZL, *EVERY_DIRECTION)] + ROTATE_IN


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    w = MainWindow(CATALOG)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


def open_program(window: MainWindow, program: Program) -> Program:
    window.set_document(Document(program))
    return program


def codes(window: MainWindow) -> list[tuple[Code, tuple[Direction, ...]]]:
    model = window.coverage.this_week.findings_model
    return [(model.finding(r).code, model.finding(r).directions) for r in range(model.rowCount())]


def has(window: MainWindow, code: Code, direction: Direction) -> bool:
    """Whether the panel's finding of ``code`` names ``direction``."""
    return any(c is code and direction in directions for c, directions in codes(window))


def select_finding(window: MainWindow, code: Code, direction: Direction | None = None) -> None:
    page = window.coverage.this_week
    model = page.findings_model
    for row in range(model.rowCount()):
        found = model.finding(row)
        if found.code is code and (direction is None or direction in found.directions):
            page.findings.setCurrentIndex(model.index(row, 0))
            return
    raise AssertionError(f"no {code} finding for {direction}")


def test_panel_sits_right_of_the_calendar(window: MainWindow) -> None:
    splitter = window.splitter
    assert splitter.widget(2) is window.coverage
    _catalog, centre, panel = splitter.sizes()
    assert centre > panel >= PANEL_MIN_WIDTH
    assert window.coverage.minimumWidth() >= PANEL_MIN_WIDTH


def test_panel_follows_a_real_drop_into_the_calendar(window: MainWindow) -> None:
    open_program(window, build(METZL))
    panel = window.coverage
    assert panel.analysis is not None
    assert panel.analysis.sets[IR] == 0
    assert has(window, Code.DIRECTION_MISSING, IR)

    tuesday = window.week_view.lists[TUESDAY]
    dropped = drag_and_drop(
        tuesday, encode_ids(EXERCISE_IDS, ["seated-band-ir"]), row_point(tuesday, 0)
    )
    assert dropped == (True, True)
    assert day_ids(window.document.program, 0, TUESDAY) == ["seated-band-ir"]
    assert panel.analysis.sets[IR] == 3
    assert panel.this_week.chart.sets[IR] == 3
    assert not has(window, Code.DIRECTION_MISSING, IR)
    assert has(window, Code.DIRECTION_LOW_VOLUME, IR)

    window.undo_action.trigger()
    assert panel.analysis.sets[IR] == 0
    assert has(window, Code.DIRECTION_MISSING, IR)


def test_metzl_week_shows_the_missing_rotate_in_as_an_error(window: MainWindow) -> None:
    open_program(window, build(METZL))
    page = window.coverage.this_week
    model = page.findings_model
    first = model.index(0, 0)
    assert model.finding(0).code is Code.DIRECTION_MISSING
    assert model.finding(0).directions == (IR,)
    assert first.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Error: No Rotate in work")
    assert not first.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "1 error, 5 warnings" in page.summary.text()
    assert page.stack.currentWidget() is page.splitter


def test_balanced_week_shows_no_error_and_no_warning(window: MainWindow) -> None:
    open_program(window, build(EVERY_DIRECTION))
    page = window.coverage.this_week
    model = page.findings_model
    severities = {model.finding(r).severity for r in range(model.rowCount())}
    assert severities <= {Severity.INFO}
    assert "no errors or warnings" in page.summary.text()
    assert page.all_clear.isVisibleTo(page)


def test_empty_week_shows_a_friendly_empty_state(window: MainWindow) -> None:
    page = window.coverage.this_week
    assert page.stack.currentWidget() is page.empty
    assert "Nothing to check yet" in page.empty.text()
    assert "no exercises yet" in page.summary.text()


def test_selecting_a_finding_shows_its_reason_and_source(window: MainWindow) -> None:
    open_program(window, build(METZL))
    page = window.coverage.this_week
    select_finding(window, Code.EXTENSION_FLEXION_RATIO)
    assert "Van Cant 2014" in page.detail.text()


def test_pointing_at_a_direction_lists_the_entries_feeding_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_program(window, build(METZL))
    page = window.coverage.this_week
    chart = page.chart
    QApplication.processEvents()  # let the chart settle its height for the panel's width
    centre, radius = chart._geometry()
    i = ORDER.index(ER)
    point = chart._point(centre, radius, i, chart._top() / 2).toPoint()
    qtbot.mouseMove(chart, point)
    assert chart.highlight is ER
    text = page.feeding.text()
    assert "Rotate out: 3 weighted sets, under target" in text
    assert "Mon · Band lateral walk · 3 × 20 steps each way (counts half)" in text
    assert "Thu · Band lateral walk" in chart.describe(ER)
    assert "No exercise trains it" in chart.describe(IR)
    assert chart.direction_at(centre + QPoint(0, 2).toPointF()) is None


def test_the_listed_entries_follow_a_card_moved_after_pointing(
    qtbot: QtBot, window: MainWindow
) -> None:
    program = open_program(window, build(METZL))
    page = window.coverage.this_week
    chart = page.chart
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Right)  # the first direction, then back to rotate out
    while chart.highlight is not ER:
        qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert "Mon · Band lateral walk" in page.feeding.text()
    chart.clearFocus()  # the pointer and the keyboard have left the chart
    walk = next(e for e in program.day(0, MONDAY).entries if "lateral-walk" in e.exercise_id)
    window.controller.drop_entries([walk.id], FRIDAY, 0, False)
    assert "Fri · Band lateral walk" in page.feeding.text()
    assert "Mon · Band lateral walk" not in page.feeding.text()


def test_chart_keys_step_through_the_directions(qtbot: QtBot, window: MainWindow) -> None:
    open_program(window, build(METZL))
    chart = window.coverage.this_week.chart
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert chart.highlight is ORDER[0]
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert chart.highlight is ORDER[-1]
    assert "Rotate in" in window.coverage.this_week.feeding.text()


def test_preferences_change_the_findings_and_are_remembered(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_program(window, build(METZL))
    assert has(window, Code.DIRECTION_LOW_VOLUME, ER)

    def answer(dialog: PreferencesDialog) -> int:
        dialog.form.spins["min_weighted_sets"].setValue(2)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", answer)
    action = next(a for a in window.edit_menu.actions() if "Prefere" in a.text())
    action.trigger()
    assert window.coverage.settings.min_weighted_sets == 2
    assert not has(window, Code.DIRECTION_LOW_VOLUME, ER)
    again = PreferencesDialog(load_balance_settings().settings)  # reads what was stored
    assert again.form.spins["min_weighted_sets"].value() == 2
    assert "min_weighted_sets = 2.0" in thresholds_path().read_text(encoding="utf-8")


def test_preferences_restore_defaults_and_refuse_impossible_limits(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(BalanceSettings(dominant_factor=3, straight_knee_share_low=0.3))
    qtbot.addWidget(dialog)
    form = dialog.form
    assert form.spins["straight_knee_share_low"].value() == 30  # shares read as percentages
    assert dialog.settings().straight_knee_share_low == pytest.approx(0.3)

    form.spins["rotation_low"].setValue(4)  # above the upper limit of 3
    assert not dialog.ok_button.isEnabled()
    message = form.messages["rotation_low"]
    assert message.isVisibleTo(dialog)
    assert "lower limit" in message.text()
    form.spins["rotation_high"].setValue(5)
    assert dialog.ok_button.isEnabled()
    assert not message.isVisibleTo(dialog)

    restore = next(b for b in dialog.buttons.buttons() if "Default" in b.text().replace("&", ""))
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert dialog.settings() == BalanceSettings()


def test_thresholds_an_older_version_remembered_move_to_balance_toml_once() -> None:
    old = BalanceSettings(min_weighted_sets=6, maintenance=True)
    app_settings().setValue("balance/settings", json.dumps(old.to_dict()))
    assert load_balance_settings().settings == old
    assert read_thresholds().settings == old
    assert app_settings().value("balance/settings") is None
    write_thresholds(BalanceSettings())  # later changes are not undone by the old value
    assert load_balance_settings().settings == BalanceSettings()


def test_damaged_remembered_thresholds_move_as_the_defaults() -> None:
    app_settings().setValue("balance/settings", "{not json")
    assert load_balance_settings() == Thresholds(BalanceSettings())
    assert thresholds_path().exists()


def test_whole_program_table_follows_weeks_and_shows_a_clicked_week(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_program(window, build(METZL))
    panel = window.coverage
    panel.tabs.setCurrentIndex(1)
    model = panel.table_model
    assert model.rowCount() == 1
    assert model.index(0, list(Direction).index(EXT)).data() == "23"
    assert model.index(0, 6).data() == "1/5"

    qtbot.mouseClick(window.week_bar.add, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 2
    assert window.controller.week == 1
    assert model.index(1, 6).data() == "0/0"
    window.controller.add_exercises(["seated-band-ir"], MONDAY)
    assert model.index(1, list(Direction).index(IR)).data() == "3"

    table = panel.table
    cell = table.visualRect(model.index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert window.controller.week == 0
    assert window.week_bar.combo.currentText() == "Week 1 of 2"
    assert "Week 1" in panel.this_week.summary.text()


def test_models_pass_the_model_tester(qtmodeltester: object, window: MainWindow) -> None:
    open_program(window, build(METZL))
    window.controller.add_week()
    window.coverage.tabs.setCurrentIndex(1)
    qtmodeltester.check(window.coverage.this_week.findings_model)  # type: ignore[attr-defined]
    qtmodeltester.check(window.coverage.table_model)  # type: ignore[attr-defined]


def test_new_program_rebinds_the_panel(window: MainWindow) -> None:
    open_program(window, build(METZL))
    window.file.new_action.trigger()
    page = window.coverage.this_week
    assert page.stack.currentWidget() is page.empty
    window.controller.add_exercises(["seated-band-ir"], MONDAY)
    assert window.coverage.analysis is not None
    assert window.coverage.analysis.sets[IR] == 3


def test_view_menu_toggles_the_panel_and_remembers_it(qtbot: QtBot, window: MainWindow) -> None:
    toggle = window.coverage_toggle
    assert toggle.shortcut().toString() == "Ctrl+3"
    toggle.trigger()
    assert not window.coverage.isVisible()
    window.close()
    again = MainWindow(CATALOG)
    qtbot.addWidget(again)
    again.show()
    assert not again.coverage_toggle.isChecked()
    assert not again.coverage.isVisible()


def test_panel_fits_the_smallest_window(qtbot: QtBot, window: MainWindow) -> None:
    open_program(window, build(METZL))
    window.resize(900, 560)
    qtbot.wait(10)
    assert window.coverage.width() >= 240
    assert not window.grab().isNull()


def test_chart_tooltip_names_the_feeding_entries(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, _widget: shown.append(text))
    open_program(window, build(METZL))
    chart = window.coverage.this_week.chart
    centre, radius = chart._geometry()
    point = chart._point(centre, radius, ORDER.index(EXT), chart._top() / 2).toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, point, chart.mapToGlobal(point))
    QApplication.sendEvent(chart, event)
    assert shown[0].startswith("Backward: 23 weighted sets, over target")
    assert "Mon · Jump squat · 4 × 15" in shown[0]


def test_a_layout_saved_before_the_panel_existed_still_shows_it(qtbot: QtBot) -> None:
    old = QSplitter()
    qtbot.addWidget(old)
    old.addWidget(QWidget())
    old.addWidget(QWidget())
    old.resize(1280, 700)
    old.setSizes([310, 970])
    app_settings().setValue("window/mainSplitter", old.saveState())
    window = MainWindow(CATALOG)
    qtbot.addWidget(window)
    window.restore_layout(QRect(0, 0, 1366, 740))  # a laptop: the offscreen screen is 800 wide
    window.show()
    assert window.splitter.sizes()[2] >= 240


def test_the_three_findings_that_matter_most_show_and_the_rest_fold_under_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_program(window, build(METZL))
    page = window.coverage.this_week
    rows = page.findings_model.rowCount()
    shown = [r for r in range(rows) if not page.findings.isRowHidden(r)]
    assert shown == [0, 1, 2]
    assert page.findings_model.finding(0).severity is Severity.ERROR
    assert page.more.isVisibleTo(page)
    assert page.more.text() == f"Show {rows - 3} more"

    page.more.setFocus()
    qtbot.keyClick(page.more, Qt.Key.Key_Space)  # reachable from the keyboard
    assert not any(page.findings.isRowHidden(r) for r in range(rows))
    assert page.more.text() == "Show only the first 3"
    qtbot.keyClick(page.more, Qt.Key.Key_Space)
    assert page.findings.isRowHidden(rows - 1)


def test_a_finding_tells_its_directions_and_reason_on_demand(window: MainWindow) -> None:
    open_program(window, build(METZL))
    page = window.coverage.this_week
    model = page.findings_model
    row = next(r for r in range(model.rowCount()) if model.finding(r).code is Code.KNEE_MISSING)
    tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Warning (knee-missing): Forward, Away, Toward, Rotate out\n")
    assert "Why it matters: The program's premise" in tip
    page.findings.setCurrentIndex(model.index(row, 0))  # a folded finding opens the fold
    assert "Lindsay 1992" in page.detail.text()
