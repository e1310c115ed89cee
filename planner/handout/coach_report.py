"""The coach report: the balance of the plan against the coach's targets, for the coach only.

The client's handout says what the plan trains and why; this report says how it measures up:
a week-by-week table of weighted sets per direction (with the sessions the client reported),
the hexagon chart with the target band, and every finding with its reason and source.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Spacer, Table

from planner.balance.analysis import analyse_program
from planner.balance.checks import plural
from planner.balance.counts import ProgramAnalysis
from planner.balance.findings import Severity
from planner.balance.settings import BalanceSettings
from planner.handout.blocks import Blocks
from planner.handout.chart import ChartWeek, direction_chart, number, target_band
from planner.handout.outline import WeekRun, week_runs
from planner.handout.story import title_block
from planner.handout.styles import REST_FILL, Styles
from planner.handout.text import escape
from planner.program import DAY_NAMES, Program
from planner.taxonomy import Direction

TITLE = "Coach report"
SHORT_LABELS = {
    Direction.FLEXION: "Fwd",
    Direction.EXTENSION: "Back",
    Direction.ABDUCTION: "Away",
    Direction.ADDUCTION: "Toward",
    Direction.EXTERNAL_ROTATION: "Out",
    Direction.INTERNAL_ROTATION: "In",
}
SEVERITY_WORDS = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Note"}


def coach_story(program: Program, blocks: Blocks, settings: BalanceSettings) -> list[Any]:
    """Every flowable of the coach report, in order; targets follow ``settings``."""
    runs = week_runs(program)
    story = title_block(program, runs, blocks, TITLE)
    if not any(run.days for run in runs):
        story.append(blocks.text("No exercises are planned yet.", blocks.styles.subheading))
        return story
    analysis = analyse_program(program, settings)
    story += _short_start(program, blocks)
    story += _chart_and_reading(program, analysis, blocks, settings)
    story += _weekly_table(program, analysis, blocks, settings)
    story += _findings(runs, analysis, blocks)
    return story


def _short_start(program: Program, blocks: Blocks) -> list[Any]:
    """Sessions of week 1 planned before the start date: the client's copy leaves them out."""
    skipped = [
        DAY_NAMES[d]
        for d, day in enumerate(program.weeks[0].days)
        if day.entries and program.before_start(0, d)
    ]
    if not skipped:
        return []
    start = program.details.start_date
    assert start is not None  # before_start is only true with a start date
    days = " and ".join(skipped)
    return [
        blocks.text(
            f"<b>Week 1 is short.</b> The program starts on {DAY_NAMES[start.weekday()]}, so the "
            f"client's copy leaves out week 1's {days} session{'s' if len(skipped) > 1 else ''}. "
            "The balance figures below count every week as planned, week 1 included: the "
            "missing days are a one-off of the calendar, not the plan's design.",
            blocks.styles.note,
        )
    ]


def _chart_and_reading(
    program: Program, analysis: ProgramAnalysis, blocks: Blocks, settings: BalanceSettings
) -> list[Any]:
    trained = [i for i, week in enumerate(analysis.weeks) if not week.is_empty]
    first, last = trained[0], trained[-1]
    first_sets, last_sets = analysis.weeks[first].sets, analysis.weeks[last].sets
    later = ChartWeek(f"Week {last + 1}", last_sets) if last_sets != first_sets else None
    chart = direction_chart(
        ChartWeek(f"Week {first + 1}", first_sets), later, blocks.styles.fonts, settings
    )
    low, high = target_band(first_sets, settings)
    words = [
        blocks.text("Balance at a glance", blocks.styles.subheading),
        blocks.text(
            "Weighted sets per hip direction in a week: each set counts fully toward its "
            "exercise's primary direction and half toward each secondary one (times the "
            "exercise's hip weight). The grey band is the target range of your thresholds "
            f"for a week like week {first + 1}: {number(round(low))}–{number(round(high))} sets.",
            blocks.styles.note,
        ),
        blocks.text(
            "The client's copy shows no targets: it lists what the plan trains in each "
            "direction and why, and leaves the judging to you.",
            blocks.styles.note,
        ),
    ]
    table = Table(
        [[words, chart]],
        colWidths=[blocks.width - chart.width, chart.width],
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, 0), 10),
            ("RIGHTPADDING", (1, 0), (1, 0), 0),
        ],
        hAlign="LEFT",
    )
    return [Spacer(1, 4), table]


def _weekly_table(
    program: Program, analysis: ProgramAnalysis, blocks: Blocks, settings: BalanceSettings
) -> list[Any]:
    styles = blocks.styles
    head = styles.cell_head
    labels = ["Week", *(SHORT_LABELS[d] for d in Direction), "Sessions", "Findings", "Reported"]
    rows: list[list[Any]] = [[blocks.text(label, head) for label in labels]]
    commands: list[tuple[Any, ...]] = []
    for number_, week in analysis.numbered():
        w = number_ - 1
        low, high = target_band(week.sets, settings)
        cells: list[Any] = [blocks.text(f"{number_}", styles.cell)]
        for c, direction in enumerate(Direction, start=1):
            value = week.sets[direction]
            outside = not week.is_empty and not low <= value <= high
            cells.append(
                blocks.text(f"<b>{number(value)}</b>" if outside else number(value), styles.cell)
            )
            if outside:
                commands.append(("BACKGROUND", (c, len(rows)), (c, len(rows)), REST_FILL))
        sessions = sum(1 for d, day in enumerate(program.weeks[w].days) if day.entries)
        counts = [
            plural(week.count(severity), SEVERITY_WORDS[severity].lower())
            for severity in (Severity.ERROR, Severity.WARNING)
            if week.count(severity)
        ]
        cells += [
            blocks.text(str(sessions), styles.cell),
            blocks.text(", ".join(counts) or "none", styles.cell),
            blocks.text(_reported(program, w), styles.cell),
        ]
        rows.append(cells)
    fractions = (0.08, 0.07, 0.07, 0.08, 0.1, 0.07, 0.07, 0.11, 0.17, 0.18)
    lead = [
        blocks.text("Week by week", styles.heading),
        blocks.text(
            "Weighted sets per direction; a bold number on grey lies outside that week's "
            "target range. <i>Reported</i>: sessions the client reported, with the highest "
            "knee pain during or the next morning.",
            styles.note,
        ),
    ]
    return [*lead, blocks.table(rows, fractions, commands, header_rows=1)]


def _reported(program: Program, week: int) -> str:
    sessions = [s for s in program.log if s.week == week]
    if not sessions:
        return "–"
    pains = [p for s in sessions for p in (s.pain_during, s.pain_next_morning) if p is not None]
    pain = f", pain up to {max(pains)}/10" if pains else ""
    return f"{len(sessions)}{pain}"


def _findings(runs: list[WeekRun], analysis: ProgramAnalysis, blocks: Blocks) -> list[Any]:
    styles = blocks.styles
    flow: list[Any] = []
    heading = [blocks.text("Findings", styles.heading)]
    for run in runs:
        weeks = (
            f"Week {run.first + 1}"
            if run.length == 1
            else f"Weeks {run.first + 1}–{run.last + 1} (the same each week)"
        )
        findings = analysis.weeks[run.first].findings
        items: list[Any] = [blocks.text(weeks, styles.subheading)]
        if not findings:
            items.append(blocks.text("No findings: every check passes.", styles.note))
        for found in findings:
            items.append(
                blocks.text(
                    f"<b>{SEVERITY_WORDS[found.severity]}:</b> {escape(found.message)}",
                    styles.bullet,
                    "•",
                )
            )
            items.append(blocks.text(f"Why: {escape(found.reason)}", _indented(styles)))
        flow += [KeepTogether([*heading, *items[:3]]), *items[3:]]
        heading = []
    return flow


def _indented(styles: Styles) -> ParagraphStyle:
    return ParagraphStyle("reason", styles.small, leftIndent=12, spaceAfter=3)
