"""The window and balance.toml: Preferences writes it, a broken one is named once, and a
program's own thresholds are edited in its details as one undoable step."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from planner.balance.findings import Code
from planner.balance.settings import BalanceSettings
from planner.files.thresholds import read_thresholds, thresholds_path
from tests.plans import METZL, build
from ui.app.main_window import MainWindow
from ui.common.document import Document
from ui.dialogs.details_dialog import DetailsDialog
from ui.dialogs.preferences_dialog import PreferencesDialog

CATALOG = [p.exercise() for p in METZL]


def make_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(CATALOG)
    qtbot.addWidget(window)
    window.show()
    window.set_document(Document(build(METZL)))
    return window


def codes(window: MainWindow) -> set[Code]:
    model = window.coverage.this_week.findings_model
    return {model.finding(r).code for r in range(model.rowCount())}


def test_a_broken_balance_toml_is_named_in_the_status_bar_and_left_alone(qtbot: QtBot) -> None:
    path = thresholds_path()
    path.write_text("[balance]\nmin_weighted_sets = -1\n", encoding="utf-8")
    window = make_window(qtbot)
    message = window.statusBar().currentMessage()
    assert message == read_thresholds().problem
    assert "min_weighted_sets: must be between 0 and 100" in message
    assert window.coverage.settings == BalanceSettings()
    assert path.read_text(encoding="utf-8") == "[balance]\nmin_weighted_sets = -1\n"


def test_preferences_over_a_broken_file_say_so_and_keep_it_as_bak(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = thresholds_path()
    path.write_text("[balance\n", encoding="utf-8")
    window = make_window(qtbot)
    shown: list[str] = []

    def answer(dialog: PreferencesDialog) -> int:
        shown.append(dialog.problem.text() if dialog.problem.isVisibleTo(dialog) else "")
        dialog.form.spins["min_weighted_sets"].setValue(3)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", answer)
    window.edit_preferences()
    assert "is not valid TOML" in shown[0]
    assert "balance.toml.bak" in shown[0]
    assert path.with_name("balance.toml.bak").read_text(encoding="utf-8") == "[balance\n"
    assert read_thresholds().settings == BalanceSettings(min_weighted_sets=3)
    assert Code.DIRECTION_LOW_VOLUME not in codes(window)  # Rotate out's 3 sets now suffice


def test_preferences_say_they_apply_to_every_client(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(BalanceSettings())
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(type(dialog.problem)))
    assert "for every client" in text
    assert "change them for a client" not in text


def test_details_edit_the_client_s_thresholds_as_one_undoable_step(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot)
    assert Code.DIRECTION_LOW_VOLUME in codes(window)
    opened: list[DetailsDialog] = []

    def own_floor(dialog: DetailsDialog) -> int:
        opened.append(dialog)
        assert dialog.use_defaults.isChecked()
        assert not dialog.thresholds.isVisibleTo(dialog)
        dialog.use_defaults.click()
        assert dialog.thresholds.isVisibleTo(dialog)
        dialog.thresholds.spins["min_weighted_sets"].setValue(2.5)
        dialog.thresholds.maintenance.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DetailsDialog, "exec", own_floor)
    window.controller.edit_details()
    details = window.document.program.details
    assert details.balance_overrides == {"min_weighted_sets": 2.5, "maintenance": True}
    assert Code.DIRECTION_LOW_VOLUME not in codes(window)

    window.undo_action.trigger()
    assert window.document.program.details.balance_overrides == {}
    assert Code.DIRECTION_LOW_VOLUME in codes(window)
    window.redo_action.trigger()
    assert Code.DIRECTION_LOW_VOLUME not in codes(window)

    def use_defaults(dialog: DetailsDialog) -> int:
        assert not dialog.use_defaults.isChecked()
        assert dialog.thresholds.spins["min_weighted_sets"].value() == 2.5
        dialog.use_defaults.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DetailsDialog, "exec", use_defaults)
    window.controller.edit_details()
    assert window.document.program.details.balance_overrides == {}
    assert Code.DIRECTION_LOW_VOLUME in codes(window)


def test_editing_other_details_keeps_the_client_s_thresholds(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot)
    program = window.document.program
    program.details = replace(program.details, balance_overrides={"maintenance": True})

    def rename(dialog: DetailsDialog) -> int:
        dialog.client.setText("Ana Silva")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DetailsDialog, "exec", rename)
    window.controller.edit_details()
    assert window.document.program.details.client_name == "Ana Silva"
    assert window.document.program.details.balance_overrides == {"maintenance": True}


def test_impossible_client_thresholds_keep_ok_disabled(qtbot: QtBot) -> None:
    dialog = DetailsDialog(build(METZL).details)
    qtbot.addWidget(dialog)
    dialog.use_defaults.click()
    dialog.thresholds.spins["rotation_low"].setValue(4)  # above the upper limit of 3
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.use_defaults.click()  # back to the defaults
    assert ok.isEnabled()
