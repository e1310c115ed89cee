"""Hostile JSON through every reader (program files, recovery copies, sharing files): each ends
in its one named error, with the place, and nothing a file says reaches a message raw."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from planner.exercise import ExerciseError
from planner.files.catalog_file import exercise_from_mapping, exercise_to_mapping
from planner.files.exercise_share import (
    ExerciseShareError,
    dumps_exercises,
    loads_exercises,
    read_exercises,
)
from planner.files.program_file import MAX_FILE_BYTES
from planner.files.program_format import ProgramFileError, parse_program
from planner.files.recovery import read_recovery, recovery_path, write_recovery
from planner.program import Program
from tests.cli_helpers import OWN, program_document, sharing_document
from tests.strategies import fuzz, json_values


def read_program_bytes(data: bytes) -> str:
    with pytest.raises(ProgramFileError) as caught:
        parse_program(data, source="client.hipplan")
    return str(caught.value)


def read_sharing_bytes(data: bytes) -> str:
    with pytest.raises(ExerciseShareError) as caught:
        loads_exercises(data, source="shared.json")
    return str(caught.value)


def read_recovery_bytes(data: bytes) -> str:
    path = write_recovery("k1", Program(), None, "t")
    path.write_bytes(data)
    with pytest.raises(ProgramFileError) as caught:
        read_recovery(path)
    return str(caught.value)


def recovery_bytes(program: dict[str, Any]) -> bytes:
    path = write_recovery("k1", Program(), None, "t")
    document = json.loads(path.read_bytes())
    document["program"] = program
    return json.dumps(document).encode()


def raw(document: object, marker: str, text: str) -> bytes:
    """``document`` as JSON with the string ``marker`` replaced by the raw JSON ``text``."""
    return json.dumps(document).replace(json.dumps(marker), text).encode()


# -- lone surrogates (item 4) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "place"),
    [
        (("details", "coach_name"), "details.coach_name"),
        (("exercises", 0, "name"), "exercises[0].name"),
        (("exercises", 0, "cues", 0), "exercises[0].cues[0]"),
    ],
)
def test_a_lone_surrogate_in_a_program_is_refused_with_its_place(
    where: tuple[str | int, ...], place: str
) -> None:
    document = program_document()
    node: Any = document
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = "@@"
    message = read_program_bytes(raw(document, "@@", '"Sam \\udc00"'))
    assert message == (
        f'client.hipplan: {place}: holds "Sam \\udc00", with a broken character (a lone UTF-16 '
        "surrogate) that no text can hold; retype that text"
    )
    message.encode("utf-8")  # printable: no surrogate left in the message itself


def test_a_lone_surrogate_in_a_key_and_in_the_other_readers() -> None:
    document = program_document()
    document["details"]["@@"] = 1
    assert 'details["\\udc00"]: holds' in read_program_bytes(raw(document, "@@", '"\\udc00"'))
    sharing = sharing_document()
    sharing["exercises"][0]["name"] = "@@"
    assert read_sharing_bytes(raw(sharing, "@@", '"Sam \\ud800"')).startswith(
        'shared.json: exercises[0].name: holds "Sam \\ud800", with a broken character'
    )
    program = program_document()
    program["details"]["client_name"] = "@@"
    data = recovery_bytes(program).replace(b'"@@"', b'"\\udfff"')
    assert "program.details.client_name: holds" in read_recovery_bytes(data)


def test_a_surrogate_pair_is_one_real_character() -> None:
    document = program_document()
    document["details"]["coach_name"] = "@@"
    loaded = parse_program(raw(document, "@@", '"Jo \\ud83c\\udfc3"'), source="a.hipplan")
    assert loaded.program.details.coach_name == "Jo 🏃"


# -- what a file says is quoted and shortened (item 8) ----------------------------------------


def test_an_unknown_key_with_terminal_escapes_is_escaped() -> None:
    document = program_document()
    document["details"]["\x1b]0;pwned\x07"] = 1
    message = read_program_bytes(json.dumps(document).encode())
    assert "\x1b" not in message
    assert "\x07" not in message
    assert 'details["\\x1b]0;pwned\\x07"]: is not a known field' in message


@pytest.mark.parametrize("reader", [read_program_bytes, read_sharing_bytes])
def test_a_five_megabyte_key_becomes_a_short_message(reader: Callable[[bytes], str]) -> None:
    document = program_document() if reader is read_program_bytes else sharing_document()
    document["k" * 5_000_000] = 1
    document["k" * 5_000_000 + "\x1b"] = 2
    message = reader(json.dumps(document).encode())
    assert len(message) < 300
    assert "…" in message
    assert "\n" not in message


def test_a_duplicate_key_is_quoted_and_shortened() -> None:
    key = "\x1b" + "k" * 1000
    data = b'{"' + json.dumps(key)[1:-1].encode() + b'": 1, "' + json.dumps(key)[1:-1].encode()
    message = read_program_bytes(data + b'": 2}')
    assert 'has the key "\\x1bkkkk' in message
    assert len(message) < 200


# -- sizes (item 7) ---------------------------------------------------------------------------


def test_a_million_entries_in_one_day_are_refused_before_parsing() -> None:
    document = program_document()
    document["weeks"][0]["days"][0]["entries"] = "@@"
    data = raw(document, "@@", "[" + ",".join(["{}"] * 1_000_000) + "]")
    assert 2_000_000 < len(data) < 4_000_000
    assert "holds more than 600,000 values" in read_program_bytes(data)


def test_fifty_one_entries_in_one_day_are_refused_at_their_place() -> None:
    document = program_document()
    entries = document["weeks"][0]["days"][0]["entries"]
    entries *= 51
    message = read_program_bytes(json.dumps(document).encode())
    assert "weeks[0].days[0].entries: may have at most 50 items" in message


def test_too_many_exercises_are_refused_at_their_place() -> None:
    document = sharing_document()
    document["exercises"] = [{**document["exercises"][0], "id": f"own-{i}"} for i in range(5001)]
    assert "exercises: may have at most 5000 items" in read_sharing_bytes(
        json.dumps(document).encode()
    )


def test_only_the_first_few_errors_are_collected() -> None:
    document = program_document()
    entry = document["weeks"][0]["days"][0]["entries"][0]
    for day in document["weeks"][0]["days"]:
        day["entries"] = [{**entry, "dose": {}}] * 50
    message = read_program_bytes(json.dumps(document).encode())
    assert "weeks[0].days[0].entries[0].dose.sets: is missing" in message
    assert "(and 7 more problems)" in message  # not 7 × 50 × 8: lists stop at the first bad item


# -- sharing files go through the same strict reader (item 9) ---------------------------------


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "is nested far too deeply"),
        (b'{"format": ' + b"9" * 5000 + b"}", "holds a number with thousands of digits"),
        (b'{"a": 1, "a": 2}', 'has the key "a" twice'),
        (b"\xff\xfe{}", "is not UTF-8 text"),
        (b'{"format": NaN}', "holds NaN"),
        (b"", "is empty"),
    ],
)
def test_hostile_sharing_files_get_one_named_error(data: bytes, says: str) -> None:
    message = read_sharing_bytes(data)
    assert message.startswith("shared.json: ")
    assert says in message


def test_a_sharing_file_with_a_byte_order_mark_is_read() -> None:
    assert loads_exercises(codecs.BOM_UTF8 + dumps_exercises([OWN])) == [OWN]


def test_a_sharing_file_over_20_mb_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with open(path, "wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ExerciseShareError, match="a Hip Planner exercise file is at most 20 MB"):
        read_exercises(path)


# -- one test of an exercise id for every reader (item 10) ------------------------------------


def test_an_id_with_a_final_newline_is_refused_by_every_reader() -> None:
    program = program_document()
    program["exercises"][0]["id"] = "own-lunge\n"
    program["weeks"][0]["days"][0]["entries"][0]["exercise_id"] = "own-lunge\n"
    assert "exercise_id: use 1–80 lowercase letters" in read_program_bytes(
        json.dumps(program).encode()
    )
    sharing = sharing_document()
    sharing["exercises"][0]["id"] = "own-lunge\n"
    assert "exercises[0].id: use 1–80" in read_sharing_bytes(json.dumps(sharing).encode())
    assert "program.weeks[0].days[0].entries[0].exercise_id: use 1–80" in read_recovery_bytes(
        recovery_bytes(program)
    )
    del program["weeks"][0]["days"][0]["entries"][0]
    assert "exercises[0].id: use 1–80" in read_program_bytes(json.dumps(program).encode())
    table = {**exercise_to_mapping(OWN), "id": "own-lunge\n"}
    with pytest.raises(ExerciseError, match="id: use 1–80"):
        exercise_from_mapping(table)  # the catalog's TOML files


def test_a_recovery_copys_metadata_is_bounded() -> None:
    path = write_recovery("k1", Program(), None, "t")
    document = json.loads(path.read_bytes())
    message = read_recovery_bytes(json.dumps({**document, "title": "t" * 1_000_000}).encode())
    assert message.endswith("title: is too long; keep it to 1000 characters")


def test_a_recovery_key_with_a_final_newline_is_refused() -> None:
    with pytest.raises(ValueError, match="a recovery key"):
        recovery_path("abc\n")


# -- any JSON: only the named error ------------------------------------------------------------


def only_named_errors(read: Callable[[], object], error: type[Exception], source: str) -> None:
    """``read`` returns, or raises ``error`` with one printable line naming ``source``."""
    try:
        read()
    except error as exc:
        message = str(exc)
        assert message.startswith(source)
        assert "\n" not in message
        message.encode("utf-8")


@given(json_values)
@fuzz
def test_any_json_through_every_reader_gives_only_its_named_error(value: object) -> None:
    sharing = {"format": "hip-planner/exercises", "version": 1, "exercises": value}
    program = program_document()
    program["details"]["client_name"] = value
    path = recovery_path("k1")
    for data in (json.dumps(value).encode(), json.dumps(sharing).encode()):
        only_named_errors(partial(loads_exercises, data, "s.json"), ExerciseShareError, "s.json")
        only_named_errors(partial(parse_program, data, source="p"), ProgramFileError, "p")
    for document in (value, program, {**program, "exercises": value}):
        write_recovery("k1", Program(), None, "t")
        path.write_bytes(recovery_bytes(document))  # type: ignore[arg-type]
        only_named_errors(lambda: read_recovery(path), ProgramFileError, str(path))


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ("!!!!", "the photo is not valid base64 text"),
        ("iVBORw0KGgo=", "the photo's bytes are not a JPEG image"),  # a PNG named a JPEG
    ],
)
def test_a_bad_photo_is_named_by_its_place_in_every_reader(data: str, says: str) -> None:
    good = {"media_type": "image/png", "data": "iVBORw0KGgo="}
    bad = {"media_type": "image/jpeg" if "JPEG" in says else "image/png", "data": data}
    program = program_document()
    program["exercises"][0]["photos"] = [good, bad]
    sharing = sharing_document()
    sharing["exercises"][0]["photos"] = [good, bad]
    assert f"exercises[0].photos[1]: {says}" in read_program_bytes(json.dumps(program).encode())
    assert f"exercises[0].photos[1]: {says}" in read_sharing_bytes(json.dumps(sharing).encode())
