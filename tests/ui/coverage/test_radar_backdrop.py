"""The hexagon chart keeps its grid, band and legend as a picture: whatever changes (the week's
sets, the band, the highlighted direction, the palette, the size), the chart shows what a chart
painted from scratch shows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.balance.coverage import Standing
from planner.taxonomy import Direction
from ui.coverage.radar_chart import BACKDROPS_KEPT, RadarChart

SETS = {d: 6.0 + i for i, d in enumerate(Direction)}
STANDING = dict.fromkeys(Direction, Standing.ON)


@pytest.fixture
def chart(qtbot: QtBot) -> RadarChart:
    widget = RadarChart()
    qtbot.addWidget(widget)
    widget.set_data(SETS, (5.0, 12.0), STANDING)
    widget.resize(260, widget.heightForWidth(260))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pixels(chart: RadarChart) -> QImage:
    QApplication.processEvents()
    return chart.grab().toImage()


def from_scratch(chart: RadarChart) -> QImage:
    chart._backdrops.clear()
    return pixels(chart)


def more_sets(chart: RadarChart) -> None:
    chart.set_data({**SETS, Direction.FLEXION: 9.5}, chart.band, STANDING)


def higher_top(chart: RadarChart) -> None:
    chart.set_data({**SETS, Direction.FLEXION: 40.0}, chart.band, STANDING)


def other_band(chart: RadarChart) -> None:
    chart.set_data(SETS, (3.0, 14.0), STANDING)


def highlighted(chart: RadarChart) -> None:
    chart._set_highlight(Direction.ABDUCTION)


def dark(chart: RadarChart) -> None:
    palette = QPalette(chart.palette())
    palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.red)
    palette.setColor(QPalette.ColorRole.Midlight, Qt.GlobalColor.blue)
    chart.setPalette(palette)


def wider(chart: RadarChart) -> None:
    chart.resize(320, chart.heightForWidth(320))


@pytest.mark.parametrize("change", [more_sets, higher_top, other_band, highlighted, dark, wider])
def test_the_chart_shows_what_a_fresh_paint_shows(
    chart: RadarChart, change: Callable[[RadarChart], None]
) -> None:
    before = pixels(chart)
    change(chart)
    after = pixels(chart)
    assert after != before
    assert after == from_scratch(chart)


def test_undo_and_redo_find_their_backdrops_and_only_a_few_are_kept(chart: RadarChart) -> None:
    pixels(chart)
    higher_top(chart)
    pixels(chart)
    kept = dict(chart._backdrops)
    chart.set_data(SETS, chart.band, STANDING)  # back: the first backdrop again
    pixels(chart)
    assert chart._backdrops.keys() == kept.keys()
    for top in range(20, 30):
        chart.set_data({**SETS, Direction.FLEXION: float(top)}, chart.band, STANDING)
        pixels(chart)
    assert len(chart._backdrops) == BACKDROPS_KEPT
