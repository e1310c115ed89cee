"""Preferences: the coach's balance thresholds, kept in ``balance.toml`` for every client
(:mod:`planner.files.thresholds`), and the autosave interval.

Thresholds remembered by an older Hip Planner in its settings file move to ``balance.toml``
once. A broken ``balance.toml`` is named at the top of the dialog; saving over it keeps the
old file as ``balance.toml.bak``.
"""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.balance.settings import BalanceSettings
from planner.files.safe_save import ProgramSaveError
from planner.files.thresholds import (
    Thresholds,
    read_thresholds,
    thresholds_path,
    write_thresholds,
)
from ui.common import settings as remembered
from ui.dialogs.clinic_settings import ClinicDialog
from ui.dialogs.thresholds_form import ThresholdsForm


def load_balance_settings() -> Thresholds:
    """The coach's thresholds from ``balance.toml``, after moving older remembered ones there."""
    _migrate_old_settings()
    return read_thresholds()


def _migrate_old_settings() -> None:
    stored = remembered.old_thresholds()
    if stored is None:
        return
    if not thresholds_path().exists():
        try:
            data = json.loads(stored) if isinstance(stored, str) else None
        except ValueError:
            data = None
        try:
            write_thresholds(BalanceSettings.from_dict(data))
        except ProgramSaveError:
            return  # keep the old value; the next start tries again
    remembered.forget_old_thresholds()


class PreferencesDialog(QDialog):
    def __init__(
        self, settings: BalanceSettings, parent: QWidget | None = None, *, problem: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "The limits the balance checks use for every client; each finding says where its "
            "limit comes from. To change them for one client only, use that program's "
            f"details. They are kept in {thresholds_path()}."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.problem = QLabel(
            f"⚠ {problem}. OK saves these values and keeps the old file as balance.toml.bak."
        )
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        self.form = ThresholdsForm(settings)
        room = self.screen().availableGeometry().height()
        layout.addWidget(self.form.scrolling(room // 3), 1)
        work = QGroupBox("Unsaved work")
        self.autosave = QSpinBox(minimum=1, maximum=60, suffix=" min")
        self.autosave.setAccessibleName("Autosave interval in minutes")
        self.autosave.setValue(max(1, remembered.autosave_seconds() // 60))
        QFormLayout(work).addRow("Keep a recovery copy of unsaved changes every", self.autosave)
        layout.addWidget(work)
        self.clinic = QPushButton("Clinic…")
        self.clinic.setToolTip("Share one catalog and its templates with your clinic's coaches")
        self.clinic.clicked.connect(lambda: ClinicDialog(self).exec())
        layout.addWidget(self.clinic)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_defaults)
        layout.addWidget(self.buttons)
        self.form.validity_changed.connect(self.ok_button.setEnabled)
        self.ok_button.setEnabled(self.form.is_valid())

    def restore_defaults(self) -> None:
        self.form.set_settings(BalanceSettings())
        self.autosave.setValue(remembered.AUTOSAVE_DEFAULT_SECONDS // 60)

    def settings(self) -> BalanceSettings:
        return self.form.settings()


def edit_preferences(parent: QWidget, current: BalanceSettings) -> BalanceSettings | None:
    """Ask for new thresholds and save them to ``balance.toml``; returns them, or None when the
    coach cancels or they could not be saved (then the coach was told why)."""
    problem = read_thresholds().problem
    dialog = PreferencesDialog(current, parent, problem=problem)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    remembered.set_autosave_seconds(dialog.autosave.value() * 60)
    chosen = dialog.settings()
    try:
        write_thresholds(chosen)
    except ProgramSaveError as exc:
        QMessageBox.warning(parent, "Preferences not saved", str(exc))
        return None
    return chosen
