"""Turn untrusted bytes into plain JSON values, refusing everything a program file never holds.

Refused: invalid UTF-8, NaN and Infinity (and numbers that overflow to them), duplicate keys,
integers too long to convert, nesting deeper than Python can parse. A UTF-8 byte-order mark at
the start is accepted (some Windows editors add one) and ignored.
"""

from __future__ import annotations

import codecs
import json
import math


class JsonProblem(ValueError):
    """Why the bytes are not acceptable JSON; ``place`` says where ("line 3, column 7") if known."""

    def __init__(self, problem: str, place: str = "") -> None:
        self.problem = problem
        self.place = place
        super().__init__(f"{place}: {problem}" if place else problem)


def decode_json(data: bytes) -> object:
    """The JSON value in ``data``; raises :class:`JsonProblem` for anything else."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JsonProblem(
            f"is not UTF-8 text (at byte {exc.start}); it is not a Hip Planner program or it is "
            "damaged"
        ) from None
    if not text.strip():
        raise JsonProblem("is empty; it is not a Hip Planner program or it was not saved fully")
    try:
        return json.loads(
            text,
            object_pairs_hook=_object_without_duplicates,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as exc:
        raise JsonProblem(
            f"is not valid JSON ({exc.msg}); the file may be damaged or cut short",
            f"line {exc.lineno}, column {exc.colno}",
        ) from None
    except RecursionError:
        raise JsonProblem("is nested far too deeply to be a Hip Planner program") from None
    except JsonProblem:
        raise
    except ValueError:  # only raised for an integer with thousands of digits
        raise JsonProblem("holds a number with thousands of digits") from None


def _object_without_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise JsonProblem(f"has the key {json.dumps(key)} twice in one object; keep one")
        result[key] = value
    return result


def _refuse_constant(name: str) -> object:
    raise JsonProblem(f"holds {name}, which is not a number a program can use")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonProblem(f"holds the number {text}, which is too large")
    return value
