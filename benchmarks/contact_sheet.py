"""A contact sheet of every built-in exercise's drawing, with its name, for judging by eye.

    python -m benchmarks.contact_sheet OUT.pdf [--png]
    python -m benchmarks.render_sample_handouts --contact-sheet OUT.pdf

With ``--png`` (and ``pdftoppm`` installed) each page is also written as OUT-<n>.png.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from planner.files.catalog_file import load_catalog_dir
from planner.handout.drawing import exercise_drawing

CATALOG = Path(__file__).resolve().parents[1] / "resources" / "catalog"
COLUMNS = 3
ROWS = 8


def write_contact_sheet(out: Path, png: bool = False) -> int:
    """Write the sheet; returns the number of pages."""
    exercises = sorted(load_catalog_dir(CATALOG), key=lambda e: (e.primary.value, e.id))
    page_w, page_h = A4
    margin = 24.0
    cell_w = (page_w - 2 * margin) / COLUMNS
    cell_h = (page_h - 2 * margin) / ROWS
    canvas = Canvas(str(out), pagesize=A4)
    pages = 0
    per_page = COLUMNS * ROWS
    for start in range(0, len(exercises), per_page):
        pages += 1
        for index, ex in enumerate(exercises[start : start + per_page]):
            col, row = index % COLUMNS, index // COLUMNS
            x = margin + col * cell_w
            y = page_h - margin - (row + 1) * cell_h
            drawing = exercise_drawing(ex, cell_w - 8, cell_h - 16)
            renderPDF.draw(drawing, canvas, x + 4, y + 2)
            canvas.setFont("Helvetica", 6.5)
            canvas.drawString(x + 4, y + cell_h - 9, f"{ex.name}  [{ex.primary.label}]"[:70])
            canvas.setStrokeGray(0.85)
            canvas.rect(x, y, cell_w, cell_h)
        canvas.showPage()
    canvas.save()
    pdftoppm = shutil.which("pdftoppm")
    if png and pdftoppm:
        subprocess.run(
            [pdftoppm, "-png", "-r", "70", str(out), str(out.with_suffix(""))], check=True
        )
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--png", action="store_true")
    args = parser.parse_args()
    pages = write_contact_sheet(args.out, args.png)
    print(f"{args.out}: {pages} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
