"""The client's handout in reading order: overview, why and what the plan trains, weeks,
exercise cards, session log. Nothing in it measures the plan against the coach's targets:
that is the coach report (:mod:`planner.handout.coach_report`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer, Table

from planner.balance.settings import BalanceSettings
from planner.handout.blocks import Blocks, long_date, short_date
from planner.handout.cards import dose_text, exercise_cards, exercise_label
from planner.handout.outline import TrainingDay, WeekRun, exercises_in_order, week_runs
from planner.handout.session_log import session_log
from planner.handout.styles import Styles
from planner.handout.trains import what_it_trains, why_these_exercises
from planner.program import DAY_NAMES, Program

DEFAULT_TITLE = "Hip strength program"
KEEP_TOGETHER_ROWS = 12
KEEP_WITH_HEIGHT = 160
"""Points left on a page below which a heading and its long table start on the next page."""


def build_story(program: Program, blocks: Blocks, settings: BalanceSettings) -> list[Any]:
    """Every flowable of the client's handout, in order (``settings`` are not used: the
    client's copy shows no targets; the coach report's story takes the same arguments)."""
    runs = week_runs(program)
    story = [*title_block(program, runs, blocks), *_notes(program, blocks)]
    if not any(run.days for run in runs):
        story.append(blocks.text("No exercises are planned yet.", blocks.styles.subheading))
        return story
    exercises = exercises_in_order(program)
    story += [*why_these_exercises(blocks), *what_it_trains(exercises, blocks)]
    story += _weeks(program, runs, blocks)
    story += [PageBreak(), *exercise_cards(program, exercises, blocks)]
    story += [PageBreak(), *session_log(program, blocks)]
    return story


def title_block(program: Program, runs: list[WeekRun], blocks: Blocks, kind: str = "") -> list[Any]:
    """Title, client, coach, start and the plan's size; ``kind`` ("Coach report") above."""
    details, styles = program.details, blocks.styles
    title = details.title.strip() or DEFAULT_TITLE
    flow: list[Any] = [blocks.text(kind, styles.subheading)] if kind else []
    flow += blocks.user(title, "program title", styles.title)
    if details.client_name.strip():
        flow += blocks.user(f"for {details.client_name}", "client name", styles.subtitle)
    who_and_when = []
    if details.coach_name.strip():
        who_and_when.append(f"Coach: {details.coach_name}")
    if details.start_date is not None:
        start = details.start_date
        who_and_when.append(f"Starts {DAY_NAMES[start.weekday()]} {long_date(start)}")
    if who_and_when:
        flow += blocks.user(" · ".join(who_and_when), "coach name", styles.subtitle)
    flow += [blocks.text(_plan_size(program, runs), styles.subtitle), Spacer(1, 4)]
    return flow


def _plan_size(program: Program, runs: list[WeekRun]) -> str:
    weeks = len(program.weeks)
    sessions = sorted({sum(len(d.weekdays) for d in run.days) for run in runs if run.days})
    minutes = sorted({day.minutes for run in runs for day in run.days})
    parts = [f"{weeks} week{'s' if weeks != 1 else ''}"]
    if sessions:
        count = _span(sessions)
        parts.append(f"{count} session{'s' if count != '1' else ''} a week")
        parts.append(f"about {_span(minutes)} minutes each")
    return " · ".join(parts)


def _span(values: list[int]) -> str:
    return str(values[0]) if values[0] == values[-1] else f"{values[0]}–{values[-1]}"


def _notes(program: Program, blocks: Blocks) -> list[Any]:
    notes = program.details.notes.strip()
    if not notes:
        return []
    return [blocks.text("Notes", blocks.styles.heading), *blocks.user(notes, "notes")]


def _weeks(program: Program, runs: list[WeekRun], blocks: Blocks) -> list[Any]:
    styles = blocks.styles
    weeks = len(program.weeks)
    if len(runs) == 1:
        lead = [
            blocks.text("Your week", styles.heading),
            blocks.text(
                "This plan is one week long."
                if weeks == 1
                else f"Do the same sessions every week: {_repeat(program, runs[0])}."
            ),
        ]
    else:
        lead = [
            blocks.text("Your weeks", styles.heading),
            blocks.text(
                "The plan changes from week to week, so each week is printed. "
                "<b>Bold</b> marks what changed from the week before."
            ),
        ]
    cards = {ex.id: number for number, ex in enumerate(exercises_in_order(program), start=1)}
    flow: list[Any] = []
    for run in runs:
        if len(runs) > 1:
            lead.append(blocks.text(_run_title(program, run), styles.subheading))
            if run.length > 1 and run.days:
                lead.append(blocks.text(f"The same sessions each week: {_repeat(program, run)}."))
        if not run.days:
            lead.append(blocks.text("A rest week: no sessions."))
        for day in run.days:
            table = _day_table(program, run, day, cards, blocks, several_runs=len(runs) > 1)
            flow += _kept_with(lead, [Spacer(1, 3 if lead else 6), table], len(day.slots))
            lead = []
        flow += _kept_with(lead, [], 0)
        lead = []
    return flow


def _kept_with(lead: list[Any], body: list[Any], rows: int) -> list[Any]:
    """Headings kept on the page of what follows them; a short table is not split either.

    A long table splits between rows (repeating its header row), with its headings kept on
    the page where it starts.
    """
    if not lead and not body:
        return []
    if rows <= KEEP_TOGETHER_ROWS:
        return [KeepTogether([*lead, *body])]
    return [CondPageBreak(KEEP_WITH_HEIGHT), *lead, *body]


def _week_label(run: WeekRun) -> str:
    return f"Week {run.first + 1}" if run.length == 1 else f"Weeks {run.first + 1}–{run.last + 1}"


def _run_title(program: Program, run: WeekRun) -> str:
    if run.length == 1:
        title = f"Week {run.first + 1}"
    else:
        each = "both weeks" if run.length == 2 else "each week"
        title = f"Weeks {run.first + 1}–{run.last + 1} (the same {each})"
    start = _first_day(program, run.first)
    return (
        title
        if start is None
        else f"{title}, from {DAY_NAMES[start.weekday()]} {short_date(start)}"
    )


def _first_day(program: Program, week: int) -> date | None:
    """The first day of ``week`` the client trains in: the start date itself in week 1."""
    monday = program.day_date(week, 0)
    start = program.details.start_date
    return start if week == 0 and monday is not None and start is not None else monday


def _repeat(program: Program, run: WeekRun) -> str:
    """ "<b>repeat this week until Sunday 27 December</b> (4 weeks)"."""
    weeks = f"{run.length} weeks"
    last = program.day_date(run.last, 6)
    if last is None:
        return f"<b>repeat this week until the end of week {run.last + 1}</b> ({weeks})"
    return f"<b>repeat this week until Sunday {long_date(last)}</b> ({weeks})"


def _day_table(
    program: Program,
    run: WeekRun,
    day: TrainingDay,
    cards: dict[str, int],
    blocks: Blocks,
    *,
    several_runs: bool = False,
) -> Table:
    """One training day's table; with several week runs its header names the week too, so a
    table that starts a new page still says which week it belongs to."""
    styles = blocks.styles
    names = []
    for weekday in day.weekdays:
        name, when = DAY_NAMES[weekday], program.day_date(run.first, weekday)
        if program.before_start(run.first, weekday):
            names.append(
                f"{name} (from week 2: week 1 starts later)"
                if run.length > 1
                else f"{name} (before your start: skip it)"
            )
        else:
            names.append(f"{name} {short_date(when)}" if when and run.length == 1 else name)
    title = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    week = f"{_week_label(run)} · " if several_runs else ""
    header = blocks.text(f"{week}{title} · about {day.minutes} minutes", styles.cell_head)
    rows: list[list[Any]] = [[header, "", ""]]
    for order, slot in enumerate(day.slots, start=1):
        exercise = program.exercise_of(slot.entry)
        name = blocks.guard.markup(exercise.name, exercise_label(exercise))
        rows.append(
            [
                blocks.text(f"{order}. {name}", _bold_if(slot.new_exercise, styles)),
                blocks.text(dose_text(slot.entry.dose), _bold_if(slot.new_dose, styles)),
                blocks.text(f"card {cards[exercise.id]}", styles.cell),
            ]
        )
    return blocks.table(rows, (0.6, 0.28, 0.12), [("SPAN", (0, 0), (-1, 0))], header_rows=1)


def _bold_if(changed: bool, styles: Styles) -> Any:
    return styles.cell_bold if changed else styles.cell
