"""The log's findings in the window: pain-high and ready-to-progress offer the next week in one
undoable click; "Next week from the log" (Week actions) adds it and says what changed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from planner.balance.findings import Code
from planner.exercise import Exercise
from planner.files.catalog_file import load_catalog_dir
from planner.log import LoggedEntry, Session
from planner.program import Program
from resources import resource_path
from ui.app.main_window import MainWindow
from ui.common.document import Document

CATALOG = {ex.id: ex for ex in load_catalog_dir(resource_path("catalog"))}


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    w = MainWindow(list(CATALOG.values()))
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    return w


def program_of(*ids: str) -> Program:
    program = Program()
    for day in (0, 3):
        for ex_id in ids:
            program.add_entry(0, day, CATALOG[ex_id])
    return program


def log(program: Program, day: int, during: int) -> None:
    entries = tuple(
        LoggedEntry(e.id, e.exercise_id, e.dose.sets, e.dose.sets)
        for e in program.day(0, day).entries
    )
    program.add_session(Session(date(2026, 3, 2 + day), 0, day, entries, during, 0))


def select(window: MainWindow, code: Code) -> None:
    page = window.coverage.this_week
    model = page.findings_model
    page.findings.set_folded(False)
    row = next(r for r in range(model.rowCount()) if model.finding(r).code is code)
    page.findings.setCurrentIndex(model.index(row, 0))


def codes(window: MainWindow) -> list[Code]:
    model = window.coverage.this_week.findings_model
    return [model.finding(r).code for r in range(model.rowCount())]


def ids_of(program: Program, week: int) -> list[str]:
    return [e.exercise_id for _, e in program.weeks[week].entries()]


def easier(ex_id: str) -> Exercise:
    variant = CATALOG[ex_id].easier
    assert variant is not None
    return CATALOG[variant]


def test_pain_high_offers_the_easier_variant_for_next_week_in_one_click(
    qtbot: QtBot, window: MainWindow
) -> None:
    program = program_of("single-leg-glute-bridge", "clamshell")
    window.set_document(Document(program))
    log(program, 3, during=7)  # typed in after opening, as the log form does
    assert Code.PAIN_HIGH in codes(window)
    select(window, Code.PAIN_HIGH)
    box = window.coverage.this_week.fixes
    assert box.isVisibleTo(window)
    first = box.apply_buttons[0]
    assert first.text() == "Easier variant or fewer reps"
    qtbot.waitUntil(lambda: first.height() > 0)  # laid out, as any button a coach can click
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert len(program.weeks) == 2
    assert easier("single-leg-glute-bridge").id in ids_of(program, 1)
    assert window.workspace.week == 1  # the new week is shown
    assert window.document.undo_stack.count() == 1
    assert "from the log" in window.document.undo_stack.undoText()
    window.undo_action.trigger()
    assert len(program.weeks) == 1
    window.redo_action.trigger()
    assert easier("single-leg-glute-bridge").id in ids_of(program, 1)


def test_ready_to_progress_raises_next_week(qtbot: QtBot, window: MainWindow) -> None:
    program = program_of("glute-bridge")
    program.insert_week(1)
    program.add_entry(1, 0, CATALOG["glute-bridge"])
    window.set_document(Document(program))
    log(program, 0, during=1)
    log(program, 3, during=0)
    select(window, Code.READY_TO_PROGRESS)
    box = window.coverage.this_week.fixes
    qtbot.waitUntil(lambda: box.apply_buttons[0].height() > 0)  # laid out
    qtbot.mouseClick(box.apply_buttons[0], Qt.MouseButton.LeftButton)
    harder = CATALOG["glute-bridge"].harder
    assert ids_of(program, 1) == [harder]  # week 2 existed: changed, not added
    assert len(program.weeks) == 2
    select(window, Code.READY_TO_PROGRESS)  # still true of week 1, but week 2 has moved on
    assert box.apply_buttons == []
    assert box.heading.text().startswith("<b>Nothing to offer</b> — week 2 no longer carries")


def test_next_week_from_the_log_from_the_week_actions_menu(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, title, text: told.append((title, text))
    )
    program = program_of("single-leg-glute-bridge", "clamshell")
    log(program, 0, during=1)
    log(program, 3, during=6)
    window.set_document(Document(program))
    window.week_bar.from_log.trigger()
    assert len(program.weeks) == 2
    assert ids_of(program, 1).count(easier("single-leg-glute-bridge").id) == 2
    ((title, text),) = told
    assert title == "Added week 2 from week 1 with 4 changes"
    assert "Thu 5 Mar: knee pain 6/10 during:\n  Monday: Single-leg glute bridge → " in text
    assert window.statusBar().currentMessage() == "Added week 2 from week 1 with 4 changes."
    window.undo_action.trigger()
    assert len(program.weeks) == 1
