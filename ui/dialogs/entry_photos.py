"""Photos of this client doing an exercise: up to two, attached to one card of the program.

They print on the exercise's card before the exercise's own photos, and are stored inside the
program file (scaled down: see :mod:`planner.files.photo_import`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from planner.photo import Photo
from ui.common.dialog_buttons import ok_cancel
from ui.dialogs.photo_fields import PhotoFields


class EntryPhotosDialog(QDialog):
    def __init__(
        self, photos: tuple[Photo, ...], exercise_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("entryPhotos")
        self.setWindowTitle(f"Photos of this client — {exercise_name}")
        intro = QLabel(
            "Photos of this client doing the exercise print on its card in the handout, "
            "before the exercise's own photos and instead of the drawing.",
            wordWrap=True,
        )
        self.fields = PhotoFields(photos)
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def photos(self) -> tuple[Photo, ...]:
        return self.fields.photos()
