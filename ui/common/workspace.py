"""The open document and the shown week, each kept in one place.

Views keep no copy of either: they read :attr:`Workspace.document` and :attr:`Workspace.week`
and listen to :attr:`Workspace.shown`, which carries every change of the program and every
move of the shown week as one :class:`Shown`. One change is one signal, so each view refreshes
once per change: adding a week rebuilds the calendar once and analyses the coverage once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from planner.events import Emitter
from planner.program import Change, Program
from ui.common.document import Document

UNCHANGED = Change()


@dataclass(frozen=True, slots=True)
class Shown:
    """What the views must show anew."""

    week: int
    """The shown week (0-based), already within the program."""
    change: Change = UNCHANGED
    """What changed in the program (nothing, when only the shown week moved)."""
    moved: bool = False
    """The calendar must be rebuilt: another week or document is shown, or weeks were added,
    removed or reordered."""
    replaced: bool = False
    """Another document is open."""


class ShownWeek(Protocol):
    """What a view reads the shown program and week from (a :class:`Workspace`, or a
    :class:`FixedWeek` for a view of its own, such as a preview); views never store either."""

    @property
    def program(self) -> Program: ...

    @property
    def week(self) -> int: ...


class ReadsShownWeek:
    """Mixed into a view of the shown week: its program and week, read from ``shown`` at each
    use, never stored."""

    shown: ShownWeek

    @property
    def program(self) -> Program:
        return self.shown.program

    @property
    def week(self) -> int:
        return self.shown.week


@dataclass(frozen=True, slots=True)
class FixedWeek:
    """One week of a program that nobody edits: for a view outside the window's workspace."""

    program: Program
    week: int = 0


class Workspace:
    """Owns the open document and the shown week.

    ``shown`` is a plain observer rather than a Qt signal, so a view that fails to show a
    program raises into :meth:`set_document`'s caller, which then puts the old one back.
    """

    def __init__(self, document: Document | None = None) -> None:
        self.shown: Emitter[Shown] = Emitter()
        self._document = document if document is not None else Document()
        self._document.changed.connect(self._changed)
        self._week = 0
        self._follow: int | None = None

    @property
    def document(self) -> Document:
        return self._document

    @property
    def program(self) -> Program:
        return self._document.program

    @property
    def week(self) -> int:
        return self._week

    def set_document(self, document: Document) -> None:
        """Show ``document`` from its first week."""
        self._document.changed.disconnect(self._changed)
        self._document = document
        document.changed.connect(self._changed)
        self._week = 0
        self.shown.emit(Shown(0, moved=True, replaced=True))

    def show_week(self, index: int) -> None:
        """Show week ``index`` (kept within the program); nothing happens if it is shown."""
        index = self._within(index)
        if index != self._week:
            self._week = index
            self.shown.emit(Shown(index, moved=True))

    @contextmanager
    def following(self, index: int) -> Iterator[None]:
        """Show week ``index`` once the weeks change inside the block (an added or moved week),
        in the same signal as the change itself."""
        self._follow = index
        try:
            yield
        finally:
            self._follow = None

    def _changed(self, change: Change) -> None:
        if change.structure:
            target = self._follow if self._follow is not None else self._week
            self._week = self._within(target)
        self.shown.emit(Shown(self._week, change, moved=change.structure))

    def _within(self, index: int) -> int:
        return max(0, min(index, len(self.program.weeks) - 1))
