"""One card per exercise: what to do, how much, a picture (the coach's photos, else the
drawing), and the exercise's video as a QR code and a link."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from reportlab.platypus import HRFlowable, KeepTogether, Spacer, Table

from planner.dose import Dose, EffortScale
from planner.exercise import Exercise
from planner.handout.blocks import TABLE_PADDING, Blocks
from planner.handout.drawing import exercise_drawing
from planner.handout.media import QrCode, card_photos, photo_image
from planner.handout.outline import all_entries, doses_of
from planner.handout.styles import MID_GREY
from planner.handout.text import escape
from planner.program import Program
from planner.taxonomy import Unit

PICTURE_SHARE = 0.36
TEMPO = re.compile(r"^\s*(\d{1,2})\s*[-–/:]\s*(\d{1,2})\s*[-–/:]\s*(\d{1,2})\s*$")
"""A tempo as three numbers of seconds: down, hold, up ("3-1-1")."""


def exercise_cards(program: Program, exercises: list[Exercise], blocks: Blocks) -> list[Any]:
    intro = [
        blocks.text(
            "Each card shows how to do one exercise. The drawing shows where you start and where "
            "you end: the orange leg is the working leg, the arrow shows which way it goes.",
            blocks.styles.body,
        )
    ]
    intro += [blocks.text(line, blocks.styles.body) for line in reading_notes(program)]
    flow: list[Any] = [blocks.text("The exercises", blocks.styles.heading), *intro]
    for number, exercise in enumerate(exercises, start=1):
        picture = _picture(program, exercise, blocks)
        flow += _card(number, exercise, doses_of(program, exercise.id), blocks, picture)
    return flow


def reading_notes(program: Program) -> list[str]:
    """How to read a tempo and a target effort, said once, with the plan's own first example."""
    doses = [entry.dose for entry in all_entries(program)]
    notes = []
    tempo = next((words for d in doses if (words := tempo_in_words(d.tempo))), None)
    if tempo:
        notes.append(f"<b>Tempo</b> counts the seconds of each rep: {escape(tempo)}.")
    effort = next((d.effort for d in doses if d.effort is not None), None)
    if effort is not None and effort.scale is EffortScale.RPE:
        notes.append(
            f"<b>Effort</b> is how hard a set should feel, from 1 (very easy) to 10 (you could "
            f"not do one more rep): “{effort.describe()}” means each set should end at about "
            f"{effort.value} out of 10."
        )
    elif effort is not None:
        notes.append(
            f"<b>Effort</b> says how many more reps you could still have done at the end of "
            f"each set: “{effort.describe()}” means stop when about {effort.value} more would "
            "have been possible."
        )
    return notes


def tempo_in_words(tempo: str) -> str:
    """ "3-1-1: 3 s down, 1 s hold, 1 s up"; "" when the tempo is not three numbers."""
    match = TEMPO.match(tempo)
    if match is None:
        return ""
    down, hold, up = match.groups()
    return f"{tempo.strip()}: {down} s down, {hold} s hold, {up} s up"


def dose_text(dose: Dose) -> str:
    """The dose as the client reads it, with its target effort: "3 × 15, RPE 7"."""
    text = dose.describe()
    if dose.effort is not None and dose.effort.describe() not in text:
        text += f", {dose.effort.describe()}"
    return text


def _picture(program: Program, exercise: Exercise, blocks: Blocks) -> list[Any]:
    """The coach's photos when there are any (this client's first), else the drawing."""
    width = blocks.width * PICTURE_SHARE - 2 * TABLE_PADDING
    flow: list[Any] = []
    for photo, of_client in card_photos(program, exercise):
        image = photo_image(photo, width)
        if image is None:
            continue
        flow.append(image)
        if of_client:
            flow.append(blocks.text("You, doing it", blocks.styles.small))
        flow.append(Spacer(1, 3))
    return flow or [exercise_drawing(exercise, width, 72, blocks.styles.fonts)]


def exercise_label(exercise: Exercise) -> str:
    """How a report names the exercise a character was found in."""
    return f"exercise “{exercise.name}”"


def _card(
    number: int, exercise: Exercise, doses: dict[Dose, int], blocks: Blocks, picture: list[Any]
) -> list[Any]:
    styles, guard = blocks.styles, blocks.guard
    about = exercise_label(exercise)
    name = guard.markup(exercise.name, about)
    picture = [
        *picture,
        Spacer(1, 4),
        blocks.text(exercise.knee.label, styles.cell_bold),
        blocks.text(f"Position: {_options(p.label for p in exercise.positions)}", styles.cell),
        blocks.text(f"Equipment: {_options(e.label for e in exercise.equipment)}", styles.cell),
    ]
    facts = [
        [blocks.text(label, styles.cell_bold), value]
        for label, value in _facts(doses, about, blocks)
    ]
    if exercise.video:
        facts.append([blocks.text("Video", styles.cell_bold), _video(exercise.video, blocks)])
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
    described = list(dict.fromkeys(dose_text(dose) for dose in doses))
    if len(described) == 1:
        return dose_text(start)
    if first_week == last_week:
        return f"{' or '.join(described)}, depending on the day; your week shows each day's dose"
    rising = (end.sets, end.amount) > (start.sets, start.amount)
    return (
        f"{dose_text(start)} in week {first_week + 1}, {'rising' if rising else 'changing'} "
        f"to {dose_text(end)} by week {last_week + 1}; your weeks show each week's dose"
    )


def _video(url: str, blocks: Blocks) -> Any:
    """The QR code beside the words and the address as a link (a long one shortened)."""
    shown = url if len(url) <= 60 else url[:57] + "…"
    words = [
        blocks.text(
            "Scan the code with your phone's camera to watch the video, or open:",
            blocks.styles.cell,
        ),
        blocks.text(
            f'<a href="{_attribute(url)}" color="blue"><u>{escape(shown)}</u></a>',
            blocks.styles.small,
        ),
    ]
    qr = QrCode(url)
    column = blocks.width * (1 - PICTURE_SHARE - 0.16 - 0.02)
    return Table(
        [[qr, words]],
        colWidths=[qr.size + 8, column - qr.size - 8 - 2 * TABLE_PADDING],
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
        hAlign="LEFT",
    )


def _attribute(url: str) -> str:
    """An address as a markup attribute value (checked https addresses have no spaces)."""
    return escape(url).replace('"', "&quot;")


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
