"""The exercise form: inline validation, two secondaries at most, failed saves keep the text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from planner.exercise import Exercise
from planner.taxonomy import Direction, Equipment, Knee, Position
from tests.factories import make_exercise
from ui.catalog.exercise_form import ExerciseForm


def fill(form: ExerciseForm, qtbot: QtBot) -> None:
    qtbot.keyClicks(form.name, "Banded hip airplane")
    form.primary.setCurrentIndex(form.primary.findData(Direction.INTERNAL_ROTATION.value))
    form.secondary[Direction.EXTERNAL_ROTATION].setChecked(True)
    form.straight.setChecked(True)
    form.positions[Position.STANDING].setChecked(True)
    form.equipment[Equipment.MINI_BAND].setChecked(True)
    form.instructions.setPlainText("Stand on one leg. Turn your pelvis over the hip. Come back.")
    form.cues.setPlainText("Keep the knee over the toes.\nMove slowly.")


def save_button(form: ExerciseForm) -> QDialogButtonBox:
    return form.buttons.button(QDialogButtonBox.StandardButton.Save)


def messages_shown(form: ExerciseForm) -> set[str]:
    return {name for name, label in form.messages.items() if label.text()}


def test_new_form_says_nothing_until_touched_and_explains_what_is_missing_on_save(
    qtbot: QtBot,
) -> None:
    saved: list[Exercise] = []
    form = ExerciseForm(None, save=lambda ex: saved.append(ex) or ex)
    qtbot.addWidget(form)
    form.show()
    assert messages_shown(form) == set()
    qtbot.mouseClick(save_button(form), Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert saved == []
    assert "Give the exercise a name" in form.messages["name"].text()
    assert "Choose the main direction" in form.messages["directions"].text()
    fill(form, qtbot)
    assert messages_shown(form) == set()
    qtbot.mouseClick(save_button(form), Qt.MouseButton.LeftButton)
    assert len(saved) == 1
    assert not form.isVisible()


def test_typing_shows_only_the_typed_fields_message_and_the_form_does_not_move(
    qtbot: QtBot,
) -> None:
    form = ExerciseForm(None, save=lambda ex: ex)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    before = {w: w.geometry() for w in (form.primary, form.level, form.instructions, form.cues)}
    form.name.setFocus()
    qtbot.keyClicks(form.name, "B")
    assert messages_shown(form) == set()
    qtbot.keyClick(form.name, Qt.Key.Key_Backspace)
    assert messages_shown(form) == {"name"}
    qtbot.keyClick(form.name, Qt.Key.Key_Tab)  # leaving a field untouched says nothing about it
    assert messages_shown(form) == {"name"}
    assert {w: w.geometry() for w in before} == before


def test_saving_builds_an_own_exercise(qtbot: QtBot) -> None:
    saved: list[Exercise] = []
    form = ExerciseForm(None, save=lambda ex: saved.append(ex) or ex)
    qtbot.addWidget(form)
    fill(form, qtbot)
    form.dose.sets.setValue(2)
    form.accept()
    (ex,) = saved
    assert ex.id == "own-banded-hip-airplane"
    assert ex.directions == (Direction.INTERNAL_ROTATION, Direction.EXTERNAL_ROTATION)
    assert (ex.knee, ex.builtin, ex.dose.sets) == (Knee.STRAIGHT, False, 2)
    assert ex.cues == ("Keep the knee over the toes.", "Move slowly.")
    assert form.saved == ex


def test_only_two_secondary_directions(qtbot: QtBot) -> None:
    form = ExerciseForm(None, save=lambda ex: ex)
    qtbot.addWidget(form)
    fill(form, qtbot)
    form.secondary[Direction.ABDUCTION].setChecked(True)
    assert not form.secondary[Direction.FLEXION].isEnabled()
    assert not form.secondary[Direction.INTERNAL_ROTATION].isEnabled()  # the primary itself


def test_duplicate_name_is_explained(qtbot: QtBot) -> None:
    form = ExerciseForm(None, save=lambda ex: ex, taken_names=lambda n: n == "Clamshell")
    qtbot.addWidget(form)
    qtbot.keyClicks(form.name, "Clamshell")
    assert "already has this name" in form.messages["name"].text()


def test_failed_save_keeps_the_form_open_and_filled(qtbot: QtBot) -> None:
    def refuse(_ex: Exercise) -> Exercise:
        raise ValueError("The disk is full; free some space and try again.")

    form = ExerciseForm(None, save=refuse)
    qtbot.addWidget(form)
    form.show()
    fill(form, qtbot)
    form.accept()
    assert form.isVisible()
    assert "disk is full" in form.error.text()
    assert form.name.text() == "Banded hip airplane"
    assert form.instructions.toPlainText().startswith("Stand on one leg")


@pytest.mark.parametrize("builtin", [True, False])
def test_editing_fills_every_field(qtbot: QtBot, builtin: bool) -> None:
    original = make_exercise(
        "own-clam",
        Direction.EXTERNAL_ROTATION,
        Direction.ABDUCTION,
        name="My clam",
        builtin=builtin,
    )
    form = ExerciseForm(original, save=lambda ex: ex)
    qtbot.addWidget(form)
    assert form.name.text() == "My clam"
    assert form.secondary[Direction.ABDUCTION].isChecked()
    assert form.exercise().directions == original.directions
    assert form.exercise().dose == original.dose
    # editing one's own exercise keeps its id; a built-in becomes a new own copy
    assert (form.exercise().id == "own-clam") is not builtin
