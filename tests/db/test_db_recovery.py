"""A damaged or foreign database file is moved aside (never deleted) and a fresh one is made."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from db.catalog import CatalogDatabase
from db.errors import CatalogOpenError
from tests.db_support import own, shipped_v1


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00\xffThis is not a database at all.\n" * 200)


def _truncated(path: Path) -> None:
    db, _ = CatalogDatabase.open(path, builtins=shipped_v1())
    for i in range(60):
        db.add_own(replace(own(f"own-filler-{i}", f"Filler {i}"), instructions="words " * 300))
    db.close()
    _checkpoint(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _foreign_tables(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
        connection.execute("INSERT INTO invoices VALUES (1, 99.5)")
    connection.close()


def _failing_integrity_check(path: Path) -> None:
    """The index no longer matches its table: the file opens, but integrity_check fails."""
    CatalogDatabase.open(path, builtins=shipped_v1())[0].close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_exercise_content_hash "
            "ON exercise (name)' WHERE name = 'ix_exercise_content_hash'"
        )
    connection.close()


def _checkpoint(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (_garbage, "not an SQLite database file"),
        (_truncated, ""),
        (_foreign_tables, "invoices"),
        (_failing_integrity_check, "integrity check failed"),
    ],
    ids=["garbage", "truncated", "foreign-tables", "integrity-check"],
)
def test_damaged_file_is_moved_aside_and_a_working_catalog_is_made(
    tmp_path: Path, damage: Callable[[Path], None], reason: str
) -> None:
    path = tmp_path / "catalog.sqlite3"
    damage(path)
    damaged_bytes = path.read_bytes()

    db, report = CatalogDatabase.open(path, builtins=shipped_v1())
    with db:
        assert report.created
        moved = report.moved_aside_to
        assert moved is not None
        assert moved.parent == tmp_path
        assert moved.name.startswith("catalog.sqlite3.corrupt-")
        assert moved.read_bytes() == damaged_bytes, "the old file is kept as it was"
        assert reason in report.damage
        assert str(moved) in report.messages()[0]
        assert [ex.id for ex in db.exercises()] == ["clamshell", "glute-bridge", "side-plank"]
        db.add_own(own("own-new", "A new one"))


def test_wal_and_shm_move_with_the_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    _garbage(path)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).write_bytes(b"leftover " + suffix.encode())

    db, report = CatalogDatabase.open(path, builtins=[])
    db.close()
    moved = report.moved_aside_to
    assert moved is not None
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"leftover -wal"
    assert moved.with_name(moved.name + "-shm").read_bytes() == b"leftover -shm"


def test_two_damaged_files_in_the_same_second_both_survive(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    moved = []
    for _ in range(2):
        _garbage(path)
        db, report = CatalogDatabase.open(path, builtins=[])
        db.close()
        moved.append(report.moved_aside_to)
        path.unlink()
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    assert moved[0] != moved[1]
    assert all(m is not None and m.exists() for m in moved)


def test_an_empty_file_is_simply_filled(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    path.write_bytes(b"")
    db, report = CatalogDatabase.open(path, builtins=shipped_v1())
    db.close()
    assert report.created
    assert report.moved_aside_to is None


def test_a_busy_database_is_reported_not_moved(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    CatalogDatabase.open(path, builtins=[])[0].close()
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("PRAGMA locking_mode = EXCLUSIVE")
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(CatalogOpenError, match="busy in another Hip Planner window"):
            CatalogDatabase.open(path, builtins=[], busy_timeout_ms=50)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert sorted(p.name for p in tmp_path.iterdir() if "corrupt" in p.name) == []
