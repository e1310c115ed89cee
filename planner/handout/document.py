"""Pages: the paper, margins, header and footer ("Page X of Y"), and building the PDF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from planner.balance.settings import BalanceSettings
from planner.handout.blocks import Blocks
from planner.handout.coach_report import coach_story
from planner.handout.fonts import FontFamily, handout_fonts
from planner.handout.paper import PAGE_SIZES, Paper
from planner.handout.report import UnsupportedCharacter
from planner.handout.story import DEFAULT_TITLE, build_story
from planner.handout.styles import MID_GREY, make_styles
from planner.handout.text import TextGuard, shorten
from planner.program import Program

EDGE = 15 * mm
"""Nothing is printed closer to the paper's edge: office printers cannot reach it."""
SIDE_MARGIN = 18 * mm
BODY_TOP = 26 * mm
BODY_BOTTOM = 24 * mm
DECORATION_SIZE = 8.5

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class PageDecorations:
    """Header (title, client) and footer (coach, page X of Y), drawn once the total is known."""

    title: str
    client: str
    coach: str
    fonts: FontFamily
    page_size: tuple[float, float]
    pages: int = field(default=0, init=False)
    _fitted: dict[tuple[str, str, float], str] = field(default_factory=dict, init=False)

    def draw(self, canvas: Any, page: int, total: int) -> None:
        self.pages = total
        width, height = self.page_size
        left, right = SIDE_MARGIN, width - SIDE_MARGIN
        usable = right - left
        canvas.saveState()
        canvas.setStrokeColor(MID_GREY)
        canvas.setLineWidth(0.5)
        header_y = height - EDGE - DECORATION_SIZE
        canvas.line(left, header_y - 4, right, header_y - 4)
        canvas.line(left, EDGE + DECORATION_SIZE + 4, right, EDGE + DECORATION_SIZE + 4)

        client = self._fit(self.client, self.fonts.regular, usable * 0.45)
        client_width = stringWidth(client, self.fonts.regular, DECORATION_SIZE)
        title = self._fit(self.title, self.fonts.bold, usable - client_width - 12)
        canvas.setFont(self.fonts.bold, DECORATION_SIZE)
        canvas.drawString(left, header_y, title)
        canvas.setFont(self.fonts.regular, DECORATION_SIZE)
        canvas.drawRightString(right, header_y, client)

        page_text = f"Page {page} of {total}"
        page_width = stringWidth(page_text, self.fonts.regular, DECORATION_SIZE)
        coach = self._fit(self.coach, self.fonts.regular, usable - page_width - 12)
        canvas.drawString(left, EDGE, coach)
        canvas.drawRightString(right, EDGE, page_text)
        canvas.restoreState()

    def _fit(self, text: str, font: str, width: float) -> str:
        """``text`` shortened with "…" to fit ``width``; the same on every page, so kept."""
        key = (text, font, width)
        if key not in self._fitted:
            measure = partial(stringWidth, fontName=font, fontSize=DECORATION_SIZE)
            self._fitted[key] = shorten(text, width, measure, whole_words=True)
        return self._fitted[key]


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """Keeps every page until the end, so each footer can say how many pages there are."""

    def __init__(self, *args: Any, decorations: PageDecorations, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decorations = decorations
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorations.draw(self, number, total)
            super().showPage()
        super().save()


StoryBuilder = Callable[[Program, Blocks, BalanceSettings], list[Any]]


def render(
    program: Program,
    target: BinaryIO,
    paper: Paper,
    progress: Progress | None,
    settings: BalanceSettings,
    *,
    coach_report: bool = False,
) -> tuple[int, tuple[UnsupportedCharacter, ...]]:
    """Write the handout PDF (or with ``coach_report`` the coach report) to ``target``;
    returns the page count and unprintable characters."""
    fonts = handout_fonts()
    guard = TextGuard(fonts.covers)
    details = program.details
    decorations = PageDecorations(
        title=guard.line(details.title, "program title") or DEFAULT_TITLE,
        client=guard.line(details.client_name, "client name"),
        coach=_coach_line(guard.line(details.coach_name, "coach name")),
        fonts=fonts,
        page_size=PAGE_SIZES[paper],
    )
    width, height = PAGE_SIZES[paper]
    body_width, body_height = width - 2 * SIDE_MARGIN, height - BODY_TOP - BODY_BOTTOM
    frame = Frame(
        SIDE_MARGIN,
        BODY_BOTTOM,
        body_width,
        body_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    builder: StoryBuilder = coach_story if coach_report else build_story
    story = builder(program, Blocks(make_styles(fonts), guard, body_width, body_height), settings)
    kind = "Coach report" if coach_report else "Hip strength handout"
    doc = BaseDocTemplate(
        target,
        pagesize=(width, height),
        pageTemplates=[PageTemplate("page", [frame])],
        title=decorations.title,
        author=guard.line(details.coach_name, "coach name"),
        subject=f"{kind} for {decorations.client}" if decorations.client else kind,
        creator="Hip Planner",
    )
    steps = len(story) + 1
    if progress is not None:
        doc.setProgressCallBack(_ProgressReporter(progress, steps))
    doc.build(story, canvasmaker=partial(_NumberedCanvas, decorations=decorations))
    if progress is not None:
        progress(steps, steps)
    return decorations.pages, guard.unsupported()


def _coach_line(coach: str) -> str:
    return f"Coach: {coach}" if coach else "Made with Hip Planner"


@dataclass(slots=True)
class _ProgressReporter:
    """Turns reportlab's callbacks into (done, total); saving the file is the last step.

    reportlab counts flowables left to place, which goes back up when a table splits; the
    count passed on never goes down.
    """

    progress: Progress
    steps: int
    done: int = 0

    def __call__(self, kind: str, value: int) -> None:
        if kind == "PROGRESS" and value > self.done:
            self.done = min(value, self.steps - 1)
            self.progress(self.done, self.steps)
