"""``hip-planner export``: exit codes and the one line on stderr.

``planner.files.program_file`` is being written on another branch; a tiny stand-in is put in
``sys.modules`` so these tests exercise the command itself.
"""

from __future__ import annotations

import io
import sys
import types
from dataclasses import replace
from pathlib import Path

import pytest

from planner.cli import EXIT_BAD_INPUT, EXIT_OK, run_command
from planner.program import Program
from tests.handout_helpers import page_size, pdf_text
from tests.sample_programs import metzl_program


class FakeProgramFileError(Exception):
    pass


def fake_read_program(path: Path) -> Program:
    if path.read_text(encoding="utf-8") != "ok":
        raise FakeProgramFileError(f"{path}: not a Hip Planner program (line 1)")
    if path.stem == "emoji":
        program = metzl_program()
        program.set_details(replace(program.details, client_name="Ana 🏃"))
        return program
    return metzl_program()


@pytest.fixture(autouse=True)
def program_file(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("planner.files.program_file")
    module.ProgramFileError = FakeProgramFileError  # type: ignore[attr-defined]
    module.read_program = fake_read_program  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "planner.files.program_file", module)


def export(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_command(["export", *argv], load_catalog=lambda: [], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def plan(tmp_path: Path, name: str = "metzl.hipplan", content: str = "ok") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_export_writes_next_to_the_file_by_default(tmp_path: Path) -> None:
    code, out, err = export(str(plan(tmp_path)), "--paper", "a4")
    pdf = tmp_path / "metzl.pdf"
    assert (code, err) == (EXIT_OK, "")
    assert "metzl.pdf" in out
    assert "A4" in out
    assert "Jump squat" in pdf_text(pdf)


def test_export_to_a_chosen_file_on_letter(tmp_path: Path) -> None:
    target = tmp_path / "for-zoe.pdf"
    code, _, _ = export(str(plan(tmp_path)), "-o", str(target), "--paper", "letter")
    assert code == EXIT_OK
    assert page_size(target) == (612.0, 792.0)


def test_bad_file_exits_2_with_one_line_and_no_pdf(tmp_path: Path) -> None:
    code, out, err = export(str(plan(tmp_path, content="garbage")))
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert err.count("\n") == 1
    assert "not a Hip Planner program" in err
    assert not (tmp_path / "metzl.pdf").exists()


def test_unwritable_output_exits_2_with_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = export(str(plan(tmp_path)), "-o", str(blocker / "out.pdf"))
    assert code == EXIT_BAD_INPUT
    assert err.count("\n") == 1
    assert "cannot write the handout" in err


def test_output_may_not_overwrite_the_program(tmp_path: Path) -> None:
    source = plan(tmp_path)
    pdf_named = source.rename(tmp_path / "plan.pdf")  # only a name ending in .pdf is kept as is
    code, _, err = export(str(pdf_named), "-o", str(pdf_named))
    assert code == EXIT_BAD_INPUT
    assert "program file itself" in err
    assert pdf_named.read_text(encoding="utf-8") == "ok"


def test_an_output_name_without_pdf_gets_it(tmp_path: Path) -> None:
    source = plan(tmp_path)
    code, out, _ = export(str(source), "-o", str(tmp_path / "for-kim"))
    assert code == 0
    assert (tmp_path / "for-kim.pdf").read_bytes().startswith(b"%PDF-")
    assert "for-kim.pdf" in out
    code, _, _ = export(str(source), "-o", str(source))  # FILE.hipplan.pdf, beside the program
    assert code == 0
    assert source.read_text(encoding="utf-8") == "ok"
    assert (tmp_path / f"{source.name}.pdf").exists()


def test_the_coach_report_has_its_own_default_name(tmp_path: Path) -> None:
    source = plan(tmp_path)
    code, out, _ = export(str(source), "--coach-report")
    assert code == 0
    assert f"{source.stem}-coach.pdf" in out


def test_unknown_paper_exits_2(tmp_path: Path) -> None:
    code, _, err = export(str(plan(tmp_path)), "--paper", "a5")
    assert code == EXIT_BAD_INPUT
    assert "a5" in err


def test_unprintable_characters_warn_but_the_pdf_is_written(tmp_path: Path) -> None:
    code, _, err = export(str(plan(tmp_path, "emoji.hipplan")), "--paper", "a4")
    assert code == EXIT_OK
    assert err.startswith("hip-planner: warning:")
    assert "RUNNER" in err
    assert err.count("\n") == 1
    assert (tmp_path / "emoji.pdf").exists()


@pytest.mark.parametrize("folder", ["sub/..", "sub/deeper/.."])
def test_a_folder_named_with_dots_is_refused_as_a_folder(tmp_path: Path, folder: str) -> None:
    source = plan(tmp_path)
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    code, _, err = export(str(source), "--coach-report", "-o", str(tmp_path / folder))
    assert code == EXIT_BAD_INPUT
    assert "is a folder" in err
    assert not list(tmp_path.glob("*.pdf"))
    assert not list(tmp_path.parent.glob("*.pdf"))
