"""An open program: the domain object, its undo stack, its file and the modified flag.

The modified flag follows the undo stack's clean state, so undoing back to the saved state
clears it again.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.program import Change, Program

UNTITLED = "Untitled program"


class DocumentHost(Protocol):
    """Who holds the open document: controllers read it and replace it through this, never
    through the window that shows it."""

    @property
    def document(self) -> Document: ...

    def set_document(self, document: Document) -> None: ...


class Document(QObject):
    changed = Signal(object)  # planner.program.Change
    title_changed = Signal()

    def __init__(
        self, program: Program | None = None, path: Path | None = None, key: str | None = None
    ) -> None:
        super().__init__()
        self.program = program if program is not None else Program()
        self.path = path
        self.key = key or uuid.uuid4().hex
        """Names this document's autosave copy in the recovery folder."""
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self.title_changed)
        self.program.changed.connect(self._forward)

    def _forward(self, change: Change) -> None:
        self.changed.emit(change)
        if change.details:
            self.title_changed.emit()

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.undo_stack.setClean()
        self.title_changed.emit()

    def display_name(self) -> str:
        """What the title bar shows: the file name, else the program's title, else Untitled."""
        if self.path is not None:
            return self.path.name
        details = self.program.details
        return details.title or details.client_name or UNTITLED

    def close(self) -> None:
        self.program.changed.disconnect(self._forward)
