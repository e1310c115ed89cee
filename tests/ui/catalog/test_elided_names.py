"""Long names are elided in the middle, keeping their start and end, with the full name in a
tooltip: in the catalog list and on the calendar's cards."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyleOptionViewItem, QToolTip
from pytestqt.qtbot import QtBot

from planner.program import Program
from planner.taxonomy import Direction
from tests.factories import make_exercise
from ui.catalog.catalog_delegate import shown_name
from ui.catalog.catalog_model import CatalogModel
from ui.catalog.catalog_panel import CatalogPanel
from ui.common.workspace import FixedWeek
from ui.week.day_model import EntryRole, ExerciseOfEntryRole
from ui.week.week_view import WeekView

LONG = make_exercise(
    "long",
    Direction.EXTERNAL_ROTATION,
    Direction.ABDUCTION,
    name="Standing band stance-hip external rotation with a long pause (knee 90)",
)


# The offscreen platform cannot raise the tooltip's window; the tooltip is shown all the same.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def tooltip_at(view: QAbstractItemView, row: int) -> str:
    """The tooltip Qt shows when the pointer rests on ``row`` (a real help event)."""
    QToolTip.hideText()
    point = view.visualRect(view.model().index(row, 0)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text()


def test_a_catalog_row_keeps_the_start_and_end_of_a_long_name(qtbot: QtBot) -> None:
    own = replace(LONG, id="own-long", builtin=False)
    panel = CatalogPanel(CatalogModel([LONG, own]))
    qtbot.addWidget(panel)
    panel.resize(260, 500)
    panel.show()
    view = panel.list
    metrics = QFontMetrics(view.font())
    width = view.viewport().width() - 80  # what the badges leave
    text = shown_name(LONG, metrics, width)
    assert "…" in text
    assert text.startswith("Standing")
    assert text.endswith("(knee 90)")
    assert metrics.horizontalAdvance(text) <= width
    marked = shown_name(own, metrics, width)
    assert marked.endswith("(knee 90)  (own)")  # the mark stays whole
    assert tooltip_at(view, 0).startswith(LONG.name)


def test_a_card_keeps_the_end_of_a_long_name_and_tooltips_it(qtbot: QtBot) -> None:
    program = Program()
    program.add_entry(0, 0, LONG)
    view = WeekView(FixedWeek(program))
    qtbot.addWidget(view)
    view.resize(560, 400)  # narrow: each day a row of cards
    view.show()
    qtbot.waitUntil(lambda: view.rows)
    day = view.lists[0]
    index = day.day_model.index(0, 0)
    option = QStyleOptionViewItem()
    option.initFrom(day)
    names, _details, _height = day.delegate.layout(
        option, index.data(ExerciseOfEntryRole), index.data(EntryRole)
    )
    assert len(names) == 2
    assert "…" in names[-1]
    assert names[-1].endswith("(knee 90)")
    assert names[0].startswith("Standing")
    assert tooltip_at(day, 0).startswith(LONG.name)
