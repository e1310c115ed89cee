"""The exercise sharing file: round trip, and one clear error for anything malformed."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.exercise import HIP_WEIGHT_RANGE
from planner.files.exercise_share import (
    FORMAT,
    VERSION,
    ExerciseShareError,
    dumps_exercises,
    loads_exercises,
    read_exercises,
    write_exercises,
)
from planner.taxonomy import Direction, Equipment, Knee, Position
from tests.factories import make_exercise


def _mine() -> list[Any]:
    return [
        make_exercise(
            "own-hip-airplane",
            Direction.INTERNAL_ROTATION,
            Direction.EXTERNAL_ROTATION,
            name="Hip airplane",
            knee=Knee.STRAIGHT,
            positions=(Position.STANDING,),
            builtin=False,
        ),
        make_exercise(
            "own-banded-bridge",
            name="Banded bridge — slow",
            builtin=False,
            equipment=(Equipment.MINI_BAND, Equipment.ELASTIC_BAND),
        ),
    ]


def _document(**changes: Any) -> dict[str, Any]:
    document = json.loads(dumps_exercises(_mine()))
    document.update(changes)
    return document


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    path = tmp_path / "my exercises.json"
    write_exercises(path, _mine())
    assert read_exercises(path) == _mine()
    document = json.loads(path.read_text(encoding="utf-8"))
    assert list(document) == ["format", "version", "exercises"]
    assert (document["format"], document["version"]) == (FORMAT, VERSION)
    assert "Banded bridge — slow" in path.read_text(encoding="utf-8")  # readable, not escaped
    assert not list(tmp_path.glob("*.partial"))


def test_read_exercises_are_own_exercises() -> None:
    builtin = replace(_mine()[0], builtin=True)
    (back,) = loads_exercises(dumps_exercises([builtin]))
    assert not back.builtin


_own_exercises = st.builds(
    lambda i, name, sets, **more: replace(
        make_exercise(f"own-ex-{i}", name=name, sets=sets, builtin=False), **more
    ),
    st.integers(0, 10_000),
    st.text(min_size=1, max_size=120).filter(str.strip),
    st.integers(1, 20),
    hip_weight=st.sampled_from([1.0, 0.5]) | st.floats(*HIP_WEIGHT_RANGE),
    easier=st.none() | st.just("own-easier"),
    harder=st.none() | st.just("own-harder"),
    closed_chain=st.booleans(),
)


@given(st.lists(_own_exercises, max_size=5, unique_by=lambda ex: ex.id))
def test_any_list_of_exercises_survives_the_round_trip(exercises: list[Any]) -> None:
    assert loads_exercises(dumps_exercises(exercises)) == exercises


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"format": "hip-planner/exercises", ',
            "is damaged or not a Hip Planner exercise file: its text breaks off or is garbled at "
            "line 1, column 37",
        ),
        ("[1, 2]", "is not a Hip Planner exercise file"),
        (json.dumps(_document(format="hip-planner/program")), '"format" is "hip-planner/program"'),
        (json.dumps(_document(version="1")), '"version" must be a whole number'),
        (json.dumps(_document(version=3)), "newer Hip Planner (version 3)"),
        (json.dumps(_document(exercises={"a": 1})), "exercises: must be a list"),
        (json.dumps(_document(exercises=[1])), "exercises[0]: must be an object"),
    ],
)
def test_malformed_documents(text: str, message: str) -> None:
    with pytest.raises(ExerciseShareError) as caught:
        loads_exercises(text.encode(), source="shared.json")
    assert str(caught.value).startswith("shared.json: ")
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("directions", ["sideways"], "directions[0]: must be 'flexion', "),
        ("knee", "wobbly", "knee: must be 'bent' or 'straight'"),
        ("id", "Has Spaces", "id: use 1–80 lowercase letters"),
        ("id", "own-lunge\n", "id: use 1–80 lowercase letters"),
        ("id", 123, "id: must be text"),
        ("name", "  ", "name: give the exercise a name"),
        ("name", {"a": 1}, "name: must be text"),
        ("cues", "abc", "cues: must be a list"),
        ("cues", [1], "cues[0]: must be text"),
        ("dose", {"sets": 99}, "dose.sets: must be at most 20"),
        ("dose", {"sets": 3, "colour": "red"}, "dose.amount: is missing"),
        ("dose", [3, 10], "dose: must be an object"),
        ("cues", ["x" * 201], "cues[0]: is too long; keep it to 200 characters"),
        ("hip_weight", "1", "hip_weight: must be a number"),
        ("easier", "own-x\n", "easier: use 1–80 lowercase letters"),
        ("archived", True, "archived: is not a known field"),
    ],
)
def test_a_bad_field_names_the_exercise_and_nothing_is_returned(
    field: str, value: Any, message: str
) -> None:
    document = _document()
    document["exercises"][1][field] = value
    with pytest.raises(ExerciseShareError) as caught:
        loads_exercises(json.dumps(document).encode(), source="shared.json")
    assert "shared.json: exercises[1]" in str(caught.value)
    assert message in str(caught.value)


def test_a_missing_field_is_named() -> None:
    document = _document()
    del document["exercises"][0]["knee"]
    with pytest.raises(ExerciseShareError, match=r"exercises\[0\]\.knee: is missing"):
        loads_exercises(json.dumps(document).encode())


def test_an_id_used_twice_is_an_error() -> None:
    document = _document()
    document["exercises"][1]["id"] = document["exercises"][0]["id"]
    with pytest.raises(ExerciseShareError, match=r"exercises\[1\]\.id: is used by another"):
        loads_exercises(json.dumps(document).encode())


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ExerciseShareError, match="does not exist"):
        read_exercises(tmp_path / "missing.json")
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"format": "Übung"}'.encode("latin-1"))
    with pytest.raises(ExerciseShareError, match="is not UTF-8 text"):
        read_exercises(latin1)


def test_an_unwritable_place_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ExerciseShareError, match="cannot be written"):
        write_exercises(tmp_path / "no such folder" / "x.json", _mine())
