"""Broken and hostile files: each ends in one ProgramFileError, quickly, and nothing else."""

from __future__ import annotations

import builtins
import errno
import json
import os
import random
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.file_text import printable
from planner.files.program_file import MAX_FILE_BYTES, load_program
from planner.files.program_format import ProgramFileError, parse_program, serialize_program
from planner.files.program_schema import CURRENT_VERSION
from planner.program import Program
from tests.factories import make_exercise
from tests.strategies import fuzz, json_values, programs


def small_program() -> Program:
    p = Program()
    p.add_entry(0, 0, make_exercise("glute-bridge"))
    p.add_entry(0, 2, make_exercise("clamshell"))
    return p


PROGRAM = small_program()
VALID = serialize_program(PROGRAM)


def refused(path: Path, expected: str) -> str:
    """Load ``path``, expecting a one-line ProgramFileError containing ``expected``, within 1 s."""
    started = time.perf_counter()
    with pytest.raises(ProgramFileError) as caught:
        load_program(path)
    assert time.perf_counter() - started < 1.0
    message = str(caught.value)
    assert message.startswith(printable(str(path)))  # a NUL in the name is shown as \x00
    assert "\n" not in message
    assert expected in message
    return message


def write(tmp_path: Path, data: bytes | str) -> Path:
    path = tmp_path / "client.hipplan"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def only_file_errors(data: bytes) -> None:
    """The loader's contract: a program or a ProgramFileError (any other exception fails)."""
    message = "fuzz.hipplan"
    try:
        parse_program(data, source="fuzz.hipplan")
    except ProgramFileError as exc:
        message = str(exc)
    assert message.startswith("fuzz.hipplan")
    assert "\n" not in message


def test_empty_file(tmp_path: Path) -> None:
    refused(write(tmp_path, b""), "is empty")


def test_only_whitespace(tmp_path: Path) -> None:
    refused(write(tmp_path, b" \n\t\n"), "is empty")


def test_truncated_at_every_byte() -> None:
    for end in range(len(VALID) - 1):  # the last byte is the newline: without it, still valid
        with pytest.raises(ProgramFileError):
            parse_program(VALID[:end], source="cut.hipplan")


def test_truncated_file_says_where(tmp_path: Path) -> None:
    refused(
        write(tmp_path, VALID[: len(VALID) // 2]),
        "is damaged or not a Hip Planner program: its text breaks off or is garbled at line",
    )


def test_random_bytes(tmp_path: Path) -> None:
    refused(write(tmp_path, random.Random(7).randbytes(4096)), "is not UTF-8 text")


def test_invalid_utf8(tmp_path: Path) -> None:
    data = VALID.replace(b'"client_name": ""', b'"client_name": "\xff\xfe"')
    refused(write(tmp_path, data), "is not UTF-8 text (at byte")


def test_utf16_is_refused(tmp_path: Path) -> None:
    refused(write(tmp_path, VALID.decode().encode("utf-16")), "is not UTF-8 text")


def test_a_second_byte_order_mark_is_refused(tmp_path: Path) -> None:
    refused(write(tmp_path, b"\xef\xbb\xbf\xef\xbb\xbf" + VALID), "is damaged or not")


def with_value(path: tuple[str | int, ...], raw: str) -> bytes:
    """VALID with the value at ``path`` replaced by the raw JSON text ``raw``."""
    doc: Any = json.loads(VALID)
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = "@@"
    return json.dumps(doc, indent=2).replace('"@@"', raw).encode()


SETS = ("weeks", 0, "days", 0, "entries", 0, "dose", "sets")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity(tmp_path: Path, constant: str) -> None:
    refused(write(tmp_path, with_value(SETS, constant)), f"holds {constant}")


def test_a_number_that_overflows_to_infinity(tmp_path: Path) -> None:
    refused(write(tmp_path, with_value(SETS, "1e400")), "holds the number 1e400")


def test_1e308_is_not_a_whole_number(tmp_path: Path) -> None:
    refused(write(tmp_path, with_value(SETS, "1e308")), "dose.sets: must be a whole number")


def test_a_float_where_a_whole_number_belongs(tmp_path: Path) -> None:
    refused(write(tmp_path, with_value(SETS, "3.0")), "dose.sets: must be a whole number")


def test_an_integer_with_thousands_of_digits(tmp_path: Path) -> None:
    refused(write(tmp_path, with_value(SETS, "9" * 5000)), "thousands of digits")


def test_a_huge_integer_is_out_of_range(tmp_path: Path) -> None:
    refused(write(tmp_path, with_value(SETS, "9" * 300)), "dose.sets: must be at most 20")


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_nesting_100000_deep(tmp_path: Path, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    refused(write(tmp_path, opening * 100_000 + "1" + closing * 100_000), "nested far too deeply")


def test_nesting_deep_but_parseable(tmp_path: Path) -> None:
    refused(write(tmp_path, with_value(SETS, "[" * 500 + "]" * 500)), "must be a whole number")


def test_duplicate_top_level_key(tmp_path: Path) -> None:
    line = f'"version": {CURRENT_VERSION},'.encode()
    data = VALID.replace(line, line + b'\n  "version": 1,')
    assert data != VALID
    refused(write(tmp_path, data), 'has the key "version" twice')


def test_duplicate_nested_key(tmp_path: Path) -> None:
    data = VALID.replace(b'"sets": 3,', b'"sets": 3,\n"sets": 20,', 1)
    refused(write(tmp_path, data), 'has the key "sets" twice')


@pytest.mark.parametrize(
    ("path", "raw", "expected"),
    [
        (("details",), "[]", "details: must be an object"),
        (("weeks",), '"all of them"', "weeks: must be a list"),
        (("details", "client_name"), "42", "details.client_name: must be text"),
        (("exercises", 0, "builtin"), '"yes"', "exercises[0].builtin: must be true or false"),
        (("exercises", 0, "knee"), '"wobbly"', "exercises[0].knee: must be 'bent' or 'straight'"),
        (SETS, "null", "dose.sets: must be a whole number"),
        (SETS, '"3"', "dose.sets: must be a whole number"),
        (SETS, "true", "dose.sets: must be a whole number"),
        (("weeks", 0, "days", 0), "null", "weeks[0].days[0]: must be an object"),
    ],
)
def test_wrong_types(tmp_path: Path, path: tuple[str | int, ...], raw: str, expected: str) -> None:
    refused(write(tmp_path, with_value(path, raw)), expected)


@pytest.mark.parametrize("raw", ["[]", '"hip-planner/program"', "2", "null", "true"])
def test_not_an_object_at_the_top(tmp_path: Path, raw: str) -> None:
    refused(write(tmp_path, raw), "is not a Hip Planner program")


def test_unknown_exercise(tmp_path: Path) -> None:
    data = VALID.replace(b'"exercise_id": "clamshell"', b'"exercise_id": "moon-walk"')
    refused(write(tmp_path, data), 'exercise_id: names "moon-walk", which is not among')


def test_a_100_mb_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.hipplan"
    with open(path, "wb") as file:
        file.truncate(100 * 1024 * 1024)  # sparse: instant, takes no disk space

    def no_reading(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(builtins, "open", no_reading)
    refused(path, "is 100 MB; a program file is at most 20 MB")


def test_just_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.hipplan"
    with open(path, "wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)
    refused(path, "a program file is at most 20 MB")


def test_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "folder.hipplan"
    folder.mkdir()
    refused(folder, "is a folder, not a program file")


def test_a_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "nowhere.hipplan", "does not exist")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_does_not_hang(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.hipplan"
    os.mkfifo(pipe)
    refused(pipe, "is not an ordinary file")


def test_no_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, VALID)
    real_open = builtins.open

    def denied(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(file) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    # Tests run as root, for whom chmod 000 changes nothing: inject the error instead.
    monkeypatch.setattr(builtins, "open", denied)
    refused(path, "you do not have permission to read it")


def test_a_read_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, VALID)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(builtins, "open", broken)
    refused(path, "cannot be read (Input/output error)")


def test_a_nul_in_the_name(tmp_path: Path) -> None:
    refused(tmp_path / "bad\0name.hipplan", "is not a valid file name")


def test_the_file_these_cases_damage_is_valid(tmp_path: Path) -> None:
    assert load_program(write(tmp_path, VALID)).program == PROGRAM


@given(st.binary(max_size=2000))
@fuzz
def test_any_bytes_give_a_program_or_a_file_error(data: bytes) -> None:
    only_file_errors(data)


@given(json_values)
@fuzz
def test_any_json_value_gives_a_file_error(value: object) -> None:
    only_file_errors(json.dumps(value).encode())


hostile_leaves = st.sampled_from(
    [
        "javascript:alert(1)",
        "https://example.com/\x07\x1b[2J",
        "https://ex\u00e4mple.com/\u202e",
        "data:image/png;base64,AAAA",
        "!!!not base64!!!",
        "iVBORw0KGgo=",  # a PNG signature and nothing more
        "image/gif",
        "rpe",
        "funday",
        "0001-01-01",
        "2026-02-30",
        "\ud800",
        1e308,
        -1e308,
        2**63,
        -1,
        "x" * 600,
    ]
)
"""Values aimed at the version 4 fields: videos, photos, efforts, poses and the log."""


@st.composite
def damaged_documents(draw: st.DrawFn) -> bytes:
    """A valid program's document with one value somewhere replaced by any JSON value."""
    doc: Any = json.loads(serialize_program(draw(programs(max_weeks=2))))
    node = doc
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        child = node[key]
        if not isinstance(child, dict | list) or draw(st.booleans()):
            node[key] = draw(json_values | hostile_leaves)
            break
        node = child
    return json.dumps(doc).encode()


@given(damaged_documents())
@fuzz
def test_any_damaged_program_gives_a_program_or_a_file_error(data: bytes) -> None:
    only_file_errors(data)
