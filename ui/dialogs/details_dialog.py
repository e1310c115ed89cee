"""Client and program details: names, start date, the client's equipment, notes, and this
client's own balance thresholds (on top of the coach's, from Preferences)."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from typing import cast

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner.balance.settings import BalanceSettings
from planner.program import DETAIL_LIMITS, START_DATES, ClientDetails
from planner.taxonomy import Equipment
from ui.common.dialog_buttons import ok_cancel
from ui.dialogs.thresholds_form import ThresholdsForm

THRESHOLDS_HEIGHT = 240
"""Room for the client's thresholds (they scroll), so the dialog fits a laptop screen."""


class DetailsDialog(QDialog):
    def __init__(
        self,
        details: ClientDetails,
        parent: QWidget | None = None,
        *,
        defaults: BalanceSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.defaults = defaults or BalanceSettings()
        """The coach's thresholds, which this client's own values override."""
        self.setWindowTitle("Program details")
        self.original = details
        self.client = QLineEdit(details.client_name, placeholderText="e.g. Ana Silva")
        self.title = QLineEdit(
            details.title, placeholderText="e.g. Hip strength for the spring marathon"
        )
        self.coach = QLineEdit(details.coach_name)
        self.has_start = QCheckBox("Starts on")
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("d MMM yyyy")
        first, last = START_DATES
        self.start.setDateRange(
            QDate(first.year, first.month, first.day), QDate(last.year, last.month, last.day)
        )
        start = details.start_date
        self.has_start.setChecked(start is not None)
        self.start.setDate(
            QDate(start.year, start.month, start.day) if start else QDate.currentDate()
        )
        self.start.setEnabled(start is not None)
        self.has_start.toggled.connect(self.start.setEnabled)
        self.notes = QPlainTextEdit(details.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.equipment = {e: QCheckBox(e.label) for e in Equipment}
        for equipment, check in self.equipment.items():
            check.setChecked(equipment in details.equipment)
        box = QGroupBox("Equipment the client has (leave all unticked if unknown)")
        grid = QGridLayout(box)
        for i, check in enumerate(self.equipment.values()):
            grid.addWidget(check, i // 3, i % 3)
        thresholds = QGroupBox("This client's thresholds")
        self.use_defaults = QCheckBox("Use my defaults (Preferences)")
        self.use_defaults.setChecked(not details.balance_overrides)
        self.thresholds = ThresholdsForm(self.defaults.with_overrides(details.balance_overrides))
        area = self.thresholds.scrolling(THRESHOLDS_HEIGHT)
        area.setVisible(not self.use_defaults.isChecked())
        self.use_defaults.toggled.connect(lambda on: area.setVisible(not on))
        self.use_defaults.toggled.connect(self._validate)
        self.thresholds.validity_changed.connect(self._validate)
        column = QVBoxLayout(thresholds)
        column.addWidget(self.use_defaults)
        column.addWidget(area, 1)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow("&Client name", self.client)
        form.addRow("Program &title", self.title)
        form.addRow("C&oach name", self.coach)
        form.addRow(self.has_start, self.start)
        form.addRow("&Notes", self.notes)
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(thresholds)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for line in (self.client, self.title, self.coach):
            line.textChanged.connect(self._validate)
        self.notes.textChanged.connect(self._validate)
        self._validate()

    def problems(self) -> list[str]:
        problems = [
            f"{label} is {len(line.text())} characters long; keep it to {DETAIL_LIMITS[key]}."
            for label, key, line in (
                ("The client name", "client_name", self.client),
                ("The title", "title", self.title),
                ("The coach name", "coach_name", self.coach),
            )
            if len(line.text()) > DETAIL_LIMITS[key]
        ]
        if len(self.notes.toPlainText()) > DETAIL_LIMITS["notes"]:
            problems.append(
                f"The notes are too long; keep them to {DETAIL_LIMITS['notes']} characters."
            )
        if not self.use_defaults.isChecked() and not self.thresholds.is_valid():
            problems.append("Fix the client's thresholds marked above.")
        return problems

    def overrides(self) -> dict[str, int | float | bool]:
        """The client's thresholds that differ from the coach's (none with "use my defaults")."""
        if self.use_defaults.isChecked():
            return {}
        chosen = self.thresholds.settings()
        return {
            f.name: getattr(chosen, f.name)
            for f in fields(BalanceSettings)
            if getattr(chosen, f.name) != getattr(self.defaults, f.name)
        }

    def _validate(self) -> None:
        problems = self.problems()
        self.message.setText("\n".join(f"⚠ {p}" for p in problems))
        self.message.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def details(self) -> ClientDetails:
        # QDate.toPython gives a datetime.date; its stub says object.
        start = cast(date, self.start.date().toPython()) if self.has_start.isChecked() else None
        return replace(  # keeps whatever the dialog does not show
            self.original,
            client_name=self.client.text().strip(),
            title=self.title.text().strip(),
            coach_name=self.coach.text().strip(),
            start_date=start,
            equipment=frozenset(e for e, check in self.equipment.items() if check.isChecked()),
            notes=self.notes.toPlainText().strip(),
            balance_overrides=self.overrides(),
        )
