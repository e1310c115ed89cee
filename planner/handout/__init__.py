"""The client's PDF handout.

Importing this package does not load reportlab (it is slow to import and only needed while
exporting); :func:`write_handout` loads it.
"""

from planner.handout.export import with_pdf_suffix, write_handout
from planner.handout.paper import PAPERS, Paper, default_paper, paper_for_locale
from planner.handout.report import HandoutError, HandoutReport, UnsupportedCharacter

__all__ = [
    "PAPERS",
    "HandoutError",
    "HandoutReport",
    "Paper",
    "UnsupportedCharacter",
    "default_paper",
    "paper_for_locale",
    "with_pdf_suffix",
    "write_handout",
]
