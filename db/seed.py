"""Keep the built-in exercises in step with the catalog the installed app ships.

Changed built-ins (by content hash) are rewritten, new ones added, and ones no longer shipped
are retired (hidden, kept for programs that use them). The coach's own exercises and the
coach's archive flag are never touched. When nothing changed, nothing is written.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db.convert import content_hash, exercise_from_row, new_row, row_values
from db.engine import writer
from db.models import ExerciseRow
from db.row_values import ORIGIN_BUILTIN, ORIGIN_OWN
from planner.exercise import Exercise

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BuiltinSync:
    added: int = 0
    updated: int = 0
    retired: int = 0
    blocked: tuple[str, ...] = ()
    """Shipped ids already used by one of the coach's own exercises (left alone)."""


@dataclass
class _Plan:
    add: list[Exercise] = field(default_factory=list)
    update: list[tuple[ExerciseRow, Exercise]] = field(default_factory=list)
    retire: list[ExerciseRow] = field(default_factory=list)
    rehash: list[ExerciseRow] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.add or self.update or self.retire or self.rehash)

    def summary(self) -> BuiltinSync:
        return BuiltinSync(len(self.add), len(self.update), len(self.retire), tuple(self.blocked))


def sync_builtins(engine: Engine, shipped: Sequence[Exercise], now: datetime) -> BuiltinSync:
    """Apply the shipped built-ins to the database in one transaction, if anything differs."""
    with Session(engine) as session:
        plan = _plan(session, shipped)
        if not plan:
            return plan.summary()
    with Session(writer(engine)) as session, session.begin():
        plan = _plan(session, shipped)  # re-read under the write lock
        _apply(session, plan, now)
        return plan.summary()


def _plan(session: Session, shipped: Sequence[Exercise]) -> _Plan:
    plan = _Plan()
    builtins = {
        row.id: row
        for row in session.scalars(select(ExerciseRow).where(ExerciseRow.origin == ORIGIN_BUILTIN))
    }
    shipped_ids = [ex.id for ex in shipped]
    taken_by_own = set(
        session.scalars(
            select(ExerciseRow.id).where(
                ExerciseRow.origin == ORIGIN_OWN, ExerciseRow.id.in_(shipped_ids)
            )
        )
    )
    for ex in shipped:
        row = builtins.pop(ex.id, None)
        if ex.id in taken_by_own:
            plan.blocked.append(ex.id)
        elif row is None:
            plan.add.append(ex)
        elif row.retired or row.content_hash != content_hash(ex):
            plan.update.append((row, ex))
    plan.retire = [row for row in builtins.values() if not row.retired]
    plan.rehash = [row for row in builtins.values() if row.content_hash is None]
    plan.rehash += session.scalars(
        select(ExerciseRow).where(
            ExerciseRow.origin == ORIGIN_OWN, ExerciseRow.content_hash.is_(None)
        )
    ).all()
    return plan


def _apply(session: Session, plan: _Plan, now: datetime) -> None:
    for ex in plan.add:
        session.add(new_row(ex, ORIGIN_BUILTIN, now))
    for row, ex in plan.update:
        for key, value in row_values(ex).items():
            setattr(row, key, value)
        row.retired = False  # shipped again; the coach's own archive flag stays as it was
        row.updated_at = now
    for row in plan.retire:
        row.retired = True
        row.updated_at = now
    for row in plan.rehash:
        try:
            row.content_hash = content_hash(exercise_from_row(row))
        except ValueError as exc:  # a row the current app cannot read; leave it for a human
            log.warning("exercise %s in the catalog database is not valid: %s", row.id, exc)
