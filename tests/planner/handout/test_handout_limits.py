"""Any program the domain can hold exports: long text, hostile text, many weeks and doses.

The layout must never need a table cell taller than a page, and no text may cost more than
linear time (reportlab lays out what is left of a paragraph again on every page it breaks).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from planner.dose import TEXT_LIMITS, Dose
from planner.exercise import CUE_LIMIT, INSTRUCTIONS_LIMIT, MAX_CUES, NAME_LIMIT, Exercise
from planner.files.thresholds import settings_for
from planner.handout import document as document_module
from planner.handout import write_handout
from planner.handout.blocks import Blocks
from planner.handout.fonts import handout_fonts
from planner.handout.story import build_story
from planner.handout.styles import make_styles
from planner.handout.text import CHUNK, TextGuard
from planner.program import ClientDetails, Day, Entry, Program, Week
from tests.factories import make_exercise
from tests.handout_helpers import page_texts, pdf_text
from tests.sample_programs import metzl_program
from tests.strategies import programs

LONG = 100_000


def with_details(**changes: str) -> Program:
    program = metzl_program()
    program.set_details(replace(program.details, **changes))
    return program


def one_entry_a_week(doses: list[Dose]) -> Program:
    exercise = make_exercise("side-step")
    weeks = [Week([Day([Entry(exercise.id, dose)]), *(Day() for _ in range(6))]) for dose in doses]
    return Program(weeks=weeks, exercises={exercise.id: exercise})


class MeasureBudget:
    """Counts the header's width measurements and stops a run that would take forever."""

    def __init__(self, measure: Callable[..., float], budget: int) -> None:
        self.measure, self.budget, self.calls = measure, budget, 0

    def __call__(self, *args: Any, **kwargs: Any) -> float:
        self.calls += 1
        assert self.calls <= self.budget, "the header measures its text over and over"
        return self.measure(*args, **kwargs)


@pytest.mark.parametrize("field", ["title", "client_name", "coach_name"])
def test_a_100000_character_header_field_is_shortened_with_few_measurements(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, field: str
) -> None:
    budget = MeasureBudget(document_module.stringWidth, 2000)
    monkeypatch.setattr(document_module, "stringWidth", budget)
    text = "Marathon " * (LONG // 9)
    out = tmp_path / "long.pdf"
    report = write_handout(with_details(**{field: text}), out, paper="a4")
    pages = page_texts(out)
    assert report.pages == len(pages)
    last = pages[-1]
    assert "Marathon…" in last  # shortened after a whole word
    assert f"Page {len(pages)} of {len(pages)}" in last


@pytest.mark.parametrize("field", ["title", "client_name", "coach_name", "notes"])
def test_no_paragraph_of_user_text_is_longer_than_a_chunk(field: str) -> None:
    """A paragraph over many pages is laid out again on each: 320,000 characters took 40 s."""
    program = with_details(**{field: "Easy run, then these. " * 15_000})
    guard = TextGuard(handout_fonts().covers)
    story = build_story(
        program, Blocks(make_styles(handout_fonts()), guard, 500, 700), settings_for(program)
    )
    lengths = [len(f.getPlainText()) for f in story if isinstance(f, Paragraph)]
    assert sum(lengths) > 320_000
    assert max(lengths) <= CHUNK


def test_320000_characters_of_notes_print_every_word(tmp_path: Path) -> None:
    words = [f"w{i}" for i in range(30_000)]
    notes = " ".join(f"{word} sixsix" for word in words)
    assert len(notes) > 320_000
    out = tmp_path / "notes.pdf"
    write_handout(with_details(notes=notes), out, paper="a4")
    text = f" {pdf_text(out)} "
    assert all(f" {word} " in text for word in [*words[::500], words[-1]])


def test_52_weeks_each_with_a_different_dose_note(tmp_path: Path) -> None:
    notes = [f"N{w:02d}q keep the knee over the second toe, hips level, slow." for w in range(52)]
    out = tmp_path / "year.pdf"
    report = write_handout(one_entry_a_week([Dose(notes=n) for n in notes]), out, paper="letter")
    pages = page_texts(out)
    assert report.pages == len(pages)
    assert all(note[:4] in " ".join(pages) for note in notes)
    # The card, longer than a page, starts right under the heading, not on a page of its own.
    (cards_start,) = [page for page in pages if "Each card shows" in page]
    assert "1 Side step" in cards_start
    assert "N00q" in cards_start


def test_8_weeks_of_500_character_notes(tmp_path: Path) -> None:
    notes = [(f"N{w}q " + "steady and controlled " * 30)[:500] for w in range(8)]
    out = tmp_path / "notes.pdf"
    write_handout(one_entry_a_week([Dose(notes=n) for n in notes]), out, paper="a4")
    text = pdf_text(out)
    assert all(f"N{w}q" in text for w in range(8))


def test_150_different_loads_on_one_exercise(tmp_path: Path) -> None:
    exercise = make_exercise("band-walk")
    loads = [Dose(load=f"L{i:03d} red band and a {i} kg kettlebell") for i in range(150)]
    weeks = [
        Week([Day([Entry(exercise.id, dose)]) for dose in loads[w * 7 : w * 7 + 7]])
        for w in range(22)
    ]
    for week in weeks:
        week.days += [Day() for _ in range(7 - len(week.days))]
    out = tmp_path / "loads.pdf"
    write_handout(Program(weeks=weeks, exercises={exercise.id: exercise}), out, paper="a4")
    text = pdf_text(out)
    assert all(f"L{i:03d}" in text for i in range(150))


def test_a_day_of_thirty_long_named_exercises_and_long_details(tmp_path: Path) -> None:
    program = Program(
        details=ClientDetails(client_name="L" * 300, title="Title " * 200, notes="N" * 5000)
    )
    for i in range(30):
        name = f"{i:02d} " + "Wolfeschlegelsteinhausen" * 5
        program.add_entry(0, 2, make_exercise(f"ex-{i}", name=name[:NAME_LIMIT]))
    out = tmp_path / "day.pdf"
    write_handout(program, out, paper="a4")
    text = pdf_text(out)
    assert all(f"{i:02d} Wolfe" in text for i in range(30))


@pytest.mark.parametrize("field", ["title", "client_name", "coach_name", "notes"])
def test_a_lone_surrogate_prints_as_a_replacement_and_is_reported(
    tmp_path: Path, field: str
) -> None:
    out = tmp_path / "surrogate.pdf"
    report = write_handout(with_details(**{field: "Sam \udc00 Rivera"}), out, paper="a4")
    assert "Sam \ufffd Rivera" in pdf_text(out)
    (found,) = report.unsupported
    assert found.name == "U+DC00"
    report.warning().encode("utf-8")


# The class: any text in any text field, however long or strange, exports.

HOSTILE_PIECES = [
    "<b>",
    "</para>",
    "&amp;",
    "<br/>",
    "]]>",
    "\x00",
    "\x1b]0;pwned\x07",
    "\udc00",
    "\ud83c",
    "\u202e",
    "\r\n",
    "\t",
    "🏃",
    "\u0301" * 20,
    "\ufeff",
]
hostile_piece = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=12),
    st.sampled_from(HOSTILE_PIECES),
    st.integers(1, 3000).map(lambda n: "W" * n),  # a word no line can hold
)


def hostile(limit: int) -> st.SearchStrategy[str]:
    return st.lists(hostile_piece, max_size=6).map(lambda parts: "".join(parts)[:limit])


def named(exercise: Exercise, number: int, text: str, instructions: str) -> Exercise:
    """``exercise`` with a hostile name that still holds a word to find in the PDF."""
    name = f"{text[: NAME_LIMIT - 12]} Mark{number:03d}Z"
    return replace(exercise, name=name, instructions=instructions[:INSTRUCTIONS_LIMIT])


@st.composite
def hostile_programs(draw: st.DrawFn) -> Program:
    program: Program = draw(programs(max_weeks=3))
    library = {}
    for number, (key, exercise) in enumerate(sorted(program.exercises.items())):
        cue = hostile(CUE_LIMIT - 4).map(lambda text: f"{text} cue")
        cues = draw(st.lists(cue, max_size=MAX_CUES))
        changed = named(exercise, number, draw(hostile(NAME_LIMIT)), draw(hostile(3000)))
        library[key] = replace(changed, cues=tuple(cues))
    notes = {name: draw(hostile(limit)) for name, limit in TEXT_LIMITS.items()}
    dose = Dose(**notes)
    weeks = [
        Week([Day([replace(e, dose=dose) for e in day.entries]) for day in week.days])
        for week in program.weeks
    ]
    details = ClientDetails(
        client_name=draw(hostile(5000)),
        title=draw(hostile(5000)),
        coach_name=draw(hostile(5000)),
        notes=draw(hostile(8000)),
    )
    return Program(details=details, weeks=weeks, exercises=library)


@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(program=hostile_programs(), paper=st.sampled_from(["a4", "letter"]))
def test_any_text_in_any_field_exports_and_every_exercise_is_named(
    tmp_path: Path, program: Program, paper: str
) -> None:
    out = tmp_path / "hostile.pdf"
    report = write_handout(program, out, paper=paper)  # type: ignore[arg-type]
    text = pdf_text(out)
    assert report.pages == len(page_texts(out))
    used = {entry.exercise_id for week in program.weeks for _, entry in week.entries()}
    for exercise_id in used:
        assert program.exercises[exercise_id].name[-8:] in text
    report.warning().encode("utf-8")
