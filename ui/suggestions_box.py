"""Catalog exercises that close the gap of the selected finding, each with an Add button."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.exercise import Exercise
from ui.badges import badge_tooltip, badges_width, paint_badges


class BadgeStrip(QWidget):
    """An exercise's direction badges, left-aligned (primary filled, secondaries outlined)."""

    def __init__(self, exercise: Exercise, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.directions = exercise.directions
        self.setToolTip(badge_tooltip(exercise.directions))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(badges_width(self.directions, self.font()), self.fontMetrics().height() + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_badges(
            painter,
            self.width() - 4,
            self.height() / 2,
            self.directions,
            self.font(),
            self.palette(),
        )
        painter.end()


class SuggestionsBox(QFrame):
    """Shows suggestions for one finding; ``add_requested`` carries the chosen exercise's id."""

    add_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.rows = QGridLayout()
        self.rows.setHorizontalSpacing(6)
        self.rows.setVerticalSpacing(4)
        self.rows.setColumnStretch(0, 1)
        self.add_buttons: list[QPushButton] = []
        self._shown: tuple[tuple[str, ...], str] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addLayout(self.rows)

    def show_suggestions(self, exercises: Sequence[Exercise], day: str) -> None:
        """List ``exercises`` with Add buttons that put one on ``day`` (a day's name).

        The same list again keeps its widgets, so keyboard focus on an Add button survives
        the refresh after every edit.
        """
        shown = (tuple(e.id for e in exercises), day)
        if shown == self._shown:
            return
        self._shown = shown
        self._clear()
        if not exercises:
            self.heading.setText(
                "No catalog exercise fits this gap with the client's equipment. "
                "Try the catalog's filters, or change the equipment in the program details."
            )
            return
        self.heading.setText(
            f"<b>Fill the gap</b> — Add puts the exercise on {day}, the "
            "lightest training day, with its usual dose."
        )
        for row, exercise in enumerate(exercises):
            name = QLabel(
                f"{exercise.name}<br><small>{exercise.dose.describe()} · "
                f"{exercise.knee.label.lower()}</small>"
            )
            name.setWordWrap(True)
            name.setToolTip(
                f"{', '.join(p.label for p in exercise.positions)}\n"
                f"Equipment: {' or '.join(e.label.lower() for e in exercise.equipment)}"
            )
            button = QPushButton("Add")
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(f"Add {exercise.name} to {day}")
            button.setToolTip(f"Add {exercise.name} ({exercise.dose.describe()}) to {day}")
            button.clicked.connect(lambda _=False, i=exercise.id: self.add_requested.emit(i))
            self.add_buttons.append(button)
            self.rows.addWidget(name, 2 * row, 0, 1, 2)
            self.rows.addWidget(BadgeStrip(exercise), 2 * row + 1, 0)
            self.rows.addWidget(button, 2 * row + 1, 1, Qt.AlignmentFlag.AlignRight)

    def _clear(self) -> None:
        self.add_buttons.clear()
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
