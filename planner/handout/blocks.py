"""Small builders shared by the parts of the story: paragraphs of user text, tables, dates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

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

    def text(self, markup: str, style: Any = None, bullet: str | None = None) -> Paragraph:
        """A paragraph of the handout's own words, or of user text already escaped."""
        return Paragraph(markup, style or self.styles.body, bulletText=bullet)

    def user(self, text: str, where: str, style: Any = None) -> Paragraph:
        """A paragraph of text someone typed: cleaned, checked and escaped."""
        return Paragraph(self.guard.markup(text, where), style or self.styles.body)

    def table(
        self,
        rows: Sequence[Sequence[Any]],
        fractions: Sequence[float],
        commands: Sequence[tuple[Any, ...]] = (),
        *,
        header_rows: int = 0,
        grid: bool = True,
        row_heights: Sequence[float | None] | None = None,
    ) -> Table:
        """A table that splits between rows and repeats its header rows on a new page."""
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
            splitByRow=1,
            hAlign="LEFT",
        )
