"""Drop to refreshed coverage: an exercise dropped on a day of a week holding 60 entries.

A real :class:`ui.app.main_window.MainWindow` (catalog of 10,000 exercises, 1280×800, offscreen)
gets real QDragEnter/QDragMove/QDrop events of an exercise id on Monday's list; the span ends
when the event loop has processed what the drop caused, which includes painting every widget it
made dirty (offscreen, painting is synchronous on the update request). A paint counter checks that
Monday's list, its header and the coverage chart really were repainted inside every span. Each
drop is undone (not measured) so every sample sees 60 entries. Baseline: the same events on a bare
QListView over a minimal list model that inserts the dropped row. Target (issue 13): at most
5 × the bare drop (it was at most 16 ms, which it meets on an idle machine). The CPU time of
both is printed too, for context on a busy machine.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPoint,
    QPointF,
    Qt,
)
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QListView, QWidget

from benchmarks._common import RUNS, qt_app, report, synthetic_catalog, synthetic_program

CATALOG = 10_000
ENTRIES = 60
DROPS = max(5, RUNS) * 3
MIME = "application/x-bench-ids"


def drop(target: QWidget, data: QMimeData, pos: QPoint) -> bool:
    """Enter, move and drop, as Qt sends them during a drag; True if the drop was accepted."""
    actions = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    args = (actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    for kind in (QDragEnterEvent, QDragMoveEvent):
        try:
            event = kind(QPointF(pos), *args)  # Qt 6.12 takes a QPointF
        except TypeError:
            event = kind(pos, *args)
        QApplication.sendEvent(target, event)
    event = QDropEvent(QPointF(pos), *args)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


class PaintCounter(QObject):
    """Counts paint events of the widgets it is installed on."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.painted: set[QObject] = set()
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.add(watched)
        return False


class BareModel(QAbstractListModel):
    def __init__(self, rows: list[str]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.rows[index.row()] if role == Qt.ItemDataRole.DisplayRole else None

    def flags(self, index: Any) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def dropMimeData(self, data: Any, action: Any, row: int, column: int, parent: Any) -> bool:
        row = len(self.rows) if row < 0 else row
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, bytes(data.data(MIME).data()).decode())
        self.endInsertRows()
        return True

    def remove_first(self) -> None:
        self.beginRemoveRows(QModelIndex(), 0, 0)
        del self.rows[0]
        self.endRemoveRows()


CPU: list[float] = []
"""CPU time of each sample (``time.process_time``), app samples first: printed for context."""


def bare_samples() -> list[float]:
    app = QApplication.instance()
    assert app is not None
    model = BareModel([f"Exercise {i}, 3 × 12" for i in range(ENTRIES // 7 + 1)])
    view = QListView()
    view.setModel(model)
    view.setDragDropMode(QListView.DragDropMode.DropOnly)
    view.resize(150, 600)
    view.show()
    app.processEvents()
    data = QMimeData()
    data.setData(MIME, b"own-bench-1")
    samples = []
    counter = PaintCounter(view.viewport())
    for _ in range(DROPS):
        counter.painted.clear()
        started, cpu = time.perf_counter(), time.process_time()
        assert drop(view.viewport(), data, QPoint(20, 5))
        app.processEvents()
        samples.append((time.perf_counter() - started) * 1000)
        CPU.append((time.process_time() - cpu) * 1000)
        assert counter.painted, "the bare list was not repainted"
        model.remove_first()
        app.processEvents()
    view.close()
    return samples


def app_samples() -> list[float]:
    from ui.app.main_window import MainWindow
    from ui.common.mime import EXERCISE_IDS, encode_ids

    app = QApplication.instance()
    assert app is not None
    exercises = synthetic_catalog(CATALOG)
    window = MainWindow(exercises)
    window.resize(1280, 800)
    window.show()
    window.set_document(type(window.document)(synthetic_program(1, ENTRIES, exercises[:40])))
    app.processEvents()
    assert sum(len(d.entries) for d in window.document.program.weeks[0].days) == ENTRIES
    monday = window.week_view.lists[0]
    data = encode_ids(EXERCISE_IDS, [exercises[5000].id])
    watched = (monday.viewport(), window.week_view.headers[0], window.coverage.this_week.chart)
    counter = PaintCounter(*watched)
    samples = []
    for _ in range(DROPS):
        counter.painted.clear()
        started, cpu = time.perf_counter(), time.process_time()
        assert drop(monday.viewport(), data, QPoint(20, 5))
        app.processEvents()
        samples.append((time.perf_counter() - started) * 1000)
        CPU.append((time.process_time() - cpu) * 1000)
        assert counter.painted == set(watched), "the calendar or the coverage was not repainted"
        window.document.undo_stack.undo()
        app.processEvents()
    window.document.undo_stack.setClean()
    window.close()
    return samples


def main() -> None:
    qt_app()
    ours = app_samples()
    bare = bare_samples()
    report(
        f"drop to repainted coverage, {ENTRIES}-entry week",
        statistics.median(ours),
        statistics.median(bare),
        "ms",
        ratio_limit=5,
    )
    cpu_ours, cpu_bare = statistics.median(CPU[: len(ours)]), statistics.median(CPU[len(ours) :])
    print(
        f"  CPU time: {cpu_ours:.1f} ms, bare {cpu_bare:.1f} ms ({cpu_ours / cpu_bare:.1f}x); "
        "it hardly moves when other work shares the machine",
        flush=True,
    )


if __name__ == "__main__":
    main()
