"""Opening the catalog: first start, quiet second start, built-in updates, the file's pragmas."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from db.catalog import CatalogDatabase, unreadable_note
from db.migrate import head_revision
from planner.dose import Dose
from planner.files.catalog_file import load_catalog_dir
from planner.files.folders import database_path
from resources import resource_path
from tests.conftest import CatalogPlace
from tests.db_support import builtin, own, recorded_writes, shipped_v1


def test_first_start_creates_and_fills_the_database(catalog_place: CatalogPlace) -> None:
    db, report = catalog_place.open(shipped_v1())
    with db:
        assert report.created
        assert report.schema_revision == head_revision()
        assert report.migrated_from is None
        assert report.backup_path is None
        assert report.builtins_added == 3
        assert report.messages() == []
        assert [ex.name for ex in db.exercises()] == ["Clamshell", "Glute bridge", "Side plank"]
        assert db.get("clamshell") == shipped_v1()[1]
        assert db.get("nope") is None


def test_default_location_and_shipped_catalog(hip_home: Path) -> None:
    shipped = load_catalog_dir(resource_path("catalog"))
    db, report = CatalogDatabase.open()
    with db:
        assert db.path == database_path()
        assert db.path.is_relative_to(hip_home)
        assert report.builtins_added == len(shipped)
        assert {ex.id for ex in db.exercises()} == {ex.id for ex in shipped}


def test_second_start_with_nothing_changed_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    with recorded_writes() as first_start:
        db, _ = CatalogDatabase.open(path, builtins=shipped_v1())
    assert first_start.changes, "the recorder sees the first start's writes"
    db.add_own(own("own-hip-airplane", "Hip airplane"))
    db.close()
    before = path.read_bytes()

    with recorded_writes() as writes:
        db, report = CatalogDatabase.open(path, builtins=shipped_v1())
        with db:
            db.exercises()
    assert writes.changes == []
    assert (report.created, report.builtins_added, report.builtins_updated) == (False, 0, 0)
    assert report.builtins_archived == 0
    assert path.read_bytes() == before


def test_changed_builtins_are_updated_and_the_coachs_work_is_kept(
    catalog_place: CatalogPlace,
) -> None:
    db, _ = catalog_place.open(shipped_v1())
    mine = db.add_own(own("own-hip-airplane", "Hip airplane"))
    db.archive("clamshell")
    db.close()

    v2 = shipped_v1()
    v2[0] = replace(v2[0], dose=Dose(sets=4, amount=15), instructions="New, clearer words.")
    v2[1] = replace(v2[1], name="Clamshell with band")
    v2.append(builtin("copenhagen-plank", "Copenhagen plank"))
    db, report = catalog_place.open(v2)
    with db:
        assert (report.builtins_added, report.builtins_updated, report.builtins_archived) == (
            1,
            2,
            0,
        )
        assert db.get("glute-bridge") == v2[0]
        clam = db.get("clamshell")
        assert clam is not None
        assert clam.name == "Clamshell with band"
        assert clam.archived, "the coach's archive flag survives the update"
        assert db.get("own-hip-airplane") == mine
        assert db.get("copenhagen-plank") == v2[3]


def test_builtins_no_longer_shipped_are_archived_not_deleted(catalog_place: CatalogPlace) -> None:
    catalog_place.open(shipped_v1())[0].close()

    db, report = catalog_place.open(shipped_v1()[:2])
    with db:
        assert report.builtins_archived == 1
        assert "side-plank" not in {ex.id for ex in db.exercises()}
        kept = db.get("side-plank")
        assert kept is not None
        assert kept.archived
        assert kept.builtin

    db, report = catalog_place.open(shipped_v1())
    with db:
        assert report.builtins_updated == 1
        back = db.get("side-plank")
        assert back is not None
        assert not back.archived


def test_a_shipped_id_held_by_an_own_exercise_is_left_alone(catalog_place: CatalogPlace) -> None:
    db, _ = catalog_place.open([])
    mine = db.add_from_program([own("fire-hydrant", "Fire hydrant (mine)")]).added[0]
    db.close()

    db, report = catalog_place.open([builtin("fire-hydrant", "Fire hydrant")])
    with db:
        assert report.builtins_blocked == ("fire-hydrant",)
        assert any("fire-hydrant" in line for line in report.messages())
        assert db.get("fire-hydrant") == mine


def test_every_connection_has_foreign_keys_wal_and_a_busy_timeout(tmp_path: Path) -> None:
    db, _ = CatalogDatabase.open(tmp_path / "catalog.sqlite3", builtins=[])
    with db, db._engine.connect() as connection:
        pragma = {
            name: connection.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("foreign_keys", "journal_mode", "busy_timeout")
        }
    assert pragma["foreign_keys"] == 1
    assert pragma["journal_mode"] == "wal"
    assert isinstance(pragma["busy_timeout"], int)
    assert pragma["busy_timeout"] >= 1000


def test_a_folder_that_cannot_be_made_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    from db.errors import CatalogOpenError

    with pytest.raises(CatalogOpenError, match=r"cannot make the folder .*sub"):
        CatalogDatabase.open(blocker / "sub" / "catalog.sqlite3", builtins=[])


def test_the_file_is_a_plain_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    CatalogDatabase.open(path, builtins=shipped_v1())[0].close()
    with sqlite3.connect(path) as connection:
        (count,) = connection.execute("SELECT count(*) FROM exercise").fetchone()
    connection.close()
    assert count == 3


def test_a_row_this_version_cannot_read_is_skipped_not_fatal(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "catalog.sqlite3"
    CatalogDatabase.open(path, builtins=shipped_v1())[0].close()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE exercise SET positions = '[\"trampoline\"]' WHERE id = 'clamshell'"
        )
    connection.close()
    db, _ = CatalogDatabase.open(path, builtins=[])
    with db:
        assert [ex.id for ex in db.exercises(include_archived=True)] == [
            "glute-bridge",
            "side-plank",
        ]
        assert db.get("clamshell") is None
    assert "clamshell" in caplog.text


DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("pose", "not json"),
        ("pose", '{"view": "top"}'),
        ("pose", '{"start": {"near": {"hip": NaN}}}'),
        ("pose", '{"start": {"near": {"hip": Infinity}}}'),
        ("pose", DEEP),
        ("photos", '[{"media_type": "image/gif", "data": "x"}]'),
        ("photos", '[{"media_type": "image/png", "data": "!!!"}]'),
        ("photos", DEEP),
        ("dose_effort", "rpe:99"),
        ("dose_effort", "rpe:NaN"),
        ("video", "javascript:alert(1)"),
        ("cues", DEEP),
    ],
)
def test_a_bad_new_column_skips_only_its_row(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, column: str, value: str
) -> None:
    """Hand-edited or damaged pose, photos, effort or video columns never stop the catalog."""
    from db.quick_read import read_exercises_quickly

    path = tmp_path / "catalog.sqlite3"
    CatalogDatabase.open(path, builtins=shipped_v1())[0].close()
    with sqlite3.connect(path) as connection:
        connection.execute(f"UPDATE exercise SET {column} = ? WHERE id = 'clamshell'", (value,))
    connection.close()
    assert read_exercises_quickly(path) is None  # the quick read steps aside to the full read
    db, _ = CatalogDatabase.open(path, builtins=[])
    with db:
        assert [ex.id for ex in db.exercises(include_archived=True)] == [
            "glute-bridge",
            "side-plank",
        ]
        assert db.unreadable == ("clamshell",)
    assert "clamshell" in caplog.text


def test_the_coach_is_told_which_exercises_were_left_out() -> None:
    assert unreadable_note(()) == ""
    assert unreadable_note(("clamshell",)) == (
        "1 exercise in the catalog could not be read and is left out: clamshell. The catalog "
        "was edited by hand or damaged; the rest of it works as usual."
    )
    many = unreadable_note([f"ex-{i}" for i in range(7)] + ["\x1b[2J"])
    assert many.startswith("8 exercises in the catalog could not be read and are left out: ")
    assert "ex-4 and 3 more." in many
