"""A default dose's target effort (column ``dose_effort``, "rpe:7") survives the database,
the quick read before the first paint, the catalog TOML and the content hash."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from db.catalog import CatalogDatabase
from db.convert import content_hash
from db.quick_read import read_exercises_quickly
from planner.dose import DoseError, Effort, EffortScale
from planner.files.catalog_file import (
    CatalogDataError,
    dose_to_mapping,
    effort_from_text,
    effort_to_text,
    load_catalog_file,
)
from planner.taxonomy import Direction
from tests.conftest import CatalogPlace
from tests.db_support import own, shipped_v1
from tests.factories import make_exercise

RPE_7 = Effort(EffortScale.RPE, 7)
RIR_0 = Effort(EffortScale.RIR, 0)


@pytest.fixture
def db(catalog_place: CatalogPlace) -> Iterator[CatalogDatabase]:
    catalog, _ = catalog_place.open(shipped_v1())
    with catalog:
        yield catalog


def test_an_own_exercise_keeps_its_target_effort(db: CatalogDatabase) -> None:
    made = own("own-hip-airplane", "Hip airplane", Direction.INTERNAL_ROTATION)
    added = db.add_own(replace(made, dose=made.dose.with_changes(effort=RPE_7)))
    assert db.get(added.id) is not None
    assert db.get(added.id).dose.effort == RPE_7  # type: ignore[union-attr]
    changed = replace(added, dose=added.dose.with_changes(effort=RIR_0))
    db.update_own(changed)
    assert db.get(added.id) == changed
    cleared = replace(changed, dose=changed.dose.with_changes(effort=None))
    db.update_own(cleared)
    assert db.get(added.id) == cleared


def test_the_quick_read_sees_the_effort(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    bridge = make_exercise("bridge", Direction.EXTENSION)
    database, _ = CatalogDatabase.open(path, builtins=[bridge])
    with database:
        clam = make_exercise("own-clam", Direction.EXTERNAL_ROTATION, builtin=False)
        database.add_own(replace(clam, dose=clam.dose.with_changes(effort=RIR_0)))
        quick = read_exercises_quickly(path)
        assert quick == database.exercises(include_archived=True)
    assert quick is not None
    assert {ex.id: ex.dose.effort for ex in quick} == {"bridge": None, "own-clam": RIR_0}


def test_the_content_hash_changes_with_the_effort_only_when_there_is_one() -> None:
    plain = make_exercise("bridge", Direction.EXTENSION)
    hard = replace(plain, dose=plain.dose.with_changes(effort=RPE_7))
    assert "effort" not in dose_to_mapping(plain.dose)  # older hashes stay valid
    assert content_hash(plain) != content_hash(hard)


def test_effort_text_round_trips_and_refuses_nonsense() -> None:
    for effort in (RPE_7, RIR_0, Effort(EffortScale.RPE, 10)):
        assert effort_from_text(effort_to_text(effort)) == effort
    assert effort_from_text(None) is None
    for bad in ("rpe:11", "rir:-1", "hard", "rpe:seven", 7):
        with pytest.raises(DoseError):
            effort_from_text(bad)


def test_the_catalog_toml_reads_an_effort(tmp_path: Path) -> None:
    path = tmp_path / "own.toml"
    table = """
[[exercise]]
id = "bridge"
name = "Bridge"
directions = ["extension"]
knee = "bent"
positions = ["supine"]
equipment = ["body_weight"]
level = "beginner"
dose = { sets = 3, amount = 10, unit = "reps", each_side = false, rest_seconds = 60, effort = "%s" }
"""
    path.write_text(table % "rir:2", encoding="utf-8")
    (bridge,) = load_catalog_file(path)
    assert bridge.dose.effort == Effort(EffortScale.RIR, 2)
    path.write_text(table % "very hard", encoding="utf-8")
    with pytest.raises(CatalogDataError, match=r'exercise #1 \(bridge\).*"rpe:7"'):
        load_catalog_file(path)
