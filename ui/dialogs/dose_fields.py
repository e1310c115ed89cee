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
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.dose import EFFORT_RANGES, Dose, DoseError, Effort, EffortScale, dose_problems
from planner.taxonomy import Unit

EFFORT_CHOICES = (
    ("None", None),
    ("RPE (effort 1–10)", EffortScale.RPE),
    ("Reps in reserve (0–10)", EffortScale.RIR),
)
"""The effort scales the coach may choose, as the combo box lists them."""


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


def add_checked_row(
    form: QFormLayout, label: str, widget: QWidget, message: QLabel, buddy: QWidget | None = None
) -> None:
    """A form row of a field with its message below; the label's mnemonic focuses the field
    (or ``buddy``, for a row of several widgets)."""
    column = QVBoxLayout()
    column.setSpacing(1)
    column.addWidget(widget)
    column.addWidget(message)
    form.addRow(label, column)
    label_widget = form.labelForField(column)
    if label and isinstance(label_widget, QLabel):
        label_widget.setBuddy(buddy or widget)


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
        self.effort_scale = QComboBox()
        self.effort_scale.setAccessibleName("Target effort scale")
        for text, scale in EFFORT_CHOICES:
            self.effort_scale.addItem(text, scale.value if scale else "")
        self.effort_value = QSpinBox(minimum=0, maximum=99)
        self.effort_value.setAccessibleName("Target effort value")
        self.effort_value.setToolTip(
            "RPE: how hard a set should feel, 10 = could not do one more rep. "
            "Reps in reserve: how many more reps the client could still do at the end of a set."
        )
        if dose.effort is not None:
            self.effort_scale.setCurrentIndex(
                [s for _, s in EFFORT_CHOICES].index(dose.effort.scale)
            )
            self.effort_value.setValue(dose.effort.value)
        else:
            self.effort_value.setValue(7)
        effort_row = QWidget()
        effort_layout = QHBoxLayout(effort_row)
        effort_layout.setContentsMargins(0, 0, 0, 0)
        effort_layout.addWidget(self.effort_scale, 1)
        effort_layout.addWidget(self.effort_value)
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
                "effort",
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
            ("Target &effort", effort_row, "effort"),
            ("&Notes", self.notes, "notes"),
        ):
            buddy = self.effort_scale if widget is effort_row else None
            add_checked_row(form, label, widget, self.messages[name], buddy)
        for spin in (self.sets, self.amount, self.rest, self.effort_value):
            spin.valueChanged.connect(self._changed)
        self.unit.currentIndexChanged.connect(self._changed)
        self.effort_scale.currentIndexChanged.connect(self._changed)
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
            effort=self._effort_or_problem()[0],
        )

    def _effort_or_problem(self) -> tuple[Effort | None, str]:
        """The chosen target effort (None: none), or the reason the value does not fit."""
        scale = self.effort_scale_chosen()
        if scale is None:
            return None, ""
        try:
            return Effort(scale, self.effort_value.value()), ""
        except DoseError as exc:
            low, high = EFFORT_RANGES[scale]
            return None, exc.problems.get("effort", f"choose {low}–{high}")

    def effort_scale_chosen(self) -> EffortScale | None:
        data = self.effort_scale.currentData()
        return EffortScale(data) if data else None

    def problems(self) -> dict[str, str]:
        problems = dose_problems(self._values())
        effort_problem = self._effort_or_problem()[1]
        if effort_problem:
            problems["effort"] = effort_problem
        return problems

    def _changed(self) -> None:
        self.effort_value.setEnabled(self.effort_scale_chosen() is not None)
        problems = self.problems()
        for name, label in self.messages.items():
            show_message(label, problems.get(name, ""))
        self.changed.emit()

    def dose(self) -> Dose:
        """The edited dose; only call when :meth:`problems` is empty."""
        return Dose(**vars(self._values()))
