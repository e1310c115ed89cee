"""The coverage panel's tabs ignore layout requests that change nothing, and only those."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.coverage.coverage_panel import SteadyTabs


class Paints(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def tabs_with_a_label(qtbot: QtBot) -> tuple[QTabWidget, QLabel, QLabel]:
    tabs = QTabWidget()
    page = QWidget()
    column = QVBoxLayout(page)
    summary = QLabel("Week 1 · 12 weighted sets")
    column.addWidget(summary)
    more = QLabel("Findings")
    more.hide()
    column.addWidget(more)
    column.addStretch(1)
    tabs.addTab(page, "This week")
    tabs.addTab(QWidget(), "All weeks")
    tabs.installEventFilter(SteadyTabs(tabs))
    qtbot.addWidget(tabs)
    tabs.resize(300, 400)
    tabs.show()
    qtbot.waitExposed(tabs)
    return tabs, summary, more


def test_a_changed_label_repaints_itself_not_the_whole_tab_widget(qtbot: QtBot) -> None:
    tabs, summary, _more = tabs_with_a_label(qtbot)
    summary.setText("Week 1 · 99 weighted sets")  # the first request is always passed
    qtbot.wait(20)
    bar = Paints(tabs.tabBar())
    own = Paints(summary)
    for total in range(13, 18):
        summary.setText(f"Week 1 · {total} weighted sets")
        qtbot.wait(1)
    assert own.count >= 1  # the label shows its new text
    assert bar.count == 0  # the tab bar (and the rest of the panel) was left alone


def test_a_page_whose_contents_change_size_is_laid_out_again(qtbot: QtBot) -> None:
    tabs, summary, more = tabs_with_a_label(qtbot)
    more.show()
    summary.setText("Week 1 · 12 weighted sets\nsecond line\nthird line")
    qtbot.waitUntil(lambda: more.isVisible() and more.y() > summary.y() + summary.height() - 1)
    assert more.height() > 0
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: tabs.currentWidget().isVisible())
