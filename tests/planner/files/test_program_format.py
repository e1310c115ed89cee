"""The .hipplan format: round trips, stable output, error places, versions, the published schema."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from planner.files.program_file import load_program
from planner.files.program_format import (
    NewerVersionError,
    ProgramFileError,
    parse_program,
    serialize_program,
)
from planner.files.program_schema import CURRENT_VERSION, json_schema_text
from planner.program import ClientDetails, Program
from planner.taxonomy import Direction, Equipment, Unit
from resources import resource_path
from tests.factories import make_exercise
from tests.strategies import fuzz, programs

DATA = Path(__file__).parents[2] / "data"
V1_SAMPLE = DATA / "client-v1.hipplan"
V2_SAMPLE = DATA / "client-v2.hipplan"
V3_SAMPLE = DATA / "client-v3.hipplan"


def sample_program() -> Program:
    p = Program(
        details=ClientDetails(
            client_name="Zoë Ñúñez",
            title="Base block",
            coach_name="Sam",
            start_date=date(2025, 3, 31),
            equipment=frozenset({Equipment.MINI_BAND, Equipment.DUMBBELL}),
            notes="Right hip tight.",
        )
    )
    p.insert_week(1)
    p.add_entry(0, 0, make_exercise("glute-bridge"))
    p.add_entry(0, 3, make_exercise("clamshell", Direction.EXTERNAL_ROTATION, each_side=True))
    p.add_entry(1, 2, make_exercise("side-plank", Direction.ABDUCTION, unit=Unit.SECONDS))
    return p


def document(program: Program) -> dict[str, Any]:
    value = json.loads(serialize_program(program))
    assert isinstance(value, dict)
    return value


def parse_value(value: object) -> Program:
    return parse_program(json.dumps(value).encode(), source="client.hipplan").program


@given(programs())
@fuzz
def test_any_program_survives_a_round_trip(program: Program) -> None:
    loaded = parse_program(serialize_program(program), source="p.hipplan")
    assert loaded.program == program
    assert (loaded.file_version, loaded.upgraded) == (CURRENT_VERSION, False)


@given(programs(max_weeks=2))
@settings(fuzz, max_examples=50)
def test_writing_is_stable(program: Program) -> None:
    data = serialize_program(program)
    assert serialize_program(parse_program(data, source="p").program) == data


def test_the_file_is_indented_utf8_json_in_a_fixed_key_order() -> None:
    data = serialize_program(sample_program())
    text = data.decode("utf-8")
    assert "Zoë Ñúñez" in text  # not \u escapes: readable and diff-friendly
    assert text.endswith("}\n")
    assert text.startswith(
        f'{{\n  "format": "hip-planner/program",\n  "version": {CURRENT_VERSION},\n'
    )
    doc = json.loads(text)
    assert list(doc) == ["format", "version", "details", "weeks", "exercises", "log"]
    assert list(doc["details"]) == [
        "client_name",
        "title",
        "coach_name",
        "start_date",
        "equipment",
        "notes",
        "balance",
    ]
    assert doc["details"]["start_date"] == "2025-03-31"
    assert doc["details"]["equipment"] == ["dumbbell", "mini_band"]
    assert [ex["id"] for ex in doc["exercises"]] == ["clamshell", "glute-bridge", "side-plank"]
    assert list(doc["exercises"][0]) == [
        "id",
        "name",
        "directions",
        "knee",
        "positions",
        "equipment",
        "level",
        "dose",
        "instructions",
        "cues",
        "builtin",
        "archived",
        "hip_weight",
        "easier",
        "harder",
        "closed_chain",
        "video",
        "photos",
        "pose",
    ]
    assert list(doc["weeks"][0]["days"][0]["entries"][0]) == ["id", "exercise_id", "dose", "photos"]
    assert list(doc["weeks"][0]["days"][0]["entries"][0]["dose"])[-1] == "effort"
    assert len(doc["weeks"]) == 2
    assert all(len(week["days"]) == 7 for week in doc["weeks"])


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    program = sample_program()
    data = codecs.BOM_UTF8 + serialize_program(program)
    assert parse_program(data, source="bom.hipplan").program == program


def set_sets_to_zero(doc: dict[str, Any]) -> None:
    doc["weeks"][1]["days"][2]["entries"][0]["dose"]["sets"] = 0


def set_amount_too_high_for_reps(doc: dict[str, Any]) -> None:
    doc["weeks"][0]["days"][0]["entries"][0]["dose"]["amount"] = 501


def set_exercise_amount_to_text(doc: dict[str, Any]) -> None:
    doc["exercises"][1]["dose"]["amount"] = "12"


def drop_a_day(doc: dict[str, Any]) -> None:
    del doc["weeks"][1]["days"][6]


def use_an_unknown_exercise(doc: dict[str, Any]) -> None:
    doc["weeks"][0]["days"][3]["entries"][0]["exercise_id"] = "moon-walk"


def repeat_an_entry_id(doc: dict[str, Any]) -> None:
    first = doc["weeks"][0]["days"][0]["entries"][0]["id"]
    doc["weeks"][1]["days"][2]["entries"][0]["id"] = first


def repeat_an_exercise(doc: dict[str, Any]) -> None:
    doc["exercises"].append(doc["exercises"][0])


def add_an_unknown_key(doc: dict[str, Any]) -> None:
    doc["details"]["colour"] = "red"


def leave_out_a_key(doc: dict[str, Any]) -> None:
    del doc["exercises"][2]["knee"]


def name_an_unknown_direction(doc: dict[str, Any]) -> None:
    doc["exercises"][0]["directions"] = ["external_rotation", "upward"]


def blank_a_cue(doc: dict[str, Any]) -> None:
    doc["exercises"][0]["cues"] = ["  "]


def use_true_for_a_number(doc: dict[str, Any]) -> None:
    doc["weeks"][0]["days"][0]["entries"][0]["dose"]["rest_seconds"] = True


def give_an_impossible_date(doc: dict[str, Any]) -> None:
    doc["details"]["start_date"] = "2025-02-30"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (set_sets_to_zero, "weeks[1].days[2].entries[0].dose.sets: must be at least 1"),
        (
            set_amount_too_high_for_reps,
            "weeks[0].days[0].entries[0].dose.amount: must be between 1 and 500 reps",
        ),
        (set_exercise_amount_to_text, "exercises[1].dose.amount: must be a whole number"),
        (drop_a_day, "weeks[1].days: needs at least 7 items, has 6"),
        (
            use_an_unknown_exercise,
            'weeks[0].days[3].entries[0].exercise_id: names "moon-walk", which is not among',
        ),
        (repeat_an_entry_id, "weeks[1].days[2].entries[0].id: is used by another entry too"),
        (repeat_an_exercise, "exercises[3].id: is used by another exercise too"),
        (add_an_unknown_key, "details.colour: is not a known field"),
        (leave_out_a_key, "exercises[2].knee: is missing"),
        (name_an_unknown_direction, "exercises[0].directions[1]: must be 'flexion', "),
        (blank_a_cue, "exercises[0].cues: give at most 5 cues"),
        (use_true_for_a_number, "dose.rest_seconds: must be a whole number"),
        (give_an_impossible_date, "details.start_date: must be a real date"),
    ],
)
def test_a_broken_rule_names_the_file_and_the_place(
    change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    doc = document(sample_program())
    change(doc)
    with pytest.raises(ProgramFileError) as caught:
        parse_value(doc)
    message = str(caught.value)
    assert message.startswith("client.hipplan: ")
    assert expected in message
    assert "\n" not in message


def test_several_problems_are_counted_in_the_one_line() -> None:
    doc = document(sample_program())
    doc["weeks"][0]["days"][0]["entries"][0]["dose"].update(sets="3", amount="12")
    with pytest.raises(ProgramFileError, match=r"dose\.sets: must be a whole number \(and 1 more"):
        parse_value(doc)


def test_a_newer_version_is_refused_naming_the_version_needed() -> None:
    doc = document(sample_program())
    doc["version"] = CURRENT_VERSION + 1
    doc["something_new"] = {"from": "the future"}
    with pytest.raises(NewerVersionError) as caught:
        parse_value(doc)
    assert caught.value.version == CURRENT_VERSION + 1
    assert str(caught.value) == (
        f"client.hipplan was saved by a newer Hip Planner (file version {CURRENT_VERSION + 1}); "
        f"this version reads up to {CURRENT_VERSION}. Update Hip Planner to open it."
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ({"format": "something-else", "version": 2}, "is not a Hip Planner program"),
        ({"version": 2}, "is not a Hip Planner program"),
        ({"format": "hip-planner/program"}, "version: must be a whole number"),
        ({"format": "hip-planner/program", "version": "2"}, "version: must be a whole number"),
        ({"format": "hip-planner/program", "version": 0}, "version: is 0; file versions start"),
    ],
)
def test_the_header_is_checked_first(header: dict[str, object], expected: str) -> None:
    with pytest.raises(ProgramFileError, match=expected):
        parse_value(header)


def test_a_version_1_file_is_upgraded_in_memory() -> None:
    before = V1_SAMPLE.read_bytes()
    loaded = load_program(V1_SAMPLE)
    assert (loaded.file_version, loaded.upgraded) == (1, True)
    assert V1_SAMPLE.read_bytes() == before  # opening never writes
    program = loaded.program
    assert program.details.client_name == "Ana Sousa"
    assert program.details.equipment == frozenset()  # version 1 had no client equipment
    assert len(program.weeks) == 2
    walk, hip_raise = program.weeks[0].days[3].entries
    # Version 1 entries had no rest or tempo: they take their exercise's.
    assert (walk.dose.rest_seconds, walk.dose.tempo) == (45, "")
    assert (hip_raise.dose.rest_seconds, hip_raise.dose.tempo) == (60, "2-1-2")
    assert hip_raise.dose.notes == "Slow on the way down"
    assert walk.dose.describe() == "3 × 20 steps each way"
    assert set(program.exercises) == {"band-lateral-walk", "reverse-hip-raise"}


def test_a_version_1_file_is_checked_against_version_1_rules() -> None:
    doc = json.loads(V1_SAMPLE.read_text(encoding="utf-8"))
    doc["weeks"][0]["days"][0]["entries"][0]["dose"]["rest_seconds"] = 30
    with pytest.raises(ProgramFileError, match=r"entries\[0\]\.dose\.rest_seconds: is not a known"):
        parse_value(doc)


def test_the_published_schema_is_the_generated_one() -> None:
    published = resource_path("schema", "hipplan.schema.json").read_text(encoding="utf-8")
    assert published == json_schema_text(), (
        "regenerate: python -m planner.files.program_schema > resources/schema/hipplan.schema.json"
    )


def test_the_schema_describes_what_the_writer_writes() -> None:
    schema = json.loads(json_schema_text())
    doc = document(sample_program())
    assert set(schema["properties"]) == set(doc)
    assert schema["additionalProperties"] is False
    dose = schema["$defs"]["DoseModel"]["properties"]
    assert (dose["sets"]["minimum"], dose["sets"]["maximum"]) == (1, 20)


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("details", "start_date"), "31/03/2025", "details.start_date: must be a real date"),
        (("exercises", 0, "id"), "Clam Shell", "exercises[0].id: use 1–80 lowercase letters"),
    ],
)
def test_a_value_of_the_wrong_form_says_what_form(
    path: tuple[str | int, ...], value: str, expected: str
) -> None:
    doc: Any = document(sample_program())
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(ProgramFileError, match=re.escape(expected)):
        parse_value(doc)


def test_a_version_2_file_is_upgraded_in_memory() -> None:
    loaded = load_program(V2_SAMPLE)
    assert (loaded.file_version, loaded.upgraded) == (2, True)
    program = loaded.program
    assert program.details.client_name == "Ana Sousa"
    assert program.details.balance_overrides == {}  # version 2 had no thresholds of its own
    for exercise in program.exercises.values():  # nor hip weights or variants
        assert (exercise.hip_weight, exercise.easier, exercise.harder) == (1.0, None, None)
        assert not exercise.closed_chain
    assert json.loads(serialize_program(program))["version"] == CURRENT_VERSION


def test_a_version_2_file_may_not_hold_version_3_keys() -> None:
    doc = json.loads(V2_SAMPLE.read_bytes())
    doc["exercises"][0]["hip_weight"] = 0.5
    with pytest.raises(ProgramFileError, match=r"exercises\[0\]\.hip_weight"):
        parse_value(doc)


def test_a_version_3_file_is_upgraded_in_memory() -> None:
    loaded = load_program(V3_SAMPLE)
    assert (loaded.file_version, loaded.upgraded) == (3, True)
    program = loaded.program
    assert program.log == []  # version 3 had no log, efforts, videos or photos
    for week in program.weeks:
        for _, entry in week.entries():
            assert (entry.dose.effort, entry.photos) == (None, ())
    for exercise in program.exercises.values():
        assert (exercise.video, exercise.photos) == (None, ())
    again = json.loads(serialize_program(program))
    assert (again["version"], again["log"]) == (CURRENT_VERSION, [])


def test_a_version_3_file_may_not_hold_version_4_keys() -> None:
    doc = json.loads(V3_SAMPLE.read_bytes())
    doc["log"] = []
    with pytest.raises(ProgramFileError, match=r"^client.hipplan: log: is not a known field"):
        parse_value(doc)


def test_hip_weight_variants_and_thresholds_are_kept() -> None:
    program = sample_program()
    bridge = program.exercises["glute-bridge"]
    program.exercises["glute-bridge"] = replace(
        bridge,
        hip_weight=0.5,
        easier="short-bridge",
        harder="single-leg-bridge",
        closed_chain=True,
    )
    program.set_details(
        replace(program.details, balance_overrides={"maintenance": True, "rotation_high": 2.5})
    )
    doc = document(program)
    assert doc["details"]["balance"] == {"maintenance": True, "rotation_high": 2.5}
    assert parse_value(doc) == program


@pytest.mark.parametrize(
    ("balance", "place", "problem"),
    [
        ({"colour": 1}, "colour", "is not a balance threshold"),
        ({"maintenance": 1}, "maintenance", "must be on or off"),
        ({"min_days_per_direction": 9}, "min_days_per_direction", "must be between 1 and 7"),
        ({"rotation_low": 4.0}, "rotation_low", "the lower limit (4) is above the upper"),
    ],
)
def test_impossible_thresholds_are_refused_at_their_place(
    balance: dict[str, object], place: str, problem: str
) -> None:
    doc = document(sample_program())
    doc["details"]["balance"] = balance
    with pytest.raises(ProgramFileError) as caught:
        parse_value(doc)
    assert f"details.balance.{place}" in str(caught.value)
    assert problem in str(caught.value)
