"""An update keeps the coach's catalog: every committed sample of an older release opens.

``tests/data/catalog-<revision>.sqlite3`` are databases as earlier releases left them (each has
its ``make_catalog_<revision>.py``). The current code must open each with the catalog it ships,
bring it to the newest schema and keep the coach's own exercises and what the coach archived.
Before a new Alembic revision is added, a sample of the schema it replaces is committed, so
the update from the release coaches have is always tested.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db.catalog import CatalogDatabase
from db.migrate import head_revision, known_revisions

SAMPLES = sorted((Path(__file__).parents[1] / "data").glob("catalog-*.sqlite3"))


def read_sample(path: Path) -> tuple[str, dict[str, str], set[str]]:
    """The sample's revision, its own exercises (id: name) and its archived ids."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        own = dict(connection.execute("SELECT id, name FROM exercise WHERE origin = 'own'"))
        columns = {row[1] for row in connection.execute("PRAGMA table_info(exercise)")}
        archived = (
            {row[0] for row in connection.execute("SELECT id FROM exercise WHERE archived")}
            if "archived" in columns
            else set()
        )
    connection.close()
    return revision, own, archived


def test_every_older_schema_has_a_sample() -> None:
    revisions = {read_sample(path)[0] for path in SAMPLES}
    assert known_revisions() - {head_revision()} <= revisions


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_an_older_release_database_opens_and_keeps_the_coachs_work(
    sample: Path, tmp_path: Path
) -> None:
    revision, own, archived = read_sample(sample)
    assert own, "a sample must hold some of the coach's own exercises"
    path = tmp_path / "catalog.sqlite3"
    shutil.copyfile(sample, path)

    database, report = CatalogDatabase.open(path)  # with the catalog this release ships
    with database:
        assert report.schema_revision == head_revision()
        assert report.migrated_from == (None if revision == head_revision() else revision)
        assert (report.backup_path is None) == (revision == head_revision())
        for exercise_id, name in own.items():
            kept = database.get(exercise_id)
            assert kept is not None, exercise_id
            assert (kept.name, kept.builtin) == (name, False)
        for exercise_id in archived:
            kept = database.get(exercise_id)
            assert kept is not None
            assert kept.archived, exercise_id
        listed = {exercise.id for exercise in database.exercises()}
    assert set(own) - archived <= listed
    assert not listed & archived
