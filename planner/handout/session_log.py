"""The session log: one block per planned session, asking what the coach's log form asks.

Per session the date, the knee pain during the session and the next morning (0–10), and per
exercise the sets done, the load used, the effort (RPE 1–10) and a comment, then a note: the
coach types the page into the window line by line (DESIGN.md §4). Days of week 1 before the
start date have no block.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Spacer

from planner.handout.blocks import Blocks, short_date
from planner.handout.cards import dose_text, exercise_label
from planner.handout.styles import HEADER_FILL, REST_FILL
from planner.program import DAY_NAMES, Program

COLUMNS = (0.40, 0.11, 0.15, 0.11, 0.23)
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
    styles = blocks.styles
    when = program.day_date(week, day)
    date = short_date(when) if when is not None else "date: ____________"
    title = blocks.text(
        f"<b>Week {week + 1} · {DAY_NAMES[day]} {date}</b>"
        "&nbsp;&nbsp;&nbsp;&nbsp;Knee pain (0–10) during: ______ &nbsp;next morning: ______",
        styles.cell,
    )
    head = styles.cell_head
    rows: list[list[Any]] = [
        [title, "", "", "", ""],
        [
            blocks.text("Exercise and plan", head),
            blocks.text("Sets done", head),
            blocks.text("Load used", head),
            blocks.text("Effort 1–10", head),
            blocks.text("Comment", head),
        ],
    ]
    for order, entry in enumerate(program.weeks[week].days[day].entries, start=1):
        exercise = program.exercise_of(entry)
        name = blocks.guard.markup(exercise.name, exercise_label(exercise))
        rows.append(
            [
                blocks.text(f"{order}. {name} · {dose_text(entry.dose)}", styles.cell),
                blocks.text(f"of {entry.dose.sets}", _RIGHT(styles.small)),
                "",
                "",
                "",
            ]
        )
    rows.append([blocks.text("Note:", styles.small), "", "", "", ""])
    last = len(rows) - 1
    commands = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("BACKGROUND", (0, 1), (-1, 1), REST_FILL),
        ("SPAN", (0, last), (-1, last)),
        ("VALIGN", (1, 2), (1, last - 1), "BOTTOM"),
        ("TOPPADDING", (0, 2), (-1, last), ROOM),
        ("BOTTOMPADDING", (0, 2), (-1, last), ROOM),
        ("BOTTOMPADDING", (0, last), (-1, last), 2 * ROOM),
    ]
    return blocks.table(rows, COLUMNS, commands)


def _RIGHT(style: Any) -> ParagraphStyle:  # a style, named like one
    return ParagraphStyle(f"{style.name}-right", style, alignment=TA_RIGHT)
