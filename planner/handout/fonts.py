"""The bundled DejaVu Sans family: registered with reportlab once, with its character map.

DejaVu covers Latin Extended, Greek and Cyrillic, so client names print as typed; the
standard PDF fonts would not. Imported only while a handout is being written.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from resources import resource_path

_FACES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}
FAMILY = "HipPlannerSans"


@dataclass(frozen=True, slots=True)
class FontFamily:
    regular: str
    bold: str
    italic: str
    bold_italic: str
    code_points: frozenset[int]
    """Characters every face can draw (the faces differ a little; the bold has fewer)."""

    def covers(self, char: str) -> bool:
        return ord(char) in self.code_points


@cache
def handout_fonts() -> FontFamily:
    """Register the family (once per process) and return its font names."""
    names: dict[str, str] = {}
    maps: list[frozenset[int]] = []
    for face, file_name in _FACES.items():
        name = f"{FAMILY}-{face}"
        font = TTFont(name, str(resource_path("fonts", file_name)))
        pdfmetrics.registerFont(font)
        names[face] = name
        maps.append(frozenset(font.face.charToGlyph))
    pdfmetrics.registerFontFamily(
        FAMILY,
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold_italic"],
    )
    return FontFamily(code_points=frozenset.intersection(*maps), **names)
