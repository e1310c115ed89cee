"""A dose's target effort in the dose editor: none, RPE or reps in reserve, typed with the
keyboard, checked inline, and kept exactly when the coach does not touch it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from planner.dose import Dose, Effort, EffortScale
from ui.dialogs.dose_editor import DoseEditor


def editor(qtbot: QtBot, dose: Dose) -> DoseEditor:
    dialog = DoseEditor(dose, "Glute bridge")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def ok(dialog: DoseEditor) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_typing_an_rpe_with_the_keyboard_sets_the_target_effort(qtbot: QtBot) -> None:
    dialog = editor(qtbot, Dose())
    fields = dialog.fields
    assert fields.effort_scale.currentText() == "None"
    assert not fields.effort_value.isEnabled()
    fields.load.setFocus()
    qtbot.keyClick(fields.load, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # &Effort
    assert fields.effort_scale.hasFocus()
    qtbot.keyClick(fields.effort_scale, Qt.Key.Key_Down)
    assert fields.effort_scale_chosen() is EffortScale.RPE
    qtbot.keyClick(fields.effort_scale, Qt.Key.Key_Tab)
    assert fields.effort_value.hasFocus()
    fields.effort_value.selectAll()
    qtbot.keyClicks(fields.effort_value, "12")
    assert not ok(dialog)
    assert "RPE 1–10) must be between 1 and 10" in fields.messages["effort"].text()
    fields.effort_value.selectAll()
    qtbot.keyClicks(fields.effort_value, "8")
    assert ok(dialog)
    assert fields.messages["effort"].text() == ""
    assert dialog.dose().effort == Effort(EffortScale.RPE, 8)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(fields.effort_value, Qt.Key.Key_Return)


def test_reps_in_reserve_may_be_zero(qtbot: QtBot) -> None:
    dialog = editor(qtbot, Dose())
    fields = dialog.fields
    fields.effort_scale.setFocus()
    qtbot.keyClick(fields.effort_scale, Qt.Key.Key_End)
    assert fields.effort_scale_chosen() is EffortScale.RIR
    fields.effort_value.setFocus()
    fields.effort_value.selectAll()
    qtbot.keyClicks(fields.effort_value, "0")
    assert dialog.dose().effort == Effort(EffortScale.RIR, 0)
    assert dialog.preview.text() == "The client reads: <b>3 × 10, 0 reps in reserve</b>"


def test_an_existing_effort_is_shown_and_kept_and_can_be_cleared(qtbot: QtBot) -> None:
    dose = Dose(effort=Effort(EffortScale.RIR, 2))
    dialog = editor(qtbot, dose)
    fields = dialog.fields
    assert fields.effort_scale_chosen() is EffortScale.RIR
    assert fields.effort_value.value() == 2
    assert dialog.dose() == dose
    fields.effort_scale.setFocus()
    qtbot.keyClick(fields.effort_scale, Qt.Key.Key_Home)
    assert dialog.dose().effort is None
    assert dialog.dose() == Dose()
