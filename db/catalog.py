"""The catalog database as the UI and the command line use it: plain ``planner`` objects only.

Open it with :meth:`CatalogDatabase.open`, which also repairs, migrates and refreshes the
built-ins, and says what it did in a :class:`StartupReport`. Every change is one short
transaction; a storage failure raises :class:`~db.errors.CatalogWriteError` and leaves the
catalog as it was, a refused change raises :class:`~db.errors.CatalogRuleError`.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, make_url, select
from sqlalchemy.exc import DBAPIError, IntegrityError, ProgrammingError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.clinic import clinic_url, coach_name, copy_path, with_password
from db.convert import (
    LOAD_COLUMNS,
    content_hash,
    exercise_from_row,
    new_row,
    row_values,
    utc_now,
)
from db.engine import DEFAULT_BUSY_TIMEOUT_MS, is_server, make_engine, make_server_engine, writer
from db.errors import (
    CatalogConflictError,
    CatalogError,
    CatalogOpenError,
    CatalogRuleError,
    CatalogWriteError,
    server_message,
    storage_message,
    write_error,
)
from db.local_copy import write_copy
from db.migrate import current_revision, known_revisions, migrate
from db.models import ClinicTemplateRow, ExerciseRow
from db.naming import Names, own_id
from db.recovery import examine, move_aside
from db.revisions import HEAD_REVISION
from db.row_values import ORIGIN_BUILTIN, ORIGIN_OWN, exercise_from_values, name_key
from db.seed import sync_builtins
from db.version_stamp import stamp_file
from planner.exercise import Exercise
from planner.file_text import printable
from planner.files.catalog_file import load_catalog_dir
from planner.files.folders import database_path
from resources import resource_path

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StartupReport:
    """What opening the catalog did, for a status line or a dialog."""

    path: Path
    created: bool
    """A new catalog was made (first start, or after moving a damaged file aside)."""
    schema_revision: str
    migrated_from: str | None = None
    backup_path: Path | None = None
    moved_aside_to: Path | None = None
    damage: str = ""
    """Why the old file was moved aside."""
    builtins_added: int = 0
    builtins_updated: int = 0
    builtins_archived: int = 0
    builtins_blocked: tuple[str, ...] = ()
    """Shipped built-in ids already used by the coach's own exercises (left out)."""

    def messages(self) -> list[str]:
        """What the coach should be told (nothing on an ordinary start)."""
        notes = []
        if self.moved_aside_to is not None:
            notes.append(
                f"The catalog database could not be used ({self.damage}). It was moved to "
                f"{self.moved_aside_to} and a fresh catalog was made; exercises you made "
                "yourself may still be recoverable from the moved file."
            )
        if self.migrated_from is not None and self.backup_path is not None:
            notes.append(
                "The catalog database was updated for this version of Hip Planner; "
                f"a copy of the old one is at {self.backup_path}."
            )
        if self.builtins_blocked:
            notes.append(
                "These built-in exercises were left out because your own exercises use the "
                f"same ids: {', '.join(self.builtins_blocked)}."
            )
        return notes


@dataclass(frozen=True, slots=True)
class Skipped:
    exercise: Exercise
    reason: str


@dataclass(frozen=True, slots=True)
class ClinicTemplate:
    """A program saved for the clinic: ``program`` is a program file's text."""

    id: int
    name: str
    description: str
    author: str
    program: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: tuple[Exercise, ...] = ()
    updated: tuple[Exercise, ...] = ()
    skipped: tuple[Skipped, ...] = ()


class CatalogDatabase:
    """Built-in and own exercises in one SQLite file, or in a clinic's PostgreSQL database."""

    def __init__(
        self, engine: Engine, path: Path, *, where: str = "", author: str | None = None
    ) -> None:
        """Use :meth:`open`; this only wraps an engine whose database is ready."""
        self._engine = engine
        self._writer = writer(engine)
        self.path = path
        self.where = where or str(path)
        """The catalog's place for messages: the file, or the server's address."""
        self.author = author
        """Who this coach is, stored with their own exercises and templates."""
        self.unreadable: tuple[str, ...] = ()
        """The ids of the rows the last :meth:`exercises` had to leave out (see _readable)."""

    @property
    def shared(self) -> bool:
        """True for a clinic's catalog on a server."""
        return is_server(self._engine)

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        url: str | None = None,
        builtins: Sequence[Exercise] | None = None,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
        author: str | None = None,
    ) -> tuple[CatalogDatabase, StartupReport]:
        """Open (or create) the catalog, repair, migrate and refresh the built-ins.

        Without ``path`` or ``url`` it is the clinic's catalog if one is set up
        (:func:`db.clinic.clinic_url`), else :func:`planner.files.folders.database_path`.
        ``builtins`` defaults to the catalog shipped in ``resources/catalog``. Raises
        :class:`CatalogOpenError` when the catalog cannot be used at all.
        """
        shipped = (
            list(builtins) if builtins is not None else load_catalog_dir(resource_path("catalog"))
        )
        if path is None:
            url = url or clinic_url()
        if url is not None:
            return cls._open_server(url, shipped, author or coach_name())
        path = path if path is not None else database_path()
        stamp = datetime.now()  # local time: it names files the coach may look for
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CatalogOpenError(
                f"Hip Planner cannot make the folder {path.parent} ({exc.strerror or exc}), "
                "so the catalog database cannot be kept there."
            ) from exc
        verdict = examine(path, busy_timeout_ms)
        moved_to = move_aside(path, stamp) if not verdict.usable else None
        engine = make_engine(path, busy_timeout_ms)
        try:
            migration = migrate(engine, path, stamp)
            sync = sync_builtins(engine, shipped, utc_now())
            stamp_file(engine)
        except (DBAPIError, sqlite3.Error) as exc:
            engine.dispose()
            raise CatalogOpenError(storage_message(exc, path)) from exc
        except BaseException:
            engine.dispose()
            raise
        report = StartupReport(
            path=path,
            created=verdict.revision is None,
            schema_revision=migration.to_revision,
            migrated_from=migration.from_revision if migration.migrated else None,
            backup_path=migration.backup_path,
            moved_aside_to=moved_to,
            damage=verdict.problem,
            builtins_added=sync.added,
            builtins_updated=sync.updated,
            builtins_archived=sync.retired,
            builtins_blocked=sync.blocked,
        )
        return cls(engine, path, author=author), report

    @classmethod
    def _open_server(
        cls, url: str, shipped: list[Exercise], author: str
    ) -> tuple[CatalogDatabase, StartupReport]:
        """Connect to a clinic's database, migrate it, seed it, and refresh the local copy.

        No repair here: a damaged server is its administrator's to mend, never moved aside.
        """
        try:
            parsed = make_url(url)
        except Exception as exc:  # ArgumentError and ValueError, for an address typed wrong
            raise CatalogOpenError(
                f"The clinic catalog address {url!r} is not valid ({exc})."
            ) from exc
        where = parsed.render_as_string(hide_password=True)
        engine = make_server_engine(with_password(parsed))
        try:
            with engine.connect() as connection:
                revision = current_revision(connection)
            if revision is not None and revision not in known_revisions():
                raise CatalogOpenError(
                    f"The clinic catalog at {where} was upgraded by a newer Hip Planner "
                    f"(schema {revision}; this one reads up to {HEAD_REVISION}). Install the "
                    "version the other coaches use; nothing was changed."
                )
            try:
                migration = migrate(engine, None, datetime.now())
            except ProgrammingError as exc:  # a coach's role may not change tables
                raise CatalogOpenError(
                    f"The clinic catalog at {where} must be updated for this Hip Planner (schema "
                    f"{revision} to {HEAD_REVISION}), which the coach's login may not do; ask "
                    "whoever set it up to run 'hip-planner clinic init' (docs/clinic.md)."
                ) from exc
            sync = sync_builtins(engine, shipped, utc_now())
        except DBAPIError as exc:
            engine.dispose()
            raise CatalogOpenError(server_message(exc, where)) from exc
        except BaseException:
            engine.dispose()
            raise
        database = cls(engine, copy_path(), where=where, author=author)
        database.refresh_copy()
        report = StartupReport(
            path=database.path,
            created=migration.from_revision is None,
            schema_revision=migration.to_revision,
            migrated_from=migration.from_revision if migration.migrated else None,
            builtins_added=sync.added,
            builtins_updated=sync.updated,
            builtins_archived=sync.retired,
            builtins_blocked=sync.blocked,
        )
        return database, report

    def refresh_copy(self) -> None:
        """Write the local read-only copy of a clinic's catalog (failures only logged)."""
        if not self.shared:
            return
        try:
            write_copy(self._engine, self.path)
        except (OSError, DBAPIError, sqlite3.Error) as exc:
            log.warning("the local copy of the clinic catalog was not written: %s", exc)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> CatalogDatabase:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # Reading

    def exercises(self, include_archived: bool = False) -> list[Exercise]:
        """Every exercise, sorted by name; archived and retired ones only when asked."""
        query = select(*LOAD_COLUMNS)
        if not include_archived:
            query = query.where(ExerciseRow.archived.is_(False), ExerciseRow.retired.is_(False))
        with self._reading() as session:
            rows = session.execute(query).all()
        read = [(row, _readable(row)) for row in rows]
        exercises = [ex for _, ex in read if ex is not None]
        self.unreadable = tuple(str(row[0]) for row, ex in read if ex is None)
        exercises.sort(key=lambda ex: (name_key(ex.name), ex.id))  # faster than ORDER BY here
        return exercises

    def get(self, exercise_id: str) -> Exercise | None:
        with self._reading() as session:
            row = session.execute(
                select(*LOAD_COLUMNS).where(ExerciseRow.id == exercise_id)
            ).first()
        return None if row is None else _readable(row)

    def version_of(self, exercise_id: str) -> int | None:
        """The stored version of an exercise (None: not in the catalog), for :meth:`update_own`."""
        with self._reading() as session:
            return session.scalar(select(ExerciseRow.version).where(ExerciseRow.id == exercise_id))

    def made_by(self, author: str) -> set[str]:
        """The ids of the own exercises ``author`` made (a clinic's "mine")."""
        with self._reading() as session:
            return set(
                session.scalars(select(ExerciseRow.id).where(ExerciseRow.created_by == author))
            )

    # The coach's own exercises

    def add_own(self, ex: Exercise) -> Exercise:
        """Store ``ex`` as the coach's own; its id becomes a free ``own-<slug>`` if needed.

        Raises :class:`CatalogRuleError` if another exercise already has that name.
        """
        with self._writing() as session:
            _names(session).check(ex.name)
            new_id = own_id(ex.id, ex.name, lambda i: session.get(ExerciseRow, i) is not None)
            row = new_row(replace(ex, id=new_id), ORIGIN_OWN, utc_now(), self.author)
            session.add(row)
            return exercise_from_row(row)

    def update_own(self, ex: Exercise, expected_version: int | None = None) -> Exercise:
        """Save changes to one of the coach's own exercises (found by ``ex.id``).

        With ``expected_version`` (from :meth:`version_of` when the editing began), a change
        stored meanwhile by someone else raises :class:`CatalogConflictError` instead of
        being overwritten.
        """
        with self._writing() as session:
            row = _own_row(session, ex.id, ex.name)
            if expected_version is not None and row.version != expected_version:
                raise CatalogConflictError(exercise_from_row(row), row.version, row.updated_by)
            _names(session).check(ex.name, for_id=ex.id)
            values = row_values(ex)
            if values["content_hash"] != row.content_hash:
                for key, value in values.items():
                    setattr(row, key, value)
                row.updated_at, row.updated_by = utc_now(), self.author
            return exercise_from_row(row)

    def duplicate(self, exercise_id: str) -> Exercise:
        """An editable own copy of any exercise, named "<name> (copy)"."""
        with self._writing() as session:
            row = _row(session, exercise_id)
            source = exercise_from_row(row)
            name = _names(session).copy_name(source.name)
            new_id = own_id("", name, lambda i: session.get(ExerciseRow, i) is not None)
            copy = replace(source, id=new_id, name=name)
            copy_row = new_row(copy, ORIGIN_OWN, utc_now(), self.author)
            session.add(copy_row)
            return exercise_from_row(copy_row)

    def archive(self, exercise_id: str) -> Exercise:
        """Hide an exercise from the catalog; programs that use it keep working."""
        return self._set_archived(exercise_id, True)

    def restore(self, exercise_id: str) -> Exercise:
        """Bring an archived exercise back into the catalog."""
        return self._set_archived(exercise_id, False)

    def add_from_program(self, exercises: Iterable[Exercise]) -> ImportReport:
        """Add the exercises a program embeds that the catalog lacks, as own exercises.

        Skipped: ids already in the catalog, content equal to an exercise already there,
        and names already taken.
        """
        return self._merge(exercises, replace_changed=False)

    def import_own(self, exercises: Iterable[Exercise]) -> ImportReport:
        """Import own exercises (e.g. from a sharing file, see ``planner.files.exercise_share``).

        Same id and content: skipped. Same id as an own exercise with other content: updated.
        A built-in's id, content equal to another exercise, or a taken name: skipped.
        """
        return self._merge(exercises, replace_changed=True)

    # The clinic's templates

    def templates(self) -> list[ClinicTemplate]:
        """The clinic's program templates, by name."""
        with self._reading() as session:
            rows = session.scalars(select(ClinicTemplateRow).order_by(ClinicTemplateRow.name))
            return [_template(row) for row in rows]

    def save_template(self, name: str, description: str, program: str) -> ClinicTemplate:
        """Store a program (a program file's text) as a clinic template signed by this coach.

        A template of the same name is replaced (one transaction).
        """
        name = " ".join(name.split())
        if not name:
            raise CatalogRuleError("A clinic template needs a name.")
        now = utc_now()
        with self._writing() as session:
            row = session.scalar(select(ClinicTemplateRow).where(ClinicTemplateRow.name == name))
            if row is None:
                row = ClinicTemplateRow(name=name, created_at=now)
                session.add(row)
            row.description, row.program, row.updated_at = description, program, now
            row.author = self.author or coach_name()
            session.flush()
            return _template(row)

    # Internals

    def _set_archived(self, exercise_id: str, archived: bool) -> Exercise:
        with self._writing() as session:
            row = _row(session, exercise_id)
            if not archived and row.retired:
                raise CatalogRuleError(
                    f'"{row.name}" no longer comes with this version of Hip Planner, so it '
                    "cannot be restored; duplicate it to keep an editable copy."
                )
            if row.archived != archived:
                row.archived = archived
                row.updated_at, row.updated_by = utc_now(), self.author
            return exercise_from_row(row)

    def _merge(self, exercises: Iterable[Exercise], *, replace_changed: bool) -> ImportReport:
        added: list[Exercise] = []
        updated: list[Exercise] = []
        skipped: list[Skipped] = []
        with self._writing() as session:
            index = session.execute(
                select(
                    ExerciseRow.id, ExerciseRow.origin, ExerciseRow.name, ExerciseRow.content_hash
                )
            ).all()
            by_id = {i: (origin, digest) for i, origin, _name, digest in index}
            by_hash = {digest: name for _i, _origin, name, digest in index if digest}
            names = _names(session)
            now = utc_now()
            for ex in exercises:
                digest = content_hash(ex)
                known = by_id.get(ex.id)
                reason = ""
                if known is not None:
                    origin, old_digest = known
                    if old_digest == digest:
                        reason = "it is already in the catalog"
                    elif origin == ORIGIN_BUILTIN:
                        reason = "a built-in exercise has the same id; built-ins cannot be replaced"
                    elif not replace_changed:
                        reason = "an exercise with the same id is already in the catalog"
                    else:
                        reason = names.problem(ex.name, for_id=ex.id)
                elif digest in by_hash:
                    reason = f'it is the same as "{by_hash[digest]}", already in the catalog'
                else:
                    reason = names.problem(ex.name)
                if reason:
                    skipped.append(Skipped(ex, reason))
                    continue
                if known is None:
                    row = new_row(ex, ORIGIN_OWN, now, self.author)
                    session.add(row)
                    previous = None
                else:
                    row = _row(session, ex.id)
                    previous = row.name
                    for key, value in row_values(ex).items():
                        setattr(row, key, value)
                    row.updated_at, row.updated_by = now, self.author
                stored = exercise_from_row(row)
                (added if known is None else updated).append(stored)
                by_id[ex.id] = (ORIGIN_OWN, digest)
                by_hash[digest] = stored.name
                names.claim(stored.name, stored.id, previous=previous)
        return ImportReport(tuple(added), tuple(updated), tuple(skipped))

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        try:
            with Session(self._engine) as session:
                yield session
        except DBAPIError as exc:
            raise CatalogError(self._message(exc)) from exc

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """One transaction that holds the write lock; storage failures become CatalogWriteError."""
        try:
            with Session(self._writer) as session, session.begin():
                yield session
        except StaleDataError as exc:  # the version moved between reading and writing
            raise CatalogWriteError(
                "Another coach changed this exercise at the same moment; nothing was saved. "
                "Open it again to see their change."
            ) from exc
        except IntegrityError as exc:
            raise CatalogWriteError(self._message(exc)) from exc
        except DBAPIError as exc:
            if self.shared:
                raise CatalogWriteError(self._message(exc)) from exc
            raise write_error(exc, self.path) from exc

    def _message(self, exc: DBAPIError) -> str:
        return server_message(exc, self.where) if self.shared else storage_message(exc, self.path)


def unreadable_note(ids: Sequence[str], limit: int = 5) -> str:
    """What the coach is told about rows left out of the catalog ("" when none were)."""
    if not ids:
        return ""
    shown = ", ".join(printable(i) for i in ids[:limit])
    more = f" and {len(ids) - limit} more" if len(ids) > limit else ""
    one = len(ids) == 1
    return (
        f"{len(ids)} exercise{'' if one else 's'} in the catalog could not be read and "
        f"{'is' if one else 'are'} left out: {shown}{more}. The catalog was edited by hand or "
        "damaged; the rest of it works as usual."
    )


def _readable(values: Sequence[Any]) -> Exercise | None:
    """The exercise of a row, or None (logged) if this version cannot read it.

    Happens only if the file was edited by hand or written by a newer Hip Planner with more
    taxonomy keys; one such row must not make the whole catalog unusable.
    """
    try:
        return exercise_from_values(values)
    except ValueError as exc:
        log.warning("%s", exc)
        return None


def _template(row: ClinicTemplateRow) -> ClinicTemplate:
    return ClinicTemplate(row.id, row.name, row.description, row.author, row.program)


def _names(session: Session) -> Names:
    rows = session.execute(
        select(ExerciseRow.id, ExerciseRow.name, ExerciseRow.archived | ExerciseRow.retired)
    )
    return Names(rows)


def _row(session: Session, exercise_id: str) -> ExerciseRow:
    row = session.get(ExerciseRow, exercise_id)
    if row is None:
        raise CatalogRuleError(f"There is no exercise with the id {exercise_id!r} in the catalog.")
    return row


def _own_row(session: Session, exercise_id: str, name: str) -> ExerciseRow:
    row = session.get(ExerciseRow, exercise_id)
    if row is None:
        raise CatalogRuleError(f'"{name}" is not in the catalog; add it as a new exercise instead.')
    if row.origin != ORIGIN_OWN:
        raise CatalogRuleError(
            f'"{row.name}" is a built-in exercise and cannot be edited; '
            "duplicate it to make an editable copy."
        )
    return row
