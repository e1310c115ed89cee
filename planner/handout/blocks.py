"""Small builders shared by the parts of the story: paragraphs of user text, tables, dates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from planner.handout.styles import BLACK, HEADER_FILL, MID_GREY, Styles
from planner.handout.text import TextGuard

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
TABLE_PADDING = 4


def long_date(day: date) -> str:
    """ "3 March 2025": English month names whatever the system locale is."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


@dataclass(frozen=True, slots=True)
class Blocks:
    styles: Styles
    guard: TextGuard
    width: float
    """The frame width; tables give their columns as fractions of it."""
    height: float
    """The frame height: the most that fits on one page."""

    def text(self, markup: str, style: Any = None, bullet: str | None = None) -> Paragraph:
        """A paragraph of the handout's own words, or of user text already escaped."""
        return Paragraph(markup, style or self.styles.body, bulletText=bullet)

    def user(self, text: str, where: str, style: Any = None) -> list[Paragraph]:
        """Text someone typed, cleaned, checked and escaped, as one paragraph; a long text is
        cut into several (see :data:`~planner.handout.text.CHUNK`) that read as one."""
        style = style or self.styles.body
        pieces = self.guard.markup_chunks(text, where)
        if len(pieces) == 1:
            return [Paragraph(pieces[0], style)]
        first = ParagraphStyle(f"{style.name}-first", style, spaceAfter=0)
        middle = ParagraphStyle(f"{style.name}-middle", first, spaceBefore=0)
        last = ParagraphStyle(f"{style.name}-last", style, spaceBefore=0)
        styles = [first, *([middle] * (len(pieces) - 2)), last]
        return [Paragraph(piece, s) for piece, s in zip(pieces, styles, strict=True)]

    def table(
        self,
        rows: Sequence[Sequence[Any]],
        fractions: Sequence[float],
        commands: Sequence[tuple[Any, ...]] = (),
        *,
        header_rows: int = 0,
        grid: bool = True,
        row_heights: Sequence[float | None] | None = None,
        split_in_row: bool = False,
    ) -> Table:
        """A table that splits between rows and repeats its header rows on a new page.

        With ``split_in_row`` it splits where the page ends instead, inside a row (between
        the lines of its cells) if need be: for cells whose content has no bound, as a page
        is the most a row can otherwise hold. (Splitting between rows first would end a
        table nested in another cell early and leave a gap.)
        """
        style: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), TABLE_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), TABLE_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if grid:
            style += [
                ("GRID", (0, 0), (-1, -1), 0.5, MID_GREY),
                ("BOX", (0, 0), (-1, -1), 0.9, BLACK),
            ]
        if header_rows:
            style.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
        return Table(
            [list(row) for row in rows],
            colWidths=[self.width * f for f in fractions],
            rowHeights=row_heights,
            style=TableStyle([*style, *commands]),
            repeatRows=header_rows,
            splitByRow=int(not split_in_row),
            splitInRow=int(split_in_row),
            hAlign="LEFT",
        )
