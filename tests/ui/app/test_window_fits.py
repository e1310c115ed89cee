"""The window fits the screen: the whole week, the status bar and the findings in sight from
1024×600 up (the days become rows when the calendar is narrow, columns when it is wide)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from planner.files.catalog_file import load_catalog_dir
from planner.program import DAYS_PER_WEEK, Program
from resources import resource_path
from ui.app.main_window import MainWindow
from ui.app.window_size import side_panels_for
from ui.common.document import Document
from ui.common.settings import app_settings

CATALOG = load_catalog_dir(resource_path("catalog"))
LONGEST = sorted(CATALOG, key=lambda e: -len(e.name))[:42]


def full_week() -> Program:
    """Six cards a day with the longest names of the catalog."""
    program = Program()
    for day in range(DAYS_PER_WEEK):
        for i in range(6):
            program.add_entry(0, day, LONGEST[day * 6 + i])
    return program


def window_on(qtbot: QtBot, available: QRect, maximised: bool = False) -> MainWindow:
    window = MainWindow(CATALOG)
    qtbot.addWidget(window)
    window.restore_layout(available)
    if maximised:
        inner = available.adjusted(8, 32, -8, -8)
        window.setGeometry(inner)
        window.splitter.setSizes(side_panels_for(inner.width()))
    window.set_document(Document(full_week()))
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # the layout passes the resize asked for
    return window


def box_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def assert_days_uncut(window: MainWindow) -> None:
    view = window.week_view
    port = view.viewport()
    width = port.width()
    for header, day in zip(view.headers, view.lists, strict=True):
        for widget in (header, day):
            box = box_in(widget, port)
            assert box.left() >= 0, (widget, box)
            assert box.right() < width, (widget, box, width)
        for row in range(day.day_model.rowCount()):
            card = day.visualRect(day.day_model.index(row, 0))
            assert card.left() >= 0
            assert card.right() < day.viewport().width()
    assert not view.horizontalScrollBar().isVisible()


def assert_status_and_findings_in_sight(window: MainWindow) -> None:
    inside = window.rect()
    status = window.statusBar()
    assert status.isVisible()
    assert inside.contains(box_in(status, window))
    findings = window.coverage.this_week.findings
    assert findings.isVisible()
    assert findings.height() >= 80
    assert inside.contains(box_in(findings, window))
    assert window.coverage.this_week.fix_all.isVisible()


def test_at_1024x600_every_day_is_a_row_and_nothing_is_cut(qtbot: QtBot) -> None:
    available = QRect(0, 24, 1024, 576)
    window = window_on(qtbot, available)
    assert available.contains(window.frameGeometry())
    view = window.week_view
    assert view.rows
    assert_days_uncut(window)
    assert_status_and_findings_in_sight(window)
    first, second = view.lists[0], view.lists[1]
    # the rows stack one under another, each as tall as its cards (the calendar scrolls)
    assert box_in(second, view.widget()).top() > box_in(first, view.widget()).bottom()
    rects = [first.visualRect(first.day_model.index(r, 0)) for r in range(6)]
    assert all(r.bottom() < first.viewport().height() for r in rects)


def test_at_1920x1080_the_days_stand_side_by_side(qtbot: QtBot) -> None:
    window = window_on(qtbot, QRect(0, 0, 1920, 1080), maximised=True)
    view = window.week_view
    assert not view.rows
    assert_days_uncut(window)
    assert_status_and_findings_in_sight(window)
    lefts = [box_in(day, view.viewport()).left() for day in view.lists]
    assert lefts == sorted(lefts)


@pytest.mark.parametrize("width", [1024, 1366, 1920])
def test_side_panels_leave_the_calendar_most_of_the_window(width: int) -> None:
    catalog, calendar, coverage = side_panels_for(width - 16)
    assert 200 <= catalog <= 300
    assert 240 <= coverage <= 300
    assert calendar >= (width - 16) // 2


def test_the_coverage_page_split_is_remembered(qtbot: QtBot) -> None:
    first = window_on(qtbot, QRect(0, 0, 1366, 768))
    splitter = first.coverage.this_week.splitter
    splitter.setSizes([200, 300, 100])
    sizes = splitter.sizes()
    first.save_layout()
    assert app_settings().value("window/coverageSplitter") is not None
    second = window_on(qtbot, QRect(0, 0, 1366, 768))
    assert second.coverage.this_week.sized_by_coach
    assert second.coverage.this_week.splitter.sizes() == sizes


def test_the_coach_may_choose_columns_or_rows_and_it_is_remembered(qtbot: QtBot) -> None:
    window = window_on(qtbot, QRect(0, 24, 1024, 576))
    assert window.week_view.rows  # by the window's width
    window.day_layout_actions["columns"].trigger()
    QApplication.processEvents()
    assert not window.week_view.rows
    assert window.week_view.horizontalScrollBar().isVisible()  # too narrow: it scrolls, not cut
    again = window_on(qtbot, QRect(0, 0, 1920, 1080), maximised=True)
    assert again.day_layout_actions["columns"].isChecked()
    again.day_layout_actions["rows"].trigger()
    assert again.week_view.rows
    again.day_layout_actions["automatic"].trigger()
    assert not again.week_view.rows  # wide enough for columns
