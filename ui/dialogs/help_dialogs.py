"""Help ▸ Getting started (a few illustrated pages, inside the program) and Help ▸ About (the
version, where Hip Planner keeps its files). Nothing here needs the internet.

The pictures are grabs of the real window, made by ``packaging/help_pictures.py`` and shipped
in ``resources/help/``; a missing picture leaves its page readable as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from importlib import metadata
from pathlib import Path
from types import MappingProxyType

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.files import folders
from planner.files.thresholds import thresholds_path
from resources import resource_path

PAGING = MappingProxyType({Qt.Key.Key_Right: +1, Qt.Key.Key_Left: -1})
"""The keys that turn the guide's pages."""
PICTURE_WIDTH = 420
"""The pictures' width in resources/help (the script draws them at this width)."""


@dataclass(frozen=True, slots=True)
class Step:
    title: str
    picture: str
    """A PNG file name in resources/help."""
    text: str
    """Rich text: what to do, in the window's own words."""


STEPS = (
    Step(
        "Pick a template",
        "template.png",
        "<p><b>File ▸ New from template…</b> (Ctrl+Shift+T) starts from a ready program, such "
        "as Metzl's knee plan for runners, or <b>File ▸ New program</b> from a blank week.</p>"
        "<p><b>Program details…</b> (Ctrl+I) takes the client's name, the start date and the "
        "equipment they have at home.</p>",
    ),
    Step(
        "Add exercises",
        "catalog.png",
        "<p>Find an exercise in the catalog on the left: type part of its name, or click a "
        "direction (Forward, Backward, Away, Toward, Rotate out, Rotate in).</p>"
        "<p>Drag it onto a day, or select it and press <b>Enter</b> to add it to the selected "
        "day. Point at a name to read it whole.</p>",
    ),
    Step(
        "Set the dose",
        "week.png",
        "<p>Each card shows the exercise, its dose and the directions it trains (the filled "
        "badge is the main one).</p><p>Double-click a card or press <b>F2</b> to change sets, "
        "reps or seconds and the load. Drag cards between days; <b>Alt+↑/↓</b> reorders them. "
        "In a narrow window each day is a row.</p>",
    ),
    Step(
        "Check the balance",
        "coverage.png",
        "<p>The hexagon on the right shows how this week trains each direction of the hip; "
        "the shaded band is the target.</p><p>Under it, <b>Findings</b> lists what is missing "
        "or too much. Select one to read why it matters and apply a fix, or press <b>Fix "
        "all</b> to fix the whole week in one step (Ctrl+Z undoes it).</p>",
    ),
    Step(
        "Print the handout",
        "handout.png",
        "<p><b>File ▸ Save</b> (Ctrl+S) keeps the program as a <i>.hipplan</i> file.</p>"
        "<p><b>File ▸ Export handout…</b> (Ctrl+E) writes the PDF the client follows at home: "
        "each session with its exercises, doses and cues, ready to print.</p>",
    ),
)


def picture(name: str) -> QPixmap:
    """A help picture (a null pixmap if it is missing)."""
    return QPixmap(str(resource_path("help", name)))


class GettingStarted(QDialog):
    """The steps from a template to the printed handout; ← and → (or Back and Next) page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Getting started with Hip Planner")
        self.steps = QListWidget()
        self.steps.setAccessibleName("Steps")
        self.steps.addItems([f"{i}. {step.title}" for i, step in enumerate(STEPS, 1)])
        self.steps.setFixedWidth(170)
        self.pages = QStackedWidget()
        for number, step in enumerate(STEPS, 1):
            self.pages.addWidget(self._page(number, step))
        self.back = QPushButton("◂ &Back")
        self.next = QPushButton("&Next ▸")
        self.back.clicked.connect(lambda: self.show_step(self.pages.currentIndex() - 1))
        self.next.clicked.connect(self._next_or_close)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.back, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.next, QDialogButtonBox.ButtonRole.ActionRole)
        for button in (buttons.button(QDialogButtonBox.StandardButton.Close), self.back):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.next.setDefault(True)  # Enter turns the page; Escape closes
        self.steps.currentRowChanged.connect(self.show_step)
        self.steps.installEventFilter(self)  # ← and → page there too (↑ and ↓ already do)
        row = QHBoxLayout()
        row.addWidget(self.steps)
        row.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.show_step(0)

    @staticmethod
    def _page(number: int, step: Step) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(8, 0, 0, 0)
        title = QLabel(f"<h3>{number}. {escape(step.title)}</h3>")
        image = QLabel()
        image.setObjectName("helpPicture")
        pixmap = picture(step.picture)
        if not pixmap.isNull():
            image.setPixmap(pixmap)
        image.setAccessibleName(f"Picture: {step.title}")
        image.setMinimumSize(PICTURE_WIDTH, 150)
        image.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        text = QLabel(step.text)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setMaximumWidth(PICTURE_WIDTH + 40)
        column.addWidget(title)
        column.addWidget(image)
        column.addWidget(text)
        column.addStretch(1)
        return page

    def show_step(self, index: int) -> None:
        index = max(0, min(len(STEPS) - 1, index))
        self.pages.setCurrentIndex(index)
        if self.steps.currentRow() != index:
            self.steps.setCurrentRow(index)
        self.back.setEnabled(index > 0)
        last = index == len(STEPS) - 1
        self.next.setText("&Done" if last else "&Next ▸")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        delta = PAGING.get(Qt.Key(event.key()))
        if delta is None or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        self.show_step(self.pages.currentIndex() + delta)
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.steps
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and Qt.Key(event.key()) in PAGING
        ):
            self.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def _next_or_close(self) -> None:
        if self.pages.currentIndex() == len(STEPS) - 1:
            self.accept()
        else:
            self.show_step(self.pages.currentIndex() + 1)


def version() -> str:
    """The installed version (package metadata), or a plain word when it is not installed."""
    try:
        return metadata.version("hip-planner")
    except metadata.PackageNotFoundError:
        return "(not installed: run from the source folder)"


def kept_where() -> list[tuple[str, Path]]:
    """Where Hip Planner keeps its files, as ``folders`` owns them."""
    return [
        ("Exercise catalog (database)", folders.database_path()),
        ("Settings", folders.config_dir() / "settings.ini"),
        ("Balance thresholds", thresholds_path()),
        ("Autosaved unsaved work", folders.recovery_dir()),
        ("Log", folders.log_dir()),
    ]


LINKS = (
    ("Guide for coaches", "README.md, in Hip Planner's source"),
    ("The balance checks and their sources", "docs/balance.md"),
    ("Installing, and the desktop entry", "docs/install.md"),
)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Hip Planner")
        rows = "".join(
            f"<tr><td>{escape(what)}:&nbsp;</td><td><tt>{escape(str(where))}</tt></td></tr>"
            for what, where in kept_where()
        )
        links = "".join(
            f"<tr><td>{escape(what)}:&nbsp;</td><td>{escape(where)}</td></tr>"
            for what, where in LINKS
        )
        self.text = QLabel(
            f"<h3>Hip Planner {escape(version())}</h3>"
            "<p>Plan hip strength work for runners: every direction the hip moves — forward, "
            "backward, away, toward, rotating out and in — with the knee straight and bent, "
            "about twice a week.</p>"
            f"<p><b>Where your files are kept</b></p><table>{rows}</table>"
            "<p>Your programs (<i>.hipplan</i>) and handouts are saved wherever you choose. "
            f"Set {folders.HOME_VARIABLE} to keep everything above in one folder.</p>"
            f"<p><b>To read more</b> (no internet needed)</p><table>{links}</table>"
        )
        self.text.setObjectName("aboutText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
