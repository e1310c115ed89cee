"""The dose editor: every field of a dose with inline messages; nothing is clamped or dropped.

Spin boxes accept a wider range than the rules allow, so a value out of range stays what the
coach typed and is explained under the field, with OK disabled until it is fixed.
"""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.dose import Dose, dose_problems
from planner.taxonomy import Unit


def _message_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldMessage")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setVisible(False)
    return label


class DoseEditor(QDialog):
    def __init__(self, dose: Dose, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Dose — {title}")
        self.sets = QSpinBox(minimum=0, maximum=999, value=dose.sets)
        self.amount = QSpinBox(minimum=0, maximum=99999, value=dose.amount)
        self.unit = QComboBox()
        for unit in Unit:
            self.unit.addItem(unit.value, unit)
        self.unit.setCurrentIndex(list(Unit).index(dose.unit))
        self.each_side = QCheckBox("Each side (each way for steps)", checked=dose.each_side)
        self.load = QLineEdit(dose.load, placeholderText="e.g. light band, 8 kg")
        self.rest = QSpinBox(minimum=0, maximum=9999, value=dose.rest_seconds, suffix=" s")
        self.tempo = QLineEdit(dose.tempo, placeholderText="e.g. 3-1-1 (down, hold, up)")
        self.notes = QPlainTextEdit(dose.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.messages = {
            name: _message_label()
            for name in (
                "sets",
                "amount",
                "unit",
                "each_side",
                "load",
                "rest_seconds",
                "tempo",
                "notes",
            )
        }

        form = QFormLayout()
        rows: list[tuple[str, QWidget, str]] = [
            ("&Sets", self.sets, "sets"),
            ("&Amount", self.amount, "amount"),
            ("&Unit", self.unit, "unit"),
            ("", self.each_side, "each_side"),
            ("&Load", self.load, "load"),
            ("&Rest between sets", self.rest, "rest_seconds"),
            ("&Tempo", self.tempo, "tempo"),
            ("&Notes", self.notes, "notes"),
        ]
        for label, widget, name in rows:
            column = QVBoxLayout()
            column.setSpacing(1)
            column.addWidget(widget)
            column.addWidget(self.messages[name])
            form.addRow(label, column)
            if label:
                buddy = form.labelForField(column)
                if isinstance(buddy, QLabel):
                    buddy.setBuddy(widget)

        self.preview = QLabel()
        self.preview.setObjectName("dosePreview")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)

        for spin in (self.sets, self.amount, self.rest):
            spin.valueChanged.connect(self.validate)
        self.unit.currentIndexChanged.connect(self.validate)
        self.each_side.toggled.connect(self.validate)
        for line in (self.load, self.tempo):
            line.textChanged.connect(self.validate)
        self.notes.textChanged.connect(self.validate)
        self.validate()

    def _values(self) -> SimpleNamespace:
        return SimpleNamespace(
            sets=self.sets.value(),
            amount=self.amount.value(),
            unit=Unit(self.unit.currentData()),
            each_side=self.each_side.isChecked(),
            load=self.load.text().strip(),
            rest_seconds=self.rest.value(),
            tempo=self.tempo.text().strip(),
            notes=self.notes.toPlainText().strip(),
        )

    def problems(self) -> dict[str, str]:
        return dose_problems(self._values())

    def validate(self) -> None:
        problems = self.problems()
        for name, label in self.messages.items():
            text = problems.get(name, "")
            label.setText(f"⚠ {text[:1].upper()}{text[1:]}." if text else "")
            label.setVisible(bool(text))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problems)
        self.preview.setText(
            "" if problems else f"The client reads: <b>{self.dose().describe()}</b>"
        )
        self.preview.setTextFormat(Qt.TextFormat.RichText)

    def dose(self) -> Dose:
        """The edited dose; only call when :meth:`problems` is empty."""
        return Dose(**vars(self._values()))
