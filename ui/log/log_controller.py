"""Turns "log a session", "edit" and "remove" into the session form and undo commands."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.log import MAX_SESSIONS, Session
from planner.log_summary import first_day_to_log
from planner.program import ProgramError
from ui.common import clock
from ui.common.workspace import Workspace
from ui.log.commands import AddSession, EditSession, RemoveSession, session_name
from ui.log.log_panel import LogPanel
from ui.log.session_form import SessionForm


class LogController(QObject):
    status = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        workspace: Workspace,
        panel: LogPanel,
        selected_day: Callable[[], int],
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.workspace = workspace
        self.panel = panel
        self.selected_day = selected_day
        self.form: SessionForm | None = None
        """The open form (tests answer it)."""
        panel.log_requested.connect(self.log_session)
        panel.table.edit_requested.connect(self.edit_session)
        panel.table.remove_requested.connect(self.remove_session)

    def log_session(self) -> None:
        """Open the form for the selected day of the shown week (or its first planned day not
        yet logged); Save and next goes on through the days not yet logged."""
        program, week = self.workspace.program, self.workspace.week
        day = first_day_to_log(program, week, self.selected_day())
        if day is None:
            QMessageBox.information(
                self.window,
                "Nothing to log",
                f"Week {week + 1} has no exercises planned. Plan the week first, then log "
                "what the client did of it.",
            )
            return
        self._run(SessionForm(program, week, day, self._save, clock.today(), parent=self.window))

    def edit_session(self, session_id: str) -> None:
        program = self.workspace.program
        try:
            session = program.session(session_id)
        except ProgramError:
            return
        self._run(
            SessionForm(
                program,
                session.week,
                session.day,
                self._save,
                clock.today(),
                session=session,
                parent=self.window,
            )
        )

    def remove_session(self, session_id: str) -> None:
        program = self.workspace.program
        try:
            command = RemoveSession(program, session_id)
        except ProgramError:
            return
        self.workspace.document.push(command)
        self.status.emit(
            f"Removed the session of {session_name(command.session)} (Undo brings it back)."
        )

    def _run(self, form: SessionForm) -> None:
        self.form = form
        try:
            form.exec()
        finally:
            self.form = None
            form.deleteLater()
        if form.saved:
            sessions = "1 session" if form.saved == 1 else f"{form.saved} sessions"
            self.status.emit(f"Saved {sessions} of the client's log.")

    def _save(self, session: Session, editing: bool) -> bool:
        """Push the session's undo command; False (and the coach told why) if it cannot be."""
        program = self.workspace.program
        if editing and session == program.session(session.id):
            return True  # nothing changed: no empty step on the undo stack
        if not editing and len(program.log) >= MAX_SESSIONS:
            QMessageBox.warning(
                self.form or self.window,
                "Log full",
                f"This program already holds {MAX_SESSIONS} logged sessions, the most one "
                "program can. Remove old sessions, or save the next block of training as a new "
                "program (File ▸ Save as…) and log it there.",
            )
            return False
        command = EditSession(program, session) if editing else AddSession(program, session)
        self.workspace.document.push(command)
        self.panel.table.select_id(session.id)
        return True
