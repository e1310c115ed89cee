"""Type, greys and spacing of the handout: black text, grey fills, no colour needed."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle

from planner.handout.fonts import FontFamily

BLACK = Color(0, 0, 0)
WHITE = Color(1, 1, 1)
DARK_GREY = Color(0.3, 0.3, 0.3)
MID_GREY = Color(0.55, 0.55, 0.55)
LIGHT_GREY = Color(0.8, 0.8, 0.8)
HEADER_FILL = Color(0.86, 0.86, 0.86)
REST_FILL = Color(0.93, 0.93, 0.93)


@dataclass(frozen=True, slots=True)
class Styles:
    fonts: FontFamily
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    card_title: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    bullet: ParagraphStyle
    bullet_small: ParagraphStyle


def make_styles(fonts: FontFamily) -> Styles:
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=10, leading=13.5, spaceAfter=4)
    cell = ParagraphStyle("cell", body, fontSize=9.5, leading=12, spaceAfter=0)
    return Styles(
        fonts=fonts,
        title=ParagraphStyle("title", body, fontName=fonts.bold, fontSize=20, leading=24),
        subtitle=ParagraphStyle("subtitle", body, fontSize=11, leading=15, spaceBefore=2),
        heading=ParagraphStyle(
            "heading",
            body,
            fontName=fonts.bold,
            fontSize=14,
            leading=18,
            spaceBefore=12,
            spaceAfter=5,
        ),
        subheading=ParagraphStyle(
            "subheading",
            body,
            fontName=fonts.bold,
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
        ),
        card_title=ParagraphStyle(
            "card_title", body, fontName=fonts.bold, fontSize=12.5, leading=16
        ),
        body=body,
        small=ParagraphStyle("small", body, fontSize=8.5, leading=11, textColor=DARK_GREY),
        note=ParagraphStyle("note", body, fontSize=9.5, leading=12.5, spaceAfter=5),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", cell, fontName=fonts.bold),
        cell_head=ParagraphStyle("cell_head", cell, fontName=fonts.bold, fontSize=9),
        bullet=ParagraphStyle(
            "bullet", body, leftIndent=12, bulletIndent=2, spaceBefore=1, spaceAfter=1
        ),
        bullet_small=ParagraphStyle(
            "bullet_small", cell, leftIndent=10, bulletIndent=1, spaceBefore=1, spaceAfter=0
        ),
    )
