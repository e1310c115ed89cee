"""Every field of a dose with inline messages; nothing is clamped or dropped.

Spin boxes accept a wider range than the rules allow, so a value out of range stays what the
coach typed and is explained under the field. Used by the dose editor and the exercise form.
"""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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


def message_label() -> QLabel:
    """A red, word-wrapped line under a field. Its line is kept while there is nothing to say,
    so the form does not jump when a message appears."""
    label = QLabel()
    label.setObjectName("fieldMessage")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setMinimumHeight(label.fontMetrics().lineSpacing())
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(f"⚠ {text[:1].upper()}{text[1:]}." if text else "")


def add_checked_row(form: QFormLayout, label: str, widget: QWidget, message: QLabel) -> None:
    """A form row of a field with its message below; the label's mnemonic focuses the field."""
    column = QVBoxLayout()
    column.setSpacing(1)
    column.addWidget(widget)
    column.addWidget(message)
    form.addRow(label, column)
    buddy = form.labelForField(column)
    if label and isinstance(buddy, QLabel):
        buddy.setBuddy(widget)


class DoseFields(QWidget):
    changed = Signal()

    def __init__(self, dose: Dose, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sets = QSpinBox(minimum=0, maximum=999, value=dose.sets)
        self.amount = QSpinBox(minimum=0, maximum=99999, value=dose.amount)
        self.unit = QComboBox()
        for unit in Unit:
            self.unit.addItem(unit.value, unit.value)
        self.unit.setCurrentIndex(list(Unit).index(dose.unit))
        self.each_side = QCheckBox("Each side (each way for steps)")
        self.each_side.setChecked(dose.each_side)
        self.load = QLineEdit(dose.load, placeholderText="e.g. light band, 8 kg")
        self.rest = QSpinBox(minimum=0, maximum=9999, value=dose.rest_seconds, suffix=" s")
        self.tempo = QLineEdit(dose.tempo, placeholderText="e.g. 3-1-1 (down, hold, up)")
        self.notes = QPlainTextEdit(dose.notes)
        self._effort = dose.effort
        """Kept as it was until the editor offers a target effort."""
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        self.messages = {
            name: message_label()
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
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for label, widget, name in (
            ("&Sets", self.sets, "sets"),
            ("&Amount", self.amount, "amount"),
            ("&Unit", self.unit, "unit"),
            ("", self.each_side, "each_side"),
            ("&Load", self.load, "load"),
            ("&Rest between sets", self.rest, "rest_seconds"),
            ("&Tempo", self.tempo, "tempo"),
            ("&Notes", self.notes, "notes"),
        ):
            add_checked_row(form, label, widget, self.messages[name])
        for spin in (self.sets, self.amount, self.rest):
            spin.valueChanged.connect(self._changed)
        self.unit.currentIndexChanged.connect(self._changed)
        self.each_side.toggled.connect(self._changed)
        for line in (self.load, self.tempo):
            line.textChanged.connect(self._changed)
        self.notes.textChanged.connect(self._changed)
        self._changed()

    def _values(self) -> SimpleNamespace:
        return SimpleNamespace(
            sets=self.sets.value(),
            amount=self.amount.value(),
            unit=Unit.of(self.unit.currentData()),
            each_side=self.each_side.isChecked(),
            load=self.load.text().strip(),
            rest_seconds=self.rest.value(),
            tempo=self.tempo.text().strip(),
            notes=self.notes.toPlainText().strip(),
            effort=self._effort,
        )

    def problems(self) -> dict[str, str]:
        return dose_problems(self._values())

    def _changed(self) -> None:
        problems = self.problems()
        for name, label in self.messages.items():
            show_message(label, problems.get(name, ""))
        self.changed.emit()

    def dose(self) -> Dose:
        """The edited dose; only call when :meth:`problems` is empty."""
        return Dose(**vars(self._values()))
