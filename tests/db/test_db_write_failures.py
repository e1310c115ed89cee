"""A write that fails (busy, disk full, read-only) raises CatalogWriteError and changes nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.pool import Pool

from db.catalog import CatalogDatabase
from db.errors import CatalogWriteError
from planner.exercise import Exercise
from tests.db_support import own, shipped_v1


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "catalog.sqlite3"
    db, _ = CatalogDatabase.open(path, builtins=shipped_v1())
    db.add_own(own("own-hip-airplane", "Hip airplane"))
    db.close()
    return path


@contextmanager
def pragma_on_every_connection(pragma: str) -> Iterator[None]:
    """Run ``PRAGMA <pragma>`` on every new connection meanwhile (a real SQLite limit)."""

    def apply(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA {pragma}")

    event.listen(Pool, "connect", apply)
    try:
        yield
    finally:
        event.remove(Pool, "connect", apply)


def _contents(path: Path) -> list[Exercise]:
    db, _ = CatalogDatabase.open(path, builtins=shipped_v1())
    with db:
        return db.exercises(include_archived=True)


def _big_exercises(count: int) -> list[Exercise]:
    return [
        replace(own(f"own-big-{i}", f"Big {i}"), instructions=f"Step {i}. " * 180)
        for i in range(count)
    ]


def test_a_write_while_another_window_writes_reports_busy(path: Path) -> None:
    before = _contents(path)
    db, _ = CatalogDatabase.open(path, builtins=shipped_v1(), busy_timeout_ms=50)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with db, pytest.raises(CatalogWriteError) as caught:
            db.add_own(own("own-march", "March"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert str(caught.value) == (
        "The catalog database is busy in another Hip Planner window; try again."
    )
    assert _contents(path) == before


def test_a_full_disk_half_way_through_an_import_adds_nothing(path: Path) -> None:
    before = _contents(path)
    probe = sqlite3.connect(path)
    pages = probe.execute("PRAGMA page_count").fetchone()[0]
    probe.close()
    with pragma_on_every_connection(f"max_page_count = {pages + 2}"):
        db, _ = CatalogDatabase.open(path, builtins=shipped_v1())
        with db, pytest.raises(CatalogWriteError) as caught:
            db.import_own(_big_exercises(40))
    assert str(caught.value) == "The disk is full; free some space and try again."
    assert _contents(path) == before


def test_a_read_only_database_refuses_changes_and_keeps_its_data(path: Path) -> None:
    before = _contents(path)
    with pragma_on_every_connection("query_only = ON"):
        db, _ = CatalogDatabase.open(path, builtins=shipped_v1())
        with db:
            assert db.exercises(include_archived=True) == before  # reading still works
            for change in (
                lambda: db.add_own(own("own-march", "March")),
                lambda: db.archive("glute-bridge"),
                lambda: db.duplicate("own-hip-airplane"),
            ):
                with pytest.raises(CatalogWriteError, match="read-only"):
                    change()
    assert _contents(path) == before


def test_the_catalog_still_works_after_a_failed_write(path: Path) -> None:
    db, _ = CatalogDatabase.open(path, builtins=shipped_v1(), busy_timeout_ms=50)
    with db:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(CatalogWriteError):
            db.archive("glute-bridge")
        other.execute("ROLLBACK")
        other.close()
        assert db.archive("glute-bridge").archived
