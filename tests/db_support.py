"""Helpers for the catalog database tests: small catalogs and a counter of written rows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event

from planner.exercise import Exercise
from planner.taxonomy import Direction, Equipment, Knee, Position
from tests.factories import make_exercise


def builtin(ex_id: str, name: str, *directions: Direction, **changes: Any) -> Exercise:
    return make_exercise(ex_id, *directions, name=name, **changes)


def own(ex_id: str, name: str, *directions: Direction, **changes: Any) -> Exercise:
    return make_exercise(ex_id, *directions, name=name, builtin=False, **changes)


def shipped_v1() -> list[Exercise]:
    return [
        builtin("glute-bridge", "Glute bridge"),
        builtin(
            "clamshell",
            "Clamshell",
            Direction.EXTERNAL_ROTATION,
            knee=Knee.BENT,
            positions=(Position.SIDE_LYING,),
            equipment=(Equipment.MINI_BAND,),
        ),
        builtin("side-plank", "Side plank", Direction.ABDUCTION, positions=(Position.PLANK,)),
    ]


@dataclass
class Writes:
    statements: list[str] = field(default_factory=list)

    @property
    def changes(self) -> list[str]:
        verbs = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "ALTER", "DROP")
        return [s for s in self.statements if s.lstrip().upper().startswith(verbs)]


@contextmanager
def recorded_writes() -> Iterator[Writes]:
    """Every SQL statement any engine runs meanwhile."""
    writes = Writes()

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        writes.statements.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield writes
    finally:
        event.remove(Engine, "before_cursor_execute", record)
