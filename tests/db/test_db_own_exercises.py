"""The coach's own exercises: add, edit, duplicate, archive, restore; built-ins stay as shipped."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from db.catalog import CatalogDatabase
from db.errors import CatalogError, CatalogRuleError
from planner.dose import Dose
from planner.taxonomy import Direction
from tests.conftest import CatalogPlace
from tests.db_support import own, shipped_v1


@pytest.fixture
def db(catalog_place: CatalogPlace) -> Iterator[CatalogDatabase]:
    catalog, _ = catalog_place.open(shipped_v1())
    with catalog:
        yield catalog


def test_add_own_keeps_a_free_own_id_and_returns_what_was_stored(db: CatalogDatabase) -> None:
    added = db.add_own(own("own-hip-airplane", "Hip airplane", Direction.INTERNAL_ROTATION))
    assert added.id == "own-hip-airplane"
    assert not added.builtin
    assert not added.archived
    assert db.get("own-hip-airplane") == added
    assert added in db.exercises()


@pytest.mark.parametrize(
    ("given_id", "name", "expected"),
    [
        ("new", "Hip airplane", "own-hip-airplane"),
        ("glute-bridge", "Banded bridge", "own-banded-bridge"),
        ("x", "Übung: Knie → Brust!", "own-ubung-knie-brust"),
        ("x", "!!!", "own-exercise"),
    ],
)
def test_add_own_makes_an_own_id_from_the_name(
    db: CatalogDatabase, given_id: str, name: str, expected: str
) -> None:
    assert db.add_own(own(given_id, name)).id == expected


def test_taken_ids_get_a_number(db: CatalogDatabase) -> None:
    first = db.add_own(own("own-march", "March"))
    second = db.add_own(own("own-march", "March with band"))
    assert first.id == "own-march"
    assert second.id == "own-march-with-band"
    assert db.add_own(own("own-march", "march!")).id == "own-march-2"


def test_a_taken_name_is_refused_whatever_its_case_and_spacing(db: CatalogDatabase) -> None:
    with pytest.raises(CatalogRuleError, match='"Glute bridge" is already in the catalog'):
        db.add_own(own("own-x", "  glute  BRIDGE "))
    db.archive("clamshell")
    with pytest.raises(CatalogRuleError, match="archived exercise is already named"):
        db.add_own(own("own-x", "Clamshell"))
    assert len(db.exercises(include_archived=True)) == 3


def test_update_own_saves_changes_and_keeps_the_id(db: CatalogDatabase) -> None:
    added = db.add_own(own("own-hip-airplane", "Hip airplane"))
    changed = replace(added, name="Hip airplane (slow)", dose=Dose(sets=2, amount=30))
    assert db.update_own(changed) == changed
    assert db.get(added.id) == changed
    assert db.update_own(changed) == changed  # saving again is harmless


def test_update_own_refuses_a_name_another_exercise_has(db: CatalogDatabase) -> None:
    added = db.add_own(own("own-hip-airplane", "Hip airplane"))
    with pytest.raises(CatalogRuleError, match="already in the catalog"):
        db.update_own(replace(added, name="Side plank"))
    assert db.get(added.id) == added


def test_builtins_cannot_be_edited(db: CatalogDatabase) -> None:
    bridge = db.get("glute-bridge")
    assert bridge is not None
    with pytest.raises(CatalogRuleError, match="built-in exercise and cannot be edited"):
        db.update_own(replace(bridge, instructions="Changed."))
    assert db.get("glute-bridge") == bridge


def test_update_own_of_an_unknown_exercise_is_refused(db: CatalogDatabase) -> None:
    with pytest.raises(CatalogRuleError, match="not in the catalog"):
        db.update_own(own("own-ghost", "Ghost"))


def test_duplicate_gives_an_editable_copy(db: CatalogDatabase) -> None:
    copy = db.duplicate("glute-bridge")
    assert copy.name == "Glute bridge (copy)"
    assert copy.id == "own-glute-bridge-copy"
    assert not copy.builtin
    original = db.get("glute-bridge")
    assert original is not None
    assert (copy.directions, copy.dose, copy.cues) == (
        original.directions,
        original.dose,
        original.cues,
    )
    again = db.duplicate("glute-bridge")
    assert again.name == "Glute bridge (copy 2)"
    edited = db.update_own(replace(copy, instructions="My own words."))
    assert edited.instructions == "My own words."


def test_duplicate_keeps_long_names_within_the_limit(db: CatalogDatabase) -> None:
    long = db.add_own(own("own-long", "L" * 120))
    copy = db.duplicate(long.id)
    assert len(copy.name) == 120
    assert copy.name.endswith(" (copy)")


def test_archive_and_restore(db: CatalogDatabase) -> None:
    archived = db.archive("side-plank")
    assert archived.archived
    assert "side-plank" not in {ex.id for ex in db.exercises()}
    assert "side-plank" in {ex.id for ex in db.exercises(include_archived=True)}
    restored = db.restore("side-plank")
    assert not restored.archived
    assert db.get("side-plank") == restored


def test_a_builtin_no_longer_shipped_cannot_be_restored(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    CatalogDatabase.open(path, builtins=shipped_v1())[0].close()
    catalog, _ = CatalogDatabase.open(path, builtins=shipped_v1()[:2])
    with catalog:
        with pytest.raises(CatalogRuleError, match="duplicate it"):
            catalog.restore("side-plank")
        assert catalog.duplicate("side-plank").name == "Side plank (copy)"


def test_unknown_ids_are_refused(db: CatalogDatabase) -> None:
    for action in (db.archive, db.restore, db.duplicate):
        with pytest.raises(CatalogRuleError, match="no exercise with the id 'ghost'"):
            action("ghost")


def test_all_catalog_errors_share_one_base() -> None:
    assert issubclass(CatalogRuleError, CatalogError)


def test_an_own_exercise_keeps_its_video_and_photos(db: CatalogDatabase) -> None:
    from tests.sample_programs import sample_photo

    exercise = replace(
        own("own-clam", "Banded clamshell", Direction.EXTERNAL_ROTATION),
        video="https://youtu.be/clam",
        photos=(sample_photo(1), sample_photo(2)),
    )
    added = db.add_own(exercise)
    assert (added.video, added.photos) == (exercise.video, exercise.photos)
    assert db.get(added.id) == added
    changed = db.update_own(replace(added, video=None, photos=(sample_photo(3),)))
    assert db.get(added.id) == changed
    assert changed.video is None
    assert changed.photos == (sample_photo(3),)
