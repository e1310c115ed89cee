"""Up to two photos, shown as thumbnails with Add and Remove: the exercise form's and the
"Photos of this client" dialog's.

A photo file goes through :func:`planner.files.photo_import.photo_from_file` (checked and
scaled down in plain Python); a refused file gets its one line under the thumbnails and
changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.files.photo_import import FILE_FILTER, LIMITS_TEXT, photo_from_file
from planner.photo import MAX_PHOTOS, Photo, PhotoError
from ui.dialogs.dose_fields import message_label, show_message

THUMBNAIL = 120
"""Pixels on the long side of a thumbnail."""
DIALOG_TITLE = f"Add a photo ({LIMITS_TEXT})"


def photo_pixmap(photo: Photo, side: int = THUMBNAIL) -> QPixmap:
    """The photo scaled to ``side`` pixels on its long side (an empty pixmap if unreadable)."""
    pixmap = QPixmap()
    if not pixmap.loadFromData(photo.data):
        return QPixmap()
    return pixmap.scaled(
        side,
        side,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class PhotoFields(QWidget):
    """Thumbnails of up to :data:`MAX_PHOTOS` photos, each with Remove, and "Add photo…"."""

    changed = Signal()

    def __init__(self, photos: tuple[Photo, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._photos = list(photos)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton("Add photo…")
        self.add_button.setObjectName("addPhoto")
        self.add_button.clicked.connect(self.choose)
        self.limits = QLabel(f"Up to {MAX_PHOTOS} photos: {LIMITS_TEXT}.", wordWrap=True)
        self.limits.setStyleSheet("color: gray;")
        self.message = message_label()
        self.message.setObjectName("photoMessage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.row)
        layout.addWidget(self.limits)
        layout.addWidget(self.message)
        self._rebuild()

    def photos(self) -> tuple[Photo, ...]:
        return tuple(self._photos)

    def choose(self) -> None:
        """Ask for a photo file and add it (or say in one line why it cannot be used)."""
        dialog = QFileDialog(self, DIALOG_TITLE, "", FILE_FILTER)
        dialog.setObjectName("photoFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        self.add_file(dialog.selectedFiles()[0])

    def add_file(self, path: str) -> bool:
        if len(self._photos) >= MAX_PHOTOS:
            show_message(self.message, f"remove a photo first: at most {MAX_PHOTOS}")
            return False
        try:
            photo = photo_from_file(path)
        except PhotoError as refused:
            show_message(self.message, f"not added: {refused}")
            return False
        show_message(self.message, "")
        self._photos.append(photo)
        self._rebuild()
        self.changed.emit()
        return True

    def remove(self, index: int) -> None:
        del self._photos[index]
        show_message(self.message, "")
        self._rebuild()
        self.changed.emit()

    def _rebuild(self) -> None:
        while self.row.count():
            item = self.row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        for index, photo in enumerate(self._photos):
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            thumbnail = QLabel()
            thumbnail.setObjectName("photoThumbnail")
            thumbnail.setPixmap(photo_pixmap(photo))
            thumbnail.setFixedSize(THUMBNAIL, THUMBNAIL)
            thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
            thumbnail.setStyleSheet("border: 1px solid #bbb;")
            remove = QPushButton("Remove")
            remove.setObjectName("removePhoto")
            remove.clicked.connect(lambda _=False, i=index: self.remove(i))
            column.addWidget(thumbnail)
            column.addWidget(remove)
            self.row.addWidget(cell)
        self.row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        self.row.addStretch(1)
        self.add_button.setEnabled(len(self._photos) < MAX_PHOTOS)
