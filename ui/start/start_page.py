"""The start page, shown while no program is open: new blank, templates, recent programs, Open….

Cheap to paint: the template cards show their titles and descriptions first; each template's
week at a glance and coverage hexagon are filled on the following turns of the event loop, one
template per turn, and so are the client names of the recent programs (read from their files).
Picking anything emits a signal; the window hands it to the File menu's own commands, so a
template or a file opens exactly as File ▸ New from template or Open would open it.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.common import settings as remembered
from ui.start.cards import Card, WeekStrip, wrapped_label

if TYPE_CHECKING:
    from planner.balance.settings import BalanceSettings
    from planner.program import Program
    from ui.files.clinic_templates import TemplateChoice
    from ui.start.hexagon import SmallHexagon

log = logging.getLogger(__name__)

HEXAGON_SIDE = 88
"""ui.start.hexagon.SmallHexagon.SIDE (a test keeps them equal)."""
CARD_WIDTH = 330
"""The narrowest a template card gets before the grid drops a column."""
MAX_COLUMNS = 3
CONTENT_WIDTH = 1160
"""Wider windows centre the page instead of stretching the cards."""
NO_RECENT = (
    "No recent programs yet. Programs you open or save are listed here, newest first, with "
    "the client's name."
)


def section_heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


class TemplateCard(Card):
    """A template: title, description, week 1 at a glance and its hexagon (filled later)."""

    def __init__(self, choice: TemplateChoice) -> None:
        super().__init__(f"New program from the template {choice.title}")
        self.choice = choice
        self.setProperty("kind", "template")
        self.setToolTip(f"Start a new program from “{choice.title}”")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 10, 12, 10)
        column = QVBoxLayout()
        column.setSpacing(4)
        self.title = wrapped_label(choice.title, bold=True)
        self.description = wrapped_label(choice.description or "A program to start from.")
        self.glance = wrapped_label("", small=True)
        self.strip = WeekStrip()
        column.addWidget(self.title)
        column.addWidget(self.description)
        column.addStretch(1)
        column.addWidget(self.strip)
        column.addWidget(self.glance)
        row.addLayout(column, 1)
        self.row = row
        self.hexagon: SmallHexagon | None = None
        self.hexagon_slot = QWidget()  # the hexagon's place until the template is read
        self.hexagon_slot.setFixedSize(HEXAGON_SIDE, HEXAGON_SIDE)
        row.addWidget(self.hexagon_slot, 0)
        self.setAccessibleDescription(choice.description)

    def show_program(self, program: Program, thresholds: BalanceSettings) -> None:
        """Week 1 at a glance and its coverage hexagon."""
        from planner.balance.analysis import analyse_week
        from planner.balance.coverage import standings, target_band
        from planner.files.thresholds import settings_for
        from ui.start.hexagon import SmallHexagon

        week = program.weeks[0]
        names = [[program.exercises[e.exercise_id].name for e in day.entries] for day in week.days]
        self.strip.set_days(names)
        count = sum(len(day) for day in names)
        days = sum(1 for day in names if day)
        weeks = len(program.weeks)
        if count:
            text = (
                f"Week 1: {count} exercise{'s' if count != 1 else ''} on {days} "
                f"day{'s' if days != 1 else ''}"
            )
        else:
            text = "An empty week: fill it from the catalog"
        if weeks > 1:
            text += f" · {weeks} weeks"
        self.glance.setText(text)
        settings = settings_for(program, thresholds)
        analysis = analyse_week(week, program.exercises, settings)
        if analysis.is_empty:
            self.hexagon_slot.hide()
            return
        self.hexagon = SmallHexagon()
        self.row.replaceWidget(self.hexagon_slot, self.hexagon)
        self.hexagon_slot.deleteLater()
        self.hexagon.show_week(analysis.sets, target_band(analysis, settings), standings(analysis))


class RecentCard(Card):
    """A recent program: file name, client and date saved, folder; or that it is missing."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"Open the recent program {path.name}")
        self.path = path
        self.missing = not path.is_file()
        self.setProperty("kind", "recent")
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(2)
        self.name = wrapped_label(path.name, bold=True)
        self.about = wrapped_label("")
        self.folder = wrapped_label(str(path.parent), small=True)
        column.addWidget(self.name)
        column.addWidget(self.about)
        column.addWidget(self.folder)
        self.saved = ""
        if self.missing:
            self.about.setText("Missing: it is no longer in this folder. Click to remove it.")
            self.setToolTip(f"{path} cannot be found")
        else:
            try:
                when = datetime.fromtimestamp(path.stat().st_mtime)
                self.saved = f"saved {when.day} {when:%b %Y, %H:%M}"
            except OSError:
                self.saved = ""
            self.about.setText(self.saved)
            self.setToolTip(f"Open {path}")
        self.setAccessibleDescription(self.about.text())

    def show_client(self, client: str, title: str) -> None:
        who = client or title or "no client name yet"
        self.about.setText(" · ".join(part for part in (who, self.saved) if part))
        self.setAccessibleDescription(self.about.text())


class StartPage(QWidget):
    """What the window shows while no program is open."""

    blank_requested = Signal()
    open_requested = Signal()
    template_chosen = Signal(object)  # TemplateChoice
    recent_chosen = Signal(object)  # Path of a file that exists

    def __init__(
        self,
        choices: Callable[[], list[TemplateChoice]],
        thresholds: Callable[[], BalanceSettings],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.choices = choices
        self.thresholds = thresholds
        self.template_cards: list[TemplateCard] = []
        self.recent_cards: list[RecentCard] = []
        self._pending: list[Callable[[], None]] = []
        self._columns = 0
        self._painted = False

        scroll = QScrollArea()
        scroll.setObjectName("startScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        holder = QWidget()
        stack = QVBoxLayout(holder)  # the page as tall as it needs, the rest left empty below
        stack.setContentsMargins(0, 0, 0, 0)
        centred = QHBoxLayout()
        stack.addLayout(centred)
        stack.addStretch(1)
        self.content = QWidget()
        self.content.setMaximumWidth(CONTENT_WIDTH)
        self.content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        centred.addStretch(0)
        centred.addWidget(self.content, 1)
        centred.addStretch(0)
        scroll.setWidget(holder)

        page = QVBoxLayout(self.content)
        page.setContentsMargins(24, 18, 24, 24)
        page.setSpacing(10)
        title = QLabel("Start a program")
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        title.setFont(font)
        page.addWidget(title)
        page.addWidget(
            wrapped_label(
                "Start from a template, start blank, or open a program you saved. A template "
                "becomes a new program: save it under the client's name."
            )
        )

        first = QHBoxLayout()
        first.setSpacing(12)
        self.blank_card = self._simple_card(
            "New blank program",
            "An empty week to fill from the catalog (Ctrl+N).",
            "blank",
        )
        self.blank_card.activated.connect(self.blank_requested)
        self.open_card = self._simple_card(
            "Open…", "A program saved on this computer or a shared drive (Ctrl+O).", "open"
        )
        self.open_card.activated.connect(self.open_requested)
        self.blank_card.installEventFilter(self)  # fill the cards after the first paint
        first.addWidget(self.blank_card, 1)
        first.addWidget(self.open_card, 1)
        page.addLayout(first)

        page.addSpacing(6)
        page.addWidget(section_heading("Recent programs"))
        self.recent_grid = QGridLayout()
        self.recent_grid.setSpacing(8)
        page.addLayout(self.recent_grid)
        self.no_recent = wrapped_label(NO_RECENT)
        page.addWidget(self.no_recent)

        page.addSpacing(6)
        page.addWidget(section_heading("Templates"))
        self.template_grid = QGridLayout()
        self.template_grid.setSpacing(12)
        page.addLayout(self.template_grid)
        page.addStretch(1)

        self.fill_templates()
        self.fill_recent()

    def _simple_card(self, title: str, text: str, kind: str) -> Card:
        card = Card(title)
        card.setProperty("kind", kind)
        card.setAccessibleDescription(text)
        column = QVBoxLayout(card)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(2)
        column.addWidget(wrapped_label(title, bold=True))
        column.addWidget(wrapped_label(text))
        return card

    # -- templates ---------------------------------------------------------------------------

    def fill_templates(self) -> None:
        """A card per template (built-in, then the clinic's), their weeks filled later."""
        for card in self.template_cards:
            self.template_grid.removeWidget(card)
            card.deleteLater()
        self.template_cards = []
        try:
            choices = self.choices()
        except Exception:  # a start page must open even if the templates cannot be listed
            log.exception("could not list the templates")
            choices = []
        for choice in choices:
            if choice.blank:  # the "New blank program" card above
                continue
            card = TemplateCard(choice)
            card.activated.connect(lambda c=card: self.template_chosen.emit(c.choice))
            self.template_cards.append(card)
            self._later(partial(self._fill_card, card))
        self._reflow(force=True)
        self._set_tab_order()

    def _fill_card(self, card: TemplateCard) -> None:
        from planner.files.program_file import ProgramFileError

        if card not in self.template_cards:
            return
        try:
            card.show_program(card.choice.load(), self.thresholds())
        except ProgramFileError as exc:
            card.glance.setText(f"Cannot be read: {exc}")
        except Exception:  # a preview that fails must not stop the start page
            log.exception("could not preview the template %s", card.choice.title)
            card.glance.setText("No preview")

    def _reflow(self, force: bool = False) -> None:
        """Lay the cards out in as many columns as fit (one to three)."""
        width = self.content.width() - 48
        columns = max(1, min(MAX_COLUMNS, width // CARD_WIDTH))
        if columns == self._columns and not force:
            return
        self._columns = columns
        grids: list[tuple[QGridLayout, Sequence[Card]]] = [
            (self.template_grid, self.template_cards),
            (self.recent_grid, self.recent_cards),
        ]
        for grid, cards in grids:
            for card in cards:
                grid.removeWidget(card)
            for i, card in enumerate(cards):
                grid.addWidget(card, i // columns, i % columns)
            for c in range(MAX_COLUMNS):
                grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    # -- recent programs ---------------------------------------------------------------------

    def fill_recent(self) -> None:
        """A card per remembered program, newest first; a missing one says so."""
        for card in self.recent_cards:
            self.recent_grid.removeWidget(card)
            card.deleteLater()
        self.recent_cards = []
        for name in remembered.recent_names():
            card = RecentCard(Path(name))
            card.activated.connect(lambda c=card: self._recent_clicked(c))
            self.recent_cards.append(card)
            if not card.missing:
                self._later(partial(self._fill_client, card))
        self.no_recent.setVisible(not self.recent_cards)
        self._reflow(force=True)
        self._set_tab_order()

    def _fill_client(self, card: RecentCard) -> None:
        from planner.files.program_file import ProgramFileError, read_program

        if card not in self.recent_cards:
            return
        try:
            details = read_program(card.path).details
        except ProgramFileError:
            card.about.setText(f"Cannot be read as a Hip Planner program · {card.saved}")
            return
        except Exception:
            log.exception("could not read %s for the start page", card.path)
            return
        card.show_client(details.client_name, details.title)

    def _recent_clicked(self, card: RecentCard) -> None:
        if card.path.is_file():
            self.recent_chosen.emit(card.path)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Program not found",
            f"“{card.path.name}” is no longer in {card.path.parent}.",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setInformativeText(
            "It may have been moved, renamed or deleted, or the drive it is on is not "
            "connected. Remove it from the recent programs? The file itself is not touched "
            "(if it turns up elsewhere, Open… opens it from there)."
        )
        remove = box.addButton("Remove from the list", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Keep it listed", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(remove)
        box.exec()
        if box.clickedButton() is remove:
            forget_recent(card.path)
            self.fill_recent()

    # -- helpers -----------------------------------------------------------------------------

    def _later(self, work: Callable[[], None]) -> None:
        """Run ``work`` on a later turn of the event loop, one piece per turn, once the page
        has been painted (a timer started before would run before the first paint)."""
        self._pending.append(work)
        if len(self._pending) == 1 and self._painted:
            QTimer.singleShot(0, self._next)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.blank_card.removeEventFilter(self)
            if self._pending:
                QTimer.singleShot(0, self._next)
        return False

    def _next(self) -> None:
        if not self._pending:
            return
        self._pending.pop(0)()
        if self._pending:
            QTimer.singleShot(0, self._next)

    def finish_filling(self) -> None:
        """Fill everything still pending now (for tests and for screenshots)."""
        while self._pending:
            self._pending.pop(0)()

    def _set_tab_order(self) -> None:
        cards: list[QWidget] = [
            self.blank_card,
            self.open_card,
            *self.recent_cards,
            *self.template_cards,
        ]
        for before, after in itertools.pairwise(cards):
            QWidget.setTabOrder(before, after)

    def refresh(self) -> None:
        """Shown again (a program was closed): the recent list may have changed."""
        self.fill_recent()


def forget_recent(path: Path) -> None:
    """Take ``path`` off the remembered recent programs."""
    wanted = os.path.normcase(str(path))
    remembered.set_recent_names(
        [name for name in remembered.recent_names() if os.path.normcase(name) != wanted]
    )
