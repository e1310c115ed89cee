"""``hip-planner fix``: writes the fixed program, never overwrites its input, exits 0/1/2."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from planner.cli import run_command
from planner.files.catalog_file import load_catalog_dir
from planner.files.program_file import read_program, save_program
from planner.program import ClientDetails
from planner.taxonomy import Direction, Equipment
from resources import resource_path

METZL = resource_path("templates") / "metzl-knee-plan.hipplan"
AT_HOME = frozenset({Equipment.BODY_WEIGHT, Equipment.ELASTIC_BAND, Equipment.MINI_BAND})


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_command(
        list(argv),
        load_catalog=lambda: load_catalog_dir(resource_path("catalog")),
        out=out,
        err=err,
    )
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("equipment", [frozenset(), AT_HOME], ids=["any equipment", "at home"])
def test_fix_on_metzl_writes_a_program_that_checks_clean(
    tmp_path: Path, equipment: frozenset[Equipment]
) -> None:
    source = tmp_path / "metzl.hipplan"
    program = read_program(METZL)
    program.set_details(ClientDetails(title="Metzl", equipment=equipment))
    save_program(program, source)
    original = source.read_bytes()
    fixed = tmp_path / "fixed.hipplan"
    code, out, err = run("fix", str(source), "-o", str(fixed))
    assert (code, err) == (0, "")
    assert "Week 1: added" in out
    assert "0 errors, 0 warnings left" in out
    assert source.read_bytes() == original
    code, report, _ = run("check", str(fixed), "--json")
    data = json.loads(report)
    assert code == 0
    assert data["errors"] == data["warnings"] == 0


def test_fix_json_lists_what_it_did(tmp_path: Path) -> None:
    code, out, _ = run("fix", str(METZL), "-o", str(tmp_path / "out.hipplan"), "--json")
    data = json.loads(out)
    assert code == 0
    (week,) = data["weeks"]
    assert week["added"]
    assert week["trimmed"]
    assert week["not_fixed"] == []
    assert data["errors"] == data["warnings"] == 0


def test_in_place_keeps_a_backup(tmp_path: Path) -> None:
    source = tmp_path / "client.hipplan"
    shutil.copyfile(METZL, source)
    code, _, _ = run("fix", str(source), "--in-place")
    assert code == 0
    assert (tmp_path / "client.hipplan.bak").read_bytes() == METZL.read_bytes()
    assert source.read_bytes() != METZL.read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{src}"], "is the program file itself; choose another -o or use --in-place"),
        ([], "say where to write the fixed program: -o OUT (or --in-place)"),
        (["-o", "{other}", "--in-place"], "give either -o OUT or --in-place, not both"),
    ],
)
def test_bad_arguments_say_so_in_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    source = tmp_path / "client.hipplan"
    shutil.copyfile(METZL, source)
    argv = [a.format(src=source, other=tmp_path / "other.hipplan") for a in args]
    code, out, err = run("fix", str(source), *argv)
    assert (code, out) == (2, "")
    assert message in err
    assert err.count("\n") == 1
    assert source.read_bytes() == METZL.read_bytes()


def test_a_bad_file_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.hipplan"
    bad.write_text("not json", encoding="utf-8")
    code, out, err = run("fix", str(bad), "-o", str(tmp_path / "out.hipplan"))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert not (tmp_path / "out.hipplan").exists()


def test_what_cannot_be_fixed_is_named_and_exits_1(tmp_path: Path) -> None:
    without_rotate_in = [
        ex
        for ex in load_catalog_dir(resource_path("catalog"))
        if Direction.INTERNAL_ROTATION not in ex.directions
    ]
    out, err = io.StringIO(), io.StringIO()
    fixed = tmp_path / "fixed.hipplan"
    code = run_command(
        ["fix", str(METZL), "-o", str(fixed)],
        load_catalog=lambda: without_rotate_in,
        out=out,
        err=err,
    )
    assert code == 1
    assert err.getvalue() == ""
    assert (
        "Could not fix direction-missing: Nothing in the catalog trains Rotate in."
        in out.getvalue()
    )
    assert read_program(fixed).weeks  # the partly fixed program is written all the same


def test_warnings_no_fix_clears_are_named_for_the_coach(tmp_path: Path) -> None:
    from datetime import date

    from planner.log import LoggedEntry, Session

    program = read_program(METZL)
    day = program.weeks[0].days[0].entries
    session = Session(
        date(2026, 3, 2),
        0,
        0,
        tuple(LoggedEntry(e.id, e.exercise_id, e.dose.sets, e.dose.sets) for e in day),
        pain_during=8,
    )
    program.add_session(session)
    source = tmp_path / "sore.hipplan"
    save_program(program, source)
    code, out, _ = run("fix", str(source), "-o", str(tmp_path / "out.hipplan"))
    assert code == 1
    assert "Week 1: not for a fix (pain-high): Knee pain 8/10 during the session of" in out
    assert "0 errors, 1 warning left" in out
