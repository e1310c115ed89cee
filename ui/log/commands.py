"""Undo commands of the client's log: each calls one Program method and its exact inverse."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from planner.log import Session
from planner.program import DAY_NAMES, Program


def session_name(session: Session) -> str:
    """ "Tuesday of week 2" — what an undo text and a message call a session."""
    return f"{DAY_NAMES[session.day]} of week {session.week + 1}"


class AddSession(QUndoCommand):
    def __init__(self, program: Program, session: Session) -> None:
        super().__init__(f"Log {session_name(session)}")
        self.program = program
        self.session = session
        self.index: int | None = None

    def redo(self) -> None:
        self.index = self.program.add_session(self.session, self.index)

    def undo(self) -> None:
        self.program.remove_session(self.session.id)


class EditSession(QUndoCommand):
    """Replace a logged session by an edited one with the same id."""

    def __init__(self, program: Program, session: Session) -> None:
        super().__init__(f"Edit the session of {session_name(session)}")
        self.program = program
        self.session = session

    def redo(self) -> None:
        self.session = self.program.replace_session(self.session)

    def undo(self) -> None:
        self.redo()  # replace_session swaps in the stored session and hands back the other


class RemoveSession(QUndoCommand):
    def __init__(self, program: Program, session_id: str) -> None:
        session = program.session(session_id)
        super().__init__(f"Remove the session of {session_name(session)}")
        self.program = program
        self.session_id = session_id
        self.index = 0
        self.session = session

    def redo(self) -> None:
        self.index, self.session = self.program.remove_session(self.session_id)

    def undo(self) -> None:
        self.program.add_session(self.session, self.index)
