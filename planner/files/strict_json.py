"""Turn untrusted bytes into plain JSON values, refusing everything a Hip Planner file never holds.

Refused: invalid UTF-8, NaN and Infinity (and numbers that overflow to them), duplicate keys,
integers too long to convert, nesting deeper than Python can parse, lone UTF-16 surrogates
(``"\\udc00"``, which no text can hold and which crash printing and PDF writing), and more
values than any Hip Planner file within its limits holds (:data:`MAX_VALUES`). The value count
is taken on the bytes before parsing, so a small file of millions of ``{}`` cannot fill the
memory. A UTF-8 byte-order mark at the start is accepted (some Windows editors add one) and
ignored.
"""

from __future__ import annotations

import codecs
import json
import math
import re
from collections.abc import Iterator

from planner.file_text import place, quoted, shortened

MAX_VALUES = 600_000
"""At most this many JSON values in one file. A program at every limit of its format
(52 weeks × 7 days × 50 entries, 5,000 exercises) holds about 560,000, a sharing file at its
limit about 290,000 (tests/planner/files/test_file_limits.py builds both); 600,000 of the
smallest values still parse in well under 300 MB."""

_SCAN_CHUNK = 1 << 20
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


class JsonProblem(ValueError):
    """Why the bytes are not acceptable JSON; ``place`` says where ("line 3, column 7") if known."""

    def __init__(self, problem: str, place: str = "") -> None:
        self.problem = problem
        self.place = place
        super().__init__(f"{place}: {problem}" if place else problem)


def decode_json(
    data: bytes, *, what: str = "a Hip Planner program", max_values: int = MAX_VALUES
) -> object:
    """The JSON value in ``data``; raises :class:`JsonProblem` for anything else.

    ``what`` names the kind of file in messages ("a Hip Planner program"). Bytes that are no
    JSON at all read "is damaged or not <what>", then the detail: one message, the coach's
    words first.
    """
    damaged = f"is damaged or not {what}"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JsonProblem(f"{damaged}: it is not UTF-8 text (at byte {exc.start})") from None
    if not text.strip():
        raise JsonProblem(f"{damaged}: it is empty, perhaps not saved fully")
    if count_values(data, stop_after=max_values) > max_values:
        raise JsonProblem(
            f"{damaged}: it holds more than {max_values:,} values, far more than {what} can"
        )
    try:
        value = json.loads(
            text,
            object_pairs_hook=_object_without_duplicates,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as exc:
        raise JsonProblem(
            f"{damaged}: its text breaks off or is garbled at line {exc.lineno}, column "
            f"{exc.colno} (JSON error: {exc.msg})",
        ) from None
    except RecursionError:
        raise JsonProblem(f"is nested far too deeply to be {what}") from None
    except JsonProblem:
        raise
    except ValueError:  # only raised for an integer with thousands of digits
        raise JsonProblem("holds a number with thousands of digits") from None
    if _SURROGATE_ESCAPE.search(data):
        _refuse_surrogates(value)
    return value


def count_values(data: bytes, *, stop_after: int) -> int:
    """An upper bound of the number of JSON values in ``data`` (exact for valid JSON, plus one
    per empty list or object), or a number above ``stop_after`` once it is clear there are more.

    Every value but the first of a list or object follows a comma, and every list or object
    opens with a bracket, so the commas and brackets outside strings count the values.
    """
    rough = data.count(b",") + data.count(b"[") + data.count(b"{") + 1
    if rough <= stop_after:  # the usual case: even counting those inside strings, few enough
        return rough
    # Without escaped backslashes and quotes, every quote opens or closes a string. Chunks keep
    # the pieces of split() few; a string may run on across chunks.
    plain = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    total, inside = 1, False
    for start in range(0, len(plain), _SCAN_CHUNK):
        parts = plain[start : start + _SCAN_CHUNK].split(b'"')
        outside = b"".join(parts[1 if inside else 0 :: 2])
        if len(parts) % 2 == 0:
            inside = not inside
        total += outside.count(b",") + outside.count(b"[") + outside.count(b"{")
        if total > stop_after:
            break
    return total


def _refuse_surrogates(value: object) -> None:
    try:
        found = next(
            (path, text)
            for path, text in _strings(value, [])
            if any("\ud800" <= c <= "\udfff" for c in text)
        )
    except StopIteration:
        return
    except RecursionError:
        raise JsonProblem("is nested far too deeply to be read") from None
    path, text = found
    raise JsonProblem(
        f"holds {quoted(text)}, with a broken character (a lone UTF-16 surrogate) that "
        "no text can hold; retype that text",
        place(path),
    )


def _strings(value: object, path: list[int | str]) -> Iterator[tuple[list[int | str], str]]:
    """Every string (keys too) with its path; the decoder already limited the depth."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield [*path, key], key
            yield from _strings(item, [*path, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, [*path, index])


def _object_without_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise JsonProblem(f"has the key {quoted(key)} twice in one object; keep one")
        result[key] = value
    return result


def _refuse_constant(name: str) -> object:
    raise JsonProblem(f"holds {name}, which is not a number Hip Planner can use")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonProblem(f"holds the number {shortened(text)}, which is too large")
    return value
