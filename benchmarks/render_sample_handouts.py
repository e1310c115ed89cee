"""Render sample handouts to PDF and PNG pages, and time them.

    python benchmarks/render_sample_handouts.py OUT_FOLDER [--paper a4|letter]
    python -m benchmarks.render_sample_handouts --contact-sheet OUT.pdf


Writes Metzl's plan, a 4-week progressing plan and a 12-week progressing plan; PNG pages
need ``pdftoppm`` (poppler-utils) and are skipped without it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.handout import PAPERS, write_handout
from tests.sample_programs import metzl_program, progressing_program

SAMPLES = {
    "metzl": metzl_program,
    "progressing-4-weeks": lambda: progressing_program(4),
    "progressing-12-weeks": lambda: progressing_program(12),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument(
        "--contact-sheet",
        type=Path,
        metavar="OUT.pdf",
        help="write every built-in exercise's drawing with its name instead (and PNG pages)",
    )
    parser.add_argument("--paper", choices=PAPERS, default="a4")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()
    if args.contact_sheet is not None:
        from benchmarks.contact_sheet import write_contact_sheet

        pages = write_contact_sheet(args.contact_sheet, png=True)
        print(f"{args.contact_sheet}: {pages} pages")
        return 0
    if args.folder is None:
        parser.error("give the folder to write the sample handouts to")
    args.folder.mkdir(parents=True, exist_ok=True)
    pdftoppm = shutil.which("pdftoppm")
    for name, build in SAMPLES.items():
        program = build()
        pdf = args.folder / f"{name}.pdf"
        started = time.perf_counter()
        report = write_handout(program, pdf, paper=args.paper)
        seconds = time.perf_counter() - started
        print(f"{pdf}: {report.pages} pages in {seconds:.2f} s")
        if pdftoppm:
            prefix = str(args.folder / name)
            subprocess.run([pdftoppm, "-r", str(args.dpi), "-png", str(pdf), prefix], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
