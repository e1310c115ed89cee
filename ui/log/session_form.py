"""The quick form for one session the client reported, laid out like the handout's log page.

Fields, in tab order: the planned day (new sessions), the date, knee pain during and the next
morning (0–10, "–" when not reported), then per planned entry the sets done (all by default),
the load used (the planned load by default), the effort (RPE 1–10, optional) and a comment,
and last a note. Enter is "Save and next": the session is saved (one undoable step) and the
form moves on to the next planned day not yet logged, so a paper week is typed in as
"pain, Tab, pain, Enter" per day.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.dose import SETS_RANGE, DoseError, Effort, EffortScale
from planner.log import COMMENT_LIMIT, LOAD_LIMIT, NOTE_LIMIT, LogError, LoggedEntry, Session
from planner.log_summary import default_session, is_logged, next_unlogged_day, planned_days
from planner.program import DAY_NAMES, Program

NOT_REPORTED = "–"
PAIN_TIP = "Knee pain from 0 (none) to 10 (worst); type a digit. – means not reported."
EFFORT_TIP = "How hard it felt, RPE 1 (very easy) to 10 (maximal); – when not reported."


class DigitSpin(QSpinBox):
    """A spin box that takes a typed digit over its "–" (not reported), wherever the cursor
    is: a click into "–" and typing 3 gives 3, not an invalid "–3"."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text().isdigit() and self.specialValueText() and self.value() == self.minimum():
            self.lineEdit().selectAll()
        super().keyPressEvent(event)


def _spin(low: int, high: int, value: int, tip: str, name: str) -> QSpinBox:
    spin = DigitSpin(minimum=low, maximum=high, value=value)
    spin.setToolTip(tip)
    spin.setAccessibleName(name)
    spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    spin.setKeyboardTracking(True)
    return spin


def pain_spin(value: int | None, name: str) -> QSpinBox:
    spin = _spin(-1, 10, -1 if value is None else value, PAIN_TIP, name)
    spin.setSpecialValueText(NOT_REPORTED)
    return spin


class EntryRow:
    """The widgets of one logged entry: sets done, load, effort, comment."""

    def __init__(self, logged: LoggedEntry, name: str) -> None:
        self.logged = logged
        self.name = QLabel(name)
        self.name.setWordWrap(True)
        self.name.setToolTip(name)
        self.sets = _spin(
            0, SETS_RANGE[1], logged.sets_done, "Sets done; type a number", f"{name}: sets done"
        )
        self.sets.setSuffix(f" of {logged.sets_planned}")
        self.load = QLineEdit(logged.load)
        self.load.setMaxLength(LOAD_LIMIT)
        self.load.setCursorPosition(0)  # a long load shows its start
        self.load.setMinimumWidth(90)
        self.load.setAccessibleName(f"{name}: load used")
        self.load.setPlaceholderText("load")
        effort = logged.effort
        rpe = effort.value if effort is not None and effort.scale is EffortScale.RPE else 0
        self.effort = _spin(0, 10, rpe, EFFORT_TIP, f"{name}: effort, RPE")
        self.effort.setSpecialValueText(NOT_REPORTED)
        if effort is not None and effort.scale is not EffortScale.RPE:
            self.effort.setToolTip(f"Logged as {effort.describe()}; type an RPE to replace it.")
        self.comment = QLineEdit(logged.comment)
        self.comment.setMaxLength(COMMENT_LIMIT)
        self.comment.setAccessibleName(f"{name}: comment")
        self.comment.setPlaceholderText("comment")
        self.comment.setMinimumWidth(110)

    def widgets(self) -> list[QWidget]:
        return [self.sets, self.load, self.effort, self.comment]

    def entry(self) -> LoggedEntry:
        old = self.logged.effort
        value = self.effort.value()
        if value:
            effort: Effort | None = Effort(EffortScale.RPE, value)
        else:
            effort = old if old is not None and old.scale is not EffortScale.RPE else None
        return replace(
            self.logged,
            sets_done=self.sets.value(),
            load=self.load.text().strip(),
            effort=effort,
            comment=self.comment.text().strip(),
        )


class SessionForm(QDialog):
    """Log a new session (``session`` None: for ``week``/``day``) or edit a logged one.

    ``save`` receives each finished session (the caller pushes the undo command and returns
    whether it could); for a new
    session "Save and next" then shows the next planned day not yet logged, or closes when
    there is none.
    """

    def __init__(
        self,
        program: Program,
        week: int,
        day: int,
        save: Callable[[Session, bool], bool],
        today: date,
        session: Session | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.program = program
        self.save_session = save
        self.today = today
        self.editing = session is not None
        self.saved = 0
        self.week = week
        self.rows: list[EntryRow] = []
        self.setWindowTitle("Edit a logged session" if self.editing else "Log a session")

        self.day = QComboBox()
        self.day.setAccessibleName("Planned day")
        self.day.setToolTip("The planned day this session stands for")
        self.day.activated.connect(lambda _i: self._load_day(self.day.currentData()))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        self.date.setAccessibleName("Date done")
        self.pain_during = pain_spin(None, "Knee pain during, 0 to 10")
        self.pain_morning = pain_spin(None, "Knee pain next morning, 0 to 10")
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("How it went, in the client's words")

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        form = QFormLayout()
        form.addRow("Planned &day:", self.day)
        form.addRow("&Date done:", self.date)
        pain = QWidget()
        pain_row = QGridLayout(pain)
        pain_row.setContentsMargins(0, 0, 0, 0)
        during_label = QLabel("&during")
        during_label.setBuddy(self.pain_during)
        morning_label = QLabel("next &morning")
        morning_label.setBuddy(self.pain_morning)
        pain_row.addWidget(during_label, 0, 0)
        pain_row.addWidget(self.pain_during, 0, 1)
        pain_row.addWidget(morning_label, 0, 2)
        pain_row.addWidget(self.pain_morning, 0, 3)
        pain_row.setColumnStretch(4, 1)
        for spin in (self.pain_during, self.pain_morning):
            spin.setFixedWidth(spin.fontMetrics().horizontalAdvance("10") + 24)
        form.addRow("Knee pain (0–10):", pain)

        self.grid_holder = QWidget()
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.rows_area = QScrollArea()
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_area.setWidget(self.grid_holder)
        self.rows_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        note_form = QFormLayout()
        note_label = QLabel("&Note:")
        note_label.setBuddy(self.note)
        note_form.addRow(note_label, self.note)

        self.buttons = QDialogButtonBox()
        self.next_button: QPushButton | None = None
        if self.editing:
            self.save_button = self.buttons.addButton(
                "Save", QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.save_button.clicked.connect(lambda: self._save(next_day=False))
        else:
            self.next_button = self.buttons.addButton(
                "Save and &next", QDialogButtonBox.ButtonRole.ActionRole
            )
            self.next_button.setToolTip("Enter: save and go to the next planned day not logged")
            self.next_button.clicked.connect(lambda: self._save(next_day=True))
            self.save_button = self.buttons.addButton(
                "&Save and close", QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.save_button.clicked.connect(lambda: self._save(next_day=False))
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        close.clicked.connect(self.reject)
        for button in self.buttons.findChildren(QPushButton):
            button.setAutoDefault(False)
        default = self.next_button or self.save_button
        default.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.rows_area, 1)
        layout.addLayout(note_form)
        self.status = QLabel(
            "Enter saves and opens the next planned day not logged yet; Esc closes."
            if not self.editing
            else "Enter saves; Esc closes without saving."
        )
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        if session is not None:
            self.session_id: str | None = session.id
            self._show(session)
        else:
            self.session_id = None
            self._load_day(day)
        self._fit()

    def _fit(self) -> None:
        """Wide enough for the columns, tall enough for every row up to 90 % of the screen
        (the rows scroll beyond that), so a 1024×600 screen shows the buttons."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        rows_height = self.grid_holder.sizeHint().height() + 8
        extra = rows_height - self.rows_area.sizeHint().height()
        hint = self.sizeHint()
        width = min(max(hint.width(), 700), int(screen.width() * 0.95))
        height = min(hint.height() + max(0, extra), int(screen.height() * 0.9))
        self.resize(width, height)

    # -- showing a session ---------------------------------------------------------------------

    def _fill_days(self, week: int, day: int) -> None:
        self.day.clear()
        for d in planned_days(self.program, week):
            count = len(self.program.day(week, d).entries)
            logged = " — logged" if is_logged(self.program, week, d) else ""
            exercises = "1 exercise" if count == 1 else f"{count} exercises"
            self.day.addItem(f"{DAY_NAMES[d]} ({exercises}){logged}", d)
        self.day.setCurrentIndex(max(0, self.day.findData(day)))

    def _load_day(self, day: int) -> None:
        """Show a new session for ``day`` of the form's week, as planned."""
        self._fill_days(self.week, day)
        self._show(default_session(self.program, self.week, day, self.today))

    def _show(self, session: Session) -> None:
        self.current = session
        if self.editing:
            self.day.clear()
            self.day.addItem(DAY_NAMES[session.day], session.day)
            self.day.setEnabled(False)
        when = self.program.day_date(session.week, session.day)
        planned = f" · planned {when.day} {when:%b %Y}" if when else ""
        self.heading.setText(f"<b>Week {session.week + 1}, {DAY_NAMES[session.day]}</b>{planned}")
        self.date.setDate(QDate(session.date.year, session.date.month, session.date.day))
        self.pain_during.setValue(-1 if session.pain_during is None else session.pain_during)
        self.pain_morning.setValue(
            -1 if session.pain_next_morning is None else session.pain_next_morning
        )
        self.note.setText(session.note)
        self._show_rows(session)
        self._chain_tabs()
        self.pain_during.setFocus(Qt.FocusReason.TabFocusReason)
        self.pain_during.selectAll()

    def _show_rows(self, session: Session) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        headers = ("Exercise", "Sets done", "Load used", "Effort (RPE)", "Comment")
        for column, text in enumerate(headers):
            label = QLabel(f"<small><b>{text}</b></small>")
            self.grid.addWidget(label, 0, column)
        if not session.entries:
            self.grid.addWidget(QLabel("No exercises were planned for this day."), 1, 0, 1, 5)
        for r, logged in enumerate(session.entries, start=1):
            exercise = self.program.exercises.get(logged.exercise_id)
            name = exercise.name if exercise is not None else logged.exercise_id
            row = EntryRow(logged, name)
            self.rows.append(row)
            self.grid.addWidget(row.name, r, 0)
            for column, widget in enumerate(row.widgets(), start=1):
                self.grid.addWidget(widget, r, column)
        for i in range(self.grid.count()):  # shown now, not on the next turn of the event
            item = self.grid.itemAt(i)  # loop, so Tab reaches them at once
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.show()
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(2, 2)
        self.grid.setColumnStretch(4, 3)
        self.grid.setRowStretch(len(session.entries) + 1, 1)

    def _chain_tabs(self) -> None:
        chain: list[QWidget] = [self.day, self.date, self.pain_during, self.pain_morning]
        for row in self.rows:
            chain += row.widgets()
        chain += [self.note, *self.buttons.buttons()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- saving ----------------------------------------------------------------------------------

    def session(self) -> Session:
        """The session as the form shows it; raises :class:`LogError` for a bad value."""
        when = self.date.date()
        pains = [s.value() for s in (self.pain_during, self.pain_morning)]
        try:
            entries = tuple(row.entry() for row in self.rows)
        except DoseError as error:
            raise LogError(dict(error.problems)) from error
        return replace(
            self.current,
            date=date(when.year(), when.month(), when.day()),
            pain_during=None if pains[0] < 0 else pains[0],
            pain_next_morning=None if pains[1] < 0 else pains[1],
            note=self.note.text().strip(),
            entries=entries,
        )

    def _save(self, next_day: bool) -> None:
        try:
            session = self.session()
        except LogError as error:
            QMessageBox.warning(
                self,
                "Not saved",
                "The session was not saved:\n"
                + "\n".join(f"• {text}" for text in error.problems.values()),
            )
            return
        if not self.save_session(session, self.editing):
            return  # the caller said why; the form keeps what was typed
        self.saved += 1
        if not next_day:
            self.accept()
            return
        following = next_unlogged_day(self.program, session.week, session.day)
        if following is None:
            self.accept()
            return
        self.week = following[0]
        self.status.setText(
            f"Saved {DAY_NAMES[session.day]} of week {session.week + 1}. Enter saves this one "
            "too; Esc closes."
        )
        self._load_day(following[1])
