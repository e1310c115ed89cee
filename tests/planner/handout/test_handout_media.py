"""The handout's video QR codes and photos, the client's copy against the coach report, and
the start date: read back from the PDF as a phone, a client and a coach would."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from planner.dose import Dose, Effort, EffortScale
from planner.exercise import Exercise
from planner.files.program_file import save_program
from planner.handout import with_pdf_suffix, write_handout
from planner.handout.blocks import MONTHS
from planner.handout.text import shorten
from planner.program import ClientDetails, Entry, Program, Week
from tests.factories import make_exercise
from tests.handout_helpers import page_texts, pdf_text
from tests.sample_programs import metzl_program, progressing_program, sample_photo, with_media

VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s"


def place(program: Program, exercise: Exercise, week: int, day: int) -> None:
    program.embed(exercise)
    program.insert_entries([Entry(exercise.id, exercise.dose)], week, day, None)


def one_exercise(**changes: Any) -> Program:
    program = Program()
    place(program, replace(make_exercise("clamshell"), **changes), 0, 0)
    return program


def card_page(path: Path, name: str) -> int:
    return next(i for i, text in enumerate(page_texts(path)) if f"1 {name}" in text)


def test_the_qr_code_on_a_card_decodes_to_the_exercise_s_video(tmp_path: Path) -> None:
    out = tmp_path / "video.pdf"
    write_handout(one_exercise(video=VIDEO), out, paper="a4")
    page = pypdfium2.PdfDocument(out)[card_page(out, "Clamshell")]
    found = zxingcpp.read_barcodes(page.render(scale=2).to_pil())
    assert [code.text for code in found] == [VIDEO]


def test_the_video_is_also_a_link_in_the_pdf(tmp_path: Path) -> None:
    out = tmp_path / "video.pdf"
    write_handout(one_exercise(video=VIDEO), out, paper="a4")
    links = {
        annotation.get_object()["/A"]["/URI"]
        for page in PdfReader(out).pages
        for annotation in page.get("/Annots", [])
    }
    assert links == {VIDEO}


def images_on(path: Path) -> list[int]:
    """The number of images each page draws."""
    counts = []
    for page in PdfReader(path).pages:
        objects = page["/Resources"].get("/XObject", {})
        counts.append(sum(1 for o in objects.values() if o.get_object()["/Subtype"] == "/Image"))
    return counts


def test_a_program_with_a_photo_embeds_it_and_prints_it_on_the_card(tmp_path: Path) -> None:
    out = tmp_path / "photo.pdf"
    write_handout(one_exercise(photos=(sample_photo(1),), builtin=False), out, paper="a4")
    counts = images_on(out)
    assert counts[card_page(out, "Clamshell")] == 1
    assert sum(counts) == 1
    without = tmp_path / "none.pdf"
    write_handout(one_exercise(), without, paper="a4")
    assert sum(images_on(without)) == 0


def test_a_photo_of_the_client_comes_first_and_two_at_most_print(tmp_path: Path) -> None:
    program = one_exercise(photos=(sample_photo(1), sample_photo(2)), builtin=False)
    entry = next(entry for _, entry in program.weeks[0].entries())
    program.set_entry_photos(entry.id, (sample_photo(3),))
    out = tmp_path / "both.pdf"
    write_handout(program, out, paper="a4")
    assert sum(images_on(out)) == 2
    assert "You, doing it" in pdf_text(out)


def test_a_photo_whose_bytes_are_damaged_prints_the_drawing_instead(tmp_path: Path) -> None:
    from planner.photo import MediaType, Photo

    broken = Photo(MediaType.JPEG, b"\xff\xd8\xff" + b"\x00" * 100)
    out = tmp_path / "broken.pdf"
    write_handout(one_exercise(photos=(broken,), builtin=False), out, paper="a4")
    assert sum(images_on(out)) == 0
    assert "Clamshell" in pdf_text(out)


def test_every_exercise_name_and_dose_with_its_effort_is_still_found(tmp_path: Path) -> None:
    program = with_media(progressing_program(4))
    first = next(entry for _, entry in program.weeks[0].entries())
    program.set_dose(first.id, replace(first.dose, effort=Effort(EffortScale.RPE, 7)))
    out = tmp_path / "media.pdf"
    write_handout(program, out, paper="a4")
    text = pdf_text(out)
    for _, entry in (pair for week in program.weeks for pair in week.entries()):
        assert program.exercise_of(entry).name in text
        assert entry.dose.describe() in text
    assert f"{first.dose.describe()}, RPE 7" in text
    assert "from 1 (very easy) to 10" in text


def test_the_client_copy_judges_nothing_and_the_coach_report_shows_the_targets(
    tmp_path: Path,
) -> None:
    client, coach = tmp_path / "client.pdf", tmp_path / "coach.pdf"
    write_handout(metzl_program(), client, paper="a4")
    write_handout(metzl_program(), coach, paper="a4", coach_report=True)
    client_text, coach_text = pdf_text(client), pdf_text(coach)
    for judging in ("grey band", "Grey band", "target", "Warning", "Error"):
        assert judging not in client_text
    assert "What this plan trains" in client_text
    assert "Neal 2019" in client_text
    assert "knee as well" in client_text
    for direction in ("Forward", "Backward", "Away", "Toward", "Rotate out", "Rotate in"):
        assert direction in client_text
    for part in ("Coach report", "Grey band: target range", "Week by week", "Findings"):
        assert part in coach_text
    assert "Error: No Rotate in work" in coach_text


def test_tempo_is_explained_in_words_once(tmp_path: Path) -> None:
    program = one_exercise(dose=Dose(tempo="3-1-1"))
    out = tmp_path / "tempo.pdf"
    write_handout(program, out, paper="a4")
    assert pdf_text(out).count("3-1-1: 3 s down, 1 s hold, 1 s up") == 1


def test_a_repeating_plan_says_until_when(tmp_path: Path) -> None:
    program = metzl_program()  # 4 identical weeks from Monday 3 March 2025
    out = tmp_path / "repeat.pdf"
    write_handout(program, out, paper="a4")
    assert "repeat this week until Sunday 30 March 2025" in pdf_text(out)


def test_the_log_asks_what_the_log_form_asks(tmp_path: Path) -> None:
    out = tmp_path / "log.pdf"
    write_handout(metzl_program(), out, paper="a4")
    text = pdf_text(out)
    for asked in ("Sets done", "Load used", "Effort 1–10", "Comment", "during", "next morning"):
        assert asked in text
    assert text.count("Note:") == 4 * 2  # one block per session: 4 weeks × 2 days


DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\b(?: (\d{4}))?")


def dates_in(text: str, near: date) -> list[date]:
    """Every printed date; a short date ("2 Dec") carries no year and is read as the first
    such day from about half a year before ``near``."""
    months = [m[:3] for m in MONTHS]
    found = []
    for day, month, printed_year in DATE.findall(text):
        years = [int(printed_year)] if printed_year else [near.year - 1, near.year, near.year + 1]
        for year in years:
            try:
                when = date(year, months.index(month) + 1, int(day))
            except ValueError:  # 29 Feb of a year that has none
                continue
            if printed_year or when >= near - timedelta(days=200):
                found.append(when)
                break
    return found


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(start=st.dates(date(2025, 1, 1), date(2030, 12, 20)))
def test_no_date_before_the_start_date_is_printed(tmp_path: Path, start: date) -> None:
    program = Program(
        details=ClientDetails(client_name="Kim", start_date=start), weeks=[Week(), Week()]
    )
    for week in (0, 1):
        for day in range(7):
            place(program, make_exercise("clamshell"), week, day)
    out = tmp_path / "dated.pdf"
    write_handout(program, out, paper="a4")
    text = pdf_text(out)
    printed = dates_in(text, start)
    assert printed
    assert min(printed) >= start
    assert "Week 1 · " + ("Monday" if start.weekday() == 0 else "") in text


def test_long_client_names_are_shortened_whole_word_in_the_header() -> None:
    name = "Alexandra Maria Konstantinopoulou-Vanderberg de la Fuente y Montenegro"
    short = shorten(name, 100, lambda text: 5.0 * len(text), whole_words=True)
    assert short.endswith("…")
    assert name.startswith(short[:-1].rstrip())
    assert name[len(short) - 1] == " "


@pytest.mark.parametrize(
    ("given_name", "written"),
    [
        ("kim", "kim.pdf"),
        ("kim.PDF", "kim.PDF"),
        ("kim.v2", "kim.v2.pdf"),
        ("out/x.pdf", "out/x.pdf"),
        ("..", ".."),  # a folder, refused as one (not a file called "...pdf")
        ("out/..", "out/.."),
    ],
)
def test_pdf_is_added_when_the_name_lacks_it(given_name: str, written: str) -> None:
    assert with_pdf_suffix(given_name) == Path(written)


def test_a_program_with_two_photos_on_each_of_20_exercises_stays_under_the_file_limit(
    tmp_path: Path,
) -> None:
    program = Program(details=ClientDetails(client_name="Kim"), weeks=[Week() for _ in range(4)])
    for number in range(20):
        exercise = make_exercise(f"exercise-{number}")
        photos = (sample_photo(2 * number % 8), sample_photo((2 * number + 1) % 8))
        for week in range(4):
            place(program, replace(exercise, photos=photos, builtin=False), week, number % 3 * 2)
    path = tmp_path / "photos.hipplan"
    save_program(program, path)
    assert path.stat().st_size < 7_000_000  # docs/file-format.md: "Photos and file size"
