"""Reading back what a handout printed."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def page_texts(path: Path) -> list[str]:
    """Each page's text with runs of whitespace made single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def pdf_text(path: Path) -> str:
    return " ".join(page_texts(path))


def page_size(path: Path) -> tuple[float, float]:
    box = PdfReader(path).pages[0].mediabox
    return float(box.width), float(box.height)
