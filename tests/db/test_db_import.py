"""Bringing exercises in: from a sharing file (import_own) and from a program (add_from_program)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from db.catalog import CatalogDatabase
from planner.dose import Dose
from tests.conftest import CatalogPlace
from tests.db_support import builtin, own, shipped_v1


@pytest.fixture
def db(catalog_place: CatalogPlace) -> Iterator[CatalogDatabase]:
    catalog, _ = catalog_place.open(shipped_v1())
    with catalog:
        catalog.add_own(own("own-hip-airplane", "Hip airplane"))
        yield catalog


def _reasons(report: object) -> dict[str, str]:
    return {s.exercise.id: s.reason for s in report.skipped}  # type: ignore[attr-defined]


def test_import_own_adds_new_exercises(db: CatalogDatabase) -> None:
    report = db.import_own([own("own-march", "March"), own("own-skater", "Skater hop")])
    assert [ex.id for ex in report.added] == ["own-march", "own-skater"]
    assert report.updated == ()
    assert report.skipped == ()
    assert db.get("own-march") == own("own-march", "March")


def test_import_own_sorts_out_duplicates(db: CatalogDatabase) -> None:
    airplane = db.get("own-hip-airplane")
    assert airplane is not None
    changed = replace(airplane, dose=Dose(sets=5, amount=5))
    bridge = db.get("glute-bridge")
    assert bridge is not None
    report = db.import_own(
        [
            airplane,  # same id, same content
            replace(bridge, builtin=False, instructions="Someone's version."),  # a built-in id
            own("own-other-clam", "CLAMSHELL"),  # a taken name
            replace(bridge, id="own-bridge-twin", builtin=False),  # same content, other id
        ]
    )
    reasons = _reasons(report)
    assert report.added == ()
    assert report.updated == ()
    assert reasons["own-hip-airplane"] == "it is already in the catalog"
    assert "built-in" in reasons["glute-bridge"]
    assert 'named "Clamshell"' in reasons["own-other-clam"]
    assert 'same as "Glute bridge"' in reasons["own-bridge-twin"]

    report = db.import_own([changed])
    assert report.updated == (changed,)
    assert db.get("own-hip-airplane") == changed
    assert db.get("glute-bridge") == bridge


def test_import_own_checks_the_file_against_itself(db: CatalogDatabase) -> None:
    report = db.import_own([own("own-a", "Lunge"), own("own-b", "lunge", sets=4)])
    assert [ex.id for ex in report.added] == ["own-a"]
    assert "already in the catalog" in _reasons(report)["own-b"]


def test_an_imported_update_may_not_take_another_name(db: CatalogDatabase) -> None:
    airplane = db.get("own-hip-airplane")
    assert airplane is not None
    report = db.import_own([replace(airplane, name="Side plank")])
    assert "Side plank" in _reasons(report)["own-hip-airplane"]
    assert db.get("own-hip-airplane") == airplane


def test_an_archived_own_exercise_stays_archived_when_updated(db: CatalogDatabase) -> None:
    db.archive("own-hip-airplane")
    airplane = db.get("own-hip-airplane")
    assert airplane is not None
    report = db.import_own([replace(airplane, archived=False, instructions="New words.")])
    assert report.updated[0].archived


def test_add_from_program_adds_what_the_catalog_lacks(db: CatalogDatabase) -> None:
    bridge = db.get("glute-bridge")
    assert bridge is not None
    embedded = [
        bridge,  # present by id
        replace(bridge, instructions="An older wording."),  # present by id, other content
        replace(bridge, id="glute-bridge-v0", builtin=True),  # equal content, other id
        builtin("copenhagen-plank", "Copenhagen plank"),  # a built-in of a newer version
        own("own-coach-b-lunge", "Coach B's lunge"),
    ]
    report = db.add_from_program(embedded)
    assert [ex.id for ex in report.added] == ["copenhagen-plank", "own-coach-b-lunge"]
    assert all(not ex.builtin for ex in report.added)
    assert report.updated == ()
    assert len(report.skipped) == 3
    assert db.get("glute-bridge") == bridge
    assert db.add_from_program(embedded).added == ()
