"""The detail of one exercise: every tag, the default dose, instructions and cues."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from planner.drawing.defaults import exercise_pose
from planner.exercise import Exercise, counting_reason
from ui.common.exercise_drawing import drawing_image
from ui.dialogs.photo_fields import photo_pixmap

PHOTO_URL = "hip-planner-photo:"
PHOTO_SIDE = 160
EMPTY_TEXT = "Select an exercise to see its tags, default dose, instructions and cues."

NameOf = Callable[[str], str | None]
"""The name of the exercise with this id, or None when the catalog does not have it."""


def _no_names(_key: str) -> None:
    return None


DRAWING_URL = "drawing:exercise"
DRAWING_WIDTH = 340
"""The drawing's width in a wide pane; a narrower pane gets it as wide as the pane."""
DRAWING_LEAST = 150


def exercise_html(
    ex: Exercise, name_of: NameOf = _no_names, drawing: bool = False, width: int = DRAWING_WIDTH
) -> str:
    """Rich text for the detail pane; every piece of exercise text is escaped. With
    ``drawing``, the image resource :data:`DRAWING_URL` is shown under the name."""
    primary, *secondary = ex.directions
    rows = [
        ("Direction", f"{escape(primary.label)} <i>({escape(primary.joint_action)})</i>"),
    ]
    if secondary:
        rows.append(("Also trains", escape(", ".join(d.label for d in secondary))))
    rows += [
        ("Knee", escape(ex.knee.label)),
        ("Position", escape(", ".join(p.label for p in ex.positions))),
        ("Equipment", escape(" or ".join(e.label for e in ex.equipment))),
        ("Level", escape(ex.level.label)),
        ("Weight-bearing", "Yes" if ex.weight_bearing else "No"),
        ("Default dose", escape(_dose_text(ex))),
    ]
    if ex.hip_weight != 1.0:
        rows.append(("Counts", f"{ex.hip_weight:g} of each set toward the hip (mostly trunk work)"))
    for label, variant in (("Easier", ex.easier), ("Harder", ex.harder)):
        if variant is not None:
            rows.append((label, escape(name_of(variant) or variant)))
    if ex.video:
        address = escape(ex.video, quote=True)
        rows.append(("Video", f"<a href='{address}'>{escape(_shown(ex.video))}</a>"))
    if not ex.builtin:
        rows.append(("Origin", "Your own exercise"))
    if ex.archived:
        rows.append(("Status", "Archived (hidden from the catalog)"))
    table = "".join(
        f"<tr><td style='padding-right:8px'><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows
    )
    cues = "".join(f"<li>{escape(c)}</li>" for c in ex.cues)
    photos = "".join(
        f"<img src='{PHOTO_URL}{i}' style='margin-right:6px'> " for i in range(len(ex.photos))
    )
    instructions = escape(ex.instructions) or "<i>No instructions yet.</i>"
    return (
        f"<h3 style='margin-bottom:4px'>{escape(ex.name)}</h3>"
        + (f"<p><img src='{DRAWING_URL}' width='{width}'></p>" if drawing else "")
        + f"<table cellspacing='0'>{table}</table>"
        f"<p><i>{escape(counting_reason(ex))}</i></p>"
        f"<p><b>How to do it</b><br>{instructions}</p>"
        + (f"<p><b>Coaching cues</b></p><ul style='margin-top:0'>{cues}</ul>" if cues else "")
        + (
            f"<p><b>Your photos</b> (printed on the card instead of the drawing)<br>{photos}</p>"
            if photos
            else ""
        )
    )


def _shown(url: str) -> str:
    return url if len(url) <= 60 else url[:57] + "…"


def _dose_text(ex: Exercise) -> str:
    dose = ex.dose
    text = dose.describe()
    if dose.load:
        text += f", {dose.load}"
    text += f", rest {dose.rest_seconds} s"
    return text


class ExerciseDetail(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exerciseDetail")
        self.setOpenLinks(False)
        self.anchorClicked.connect(open_video)
        self._shown: tuple[Exercise, NameOf] | None = None
        self._shown_width = 0
        self.show_exercise(None)

    def drawing_width(self) -> int:
        """As wide as the pane allows (no sideways scrolling), at most :data:`DRAWING_WIDTH`."""
        room = self.viewport().width() - 2 * round(self.document().documentMargin()) - 8
        return max(DRAWING_LEAST, min(DRAWING_WIDTH, room))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._shown is not None and self.drawing_width() != self._shown_width:
            self.show_exercise(*self._shown)

    def show_exercise(self, exercise: Exercise | None, name_of: NameOf = _no_names) -> None:
        self._shown = None if exercise is None else (exercise, name_of)
        if exercise is None:
            self.setHtml(f"<p style='color:gray'>{escape(EMPTY_TEXT)}</p>")
            return
        width = self._shown_width = self.drawing_width()
        image = drawing_image(exercise_pose(exercise), width)
        self.document().addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(DRAWING_URL), image
        )
        for i, photo in enumerate(exercise.photos):
            picture = photo_pixmap(photo, PHOTO_SIDE).toImage()
            self.document().addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(f"{PHOTO_URL}{i}"), picture
            )
        self.setHtml(exercise_html(exercise, name_of, drawing=True, width=width))


def open_video(url: QUrl) -> None:
    """A video address (checked https) opens in the system's browser."""
    if url.scheme() == "https":
        QDesktopServices.openUrl(url)
