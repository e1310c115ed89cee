"""The Qt binding must not corrupt Python's reference counts (PySide6 6.12.0 on Python 3.11 does:
every call returning nothing drops a reference to None, and the app aborts after a while)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QPointF
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot


def test_calls_returning_nothing_keep_nones_reference_count(qtbot: QtBot) -> None:
    widget, label, obj = QWidget(), QLabel(), QObject()
    qtbot.addWidget(widget)
    qtbot.addWidget(label)
    pixmap = QPixmap(20, 20)
    painter = QPainter(pixmap)
    colour = QColor("black")
    calls = [
        widget.update,
        lambda: label.setText("x"),
        lambda: obj.setObjectName("x"),
        lambda: painter.setPen(colour),
        lambda: painter.drawLine(QPointF(0, 0), QPointF(5, 5)),
    ]
    before = sys.getrefcount(None)
    for call in calls:
        for _ in range(200):
            call()
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 20, f"None lost {before - after} references in 1000 Qt calls"
