"""Hypothesis strategies: valid programs (unicode everywhere, 1–5 weeks) and arbitrary JSON."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from planner.dose import (
    AMOUNT_RANGES,
    EFFORT_RANGES,
    REST_RANGE,
    SETS_RANGE,
    TEXT_LIMITS,
    Dose,
    Effort,
)
from planner.exercise import CUE_LIMIT, HIP_WEIGHT_RANGE, MAX_CUES, Exercise
from planner.log import COMMENT_LIMIT, LOAD_LIMIT, NOTE_LIMIT, LoggedEntry, Session
from planner.photo import MediaType, Photo
from planner.pose import (
    ANGLE_LIMIT,
    POINTS,
    SIDES,
    Arm,
    ExercisePose,
    Frame,
    Leg,
    Prop,
    PropKind,
    View,
    Working,
)
from planner.program import (
    DAYS_PER_WEEK,
    START_DATES,
    ClientDetails,
    Day,
    Entry,
    Program,
    Week,
)
from planner.taxonomy import Direction, Equipment, Knee, Level, Position, Unit

fuzz = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Modest settings shared by the file tests, so the suite stays fast and writes no database."""

exercise_ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,30}", fullmatch=True)
words = st.text(max_size=30)
visible_words = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != "")


def short_texts(limit: int) -> st.SearchStrategy[str]:
    """Mostly typical values (cheap to generate), sometimes any text up to the limit."""
    typical = st.sampled_from(["", "light band", "8 kg", "3-1-1", "Slow on the way down", "ß→∞"])
    return typical | st.text(max_size=limit)


# Strategies are built once: building them inside draws is what makes generation slow.
_units = st.sampled_from(Unit)
_amounts = {unit: st.integers(*bounds) for unit, bounds in AMOUNT_RANGES.items()}
_dose_fields = {
    "sets": st.integers(*SETS_RANGE),
    "each_side": st.booleans(),
    "load": short_texts(TEXT_LIMITS["load"]),
    "rest_seconds": st.integers(*REST_RANGE),
    "tempo": short_texts(TEXT_LIMITS["tempo"]),
    "notes": short_texts(TEXT_LIMITS["notes"]),
}
efforts = st.none() | st.one_of(
    *(
        st.builds(Effort, st.just(scale), st.integers(*bounds))
        for scale, bounds in EFFORT_RANGES.items()
    )
)
_dose_fields["effort"] = efforts
photos = st.builds(
    Photo,
    st.just(MediaType.PNG),
    st.binary(max_size=40).map(lambda tail: b"\x89PNG\r\n\x1a\n" + tail),
) | st.builds(
    Photo, st.just(MediaType.JPEG), st.binary(max_size=40).map(lambda t: b"\xff\xd8\xff" + t)
)
photo_lists = st.lists(photos, max_size=2).map(tuple)
videos = st.none() | st.sampled_from(
    ["https://youtu.be/abc123", "https://example.org/v?x=1&y=ü#t=3"]
)


angles = st.floats(-ANGLE_LIMIT, ANGLE_LIMIT, allow_nan=False)
_shares = st.floats(0.1, 1.0)
_legs = st.builds(
    Leg,
    hip=angles,
    knee=angles,
    turn=angles,
    reach=_shares,
    shin=_shares,
    plant=st.none() | st.floats(0.0, 3.0),
)
_arms = st.builds(Arm, angles, angles)
frames = st.builds(
    Frame,
    trunk=angles,
    near=_legs,
    far=_legs,
    arm=_arms,
    far_arm=st.none() | _arms,
    head=angles,
    height=st.none() | st.floats(0.0, 3.0),
    reach=_shares,
)
poses = st.builds(
    ExercisePose,
    st.sampled_from(View),
    st.sampled_from(Working),
    frames,
    frames,
    st.lists(
        st.builds(
            Prop,
            st.sampled_from(PropKind),
            st.sampled_from(POINTS),
            st.sampled_from(("", *SIDES)),
        ),
        max_size=6,
    ).map(tuple),
)
"""Any pose the files accept: the drawing must cope with all of them."""


@st.composite
def _doses(draw: st.DrawFn) -> Dose:
    unit = draw(_units)
    values = {name: draw(strategy) for name, strategy in _dose_fields.items()}
    return Dose(unit=unit, amount=draw(_amounts[unit]), **values)  # type: ignore[arg-type]


doses = _doses()


@st.composite
def _exercise_and_variants(draw: st.DrawFn) -> dict[str, str | float | None]:
    """An id, a hip weight and easier/harder variant ids that are not the exercise itself."""
    own = draw(exercise_ids)
    variant = st.none() | exercise_ids.filter(lambda v: v != own)
    return {
        "id": own,
        "easier": draw(variant),
        "harder": draw(variant),
        "hip_weight": draw(st.sampled_from([1.0, 0.5]) | st.floats(*HIP_WEIGHT_RANGE)),
    }


exercises = st.builds(
    lambda ids, **fields: Exercise(**ids, **fields),
    _exercise_and_variants(),
    name=visible_words,
    directions=st.lists(st.sampled_from(Direction), min_size=1, max_size=3, unique=True).map(tuple),
    knee=st.sampled_from(Knee),
    positions=st.lists(st.sampled_from(Position), min_size=1, max_size=3).map(tuple),
    equipment=st.lists(st.sampled_from(Equipment), min_size=1, max_size=3).map(tuple),
    level=st.sampled_from(Level),
    dose=doses,
    instructions=st.text(max_size=80),
    cues=st.lists(
        st.text(min_size=1, max_size=CUE_LIMIT).filter(lambda s: s.strip() != ""),
        max_size=MAX_CUES,
    ).map(tuple),
    closed_chain=st.booleans(),
    video=videos,
    photos=st.just(()) | photo_lists,
    pose=st.none() | poses,
    builtin=st.booleans(),
    archived=st.booleans(),
)


details = st.builds(
    ClientDetails,
    client_name=words,
    title=words,
    coach_name=words,
    start_date=st.none() | st.dates(*START_DATES),
    equipment=st.frozensets(st.sampled_from(Equipment)),
    notes=st.text(max_size=200),
    balance_overrides=st.fixed_dictionaries(
        {},
        optional={
            "maintenance": st.booleans(),
            "min_days_per_direction": st.integers(1, 7),
            "min_weighted_sets": st.floats(0, 100),
        },
    ),
)


entry_labels = st.sampled_from(["", "e", "entrée"])
entries_per_day = st.integers(0, 2)


@st.composite
def programs(draw: st.DrawFn, max_weeks: int = 5) -> Program:
    library = {
        ex.id: ex
        for ex in draw(st.lists(exercises, min_size=1, max_size=5, unique_by=lambda e: e.id))
    }
    ids = sorted(library)
    # Entries pick from a few doses, which keeps generation fast.
    pick_dose = st.sampled_from(draw(st.lists(doses, min_size=1, max_size=4)))
    pick_exercise = st.sampled_from(ids)
    counter = itertools.count()

    def entry() -> Entry:
        label = f"{draw(entry_labels)}#{next(counter)}"
        pictures = draw(st.just(()) | photo_lists)
        return Entry(draw(pick_exercise), draw(pick_dose), label, pictures)

    def week() -> Week:
        return Week(
            [Day([entry() for _ in range(draw(entries_per_day))]) for _ in range(DAYS_PER_WEEK)]
        )

    weeks = [week() for _ in range(draw(st.integers(1, max_weeks)))]
    log = [
        draw(sessions_of(w, d, [e for _, e in week.entries()]))
        for w, week in enumerate(weeks)
        for d in draw(st.lists(st.integers(0, DAYS_PER_WEEK - 1), max_size=2, unique=True))
    ]
    return Program(details=draw(details), weeks=weeks, exercises=library, log=log)


pains = st.none() | st.integers(0, 10)


def sessions_of(week: int, day: int, entries: list[Entry]) -> st.SearchStrategy[Session]:
    """A logged session standing for a planned day, reporting some of the given entries."""
    logged = (
        st.lists(
            st.sampled_from(entries).flatmap(
                lambda e: st.builds(
                    LoggedEntry,
                    st.just(e.id),
                    st.just(e.exercise_id),
                    st.just(e.dose.sets),
                    st.integers(0, SETS_RANGE[1]),
                    short_texts(LOAD_LIMIT),
                    efforts,
                    short_texts(COMMENT_LIMIT),
                )
            ),
            max_size=3,
        )
        if entries
        else st.just([])
    )
    return st.builds(
        Session,
        date=st.dates(*START_DATES),
        week=st.just(week),
        day=st.just(day),
        entries=logged.map(tuple),
        pain_during=pains,
        pain_next_morning=pains,
        note=short_texts(NOTE_LIMIT),
        id=st.uuids().map(lambda u: u.hex),
    )


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=20,
)
