"""The balance thresholds as a form, shown as the coach thinks of them: shares as
percentages, ratios as ranges. Impossible combinations (a lower limit above its upper limit)
are explained next to the field. Preferences and the program details both use it.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.balance.settings import BalanceSettings, field_range, is_share

_Spin = QSpinBox | QDoubleSpinBox

# (group, [(label, low field, high field or None, suffix)])
_LAYOUT: tuple[tuple[str, tuple[tuple[str, str, str | None, str], ...]], ...] = (
    (
        "Volume per direction",
        (
            ("Fewest weighted sets", "min_weighted_sets", None, " sets"),
            ("Under-served below", "under_served_share", None, " % of the average"),
            ("Dominant above", "dominant_factor", None, " × the average"),
        ),
    ),
    (
        "Ratios between directions",
        (
            ("Away ÷ Toward", "abduction_adduction_low", "abduction_adduction_high", ""),
            ("Rotate out ÷ Rotate in", "rotation_low", "rotation_high", ""),
            ("Backward ÷ Forward", "extension_flexion_low", "extension_flexion_high", ""),
        ),
    ),
    (
        "Knee and frequency",
        (
            ("Knee straight", "straight_knee_share_low", "straight_knee_share_high", " %"),
            ("Days per direction", "min_days_per_direction", None, " days"),
        ),
    ),
    (
        "Variety",
        (
            ("Positions per direction", "min_positions_per_direction", None, ""),
            ("Kinds of equipment a week", "min_equipment_kinds", None, ""),
        ),
    ),
    (
        "Fixes",
        (("Session budget", "max_session_minutes", None, " min"),),
    ),
    (
        "Progress and knee pain",
        (
            ("Week's sets jump above", "volume_jump_factor", None, " × the week before"),
            ("A direction's sets jump above", "direction_jump_factor", None, " × the week before"),
            ("… and rise by at least", "direction_jump_min_sets", None, " sets"),
            ("Pain during too high above", "pain_during_limit", None, " /10"),
            ("Next-morning pain unsettled above", "pain_next_morning_limit", None, " /10"),
            ("Ready to progress at pain up to", "ready_pain_limit", None, " /10"),
        ),
    ),
)


def _spin(name: str, suffix: str) -> _Spin:
    low, high = field_range(name)
    spin: _Spin
    if isinstance(getattr(BalanceSettings(), name), int):
        spin = QSpinBox()
        spin.setRange(int(low), int(high))
    else:
        spin = QDoubleSpinBox()
        scale = 100 if is_share(name) else 1
        spin.setDecimals(0 if is_share(name) else 2)
        spin.setRange(low * scale, high * scale)
        spin.setSingleStep(5 if is_share(name) else 0.1 if high <= 10 else 0.5)
    spin.setSuffix(suffix)
    spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
    return spin


class ThresholdsForm(QWidget):
    """Every threshold; ``validity_changed(ok)`` tells when impossible values come or go."""

    validity_changed = Signal(bool)

    def __init__(self, settings: BalanceSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spins: dict[str, _Spin] = {}
        self.messages: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for title, rows in _LAYOUT:
            group = QGroupBox(title)
            form = QFormLayout(group)
            for text, low, high, suffix in rows:
                form.addRow(text, self._row(low, high, suffix))
                for name in (low, high):
                    if name is not None:
                        form.addRow(self._message(name))
            if title == "Knee and frequency":
                self.maintenance = QCheckBox("Maintenance mode: one day a week is enough")
                self.maintenance.setToolTip(
                    "For a client keeping strength, e.g. in race season: each direction "
                    "needs only one day a week."
                )
                self.maintenance.toggled.connect(self._validate)
                form.addRow(self.maintenance)
            layout.addWidget(group)
        self.set_settings(settings)

    def _row(self, low: str, high: str | None, suffix: str) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for name in (low, high):
            if name is None:
                continue
            if name == high:
                line.addWidget(QLabel("to"))
            spin = _spin(name, suffix)
            spin.setAccessibleName(name.replace("_", " "))
            spin.valueChanged.connect(self._validate)
            self.spins[name] = spin
            line.addWidget(spin)
        if high is not None:
            line.addStretch(1)
        return row

    def _message(self, name: str) -> QLabel:
        # One line: a form layout can underestimate a wrapped label's height and clip it.
        label = QLabel()
        label.hide()
        self.messages[name] = label
        return label

    def set_settings(self, settings: BalanceSettings) -> None:
        for name, spin in self.spins.items():
            value = getattr(settings, name)
            spin.setValue(value * 100 if is_share(name) else value)
        self.maintenance.setChecked(settings.maintenance)
        self._validate()

    def settings(self) -> BalanceSettings:
        values: dict[str, object] = {"maintenance": self.maintenance.isChecked()}
        for f in fields(BalanceSettings):
            spin = self.spins.get(f.name)
            if spin is not None:
                value = spin.value()
                values[f.name] = round(value / 100, 4) if is_share(f.name) else value
        return BalanceSettings(**values)  # type: ignore[arg-type]

    def _validate(self) -> None:
        problems = self.settings().problems()
        changed = False
        for name, label in self.messages.items():
            text = problems.get(name, "")
            label.setText(f"⚠ {text}" if text else "")
            changed |= label.isVisibleTo(self) != bool(text)
            label.setVisible(bool(text))
        self.validity_changed.emit(not problems)
        if changed:
            self.window().adjustSize()  # make room for a message (or give it back), never clip it

    def is_valid(self) -> bool:
        return not self.settings().problems()

    def scrolling(self, height: int) -> QScrollArea:
        """This form in a scroll area at least ``height`` pixels tall (or all of the form),
        so a dialog holding it fits a small screen."""
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(self)
        area.setMinimumWidth(self.sizeHint().width() + area.verticalScrollBar().sizeHint().width())
        area.setMinimumHeight(min(height, self.sizeHint().height()))
        return area
