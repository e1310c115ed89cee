"""Save and next in the session form: Enter to the next day's form, with a full log behind it.

A real :class:`ui.app.main_window.MainWindow` (1280×800, offscreen, the Log tab and the All
weeks table not shown, the Log tab shown) holds a 52-week program of 3 training days × 6
entries with 999 logged sessions (a program holds at most 1,000), its last planned days not yet
logged. The session form is open on one of them; each span is one Enter on the form — saving
the session as one undo step, the calendar's marks, the Log tab (sessions, summary, pain trend)
and the form's next day — until the event loop has processed what it caused. Each save is
undone between spans (not measured). Baseline: the same Enter on a bare QDialog whose default
button rebuilds a grid of the same widgets (6 rows of spin boxes and line edits). Target:
100 ms, the limit for an answer to feel immediate.
"""

from __future__ import annotations

import statistics
import time
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from benchmarks._common import RUNS, qt_app, report, synthetic_catalog
from planner.program import ClientDetails, Program, Week

SESSIONS = 999
"""One below the most a program holds (1,000), so the saved one fits."""
WEEKS = 52
ROWS = 6
SAVES = max(5, RUNS) * 3


def logged_program() -> Program:
    exercises = synthetic_catalog(40)
    program = Program()
    program.set_details(ClientDetails(client_name="Bench", start_date=date(2025, 1, 6)))
    for w in range(WEEKS):
        if w:
            program.insert_week(w, Week())
        for day in (0, 2, 4):
            for n in range(ROWS):
                program.add_entry(w, day, exercises[(w + day + n) % len(exercises)])
    from planner.log_summary import default_session

    today = date(2026, 1, 1)
    for w in range(WEEKS - 2):  # the last two weeks' days are still open
        for day in (0, 2, 4):
            for _ in range(7):
                if len(program.log) < SESSIONS:
                    program.add_session(default_session(program, w, day, today))
    assert len(program.log) == SESSIONS
    return program


def app_samples() -> list[float]:
    from ui.app.main_window import MainWindow
    from ui.common import clock
    from ui.common.document import Document
    from ui.log.session_form import SessionForm

    app = QApplication.instance()
    assert app is not None
    program = logged_program()
    clock.today = lambda: date(2025, 1, 6) + timedelta(weeks=WEEKS)  # type: ignore[assignment]
    window = MainWindow(synthetic_catalog(100))
    window.resize(1280, 800)
    window.show()
    window.set_document(Document(program))
    window.workspace.show_week(WEEKS - 2)
    window.coverage.tabs.setCurrentWidget(window.log_panel)
    app.processEvents()
    stack = window.document.undo_stack
    samples = []
    for _ in range(SAVES):
        form = SessionForm(program, WEEKS - 2, 0, window.log._save, clock.today(), parent=window)
        form.show()
        app.processEvents()
        target = form.focusWidget() or form
        started = time.perf_counter()
        QTest.keyClick(target, Qt.Key.Key_Return)
        app.processEvents()
        samples.append((time.perf_counter() - started) * 1000)
        assert form.isVisible(), "Enter closed the form instead of opening the next day"
        assert form.saved == 1, "Enter did not save"
        assert len(program.log) == SESSIONS + 1
        form.close()
        form.deleteLater()
        stack.undo()
        app.processEvents()
    stack.setClean()
    window.close()
    return samples


class BareForm(QDialog):
    def __init__(self) -> None:
        super().__init__()
        self.holder = QWidget()
        self.grid = QGridLayout(self.holder)
        button = QPushButton("Save and next")
        button.setDefault(True)
        button.clicked.connect(self.rebuild)
        layout = QVBoxLayout(self)
        layout.addWidget(self.holder)
        layout.addWidget(button)
        self.rebuild()

    def rebuild(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for r in range(ROWS):
            row: list[QWidget] = [QSpinBox(), QLineEdit(), QSpinBox(), QLineEdit()]
            for c, widget in enumerate(row):
                self.grid.addWidget(widget, r, c)
                widget.show()


def bare_samples() -> list[float]:
    app = QApplication.instance()
    assert app is not None
    form = BareForm()
    form.show()
    app.processEvents()
    samples = []
    for _ in range(SAVES):
        spin = form.holder.findChild(QSpinBox)
        assert spin is not None
        spin.setFocus()
        started = time.perf_counter()
        QTest.keyClick(spin, Qt.Key.Key_Return)
        app.processEvents()
        samples.append((time.perf_counter() - started) * 1000)
    form.close()
    return samples


def main() -> None:
    qt_app()
    ours = app_samples()
    bare = bare_samples()
    report(
        f"log form: Enter saves and opens the next day, {SESSIONS} sessions",
        statistics.median(ours),
        statistics.median(bare),
        "ms",
        limit=100,
    )


if __name__ == "__main__":
    main()
