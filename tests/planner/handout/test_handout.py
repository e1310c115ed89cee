"""The PDF handout, read back with pypdf: what a client would find on the printed pages."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from planner.files import safe_save
from planner.handout import HandoutError, write_handout
from planner.program import ClientDetails, Program
from planner.taxonomy import Direction
from tests.factories import make_exercise
from tests.handout_helpers import page_size, page_texts, pdf_text
from tests.sample_programs import metzl_exercises, metzl_program, progressing_program

ROOT = Path(__file__).resolve().parents[3]


def named(client_name: str) -> Program:
    program = metzl_program()
    program.set_details(replace(program.details, client_name=client_name))
    return program


def test_handout_shows_client_title_every_exercise_and_dose(tmp_path: Path) -> None:
    out = tmp_path / "metzl.pdf"
    report = write_handout(metzl_program(), out, paper="a4")
    text = pdf_text(out)
    assert "Zoë Łukasiewicz" in text
    assert "Knee-friendly hips" in text
    assert "Sam Rivera" in text
    for exercise in metzl_exercises():
        assert exercise.name in text
        assert exercise.dose.describe() in text
    assert {"4 × 15", "3 × 15 each side", "3 × 20 steps each way"} <= {
        e.dose.describe() for e in metzl_exercises()
    }
    assert report.pages == len(page_texts(out))
    assert report.unsupported == ()


def test_identical_weeks_print_once_with_repeat_count(tmp_path: Path) -> None:
    out = tmp_path / "metzl.pdf"
    write_handout(metzl_program(), out, paper="a4")
    text = pdf_text(out)
    assert "repeat this week until Sunday 30 March 2025 (4 weeks)" in text
    assert "Your weeks" not in text


def test_progressing_weeks_are_each_printed(tmp_path: Path) -> None:
    out = tmp_path / "progress.pdf"
    write_handout(progressing_program(4), out, paper="a4")
    text = pdf_text(out)
    assert "repeat for" not in text
    for week, amount in enumerate((15, 17, 19, 21), start=1):
        assert f"Week {week} · Monday" in text  # every day table names its week
        assert f"4 × {amount}" in text
        assert f"3 × {amount + 5} steps each way" in text


def test_doses_that_differ_by_day_within_one_week_are_not_called_a_progression(
    tmp_path: Path,
) -> None:
    program = metzl_program()
    for _ in range(len(program.weeks) - 1):
        program.remove_week(1)
    lunge = program.weeks[0].days[3].entries[1]
    program.set_dose(lunge.id, replace(lunge.dose, sets=1))  # trimmed on Thursday only
    out = tmp_path / "metzl.pdf"
    write_handout(program, out, paper="a4")
    text = " ".join(pdf_text(out).split())
    assert "3 × 15 or 1 × 15, depending on the day" in text
    assert "by week 1" not in text


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612.0, 792.0))])
def test_paper_size(tmp_path: Path, paper: str, size: tuple[float, float]) -> None:
    out = tmp_path / f"{paper}.pdf"
    write_handout(metzl_program(), out, paper=paper)  # type: ignore[arg-type]
    width, height = page_size(out)
    assert (round(width, 2), round(height, 2)) == size


@pytest.mark.parametrize(
    "name", ['Tom <b> & "Jerry"', "Zoë Łukasiewicz", "Ελένη", "Юлия", "A&amp;B <br/>"]
)
def test_names_print_literally(tmp_path: Path, name: str) -> None:
    out = tmp_path / "named.pdf"
    report = write_handout(named(name), out, paper="a4")
    assert name in pdf_text(out)
    assert report.unsupported == ()


def test_characters_the_font_lacks_are_reported_and_the_pdf_still_written(
    tmp_path: Path,
) -> None:
    program = named("Ana 🏃")
    program.set_details(replace(program.details, notes="走る"))
    out = tmp_path / "emoji.pdf"
    report = write_handout(program, out, paper="a4")
    found = {c.char: c for c in report.unsupported}
    assert found["🏃"].name == "RUNNER"
    assert "client name" in found["🏃"].places
    assert found["走"].places == ("notes",)
    assert "RUNNER" in report.warning()
    assert "Ana" in pdf_text(out)


def test_a_day_of_thirty_exercises_flows_over_pages(tmp_path: Path) -> None:
    program = Program(details=ClientDetails(client_name="Long Day"))
    names = [f"Exercise number {i:02d}" for i in range(1, 31)]
    for i, name in enumerate(names):
        program.add_entry(0, 2, make_exercise(f"ex-{i}", Direction.ABDUCTION, name=name))
    out = tmp_path / "long.pdf"
    report = write_handout(program, out, paper="letter")
    pages = page_texts(out)
    assert report.pages == len(pages) > 2
    text = " ".join(pages)
    for name in names:
        assert name in text
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    assert f"Page 1 of {len(pages)}" in pages[0]


def test_long_names_and_words_wrap_instead_of_breaking(tmp_path: Path) -> None:
    word = "Unbreakable" * 10
    program = named(f"Maximiliana {'Wolfeschlegelsteinhausen' * 12}")
    program.set_details(replace(program.details, title="Program " * 40, coach_name=word * 3))
    program.add_entry(0, 5, make_exercise("long", name=word, knee=make_exercise().knee))
    out = tmp_path / "long-names.pdf"
    report = write_handout(program, out, paper="a4")
    assert report.pages >= 1
    assert "Maximiliana" in pdf_text(out)


def test_an_empty_program_still_prints(tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    report = write_handout(Program(), out, paper="a4")
    assert report.pages == 1
    text = pdf_text(out)
    assert "Hip strength program" in text
    assert "No exercises are planned yet" in text


def test_unwritable_folder_raises_handout_error_and_leaves_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(HandoutError, match="cannot write the handout"):
        write_handout(metzl_program(), blocker / "out.pdf", paper="a4")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_failed_replace_keeps_the_old_pdf_and_removes_the_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"%PDF-1.4 the old handout")

    def refuse(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safe_save.os, "replace", refuse)
    with pytest.raises(HandoutError, match="Permission denied"):
        write_handout(metzl_program(), out, paper="a4")
    assert out.read_bytes() == b"%PDF-1.4 the old handout"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]


def test_progress_counts_up_to_the_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []

    def record(done: int, total: int) -> None:
        calls.append((done, total))

    write_handout(metzl_program(), tmp_path / "p.pdf", paper="a4", progress=record)
    done = [d for d, _ in calls]
    assert len(calls) > 3
    assert done == sorted(done)
    assert len({total for _, total in calls}) == 1
    assert calls[-1][0] == calls[-1][1]


def test_unknown_paper_is_refused(tmp_path: Path) -> None:
    with pytest.raises(HandoutError, match="a4 or letter"):
        write_handout(Program(), tmp_path / "x.pdf", paper="a5")  # type: ignore[arg-type]


def test_importing_the_handout_does_not_load_reportlab_until_writing(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "import planner.cli, planner.handout\n"
        "assert 'reportlab' not in sys.modules\n"
        "from planner.program import Program\n"
        "planner.handout.write_handout(Program(), sys.argv[1], paper='a4')\n"
        "assert 'reportlab' in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "lazy.pdf")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
