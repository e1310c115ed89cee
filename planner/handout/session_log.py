"""The session log: a box to tick and a knee-pain score for every session of every week."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Spacer

from planner.handout.blocks import Blocks, short_date
from planner.handout.outline import training_weekdays
from planner.handout.styles import REST_FILL
from planner.program import DAY_NAMES, Program

WEEK_SHARE = 0.16
DONE_SHARE = 0.4
"""Of each day's width; the rest is the knee-pain box."""
ROW_HEIGHT = 24
"""Room to write in; a row with a date under the week number needs more."""
DATED_ROW_HEIGHT = 31

PAIN_ADVICE = (
    "After each session, tick <b>Done</b> and write how your knee felt, from 0 (no pain) to "
    "10 (the worst pain you can imagine). A little discomfort is fine if it has settled by the "
    "next morning. If the pain goes above 5, or your knee feels worse the next morning, stop "
    "these exercises and talk to your coach. Bring this page to your next appointment."
)


def session_log(program: Program, blocks: Blocks) -> list[Any]:
    styles = blocks.styles
    weekdays = training_weekdays(program)
    day_width = (1 - WEEK_SHARE) / len(weekdays)
    fractions = [WEEK_SHARE]
    for _ in weekdays:
        fractions += [day_width * DONE_SHARE, day_width * (1 - DONE_SHARE)]

    head = styles.cell_head
    top: list[Any] = [blocks.text("Week", head)]
    below: list[Any] = [""]
    commands: list[tuple[Any, ...]] = [("SPAN", (0, 0), (0, 1))]
    for i, weekday in enumerate(weekdays):
        column = 1 + 2 * i
        top += [blocks.text(DAY_NAMES[weekday], head), ""]
        below += [blocks.text("Done", head), blocks.text("Knee pain 0–10", head)]
        commands.append(("SPAN", (column, 0), (column + 1, 0)))

    rows: list[list[Any]] = [top, below]
    for w, week in enumerate(program.weeks):
        label = f"<b>Week {w + 1}</b>"
        start = program.day_date(w, 0)
        if start is not None:
            label += f"<br/>from {short_date(start)}"
        row: list[Any] = [blocks.text(label, styles.cell)]
        for i, weekday in enumerate(weekdays):
            if week.days[weekday].entries:
                row += ["", ""]
                continue
            column = 1 + 2 * i
            row += [blocks.text("rest", styles.small), ""]
            commands += [
                ("SPAN", (column, len(rows)), (column + 1, len(rows))),
                ("BACKGROUND", (column, len(rows)), (column + 1, len(rows)), REST_FILL),
            ]
        rows.append(row)
    height = ROW_HEIGHT if program.details.start_date is None else DATED_ROW_HEIGHT
    heights = [None, None, *([height] * len(program.weeks))]
    table = blocks.table(rows, fractions, commands, header_rows=2, row_heights=heights)
    return [
        blocks.text("Session log", styles.heading),
        blocks.text(PAIN_ADVICE, styles.body),
        Spacer(1, 6),
        table,
    ]
