from __future__ import annotations

from planner.balance.volume import weighted_sets
from planner.program import Program
from planner.taxonomy import Direction
from tests.factories import make_exercise


def test_primary_counts_full_and_secondary_half_per_set() -> None:
    p = Program()
    p.add_entry(0, 0, make_exercise("walk", Direction.ABDUCTION, Direction.EXTERNAL_ROTATION))
    p.add_entry(0, 3, make_exercise("bridge", Direction.EXTENSION, sets=4))
    sets = weighted_sets(p.weeks[0], p.exercises)
    assert sets[Direction.ABDUCTION] == 3.0
    assert sets[Direction.EXTERNAL_ROTATION] == 1.5
    assert sets[Direction.EXTENSION] == 4.0
    assert sets[Direction.INTERNAL_ROTATION] == 0.0
    assert set(sets) == set(Direction)
