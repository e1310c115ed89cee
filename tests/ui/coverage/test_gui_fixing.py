"""The window's fixes on Metzl's template: one fix and Fix all, each one undoable step."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.balance.findings import Code, Severity
from planner.files.catalog_file import load_catalog_dir
from planner.program import Program
from planner.taxonomy import Direction, Equipment
from planner.templates import list_templates, program_from_template
from resources import resource_path
from ui.app.main_window import MainWindow
from ui.common.document import Document

AT_HOME = frozenset({Equipment.BODY_WEIGHT, Equipment.ELASTIC_BAND, Equipment.MINI_BAND})


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    w = MainWindow(load_catalog_dir(resource_path("catalog")))
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    return w


def metzl(window: MainWindow) -> Program:
    program = program_from_template(list_templates()[1])
    window.set_document(Document(program))
    return program


def problems(window: MainWindow) -> list[Code]:
    model = window.coverage.this_week.findings_model
    found = [model.finding(r) for r in range(model.rowCount())]
    return [f.code for f in found if f.severity is not Severity.INFO]


def select(window: MainWindow, code: Code) -> None:
    page = window.coverage.this_week
    model = page.findings_model
    row = next(r for r in range(model.rowCount()) if model.finding(r).code is code)
    page.findings.setCurrentIndex(model.index(row, 0))


def test_fix_all_on_metzl_clears_every_warning_in_one_undoable_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    program = metzl(window)
    before = program.snapshot()
    page = window.coverage.this_week
    assert Code.DIRECTION_MISSING in problems(window)
    assert page.fix_all.isVisibleTo(window)
    qtbot.mouseClick(page.fix_all, Qt.MouseButton.LeftButton)
    assert problems(window) == []
    assert window.document.undo_stack.count() == 1
    assert window.document.undo_stack.undoText().startswith("Fix all in week 1: added")
    assert "Fix all:" in page.fix_result.text()
    assert "Add " in page.fix_result.text()
    assert "Fix all: added" in window.statusBar().currentMessage()
    assert not page.fix_all.isVisibleTo(window)
    window.undo_action.trigger()
    assert program == before
    assert Code.DIRECTION_MISSING in problems(window)


def test_one_fix_clears_its_finding_and_undo_restores_it(qtbot: QtBot, window: MainWindow) -> None:
    program = metzl(window)
    before = program.snapshot()
    select(window, Code.DIRECTION_MISSING)
    box = window.coverage.this_week.fixes
    assert box.isVisibleTo(window)
    assert box.apply_buttons
    warnings = set(problems(window))
    qtbot.mouseClick(box.apply_buttons[0], Qt.MouseButton.LeftButton)
    assert Code.DIRECTION_MISSING not in problems(window)
    assert set(problems(window)) <= warnings
    assert window.document.undo_stack.count() == 1
    window.undo_action.trigger()
    assert program == before
    assert Code.DIRECTION_MISSING in problems(window)


def test_where_nothing_fits_the_window_says_exactly_that(qtbot: QtBot) -> None:
    catalog = [
        ex
        for ex in load_catalog_dir(resource_path("catalog"))
        if Direction.INTERNAL_ROTATION not in ex.directions
    ]
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.show()
    program = program_from_template(list_templates()[1])
    program.set_details(replace(program.details, equipment=AT_HOME))
    window.set_document(Document(program))
    select(window, Code.DIRECTION_MISSING)
    box = window.coverage.this_week.fixes
    assert box.apply_buttons == []
    assert box.heading.text() == (
        "<b>No fix</b> — Nothing in the catalog trains Rotate in using only what the client "
        "has (body weight, elastic band, mini band)."
    )
