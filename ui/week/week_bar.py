"""The week selector and week operations: add, duplicate (with progression), delete, reorder."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.program import Progression, ProgressionKind
from ui.common.dialog_buttons import ok_cancel


class WeekBar(QWidget):
    week_chosen = Signal(int)
    add_week = Signal()
    duplicate_week = Signal()
    next_week_from_log = Signal()
    delete_week = Signal()
    move_week = Signal(int)  # -1 earlier, +1 later

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setAccessibleName("Week")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.currentIndexChanged.connect(self._chosen)
        label = QLabel("&Week:")
        label.setBuddy(self.combo)
        self.previous = self._button("◀", "Previous week (Ctrl+PgUp)", lambda: self._step(-1))
        self.next = self._button("▶", "Next week (Ctrl+PgDown)", lambda: self._step(+1))
        self.add = self._button("Add week", "Add an empty week at the end", self.add_week.emit)
        self.menu = QMenu(self)
        self.duplicate = self.menu.addAction("&Duplicate this week…", self.duplicate_week.emit)
        self.from_log = self.menu.addAction("&Next week from the log", self.next_week_from_log.emit)
        self.from_log.setStatusTip(
            "Add a copy of this week after it, easier where the client's knee hurt and harder "
            "where the client is ready to progress"
        )
        self.delete = self.menu.addAction("D&elete this week", self.delete_week.emit)
        self.menu.addSeparator()
        self.earlier = self.menu.addAction("Move week &earlier", lambda: self.move_week.emit(-1))
        self.later = self.menu.addAction("Move week &later", lambda: self.move_week.emit(+1))
        self.more = QToolButton()
        self.more.setText("Week actions ▾")
        # The style's own menu arrow is drawn over the text of a text-only tool button
        # (Fusion): the arrow is part of the text instead.
        self.more.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.more.setMenu(self.menu)
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setToolTip(
            "Duplicate (with progression or from the client's log), delete or reorder this week"
        )
        self.label = label
        row = QHBoxLayout(self)
        row.setContentsMargins(2, 2, 2, 2)
        row.setSpacing(4)  # the bar sets the calendar's smallest width
        for widget in (label, self.previous, self.combo, self.next, self.add, self.more):
            row.addWidget(widget)
        row.addStretch(1)
        self.compact = False
        self._full_width = self.sizeHint().width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.set_compact(event.size().width() < self._full_width)

    def set_compact(self, compact: bool) -> None:
        """In a narrow calendar the buttons say less (their tooltips say all), so none is cut."""
        if compact == self.compact:
            return
        self.compact = compact
        self.label.setVisible(not compact)
        self.add.setText("+ Week" if compact else "Add week")
        self.more.setText("⋯ ▾" if compact else "Week actions ▾")
        self.more.setAccessibleName("Week actions")

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button

    def set_weeks(self, count: int, current: int) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItems([f"Week {i + 1} of {count}" for i in range(count)])
        self.combo.setCurrentIndex(current)
        self.combo.blockSignals(False)
        self.previous.setEnabled(current > 0)
        self.next.setEnabled(current < count - 1)
        self.earlier.setEnabled(current > 0)
        self.later.setEnabled(current < count - 1)
        self.delete.setEnabled(count > 1)

    def _chosen(self, index: int) -> None:
        if index >= 0:
            self.week_chosen.emit(index)

    def _step(self, delta: int) -> None:
        index = self.combo.currentIndex() + delta
        if 0 <= index < self.combo.count():
            self.combo.setCurrentIndex(index)


class DuplicateWeekDialog(QDialog):
    """Asks how the copy should progress: not at all, one more set, or more reps/seconds."""

    def __init__(self, week_number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Duplicate week {week_number}")
        self.same = QRadioButton("Same doses")
        self.same.setChecked(True)
        self.more_sets = QRadioButton("One more set for every exercise")
        self.more_amount = QRadioButton("More reps, seconds or steps for every exercise, by")
        self.step = QSpinBox(minimum=1, maximum=60, value=2)
        self.step.setEnabled(False)
        self.more_amount.toggled.connect(self.step.setEnabled)
        group = QButtonGroup(self)
        for button in (self.same, self.more_sets, self.more_amount):
            group.addButton(button)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.more_amount)
        amount_row.addWidget(self.step)
        amount_row.addStretch(1)
        buttons = ok_cancel(self, "Duplicate")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"The copy is added right after week {week_number}."))
        layout.addWidget(self.same)
        layout.addWidget(self.more_sets)
        layout.addLayout(amount_row)
        layout.addWidget(buttons)

    def progression(self) -> Progression | None:
        if self.more_sets.isChecked():
            return Progression(ProgressionKind.SETS)
        if self.more_amount.isChecked():
            return Progression(ProgressionKind.AMOUNT, self.step.value())
        return None
