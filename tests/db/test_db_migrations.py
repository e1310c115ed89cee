"""Alembic migrations: from nothing, from the schema-0001 and -0002 samples, with a backup first."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from db.catalog import CatalogDatabase
from db.convert import content_hash, utc_now
from db.engine import make_engine, make_server_engine
from db.migrate import head_revision, known_revisions, migrate
from db.models import Base
from db.quick_read import read_exercises_quickly
from tests.conftest import CatalogPlace
from tests.db_support import shipped_v1

SAMPLE_0001 = Path(__file__).parents[1] / "data" / "catalog-0001.sqlite3"
SAMPLE_0002 = Path(__file__).parents[1] / "data" / "catalog-0002.sqlite3"


@pytest.fixture
def old_catalog(tmp_path: Path) -> Path:
    """A copy of the committed schema-0001 database (the original stays untouched)."""
    path = tmp_path / "catalog.sqlite3"
    shutil.copyfile(SAMPLE_0001, path)
    return path


def test_there_is_a_real_history_of_revisions() -> None:
    assert {"0001", "0002", "0003", "0004"} <= known_revisions()
    assert head_revision() == max(known_revisions())


def test_migrating_a_new_database_gives_exactly_the_models(catalog_place: CatalogPlace) -> None:
    path = catalog_place.path
    engine = make_engine(path) if path else make_server_engine(catalog_place.url or "")
    result = migrate(engine, path, utc_now())
    assert (result.from_revision, result.to_revision, result.backup_path) == (
        None,
        head_revision(),
        None,
    )
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_the_0001_sample_is_migrated_and_keeps_the_coachs_exercise(old_catalog: Path) -> None:
    db, report = CatalogDatabase.open(old_catalog, builtins=shipped_v1())
    with db:
        assert not report.created
        assert report.migrated_from == "0001"
        assert report.schema_revision == head_revision()
        mine = db.get("own-wall-press-march")
        assert mine is not None
        assert not mine.builtin
        assert not mine.archived
        assert mine.name == "Wall press march"
        assert mine.dose.describe() == "3 × 20 s each side"
        assert mine.cues == ("Stay tall.", "Push the wall away.")
        # the old built-in is no longer shipped by these test built-ins: kept, but archived
        old = db.get("supine-straight-leg-raise")
        assert old is not None
        assert old.archived
        assert report.builtins_archived == 1
        assert report.builtins_added == 3
        assert any("copy of the old one" in line for line in report.messages())


def test_a_backup_is_made_before_migrating(old_catalog: Path) -> None:
    _db, report = CatalogDatabase.open(old_catalog, builtins=[])
    _db.close()
    backup = report.backup_path
    assert backup is not None
    assert backup.parent == old_catalog.parent
    assert backup.name.startswith("catalog.sqlite3.backup-0001-")
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0001",)
        ]
        names = connection.execute("SELECT name FROM exercise ORDER BY name").fetchall()
    connection.close()
    assert names == [("Supine straight-leg raise",), ("Wall press march",)]


def test_migrated_rows_get_their_content_hash_and_the_next_start_is_quiet(
    old_catalog: Path,
) -> None:
    CatalogDatabase.open(old_catalog, builtins=shipped_v1())[0].close()
    with sqlite3.connect(old_catalog) as connection:
        missing = connection.execute(
            "SELECT count(*) FROM exercise WHERE content_hash IS NULL"
        ).fetchone()
    connection.close()
    assert missing == (0,)
    db, report = CatalogDatabase.open(old_catalog, builtins=shipped_v1())
    db.close()
    assert report.migrated_from is None
    assert report.backup_path is None
    assert (report.builtins_added, report.builtins_updated, report.builtins_archived) == (0, 0, 0)


def test_an_up_to_date_database_is_not_backed_up_again(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    CatalogDatabase.open(path, builtins=[])[0].close()
    CatalogDatabase.open(path, builtins=[])[0].close()
    assert sorted(p.name for p in tmp_path.iterdir() if ".backup-" in p.name) == []


def test_a_failed_migration_leaves_the_file_at_its_old_revision(
    old_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command  # db.migrate imports it only when it migrates

    real_upgrade = command.upgrade

    def broken_upgrade(config: object, target: str) -> None:
        real_upgrade(config, target)  # type: ignore[arg-type]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(command, "upgrade", broken_upgrade)
    from db.errors import CatalogOpenError

    with pytest.raises(CatalogOpenError, match="disk is full"):
        CatalogDatabase.open(old_catalog, builtins=[])
    with sqlite3.connect(old_catalog) as connection:
        version = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        columns = [row[1] for row in connection.execute("PRAGMA table_info(exercise)")]
    connection.close()
    assert version == [("0001",)]
    assert "content_hash" not in columns


@pytest.mark.parametrize(("sample", "revision"), [(SAMPLE_0001, "0001"), (SAMPLE_0002, "0002")])
def test_the_committed_samples_keep_their_revision(sample: Path, revision: str) -> None:
    with sqlite3.connect(f"file:{sample}?mode=ro", uri=True) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (revision,)
        ]
    connection.close()


@pytest.fixture
def catalog_0002(tmp_path: Path) -> Path:
    """A copy of the committed schema-0002 database (the original stays untouched)."""
    path = tmp_path / "catalog.sqlite3"
    shutil.copyfile(SAMPLE_0002, path)
    return path


def test_the_0002_sample_gains_hip_weight_variants_and_closed_chain(catalog_0002: Path) -> None:
    with sqlite3.connect(catalog_0002) as connection:
        stale = dict(connection.execute("SELECT id, content_hash FROM exercise").fetchall())
    connection.close()
    db, report = CatalogDatabase.open(catalog_0002, builtins=shipped_v1())
    with db:
        assert report.migrated_from == "0002"
        assert report.backup_path is not None
        assert report.backup_path.name.startswith("catalog.sqlite3.backup-0002-")
        mine = db.get("own-wall-press-march")
        assert mine is not None
        assert (mine.name, mine.builtin, mine.archived) == ("Wall press march", False, True)
        assert (mine.hip_weight, mine.easier, mine.harder, mine.closed_chain) == (
            1.0,
            None,
            None,
            False,
        )
    with sqlite3.connect(catalog_0002) as connection:
        hashes = dict(connection.execute("SELECT id, content_hash FROM exercise").fetchall())
    connection.close()
    # the hash now covers the new fields: the stale one was replaced, not kept
    assert hashes["own-wall-press-march"] == content_hash(mine)
    assert hashes["own-wall-press-march"] != stale["own-wall-press-march"]


def test_hip_weight_variants_and_closed_chain_are_stored(tmp_path: Path) -> None:
    bridge = shipped_v1()[0]
    changed = replace(
        bridge, hip_weight=0.5, easier="short-bridge", harder="single-leg-bridge", closed_chain=True
    )
    path = tmp_path / "catalog.sqlite3"
    CatalogDatabase.open(path, builtins=[changed])[0].close()
    db, _report = CatalogDatabase.open(path, builtins=[changed])
    with db:
        assert db.get(bridge.id) == changed
    assert read_exercises_quickly(path) == [changed]
