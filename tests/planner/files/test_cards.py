"""Copied exercise cards: the clipboard's JSON is the program file's exercise and dose shape."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.dose import Dose
from planner.exercise import Exercise
from planner.files.cards import dumps_cards, loads_cards
from planner.files.program_format import ProgramFileError, exercise_model
from planner.program import MAX_ENTRIES_PER_DAY
from tests.factories import make_exercise
from tests.strategies import doses, exercises, fuzz, json_values


@given(st.lists(st.tuples(exercises, doses), max_size=4))
@fuzz
def test_cards_come_back_as_they_were_copied(cards: list[tuple[Exercise, Dose]]) -> None:
    assert loads_cards(dumps_cards(cards)) == cards


@given(exercises, doses)
@fuzz
def test_a_cards_exercise_is_written_as_a_program_file_writes_it(
    exercise: Exercise, dose: Dose
) -> None:
    written = json.loads(dumps_cards([(exercise, dose)]))
    assert written["cards"][0]["exercise"] == exercise_model(exercise).model_dump(mode="json")


@given(json_values)
@fuzz
def test_anything_else_on_the_clipboard_is_refused_with_one_message(value: object) -> None:
    with pytest.raises(ProgramFileError, match="the clipboard"):
        loads_cards(json.dumps(value).encode())


@given(exercises, doses)
@fuzz
def test_a_broken_card_refuses_the_whole_payload(exercise: Exercise, dose: Dose) -> None:
    document = json.loads(dumps_cards([(exercise, dose), (exercise, dose)]))
    document["cards"][1]["dose"]["sets"] = 0
    with pytest.raises(ProgramFileError, match=r"cards\[1\]\.dose\.sets"):
        loads_cards(json.dumps(document).encode())


def test_no_more_cards_than_a_day_holds() -> None:
    card = json.loads(dumps_cards([(make_exercise(), Dose())]))["cards"][0]
    document = {"format": "hip-planner/cards", "cards": [card] * (MAX_ENTRIES_PER_DAY + 1)}
    with pytest.raises(ProgramFileError, match="at most"):
        loads_cards(json.dumps(document).encode())
