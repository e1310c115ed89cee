"""Exit once the window is painted: for the bundle's smoke test and the start benchmarks.

``HIP_PLANNER_EXIT_AFTER_PAINT=1`` (environment) makes an ordinary start print ``painted <unix
time>`` (and ``cpu <seconds>``, this process's CPU time so far) at the first paint of what
the coach starts from (:func:`window_ready`), and exit with code 0 as soon
as the event loop runs. That is how a test proves that a built bundle opens its window, and how
``benchmarks/bundle.py`` times it; coaches never set it. ``os._exit`` skips interpreter
teardown, which nobody waits for here.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QListView

EXIT_AFTER_PAINT = "HIP_PLANNER_EXIT_AFTER_PAINT"


def catalog_filled(widget: QObject) -> bool:
    """The painted widget is the catalog list's viewport, and the list holds exercises."""
    view = widget.parent()
    return (
        isinstance(view, QListView)
        and view.objectName() == "catalogList"
        and view.model().rowCount() > 0
    )


def start_page_filled(widget: QObject) -> bool:
    """The painted widget is a template card of the start page (its title and description
    shown; its week strip and hexagon follow on the next turns of the event loop)."""
    return widget.objectName() == "startCard" and widget.property("kind") == "template"


def window_ready(widget: QObject) -> bool:
    """What a start shows first: the start page with its template cards, or (a program named
    on the command line) the planner with the catalog filled."""
    return start_page_filled(widget) or catalog_filled(widget)


class ExitAfterFirstPaint(QObject):
    """An event filter (install it on the application) that exits after the first ready paint."""

    def __init__(
        self,
        parent: QObject,
        ready: Callable[[QObject], bool] = window_ready,
        before_exit: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(parent)  # the parent keeps it alive
        self.ready = ready
        self.before_exit = before_exit
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted and self.ready(watched):
            self.painted = True
            print(f"painted {time.time()}\ncpu {time.process_time()}", flush=True)
            QTimer.singleShot(0, self.finish)  # once the event loop runs
        return False

    def finish(self) -> None:
        self.before_exit()
        os._exit(0)


def exit_after_first_paint_if_asked(app: QObject) -> None:
    """Watch ``app``'s first paint when the environment asks for it (see the module text)."""
    if os.environ.get(EXIT_AFTER_PAINT):
        app.installEventFilter(ExitAfterFirstPaint(app))
