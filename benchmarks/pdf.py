"""PDF handouts: a 12-week program in at most 1 s, and at least 40 pages per second at 50 pages
and for the 12-week program with two photos and a video QR code on every card.

``planner.handout.write_handout`` (embedded TrueType fonts, radar chart, exercise cards,
session log, "Page X of Y") against a bare reportlab script that lays out the same tables and
text with platypus: a SimpleDocTemplate with one Paragraph heading and one Table of entries per
week, a Paragraph card per exercise and a session-log Table, in the built-in Helvetica. Both
write to a file. The median of several runs after a warm-up is reported; the first export of a
process also loads reportlab, printed separately.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks._common import RUNS, report, synthetic_catalog, synthetic_program
from planner.program import DAY_NAMES, Program
from tests.sample_programs import with_media

TWELVE = (12, 12, 18)  # weeks, entries per week, distinct exercises: 19 pages
FIFTY = (52, 12, 30)  # about 50 pages


def bare_handout(program: Program, path: Path) -> int:
    """The same content through plain platypus; returns the page count."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)])
    story: list[Any] = [Paragraph(program.details.title, styles["Title"])]
    for w, week in enumerate(program.weeks):
        story.append(Paragraph(f"Week {w + 1}", styles["Heading2"]))
        rows = [
            [
                Paragraph(DAY_NAMES[d], styles["BodyText"]),
                Paragraph(program.exercises[e.exercise_id].name, styles["BodyText"]),
                Paragraph(e.dose.describe(), styles["BodyText"]),
            ]
            for d, e in week.entries()
        ]
        story.append(Table(rows, colWidths=[80, 230, 150], style=grid, repeatRows=0))
    story.append(PageBreak())
    for exercise in sorted(program.exercises.values(), key=lambda ex: ex.name):
        story.append(Paragraph(exercise.name, styles["Heading3"]))
        story.append(Paragraph(exercise.instructions, styles["BodyText"]))
        story += [Paragraph(f"• {cue}", styles["BodyText"]) for cue in exercise.cues]
    story.append(PageBreak())
    log = [["Week", *DAY_NAMES]] + [[f"Week {w + 1}"] + [""] * 7 for w in range(len(program.weeks))]
    story.append(Table(log, colWidths=[60] + [57] * 7, rowHeights=24, style=grid, repeatRows=1))
    pages: list[int] = []
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build(story, onLaterPages=lambda canvas, _doc: pages.append(canvas.getPageNumber()))
    return len(pages) + 1


def timed(action: Any) -> tuple[float, Any]:
    times, result = [], None
    action()  # warm-up
    for _ in range(max(5, RUNS)):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    from planner.handout import write_handout

    twelve = synthetic_program(TWELVE[0], TWELVE[1], synthetic_catalog(TWELVE[2]))
    fifty = synthetic_program(FIFTY[0], FIFTY[1], synthetic_catalog(FIFTY[2]))
    with tempfile.TemporaryDirectory() as folder:
        ours, bare = Path(folder) / "ours.pdf", Path(folder) / "bare.pdf"
        started = time.perf_counter()
        write_handout(twelve, ours, paper="a4")
        first = time.perf_counter() - started

        seconds, result = timed(lambda: write_handout(twelve, ours, paper="a4"))
        bare_seconds, bare_pages = timed(lambda: bare_handout(twelve, bare))
        report(
            f"PDF of a 12-week program ({result.pages} pages; bare {bare_pages})",
            seconds * 1000,
            bare_seconds * 1000,
            "ms",
            limit=1000,
        )
        print(f"{'':<44} first export of the process (loads reportlab): {first:.2f} s")

        illustrated = with_media(
            synthetic_program(TWELVE[0], TWELVE[1], synthetic_catalog(TWELVE[2]))
        )
        seconds, result = timed(lambda: write_handout(illustrated, ours, paper="a4"))
        plain_seconds, plain = timed(lambda: write_handout(twelve, ours, paper="a4"))
        report(
            f"PDF pages/s, 12 weeks, photos + QR ({result.pages} pages; plain {plain.pages})",
            result.pages / seconds,
            plain.pages / plain_seconds,
            "pg/s",
            at_least=40,
        )

        seconds, result = timed(lambda: write_handout(fifty, ours, paper="a4"))
        bare_seconds, bare_pages = timed(lambda: bare_handout(fifty, bare))
        report(
            f"PDF pages per second ({result.pages}-page handout; bare {bare_pages})",
            result.pages / seconds,
            bare_pages / bare_seconds,
            "pg/s",
            at_least=40,
        )


if __name__ == "__main__":
    main()
