"""The exercise drawing in the window: the detail pane shows it, the exercise form previews
the drawing the tags give and lets the coach adjust their own exercise's pose."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from planner.drawing.defaults import default_pose
from planner.exercise import Exercise
from planner.pose import ExercisePose, View
from tests.factories import make_exercise
from tests.strategies import poses
from tests.ui.catalog.test_gui_exercise_form import fill
from ui.catalog.exercise_detail import DRAWING_URL, ExerciseDetail
from ui.catalog.exercise_form import ExerciseForm
from ui.catalog.pose_editor import NO_TAGS_TEXT
from ui.common.exercise_drawing import drawing_image


def _coloured_pixels(image: QImage) -> int:
    """Pixels of the working leg's orange (red well above blue)."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            count += c.red() > 150 and c.blue() < 90 and c.green() < 140
    return count


def test_the_drawing_fits_a_narrow_pane_and_grows_with_it(qtbot: QtBot) -> None:
    detail = ExerciseDetail()
    qtbot.addWidget(detail)
    detail.resize(230, 500)
    detail.show()
    detail.show_exercise(make_exercise("own-clam"))
    qtbot.waitUntil(lambda: detail.horizontalScrollBar().maximum() == 0)  # no sideways scroll
    narrow = detail.drawing_width()
    assert narrow < 230
    detail.resize(600, 500)
    qtbot.waitUntil(lambda: f'width="{detail.drawing_width()}"' in detail.toHtml())
    assert detail.drawing_width() > narrow


def test_the_detail_pane_shows_the_drawing_above_the_tags(qtbot: QtBot) -> None:
    detail = ExerciseDetail()
    qtbot.addWidget(detail)
    detail.show_exercise(make_exercise("own-clam"))
    assert DRAWING_URL in detail.toHtml()
    image = detail.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(DRAWING_URL))
    assert isinstance(image, QImage)
    assert _coloured_pixels(image) > 50


def test_the_form_previews_the_tags_then_keeps_the_adjusted_pose(qtbot: QtBot) -> None:
    saved: list[Exercise] = []
    form = ExerciseForm(None, save=lambda ex: saved.append(ex) or ex)
    qtbot.addWidget(form)
    form.show()
    editor = form.drawing
    assert editor.preview.pose is None
    assert editor.preview.empty_text == NO_TAGS_TEXT
    fill(form, qtbot)
    from_tags = editor.preview.pose
    assert from_tags is not None
    assert from_tags.view is View.ABOVE  # standing, rotation, knee straight: from overhead
    assert not editor.controls.isEnabled()

    box = QPoint(6, editor.adjust.height() // 2)  # on the check box itself
    qtbot.mouseClick(editor.adjust, Qt.MouseButton.LeftButton, pos=box)
    assert editor.adjust.isChecked()
    assert editor.controls.isEnabled()
    spin = editor.spins["end", "turn"]
    spin.selectAll()
    qtbot.keyClicks(spin, "-60")
    assert editor.preview.pose is not None
    assert editor.preview.pose.end.near.turn == -60
    qtbot.mouseClick(
        form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert len(saved) == 1
    pose = saved[0].pose
    assert pose is not None
    assert pose.end.near.turn == -60
    assert pose.start == from_tags.start

    again = ExerciseForm(saved[0], save=lambda ex: ex)
    qtbot.addWidget(again)
    assert again.drawing.adjust.isChecked()
    assert again.drawing.spins["end", "turn"].value() == -60
    assert again.exercise().pose == pose

    again.drawing.adjust.setChecked(False)
    assert again.exercise().pose is None
    assert again.drawing.preview.pose == default_pose(replace(saved[0], pose=None))


@settings(max_examples=60, deadline=None, database=None)
@given(poses)
def test_qpainter_paints_any_pose_the_files_accept(qapp: object, pose: ExercisePose) -> None:
    image = drawing_image(pose, 120, 1.0)
    assert image.width() == 120
    assert not image.isNull()
