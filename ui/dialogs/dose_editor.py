"""The dose editor dialog: the dose fields, a preview in the client's words, OK and Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from planner.dose import Dose
from ui.common.dialog_buttons import ok_cancel
from ui.dialogs.dose_fields import DoseFields


class DoseEditor(QDialog):
    def __init__(self, dose: Dose, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Dose — {title}")
        self.fields = DoseFields(dose)
        self.preview = QLabel(textFormat=Qt.TextFormat.RichText)
        self.preview.setObjectName("dosePreview")
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.fields.changed.connect(self.validate)
        self.validate()

    def validate(self) -> None:
        problems = self.fields.problems()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        preview = ""
        if not problems:
            dose = self.dose()
            effort = f", {dose.effort.describe()}" if dose.effort is not None else ""
            preview = f"The client reads: <b>{dose.describe()}{effort}</b>"
        self.preview.setText(preview)

    def dose(self) -> Dose:
        return self.fields.dose()
