"""Copied exercise cards (an exercise with its dose) as JSON, for the clipboard.

Each card's exercise has the one JSON shape of an exercise in a program file
(:class:`ExerciseModel`) and its dose that of an entry's dose, so copying and pasting between
windows reads and checks exactly what opening a program does. The clipboard is anybody's to
write: reading goes through the strict reader of program files and refuses the whole payload
at the first problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from planner.dose import Dose
from planner.exercise import Exercise
from planner.files.program_format import (
    decode_file,
    dose_from_model,
    dose_model,
    encode_json,
    exercise_from_model,
    exercise_model,
    validated,
)
from planner.files.program_schema import DoseModel, ExerciseModel, FileModel
from planner.program import MAX_ENTRIES_PER_DAY

FORMAT: Literal["hip-planner/cards"] = "hip-planner/cards"
SOURCE = "the clipboard"

Card = tuple[Exercise, Dose]


class CardModel(FileModel):
    exercise: ExerciseModel
    dose: DoseModel


class CardsModel(FileModel):
    format: Literal["hip-planner/cards"]
    cards: list[CardModel] = Field(max_length=MAX_ENTRIES_PER_DAY, fail_fast=True)
    """Copied from one day, so no more than a day holds."""


def dumps_cards(cards: Sequence[Card]) -> bytes:
    document = CardsModel(
        format=FORMAT,
        cards=[CardModel(exercise=exercise_model(ex), dose=dose_model(dose)) for ex, dose in cards],
    )
    return encode_json(document.model_dump(mode="json"))


def loads_cards(data: bytes) -> list[Card]:
    """The cards of a payload; :class:`~planner.files.program_format.ProgramFileError` names
    the first problem."""
    document = decode_file(data, SOURCE, what="copied exercise cards")
    model = validated(CardsModel, document, SOURCE)
    return [
        (
            exercise_from_model(card.exercise, SOURCE, f"cards[{i}].exercise"),
            dose_from_model(card.dose, SOURCE, f"cards[{i}].dose"),
        )
        for i, card in enumerate(model.cards)
    ]
