"""One card per exercise: what to do, how much, and a drawing of the hip's direction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.platypus import HRFlowable, KeepTogether, Spacer

from planner.dose import Dose
from planner.exercise import Exercise
from planner.handout.blocks import Blocks
from planner.handout.drawing import exercise_drawing
from planner.handout.outline import doses_of
from planner.handout.styles import MID_GREY
from planner.program import Program
from planner.taxonomy import Unit

PICTURE_SHARE = 0.36


def exercise_cards(program: Program, exercises: list[Exercise], blocks: Blocks) -> list[Any]:
    intro = blocks.text(
        "Each card shows how to do one exercise. The drawing shows where you start and where you "
        "end: the orange leg is the working leg, the arrow shows which way it goes.",
        blocks.styles.body,
    )
    flow: list[Any] = [blocks.text("The exercises", blocks.styles.heading), intro]
    for number, exercise in enumerate(exercises, start=1):
        flow += _card(number, exercise, doses_of(program, exercise.id), blocks)
    return flow


def exercise_label(exercise: Exercise) -> str:
    """How a report names the exercise a character was found in."""
    return f"exercise “{exercise.name}”"


def _card(number: int, exercise: Exercise, doses: dict[Dose, int], blocks: Blocks) -> list[Any]:
    styles, guard = blocks.styles, blocks.guard
    about = exercise_label(exercise)
    name = guard.markup(exercise.name, about)
    picture = [
        exercise_drawing(exercise, blocks.width * PICTURE_SHARE - 8, 72, styles.fonts),
        Spacer(1, 4),
        blocks.text(exercise.knee.label, styles.cell_bold),
        blocks.text(f"Position: {_options(p.label for p in exercise.positions)}", styles.cell),
        blocks.text(f"Equipment: {_options(e.label for e in exercise.equipment)}", styles.cell),
    ]
    facts = [
        [blocks.text(label, styles.cell_bold), value]
        for label, value in _facts(doses, about, blocks)
    ]
    # Every fact lists each of the exercise's doses, so there is no bound to its length.
    fact_table = blocks.table(
        facts, (0.16, 1 - PICTURE_SHARE - 0.16 - 0.02), grid=False, split_in_row=True
    )
    top = blocks.table(
        [[picture, fact_table]], (PICTURE_SHARE, 1 - PICTURE_SHARE), grid=False, split_in_row=True
    )
    flow: list[Any] = [
        HRFlowable(width="100%", thickness=0.8, color=MID_GREY, spaceBefore=10, spaceAfter=4),
        blocks.text(f"{number}&nbsp;&nbsp;{name}", styles.card_title),
        Spacer(1, 2),
        top,
    ]
    if exercise.instructions.strip():
        flow.append(blocks.text("How to do it", styles.subheading))
        for part in exercise.instructions.strip().split("\n\n"):
            flow += blocks.user(part, f"{about}: instructions")
    if exercise.cues:
        flow.append(blocks.text("Keep in mind", styles.subheading))
        for cue in exercise.cues:
            flow.append(blocks.text(guard.markup(cue, f"{about}: cues"), styles.bullet, "•"))
    return _on_one_page_if_it_fits(flow, blocks)


def _on_one_page_if_it_fits(flow: list[Any], blocks: Blocks) -> list[Any]:
    """A card starts on a new page rather than split, unless it is longer than a page: then
    it starts where it is (reportlab would leave the rest of the page empty)."""
    height = sum(
        f.wrap(blocks.width, blocks.height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        for f in flow
    )
    return [KeepTogether(flow)] if height <= blocks.height else flow


def dose_summary(doses: dict[Dose, int]) -> str:
    """ "3 × 15", or how the amount moves over the weeks when it changes, or which doses the
    days of a week use when they differ within it."""
    items = list(doses.items())
    (start, first_week), (end, last_week) = items[0], items[-1]
    described = list(dict.fromkeys(dose.describe() for dose in doses))
    if len(described) == 1:
        return start.describe()
    if first_week == last_week:
        return f"{' or '.join(described)}, depending on the day; your week shows each day's dose"
    rising = (end.sets, end.amount) > (start.sets, start.amount)
    return (
        f"{start.describe()} in week {first_week + 1}, {'rising' if rising else 'changing'} "
        f"to {end.describe()} by week {last_week + 1}; your weeks show each week's dose"
    )


def _facts(doses: dict[Dose, int], about: str, blocks: Blocks) -> list[tuple[str, Any]]:
    """Label and value of each fact the card shows; empty fields are left out."""
    cell = blocks.styles.cell
    first = next(iter(doses))
    facts: list[tuple[str, Any]] = [("Dose", blocks.text(dose_summary(doses), cell))]
    if first.each_side:
        sides = (
            "Walk the steps one way, then the same back the other way."
            if first.unit is Unit.STEPS
            else "Do the full set on one side, then on the other."
        )
        facts.append(("Sides", blocks.text(sides, cell)))
    loads = _distinct(d.load for d in doses)
    if loads:
        facts.append(("Load", blocks.user(" / ".join(loads), f"{about}: load", cell)))
    rests = _distinct(_rest(d.rest_seconds) for d in doses)
    facts.append(("Rest", blocks.text(" / ".join(rests), cell)))
    tempos = _distinct(d.tempo for d in doses)
    if tempos:
        facts.append(("Tempo", blocks.user(" / ".join(tempos), f"{about}: tempo", cell)))
    notes = _distinct(d.notes for d in doses)
    if notes:
        facts.append(("Notes", blocks.user("\n".join(notes), f"{about}: notes", cell)))
    return facts


def _rest(seconds: int) -> str:
    if seconds == 0:
        return "None: go straight into the next set."
    if seconds % 60 == 0:
        minutes = seconds // 60
        return f"{minutes} minute{'s' if minutes > 1 else ''} between sets"
    if seconds > 60:
        return f"{seconds // 60} min {seconds % 60} s between sets"
    return f"{seconds} seconds between sets"


def _distinct(values: Any) -> list[str]:
    return [v for v in dict.fromkeys(v.strip() for v in values) if v]


def _options(labels: Iterable[str]) -> str:
    """ "Stability ball or bench": any one of them will do."""
    first, *rest = labels
    return " or ".join([first, *(label.lower() for label in rest)])
