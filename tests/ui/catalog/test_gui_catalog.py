"""The catalog browser in the real widget: search, filters, count, clear, detail, keyboard."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.taxonomy import Direction, Equipment, Knee
from tests.factories import make_exercise
from ui.catalog.catalog_model import CatalogModel, ExerciseRole
from ui.catalog.catalog_panel import CatalogPanel

EXERCISES = [
    make_exercise("glute-bridge", Direction.EXTENSION, name="Glute bridge"),
    make_exercise(
        "clamshell",
        Direction.EXTERNAL_ROTATION,
        Direction.ABDUCTION,
        name="Clamshell",
        equipment=(Equipment.MINI_BAND,),
    ),
    make_exercise(
        "band-walk",
        Direction.ABDUCTION,
        Direction.EXTERNAL_ROTATION,
        name="Band lateral walk",
        equipment=(Equipment.MINI_BAND,),
    ),
    make_exercise("slr", Direction.FLEXION, name="Straight-leg raise", knee=Knee.STRAIGHT),
    make_exercise(
        "cable-add",
        Direction.ADDUCTION,
        name="Cable adduction",
        knee=Knee.STRAIGHT,
        equipment=(Equipment.CABLE,),
    ),
]


@pytest.fixture
def panel(qtbot: QtBot) -> CatalogPanel:
    widget = CatalogPanel(CatalogModel(EXERCISES))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def shown(panel: CatalogPanel) -> list[str]:
    model = panel.model
    return [model.index(r, 0).data(ExerciseRole).id for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester, panel: CatalogPanel) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(panel.model)
    panel.search.setText("band")
    qtmodeltester.check(panel.model)


def test_typing_searches_names_instructions_and_cues(qtbot: QtBot, panel: CatalogPanel) -> None:
    qtbot.keyClicks(panel.search, "walk")
    assert shown(panel) == ["band-walk"]
    assert panel.count.text() == "1 of 5 exercises"
    panel.search.clear()
    qtbot.keyClicks(panel.search, "SQUEEZE the")  # a cue of every factory exercise, any case
    assert len(shown(panel)) == 5


def test_direction_toggle_matches_primary_and_secondary(qtbot: QtBot, panel: CatalogPanel) -> None:
    qtbot.mouseClick(
        panel.direction_buttons[Direction.EXTERNAL_ROTATION], Qt.MouseButton.LeftButton
    )
    assert set(shown(panel)) == {"clamshell", "band-walk"}
    qtbot.mouseClick(panel.direction_buttons[Direction.FLEXION], Qt.MouseButton.LeftButton)
    assert set(shown(panel)) == {"clamshell", "band-walk", "slr"}


def test_knee_and_equipment_filters_combine(panel: CatalogPanel) -> None:
    panel.knee.setCurrentIndex(panel.knee.findData(Knee.STRAIGHT))
    assert set(shown(panel)) == {"slr", "cable-add"}
    panel.equipment.setCurrentIndex(panel.equipment.findData(Equipment.CABLE))
    assert shown(panel) == ["cable-add"]


def test_no_results_shows_hint_and_clear_restores_everything(
    qtbot: QtBot, panel: CatalogPanel
) -> None:
    qtbot.keyClicks(panel.search, "zzz")
    assert shown(panel) == []
    assert panel.empty_hint.isVisible()
    assert panel.count.text() == "0 of 5 exercises"
    assert panel.clear_button.isEnabled()
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert len(shown(panel)) == 5
    assert panel.search.text() == ""
    assert not panel.clear_button.isEnabled()
    assert panel.count.text() == "5 exercises"


def test_escape_in_search_clears_filters(qtbot: QtBot, panel: CatalogPanel) -> None:
    qtbot.keyClicks(panel.search, "clam")
    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert len(shown(panel)) == 5


def test_client_equipment_only(panel: CatalogPanel) -> None:
    assert not panel.client_only.isEnabled()
    panel.set_client_equipment(frozenset({Equipment.CABLE}))
    panel.client_only.setChecked(True)
    # cable work plus everything done with body weight
    assert set(shown(panel)) == {"cable-add", "glute-bridge", "slr"}


def test_selection_shows_detail_and_enter_asks_to_add(qtbot: QtBot, panel: CatalogPanel) -> None:
    qtbot.keyClicks(panel.search, "clam")
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.list.hasFocus()
    assert "Clamshell" in panel.detail.toPlainText()
    assert "Rotate out" in panel.detail.toPlainText()
    with qtbot.waitSignal(panel.add_requested) as signal:
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert signal.args == [["clamshell"], -1]


def test_detail_names_the_variants_and_says_how_the_exercise_counts(qtbot: QtBot) -> None:
    climber = replace(
        make_exercise("climber", Direction.FLEXION, name="Mountain climber"),
        hip_weight=0.5,
        harder="tuck",
        easier="gone-from-catalog",
    )
    tuck = replace(make_exercise("tuck", Direction.FLEXION, name="Ball <tuck>"), easier="climber")
    press = replace(make_exercise("press", name="Leg press"), closed_chain=True)
    widget = CatalogPanel(CatalogModel([climber, tuck, press]))
    qtbot.addWidget(widget)
    qtbot.keyClicks(widget.search, "climber")
    text = widget.detail.toPlainText()
    assert "Harder\nBall <tuck>" in text  # the variant's name, escaped
    assert "Easier\ngone-from-catalog" in text  # an id the catalog lacks stays readable
    assert "Counts\n0.5 of each set toward the hip" in text
    assert "Counted as Forward (hip flexion): the main action of the leg" in text
    assert "Weight-bearing\nNo" in text
    widget.search.clear()
    qtbot.keyClicks(widget.search, "leg press")
    text = widget.detail.toPlainText()
    assert "Weight-bearing\nYes" in text
    assert "Counts" not in text
    assert "Easier" not in text


def test_detail_escapes_markup_in_names(qtbot: QtBot) -> None:
    odd = make_exercise("odd", name="<b>Bold</b> & bridge")
    widget = CatalogPanel(CatalogModel([odd]))
    qtbot.addWidget(widget)
    assert "<b>Bold</b> & bridge" in widget.detail.toPlainText()


def _filter_widgets_show_no_filter(panel: CatalogPanel) -> bool:
    buttons = panel.direction_buttons.items()
    combos = (panel.knee, panel.position, panel.equipment, panel.level)
    checks = (panel.client_only, panel.own_only, panel.mine_only)
    return (
        all(not b.isChecked() and b.text() == d.label for d, b in buttons)
        and all(c.currentIndex() == 0 for c in combos)
        and not any(c.isChecked() for c in checks)
        and panel.search.text() == ""
    )


@pytest.mark.parametrize("how", ["button", "escape"])
def test_clear_filters_resets_what_every_filter_widget_shows(
    qtbot: QtBot, panel: CatalogPanel, how: str
) -> None:
    rotate_in = panel.direction_buttons[Direction.INTERNAL_ROTATION]
    qtbot.mouseClick(rotate_in, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.direction_buttons[Direction.FLEXION], Qt.MouseButton.LeftButton)
    assert rotate_in.text() == f"✓ {Direction.INTERNAL_ROTATION.label}"
    panel.knee.setCurrentIndex(panel.knee.findData(Knee.STRAIGHT))
    qtbot.mouseClick(panel.own_only, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.search, "raise")
    if how == "button":
        qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert len(shown(panel)) == len(EXERCISES)
    assert _filter_widgets_show_no_filter(panel)
    assert panel.query().is_empty
