"""The window icon is drawn from the shipped SVG (through Qt's SVG icon plugin)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ui.app.desktop_icon import set_window_icon


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    qapp.setWindowIcon(QIcon())


def test_the_window_icon_is_drawn_at_any_size(app: QApplication) -> None:
    set_window_icon(app)
    for size in (16, 48, 256):
        image = app.windowIcon().pixmap(size, size).toImage()
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(0, 0).alpha() == 0  # the rounded corner
        assert image.pixelColor(size // 2, size // 4).alpha() == 255
