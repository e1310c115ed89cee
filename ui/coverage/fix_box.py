"""The fixes of the selected finding, each with an Apply button (one undoable step each)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from planner.fixing.edits import Fix
    from planner.fixing.engine import Offer
    from planner.progression import NextWeek


class FixBox(QFrame):
    """Shows an :class:`Offer`; ``apply_requested`` carries the chosen fix."""

    apply_requested = Signal(object)
    next_week_requested = Signal(object)  # a planner.progression.NextWeek

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.apply_buttons: list[QPushButton] = []
        self._rows: list[QWidget] = []
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(6, 6, 6, 6)
        self._column.addWidget(self.heading)

    def show_offer(self, offer: Offer) -> None:
        self._clear()
        if not offer.fixes:
            self.heading.setText(f"<b>No fix</b> — {escape(offer.reason)}")
            return
        many = len(offer.fixes) > 1
        self.heading.setText(
            "<b>Fix it</b> — each clears this finding without raising another, within the "
            "client's equipment and the session budget; pick one" + (" of these:" if many else ":")
        )
        for number, fix in enumerate(offer.fixes, 1):
            self._add_row(number, fix)

    def show_choices(self, choices: Sequence[NextWeek], none_reason: str) -> None:
        """The log's offers (pain-high, ready-to-progress): each a change of the next week."""
        self._clear()
        if not choices:
            self.heading.setText(f"<b>Nothing to offer</b> — {escape(none_reason)}")
            return
        target = choices[0].target + 1
        what = "adds" if choices[0].creates else "changes"
        self.heading.setText(
            f"<b>Next week</b> — each choice {what} week {target} in one step (Undo takes it "
            "back); pick one:"
        )
        for plan in choices:
            text = QLabel("<br>".join(escape(line) for line in plan.lines(why=False)))
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            button = QPushButton(plan.choice())
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setToolTip("\n".join(plan.lines()))
            button.setAccessibleName(f"{plan.title()}: {plan.summary()}")
            button.clicked.connect(lambda _=False, p=plan: self.next_week_requested.emit(p))
            self.apply_buttons.append(button)
            for widget in (text, button):
                self._column.addWidget(widget)
                self._rows.append(widget)

    def _add_row(self, number: int, fix: Fix) -> None:
        text = QLabel("<br>".join(escape(line) for line in fix.lines()))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        button = QPushButton(f"Apply fix {number}")
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        button.setToolTip("\n".join(fix.lines()))
        button.setAccessibleName(f"Apply fix {number}: {fix.summary()}")
        button.clicked.connect(lambda _=False, f=fix: self.apply_requested.emit(f))
        self.apply_buttons.append(button)
        for widget in (text, button):
            self._column.addWidget(widget)
            self._rows.append(widget)

    def _clear(self) -> None:
        self.apply_buttons.clear()
        for widget in self._rows:
            self._column.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._rows.clear()
