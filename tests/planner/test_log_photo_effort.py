"""The file-format 4 building blocks: the log's sessions, photos, efforts and video addresses."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from planner.dose import Dose, DoseError, Effort, EffortScale
from planner.exercise import is_video_url
from planner.log import LogError, LoggedEntry, Session
from planner.photo import PHOTO_BYTES_LIMIT, MediaType, Photo, PhotoError
from planner.program import Change, Program, ProgramError

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 10


def session(**changes: object) -> Session:
    logged = LoggedEntry("e1", "glute-bridge", sets_planned=3, sets_done=2, load="green band")
    base = Session(date(2026, 12, 1), week=0, day=1, entries=(logged,), pain_during=3)
    return replace(base, **changes)


def test_sessions_are_added_replaced_and_removed_with_exact_inverses() -> None:
    program = Program()
    seen: list[Change] = []
    program.changed.connect(seen.append)
    first, second = session(), session(day=3)
    program.add_session(first)
    program.add_session(second, index=0)
    assert program.log == [second, first]
    edited = replace(first, pain_next_morning=6)
    assert program.replace_session(edited) == first
    assert program.replace_session(first) == edited
    index, removed = program.remove_session(second.id)
    assert (index, removed, program.log) == (0, second, [first])
    program.add_session(removed, index)
    assert program.log == [second, first]
    assert all(change.log for change in seen)
    assert len(seen) == 6
    with pytest.raises(ProgramError, match="already logged"):
        program.add_session(first)
    assert program.snapshot().log == program.log


def test_a_session_refuses_pain_outside_0_to_10_and_counts_sets_done() -> None:
    with pytest.raises(LogError, match="pain_during: knee pain is a whole number from 0"):
        session(pain_during=11)
    with pytest.raises(LogError, match="sets_done"):
        LoggedEntry("e1", "x", sets_planned=3, sets_done=-1)
    logged = session()
    assert (logged.sets_planned, logged.sets_done, logged.highest_pain) == (3, 2, 3)
    assert not logged.entries[0].full_dose


def test_efforts_have_their_scales_ranges_and_words() -> None:
    assert Effort(EffortScale.RPE, 7).describe() == "RPE 7"
    assert Effort(EffortScale.RIR, 1).describe() == "1 rep in reserve"
    assert Effort(EffortScale.RPE, 8).harder_than(Effort(EffortScale.RPE, 7))
    assert Effort(EffortScale.RIR, 1).harder_than(Effort(EffortScale.RIR, 3))
    with pytest.raises(DoseError, match="between 1 and 10"):
        Effort(EffortScale.RPE, 0)
    assert Dose(effort=Effort(EffortScale.RIR, 2)).effort == Effort(EffortScale.RIR, 2)


def test_a_photo_must_be_the_image_it_claims_and_small() -> None:
    assert Photo(MediaType.PNG, PNG).data == PNG
    with pytest.raises(PhotoError, match="not a JPEG image"):
        Photo(MediaType.JPEG, PNG)
    with pytest.raises(PhotoError, match="at most 200,000"):
        Photo(MediaType.PNG, PNG + b"\0" * PHOTO_BYTES_LIMIT)


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://youtu.be/abc123", True),
        ("https://www.example.org/v?x=1#t=3", True),
        ("http://youtu.be/abc", False),
        ("javascript:alert(1)", False),
        ("https://", False),
        ("https://user@evil.example/", False),
        ("https://youtu.be/a b", False),
        ("https://youtu.be/\n", False),
        ("https://" + "a" * 500 + ".org", False),
        ("https://youtu.be:99999/x", False),  # no such port: a dead link on the handout
        ("https://youtu.be:x/x", False),
        ("https://youtu.be:8443/x", True),
        ("https://youtu.be/a\u202eb", False),  # a right-to-left override would hide the address
    ],
)
def test_video_addresses_are_https_with_a_host(url: str, ok: bool) -> None:
    assert is_video_url(url) is ok


def test_an_entry_is_replaced_in_its_place_and_put_back_the_same_way() -> None:
    from planner.program import Entry
    from tests.factories import make_exercise

    program = Program()
    first = program.add_entry(0, 2, make_exercise("glute-bridge"))
    program.add_entry(0, 2, make_exercise("clamshell"))
    program.embed(make_exercise("single-leg-glute-bridge"))
    seen: list[Change] = []
    program.changed.connect(seen.append)
    swapped = Entry("single-leg-glute-bridge", Dose(sets=2), first.id)
    assert program.replace_entry(swapped) is first
    assert program.day(0, 2).entries[0] is swapped
    assert program.replace_entry(first) is swapped
    assert [e.exercise_id for e in program.day(0, 2).entries] == ["glute-bridge", "clamshell"]
    assert [c.weeks for c in seen] == [frozenset({0})] * 2
    with pytest.raises(ProgramError, match="lacks"):
        program.replace_entry(Entry("unknown", Dose(), first.id))
    assert program.day(0, 2).entries[0] is first
