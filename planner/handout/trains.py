"""The client's "what this plan trains": the six directions of the hip, each with the plan's
exercises that work it, and why, honestly. No targets and no pass or fail: those are the
coach's (the coach report, :mod:`planner.handout.coach_report`)."""

from __future__ import annotations

from typing import Any

from planner.exercise import Exercise
from planner.handout.blocks import Blocks
from planner.handout.styles import MID_GREY
from planner.taxonomy import Direction

WHY_THESE_EXERCISES = (
    "Guidelines for knee pain at the front of the knee recommend exercise, with hip and knee "
    "exercises together rather than knee exercises alone (Crossley 2016, Collins 2018, Willy "
    "2019). So this plan strengthens your hip, and its squats, lunges and step-ups work your "
    "knee as well: both parts matter.",
    "Your hip moves in six directions: forward, backward, out to the side, in toward the other "
    "leg, and turning out and in. This plan works it in each of them, with the knee sometimes "
    "straight and sometimes bent, standing and lying down, so the work stays varied.",
    "What is not known: weak hips have not been shown to cause knee pain. Studies that "
    "measured hip strength first found that runners with weaker hips were no more likely to "
    "get knee pain later (Neal 2019); weakness may follow pain rather than cause it. The "
    "exercises are here because exercise programmes like this one have helped runners with "
    "knee pain, not because your hips are to blame.",
)

IN_WORDS = {
    Direction.FLEXION: "lifting the leg up in front of you",
    Direction.EXTENSION: "pushing the leg back behind you, as when you climb a step",
    Direction.ABDUCTION: "moving the leg out to the side",
    Direction.ADDUCTION: "squeezing the leg in toward the other",
    Direction.EXTERNAL_ROTATION: "turning the thigh and knee outward",
    Direction.INTERNAL_ROTATION: "turning the thigh and knee inward",
}
"""Each direction as a client would say it."""

MOST_NAMES = 6
"""Exercise names listed in one direction's box; more are counted ("and 3 more")."""
GRID = (
    (Direction.FLEXION, Direction.ABDUCTION, Direction.EXTERNAL_ROTATION),
    (Direction.EXTENSION, Direction.ADDUCTION, Direction.INTERNAL_ROTATION),
)
"""Opposite directions one above the other."""


def why_these_exercises(blocks: Blocks) -> list[Any]:
    styles = blocks.styles
    flow: list[Any] = [blocks.text("Why these exercises", styles.subheading)]
    flow += [blocks.text(text, styles.note) for text in WHY_THESE_EXERCISES]
    return flow


def what_it_trains(exercises: list[Exercise], blocks: Blocks) -> list[Any]:
    """A 3 × 2 grid: each direction, what it means, and the exercises that work it (mainly,
    then a little)."""
    styles = blocks.styles
    rows = []
    for line in GRID:
        row = []
        for direction in line:
            main = [ex for ex in exercises if ex.primary is direction]
            also = [ex for ex in exercises if direction in ex.secondary]
            cell: list[Any] = [
                blocks.text(direction.label, styles.cell_bold),
                blocks.text(IN_WORDS[direction], styles.small),
            ]
            names = [blocks.guard.markup(ex.name, f"exercise “{ex.name}”") for ex in main]
            shown = names if len(names) <= MOST_NAMES else names[: MOST_NAMES - 1]
            cell += [blocks.text(name, styles.bullet_small, "•") for name in shown]
            if len(shown) < len(names):
                cell.append(blocks.text(f"and {len(names) - len(shown)} more", styles.small))
            if also and len(also) <= MOST_NAMES:
                names_also = ", ".join(
                    blocks.guard.markup(ex.name, f"exercise “{ex.name}”") for ex in also
                )
                cell.append(blocks.text(f"Also a little: {names_also}", styles.small))
            elif also:
                cell.append(
                    blocks.text(f"Also a little: {len(also)} other exercises", styles.small)
                )
            if not main and not also:
                cell.append(blocks.text("No exercise of this plan works this way.", styles.small))
            row.append(cell)
        rows.append(row)
    table = blocks.table(rows, (1 / 3, 1 / 3, 1 / 3), [("BOX", (0, 0), (-1, -1), 0.9, MID_GREY)])
    return [blocks.text("What this plan trains", styles.subheading), table]
