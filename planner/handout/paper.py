"""Paper sizes and the system's default paper, without Qt and without reportlab."""

from __future__ import annotations

import locale
import os
from typing import Literal

Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")

_POINTS_PER_MM = 72 / 25.4
PAGE_SIZES: dict[Paper, tuple[float, float]] = {
    "a4": (210 * _POINTS_PER_MM, 297 * _POINTS_PER_MM),
    "letter": (612.0, 792.0),
}
"""Width and height in PostScript points."""

LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "PR", "CL", "CO", "VE", "CR", "GT", "PA", "SV", "NI", "DO", "BZ"}
)
# Windows spells the territory out ("English_United States.1252").
LETTER_COUNTRY_NAMES = frozenset(
    {
        "united states",
        "canada",
        "mexico",
        "philippines",
        "puerto rico",
        "chile",
        "colombia",
        "venezuela",
        "costa rica",
        "guatemala",
        "panama",
        "el salvador",
        "nicaragua",
        "dominican republic",
        "belize",
    }
)


def paper_for_locale(name: str | None) -> Paper:
    """US Letter for a locale of a Letter country ("en_US.UTF-8", "fr_CA"), else A4."""
    if not name:
        return "a4"
    base = name.split(".", 1)[0].split("@", 1)[0]
    _, _, territory = base.partition("_")
    if territory.upper() in LETTER_TERRITORIES or territory.lower() in LETTER_COUNTRY_NAMES:
        return "letter"
    return "a4"


def default_paper() -> Paper:
    """The paper of the system locale; ``LC_ALL`` and ``LC_PAPER`` win when they are set."""
    for variable in ("LC_ALL", "LC_PAPER"):
        if os.environ.get(variable):
            return paper_for_locale(os.environ[variable])
    # A query, not a change: setlocale without a value returns the current setting.
    return paper_for_locale(locale.setlocale(locale.LC_CTYPE))
