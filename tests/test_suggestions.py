"""Suggestions close the named gap with exercises the client can do; the lightest day takes them."""

from __future__ import annotations

from dataclasses import replace

from planner.balance import WeekAnalysis, analyse_week
from planner.exercise import Exercise
from planner.findings import Code, Finding
from planner.program import Program, Week
from planner.suggestions import lightest_training_day, suggest
from planner.taxonomy import Direction, Equipment, Knee, Level, Position
from tests.factories import make_exercise
from tests.plans import METZL, build

FLEX, EXT, ABD, ADD, ER, IR = Direction
BODY, BAND, MINI, CABLE = (
    Equipment.BODY_WEIGHT,
    Equipment.ELASTIC_BAND,
    Equipment.MINI_BAND,
    Equipment.CABLE,
)


def entry(
    id: str,
    *directions: Direction,
    knee: Knee = Knee.BENT,
    position: Position = Position.SUPINE,
    equipment: tuple[Equipment, ...] = (BODY,),
    level: Level = Level.BEGINNER,
) -> Exercise:
    return make_exercise(
        id, *directions, knee=knee, positions=(position,), equipment=equipment, level=level
    )


CATALOG = [
    entry("prone-band-ir", IR, position=Position.PRONE, equipment=(BAND,)),
    entry("seated-band-ir", IR, position=Position.SEATED, equipment=(BAND,)),
    entry("reverse-clamshell", IR, position=Position.SIDE_LYING, equipment=(MINI, BODY)),
    entry("quadruped-ir", IR, position=Position.QUADRUPED, level=Level.INTERMEDIATE),
    entry("band-roll-in", IR, knee=Knee.STRAIGHT, equipment=(BAND,)),
    entry("hip-airplane", ER, IR, knee=Knee.STRAIGHT, position=Position.STANDING),
    entry("cable-ir", IR, position=Position.STANDING, equipment=(CABLE,), level=Level.ADVANCED),
    entry("clamshell", ER, ABD, position=Position.SIDE_LYING, equipment=(MINI, BODY)),
    entry("band-roll-out", ER, knee=Knee.STRAIGHT, equipment=(BAND,)),
    entry("standing-pelvic-rotation", ER, IR, knee=Knee.STRAIGHT, position=Position.STANDING),
    entry("cable-er", ER, knee=Knee.STRAIGHT, position=Position.STANDING, equipment=(CABLE,)),
    entry("straight-leg-raise", FLEX, knee=Knee.STRAIGHT),
    entry("side-lying-abduction", ABD, knee=Knee.STRAIGHT, position=Position.SIDE_LYING),
    replace(entry("old-ir", IR, position=Position.PRONE), archived=True),
]


def metzl() -> tuple[Program, WeekAnalysis]:
    program = build(METZL)
    return program, analyse_week(program.weeks[0], program.exercises)


def the(analysis: WeekAnalysis, code: Code, direction: Direction | None = None) -> Finding:
    return next(
        f
        for f in analysis.findings
        if f.code is code and (direction is None or direction in f.directions)
    )


def ids(exercises: list[Exercise]) -> list[str]:
    return [e.id for e in exercises]


def test_missing_direction_gets_exercises_that_train_it_as_primary() -> None:
    _, week = metzl()
    found = suggest(the(week, Code.DIRECTION_MISSING), week, CATALOG)
    assert len(found) == 5
    assert all(e.primary is IR for e in found)
    assert "old-ir" not in ids(found)


def test_fit_prefers_a_level_close_to_the_week() -> None:
    _, week = metzl()
    missing = the(week, Code.DIRECTION_MISSING)
    # Metzl's week has every level, so none is far: the order falls to the name.
    assert ids(suggest(missing, week, CATALOG, limit=20)) == [
        "band-roll-in",
        "cable-ir",
        "prone-band-ir",
        "quadruped-ir",
        "reverse-clamshell",
        "seated-band-ir",
        "hip-airplane",  # secondary after every primary
        "standing-pelvic-rotation",
    ]
    beginners_only = replace(week, levels=frozenset({Level.BEGINNER}))
    ranked = ids(suggest(missing, beginners_only, CATALOG, limit=6))
    assert ranked[-2:] == ["quadruped-ir", "cable-ir"]  # intermediate, then advanced


def test_client_equipment_limits_the_choice_and_body_weight_always_counts() -> None:
    _, week = metzl()
    missing = the(week, Code.DIRECTION_MISSING)
    only_mini = suggest(missing, week, CATALOG, client_equipment=frozenset({MINI}), limit=20)
    assert ids(only_mini) == [
        "quadruped-ir",
        "reverse-clamshell",
        "hip-airplane",
        "standing-pelvic-rotation",
    ]
    assert all(not set(e.equipment).isdisjoint({MINI, BODY}) for e in only_mini)
    everything = suggest(missing, week, CATALOG, limit=20)
    assert "cable-ir" in ids(everything)
    assert "prone-band-ir" in ids(everything)


def test_exercises_already_in_the_week_are_not_suggested() -> None:
    program, _ = metzl()
    program.add_entry(0, 0, CATALOG[0])
    week = analyse_week(program.weeks[0], program.exercises)
    found = suggest(the(week, Code.DIRECTION_LOW_VOLUME), week, CATALOG, limit=20)
    assert "prone-band-ir" not in ids(found)
    assert len(found) >= 3


def test_low_volume_prefers_the_knee_state_the_direction_lacks() -> None:
    _, week = metzl()  # rotate out: 3 weighted sets, all knee bent
    found = suggest(the(week, Code.DIRECTION_LOW_VOLUME, ER), week, CATALOG)
    # Straight-knee first; the one in a position rotate out does not use yet leads.
    assert ids(found) == [
        "band-roll-out",
        "cable-er",
        "hip-airplane",
        "standing-pelvic-rotation",
        "clamshell",
    ]


def test_knee_missing_only_offers_the_missing_knee_state() -> None:
    _, week = metzl()
    finding = the(week, Code.KNEE_MISSING)
    assert finding.directions == (FLEX, ABD, ADD, ER)  # all four lack straight-knee work
    found = suggest(finding, week, CATALOG)
    # Rotate out, with the least work of the four, first; then Forward.
    assert ids(found) == [
        "band-roll-out",
        "cable-er",
        "hip-airplane",
        "standing-pelvic-rotation",
        "straight-leg-raise",
    ]
    assert {e.knee for e in found} == {Knee.STRAIGHT}


def test_knee_missing_asks_each_direction_for_its_own_missing_knee() -> None:
    _, week = metzl()
    grouped = the(week, Code.KNEE_MISSING)
    # Backward lacks bent work and Rotate out straight work: the same finding asks for both.
    mixed = replace(grouped, directions=(EXT, ER), knees=(Knee.BENT, Knee.STRAIGHT))
    found = suggest(mixed, week, CATALOG, limit=50)
    assert found
    for exercise in found:
        assert any(mixed.missing_knee(d) is exercise.knee for d in exercise.directions)


def test_knee_share_offers_that_knee_state_for_the_directions_with_least_work() -> None:
    _, week = metzl()
    found = suggest(the(week, Code.KNEE_SHARE), week, CATALOG, limit=3)
    assert {e.knee for e in found} == {Knee.STRAIGHT}
    # Rotate in and rotate out have no straight-knee work and the least work overall.
    assert ids(found) == ["band-roll-in", "band-roll-out", "cable-er"]


def test_other_findings_get_no_suggestions() -> None:
    _, week = metzl()
    assert suggest(the(week, Code.DIRECTION_DOMINANT), week, CATALOG) == []
    assert suggest(the(week, Code.POSITION_VARIETY), week, CATALOG) == []


def test_lightest_training_day() -> None:
    week = Week()
    assert lightest_training_day(week) == 0
    only_thursday = Program()
    only_thursday.add_entry(0, 3, make_exercise(sets=5))
    assert lightest_training_day(only_thursday.weeks[0]) == 3
    p = Program()
    p.add_entry(0, 1, make_exercise("a", sets=6))
    p.add_entry(0, 4, make_exercise("b", sets=2))
    p.add_entry(0, 4, make_exercise("c", sets=2))  # more entries, still fewer sets
    p.add_entry(0, 5, make_exercise("d", sets=4))
    assert lightest_training_day(p.weeks[0]) == 4
    p.add_entry(0, 1, make_exercise("e", sets=1), index=0)
    p.take([p.day(0, 1).entries[1].id])  # Tuesday now has 1 set
    p.add_entry(0, 6, make_exercise("f", sets=1))
    assert lightest_training_day(p.weeks[0]) == 1  # tie with Sunday: the earlier day
