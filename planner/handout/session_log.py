"""The session log: one block per planned session, asking what the coach's log form asks.

Per session the date, the knee pain during the session and the next morning (0–10), and per
exercise the sets done, the load used, the effort (RPE 1–10) and a comment, then a note: the
coach types the page into the window line by line (DESIGN.md §4). Days of week 1 before the
start date have no block.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import KeepTogether, Spacer

from planner.handout.blocks import Blocks, short_date
from planner.handout.cards import dose_text, exercise_label
from planner.handout.styles import DARK_GREY, HEADER_FILL, REST_FILL
from planner.program import DAY_NAMES, Program

COLUMNS = (0.40, 0.12, 0.16, 0.13, 0.19)
"""Exercise and plan, sets done, load used, effort, comment."""
ROOM = 4.5
"""Padding above and below each line: room to write in by hand."""

PAIN_ADVICE = (
    "After each session, fill in its block: the date if it is not printed, how your knee felt "
    "during the session and the next morning, from 0 (no pain) to 10 (the worst pain you can "
    "imagine), and for each exercise the sets you did, the load you used (“green band”, "
    "“8 kg”), how hard it felt from 1 (very easy) to 10 (you could not have done one more "
    "rep), and anything worth telling your coach. A little discomfort is fine if it has "
    "settled by the next morning. If the pain goes above 5, or your knee feels worse the next "
    "morning, stop these exercises and talk to your coach. Bring these pages to your next "
    "appointment."
)


def session_log(program: Program, blocks: Blocks) -> list[Any]:
    styles = blocks.styles
    flow: list[Any] = [
        blocks.text("Session log", styles.heading),
        blocks.text(PAIN_ADVICE, styles.body),
        Spacer(1, 4),
    ]
    for w, week in enumerate(program.weeks):
        for d, day in enumerate(week.days):
            if day.entries and not program.before_start(w, d):
                flow += [KeepTogether([_session(program, w, d, blocks)]), Spacer(1, 7)]
    return flow


def _session(program: Program, week: int, day: int, blocks: Blocks) -> Any:
    """One session's block. Only the exercise names are paragraphs (they may wrap); the
    rest is plain table text, which lays out many times faster in a long log."""
    styles = blocks.styles
    fonts = styles.fonts
    when = program.day_date(week, day)
    date = short_date(when) if when is not None else "date: ___________"
    rows: list[list[Any]] = [
        [
            f"Week {week + 1} · {DAY_NAMES[day]} {date}",
            "Knee pain (0–10) during: ______   next morning: ______",
            "",
            "",
            "",
        ],
        ["Exercise and plan", "Sets done", "Load used", "Effort 1–10", "Comment"],
    ]
    for order, entry in enumerate(program.weeks[week].days[day].entries, start=1):
        exercise = program.exercise_of(entry)
        name = blocks.guard.markup(exercise.name, exercise_label(exercise))
        text = f"{order}. {name} · {dose_text(entry.dose)}"
        rows.append([blocks.text(text, styles.cell), f"of {entry.dose.sets}", "", "", ""])
    rows.append(["Note:", "", "", "", ""])
    last = len(rows) - 1
    commands = [
        ("SPAN", (1, 0), (-1, 0)),
        ("FONT", (0, 0), (-1, -1), fonts.regular, 8.5),
        ("FONT", (0, 1), (-1, 1), fonts.bold, 8.5),
        ("FONT", (1, 0), (-1, 0), fonts.regular, 9),
        ("FONT", (0, 0), (0, 0), fonts.bold, 9.5),
        ("ALIGN", (1, 0), (-1, 0), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("BACKGROUND", (0, 1), (-1, 1), REST_FILL),
        ("SPAN", (0, last), (-1, last)),
        ("ALIGN", (1, 2), (1, last - 1), "RIGHT"),
        ("VALIGN", (1, 2), (1, last - 1), "BOTTOM"),
        ("TEXTCOLOR", (1, 2), (1, last), DARK_GREY),
        ("TEXTCOLOR", (0, last), (0, last), DARK_GREY),
        ("TOPPADDING", (0, 2), (-1, last), ROOM),
        ("BOTTOMPADDING", (0, 2), (-1, last), ROOM),
        ("BOTTOMPADDING", (0, last), (-1, last), 2 * ROOM + 6),
    ]
    return blocks.table(rows, COLUMNS, commands)
