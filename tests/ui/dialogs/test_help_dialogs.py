"""Help ▸ Getting started and Help ▸ About open and close from the keyboard, and say what the
coach needs: the steps with their pictures, the version and where the files are kept."""

from __future__ import annotations

from importlib import metadata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from planner.files import folders
from ui.app.main_window import MainWindow
from ui.dialogs.help_dialogs import STEPS, AboutDialog, GettingStarted, picture

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    w = MainWindow([])
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    return w


def test_every_step_has_its_picture(qapp: QApplication) -> None:
    for step in STEPS:
        assert not picture(step.picture).isNull(), step.picture


def test_f1_opens_the_guide_the_arrow_keys_page_it_and_escape_closes_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.findChild(GettingStarted)
    assert guide is not None
    assert guide.isVisible()
    assert guide.pages.currentIndex() == 0
    qtbot.waitActive(guide)
    qtbot.keyClick(guide, Qt.Key.Key_Right)
    assert guide.pages.currentIndex() == 1
    qtbot.keyClick(guide, Qt.Key.Key_Return)  # Next is the default button
    assert guide.pages.currentIndex() == 2
    qtbot.keyClick(guide.steps, Qt.Key.Key_Left)  # also where the focus starts: the steps
    assert guide.pages.currentIndex() == 1
    page = guide.pages.currentWidget()
    shown = page.findChild(QLabel, "helpPicture")
    assert shown is not None
    assert not shown.pixmap().isNull()
    for _ in STEPS:
        qtbot.keyClick(guide, Qt.Key.Key_Right)
    assert guide.pages.currentIndex() == len(STEPS) - 1
    assert "Print the handout" in guide.steps.currentItem().text()
    assert guide.next.text() == "&Done"
    qtbot.keyClick(guide, Qt.Key.Key_Escape)
    assert not guide.isVisible()


def test_the_help_menu_opens_about_with_the_version_and_the_folders(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert menu is window.help_menu
    qtbot.keyClick(menu, Qt.Key.Key_A)  # &About Hip Planner
    about = window.findChild(AboutDialog)
    assert about is not None
    assert about.isVisible()
    text = about.text.text()
    assert metadata.version("hip-planner") in text
    for folder in (
        folders.database_path(),
        folders.config_dir(),
        folders.recovery_dir(),
        folders.log_dir(),
    ):
        assert str(folder) in text
    assert "balance.toml" in text
    assert "http" not in text  # no link that would need the internet
    qtbot.waitActive(about)
    qtbot.keyClick(about, Qt.Key.Key_Escape)
    assert not about.isVisible()
