"""The catalog's easier and harder variants (DESIGN.md §4): consistent pairs of the same primary
direction and knee, chains without loops, and an explicit list of exercises left unlinked."""

from __future__ import annotations

from planner.files.catalog_file import load_catalog_dir
from planner.taxonomy import Level
from resources import resource_path

CATALOG = {ex.id: ex for ex in load_catalog_dir(resource_path("catalog"))}
LEVELS = list(Level)

UNLINKED = {
    "hip-hike-on-step": "works the standing hip; no other Away exercise does the same action",
    "bird-dog": "trunk-dominant (hip weight 0.5): its progressions are trunk exercises",
    "stability-ball-bridge-leg-curl": "hamstring-led; the bridge chain already runs to a step",
    "quadruped-bent-knee-hip-extension": "no kneeling Backward exercise to step to or from",
    "tall-kneeling-band-hip-thrust": "a band pattern of its own; no same-position variant",
    "sumo-goblet-squat": "a loaded wide squat; the squat chain runs chair → goblet → jump",
    "90-90-hip-lift-off": "an end-range control drill; no same-action variant",
    "supine-psoas-march": "the only lying bent-knee Forward exercise with a band",
    "standing-straight-leg-raise-with-ankle-weight": "its neighbours are chained already",
    "quadruped-band-hip-internal-rotation": "the only kneeling Rotate in exercise",
}
"""Exercises without an easier or a harder variant, each with the audit's reason."""


def test_every_variant_exists_and_has_the_same_primary_direction_and_knee() -> None:
    for ex in CATALOG.values():
        for variant_id in (ex.easier, ex.harder):
            if variant_id is None:
                continue
            variant = CATALOG[variant_id]
            assert (variant.primary, variant.knee) == (ex.primary, ex.knee), (ex.id, variant_id)


def test_pairs_agree_both_ways() -> None:
    for ex in CATALOG.values():
        if ex.harder is not None:
            assert CATALOG[ex.harder].easier == ex.id, (ex.id, ex.harder)
        if ex.easier is not None:
            assert CATALOG[ex.easier].harder == ex.id, (ex.id, ex.easier)


def test_chains_never_loop_and_never_get_easier_in_level() -> None:
    for start in CATALOG.values():
        seen = {start.id}
        current = start
        while current.harder is not None:
            following = CATALOG[current.harder]
            assert following.id not in seen, f"loop through {following.id}"
            assert LEVELS.index(following.level) >= LEVELS.index(current.level), following.id
            seen.add(following.id)
            current = following


def test_every_exercise_is_linked_unless_the_audit_says_why_not() -> None:
    unlinked = {ex.id for ex in CATALOG.values() if ex.easier is None and ex.harder is None}
    assert unlinked == set(UNLINKED)
    assert len(CATALOG) - len(unlinked) == 92
