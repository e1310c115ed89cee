"""A drawing pose is stored with the exercise: the catalog database, its quick read and the
built-ins shipped with a pose all give it back unchanged."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from db.catalog import CatalogDatabase
from db.quick_read import read_exercises_quickly
from planner.drawing.defaults import default_pose
from planner.pose import Leg, Prop, PropKind
from planner.taxonomy import Direction
from tests.factories import make_exercise


def test_a_pose_survives_the_database_and_the_quick_read(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    bridge = make_exercise("bridge", Direction.EXTENSION)
    shipped = replace(bridge, pose=default_pose(bridge))
    database, _ = CatalogDatabase.open(path, builtins=[shipped])
    with database:
        clam = make_exercise("own-clam", Direction.EXTERNAL_ROTATION, builtin=False)
        pose = default_pose(clam)
        adjusted = replace(
            pose,
            end=replace(pose.end, near=Leg(hip=20, knee=120, plant=0.26)),
            props=(Prop(PropKind.MINI_BAND, "knees"),),
        )
        added = database.add_own(replace(clam, pose=adjusted))
        assert added.pose == adjusted
        assert database.get("own-clam") == added
        assert database.get("bridge") == shipped
        plain = database.add_own(make_exercise("own-plain", Direction.FLEXION, builtin=False))
        assert plain.pose is None
        assert read_exercises_quickly(path) == database.exercises(include_archived=True)
        back = database.update_own(replace(added, pose=None))
        assert back.pose is None


def test_a_pose_added_to_a_builtin_reaches_an_existing_catalog(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    bridge = make_exercise("bridge", Direction.EXTENSION)
    database, _ = CatalogDatabase.open(path, builtins=[bridge])
    database.close()
    with_pose = replace(bridge, pose=default_pose(bridge))
    database, _ = CatalogDatabase.open(path, builtins=[with_pose])
    with database:
        assert database.get("bridge") == with_pose
