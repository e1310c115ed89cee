"""Draws the pictures of Help ▸ Getting started from the real window, offscreen.

Run after changing the window's look, and commit what it writes to resources/help/:

    QT_QPA_PLATFORM=offscreen python packaging/help_pictures.py

It opens Metzl's knee plan in a 1024×600 window with an empty home folder, grabs the parts
each step talks about, and draws the handout's first page with ``pdftoppm`` (poppler-utils).
The pictures are at most ``PICTURE_WIDTH`` wide, as the dialog shows them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HIP_PLANNER_HOME"] = tempfile.mkdtemp(prefix="hip-help-")

from PySide6.QtCore import QRect, Qt  # noqa: E402
from PySide6.QtGui import QImage, QPixmap  # noqa: E402

from planner.files.catalog_file import load_catalog_dir  # noqa: E402
from planner.handout import write_handout  # noqa: E402
from planner.templates import list_templates, program_from_template  # noqa: E402
from resources import resource_path  # noqa: E402
from ui.app.application import create_application  # noqa: E402
from ui.app.main_window import MainWindow  # noqa: E402
from ui.common.document import Document  # noqa: E402
from ui.dialogs.help_dialogs import PICTURE_WIDTH  # noqa: E402

OUT = resource_path("help")


def fit(pixmap: QPixmap, height: int) -> QPixmap:
    """At most PICTURE_WIDTH wide and ``height`` high: scaled down to the width, then cut."""
    if pixmap.width() > PICTURE_WIDTH:
        pixmap = pixmap.scaledToWidth(PICTURE_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return pixmap.copy(0, 0, pixmap.width(), min(pixmap.height(), height))


def save(pixmap: QPixmap, name: str) -> None:
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB888)
    image.save(str(OUT / name), "PNG", 0)  # best compression: the pictures ship with the app
    print(OUT / name, f"{(OUT / name).stat().st_size // 1024} KiB")


def main() -> None:
    app = create_application()
    metzl = next(t for t in list_templates() if "knee" in t.title.lower())
    window = MainWindow(load_catalog_dir(resource_path("catalog")))
    window.restore_layout(QRect(0, 0, 1040, 640))
    window.set_document(Document(program_from_template(metzl)))
    window.show()
    app.processEvents()
    app.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    save(fit(window.grab(), 260), "template.png")
    catalog = window.catalog.grab()
    save(catalog.copy(0, 0, catalog.width(), 300), "catalog.png")
    week = window.week_view.grab()
    save(week.copy(0, 0, min(week.width(), PICTURE_WIDTH), 230), "week.png")
    coverage = window.coverage.grab()
    save(coverage.copy(0, 0, coverage.width(), 330), "coverage.png")
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "handout.pdf"
        write_handout(program_from_template(metzl), pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(pdf.parent / "p")],
            check=True,
        )
        page = QPixmap(str(next(Path(folder).glob("p*.png"))))
    save(fit(page, 300), "handout.png")
    window.document.undo_stack.setClean()


if __name__ == "__main__":
    main()
