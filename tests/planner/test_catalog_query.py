"""The catalog query shared by the browser and the command line."""

from __future__ import annotations

from dataclasses import replace

from planner.catalog import CatalogQuery, filter_exercises
from planner.taxonomy import Direction, Equipment, Knee
from tests.factories import make_exercise

BRIDGE = make_exercise("bridge", Direction.EXTENSION, name="Glute bridge")
WALK = make_exercise(
    "walk",
    Direction.ABDUCTION,
    Direction.EXTERNAL_ROTATION,
    name="Band walk",
    equipment=(Equipment.MINI_BAND,),
)
OWN = make_exercise(
    "own-hinge",
    Direction.EXTENSION,
    name="Cable hinge",
    knee=Knee.STRAIGHT,
    equipment=(Equipment.CABLE,),
    builtin=False,
)
OLD = replace(make_exercise("old", Direction.FLEXION, name="Old raise"), archived=True)
ALL = [BRIDGE, WALK, OWN, OLD]


def ids(query: CatalogQuery) -> list[str]:
    return [ALL[i].id for i in filter_exercises(ALL, query)]


def test_archived_are_hidden_unless_asked_for() -> None:
    assert ids(CatalogQuery()) == ["bridge", "walk", "own-hinge"]
    assert ids(CatalogQuery(include_archived=True)) == ["bridge", "walk", "own-hinge", "old"]
    assert ids(CatalogQuery(directions=frozenset({Direction.FLEXION}), include_archived=True)) == [
        "old"
    ]


def test_secondary_direction_counts_and_own_only() -> None:
    assert ids(CatalogQuery(directions=frozenset({Direction.EXTERNAL_ROTATION}))) == ["walk"]
    assert ids(CatalogQuery(own_only=True)) == ["own-hinge"]


def test_words_all_match_in_any_order_and_case() -> None:
    assert ids(CatalogQuery(text="BRIDGE glute")) == ["bridge"]
    assert ids(CatalogQuery(text="glute nothing")) == []


def test_client_equipment_keeps_body_weight_work() -> None:
    assert ids(CatalogQuery(client_equipment=frozenset({Equipment.CABLE}))) == [
        "bridge",
        "own-hinge",
    ]
