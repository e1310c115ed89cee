"""``hip-planner check FILE`` through the file loader: exit 0 valid, 2 with one line otherwise."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from planner.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, run_command
from planner.files.program_file import save_program
from planner.program import Program
from tests.factories import make_exercise

V1_SAMPLE = Path(__file__).parents[1] / "data" / "client-v1.hipplan"


def check(path: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_command(["check", str(path)], load_catalog=lambda: [], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_a_valid_file_gets_its_balance_report(tmp_path: Path) -> None:
    p = Program()
    p.add_entry(0, 0, make_exercise())
    path = tmp_path / "client.hipplan"
    save_program(p, path)
    code, out, err = check(path)
    assert code == EXIT_FINDINGS  # one backward exercise leaves five directions untrained
    assert "No Forward, Away, Toward, Rotate out or Rotate in work this week" in out
    assert err == ""


def test_a_version_1_file_is_read_and_checked() -> None:
    code, out, _ = check(V1_SAMPLE)
    assert code == EXIT_FINDINGS
    assert "Week 2" in out
    assert "Total: 2 errors" in out  # one direction-missing finding per week


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is damaged or not a Hip Planner program: it is empty"),
        (b"\x00\xff" * 10, "is damaged or not a Hip Planner program: it is not UTF-8 text"),
        (
            b'{"format": "hip-planner/program", "weeks": [',
            "is damaged or not a Hip Planner program: its text breaks off or is garbled at "
            "line 1, column 45 (JSON error: Expecting value)",
        ),
        (b'{"format": "hip-planner/program", "version": 7}', "file version 7"),
        (b"[" * 100_000, "nested far too deeply"),
        (b'{"format": "hip-planner/program", "version": 2}', "details: is missing"),
    ],
)
def test_a_bad_file(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "client.hipplan"
    path.write_bytes(content)
    code, out, err = check(path)
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(str(path))
    assert expected in err
    assert "Traceback" not in err


def test_a_missing_file(tmp_path: Path) -> None:
    code, _, err = check(tmp_path / "nope.hipplan")
    assert code == EXIT_BAD_INPUT
    assert err.strip().endswith("does not exist; check the file name and the folder")


def test_catalog_help_names_the_choices_as_the_window_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        run_command(["catalog", "--help"], load_catalog=lambda: [], out=io.StringIO())
    text = " ".join(capsys.readouterr().out.split())
    for said in (
        "Rotate out (external_rotation)",
        "Lying on the back (supine)",
        "Knee bent (bent)",
    ):
        assert said in text


def test_what_the_file_says_cannot_reach_the_terminal_raw(tmp_path: Path) -> None:
    """An exercise name with terminal escapes and a right-to-left override, named by the
    pain finding (check) and by a fix (fix): shown escaped, as `catalog` shows it."""
    from datetime import date

    from planner.log import LoggedEntry, Session

    program = Program()
    hostile = make_exercise("own-x", name="Hip \x1b]0;pwned\x07 lock\u202e", builtin=False)
    entry = program.add_entry(0, 0, hostile)
    program.add_session(
        Session(date(2026, 3, 2), 0, 0, (LoggedEntry(entry.id, "own-x", 3, 3),), 7, 7)
    )
    path = tmp_path / "client.hipplan"
    save_program(program, path)
    _, out, _ = check(path)
    assert "Hip \\x1b]0;pwned\\x07 lock\\u202e" in out
    fixed = io.StringIO()
    run_command(
        ["fix", str(path), "-o", str(tmp_path / "fixed.hipplan")],
        load_catalog=lambda: [],
        out=fixed,
        err=io.StringIO(),
    )
    for text in (out, fixed.getvalue()):
        assert "\x1b" not in text
        assert "\x07" not in text
        assert "\u202e" not in text
