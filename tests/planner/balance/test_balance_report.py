"""``hip-planner check``: the text and JSON reports, the exit codes, the --week option."""

from __future__ import annotations

import io
import json
import sys
import types
from pathlib import Path

import pytest

from planner.balance.analysis import analyse_program
from planner.balance.report import render_json, render_text, report_data
from planner.cli import UsageError, report_balance, run_command
from planner.program import Program
from tests.plans import EVERY_DIRECTION, METZL, build


def two_weeks() -> Program:
    """Week 1 is Metzl's plan (one error), week 2 the balanced week (whose Rotate out work
    jumps from 3 to 7.5 weighted sets: one volume-jump warning)."""
    program = build(METZL)
    balanced = build(EVERY_DIRECTION)
    program.exercises.update(balanced.exercises)
    program.insert_week(1, balanced.weeks[0])
    return program


def test_json_report_has_the_documented_shape() -> None:
    data = json.loads(render_json(analyse_program(two_weeks())))
    assert list(data) == ["weeks", "errors", "warnings"]
    assert (data["errors"], data["warnings"]) == (1, 6)
    first, second = data["weeks"]
    assert list(first) == ["week", "sets", "findings"]
    assert first["week"] == 1
    assert first["sets"] == {
        "flexion": 6.0,
        "extension": 23.0,
        "abduction": 6.0,
        "adduction": 6.0,
        "external_rotation": 3.0,
        "internal_rotation": 0.0,
    }
    assert first["findings"][0] == {
        "severity": "error",
        "code": "direction-missing",
        "directions": ["internal_rotation"],
        "message": "No Rotate in work this week — the hip's internal rotators go untrained.",
    }
    # One finding per code, each listing its directions.
    codes = [f["code"] for f in first["findings"]]
    assert len(codes) == len(set(codes))
    (knees,) = [f for f in first["findings"] if f["code"] == "knee-missing"]
    assert knees["directions"] == ["flexion", "abduction", "adduction", "external_rotation"]
    assert {tuple(f) for f in first["findings"]} == {("severity", "code", "directions", "message")}
    assert second == {
        "week": 2,
        "sets": second["sets"],
        "findings": [
            {
                "severity": "warning",
                "code": "volume-jump",
                "directions": ["external_rotation"],
                "message": "Weighted sets rise fast: Rotate out from 3 to 7.5, more than 2× "
                "week 1. Raise the work more gradually, unless the client is ready for it.",
            }
        ],
    }


def test_report_data_of_one_week_keeps_its_number() -> None:
    data = report_data(analyse_program(two_weeks()).only(2))
    assert [w["week"] for w in data["weeks"]] == [2]
    assert (data["errors"], data["warnings"]) == (0, 1)


def test_text_report_lists_directions_findings_and_totals() -> None:
    text = render_text(analyse_program(two_weeks()))
    lines = text.splitlines()
    assert lines[:7] == [
        "Week 1",
        "  Forward       6.0",
        "  Backward     23.0",
        "  Away          6.0",
        "  Toward        6.0",
        "  Rotate out    3.0",
        "  Rotate in     0.0",
    ]
    assert lines[7] == (
        "  ERROR    No Rotate in work this week — the hip's internal rotators go untrained."
    )
    assert lines[8].startswith("  WARNING  Backward dominates with 23 weighted sets")
    assert lines[lines.index("Week 2") - 2].startswith(
        "  INFO     Too few positions: Forward (plank), Away (standing)"
    )
    week_2 = lines.index("Week 2")
    assert lines[week_2 + 7].startswith("  WARNING  Weighted sets rise fast: Rotate out")
    assert lines[-1] == "Total: 1 error, 6 warnings, 1 note"


def test_report_balance_exits_1_on_errors_and_0_without() -> None:
    out = io.StringIO()
    assert report_balance(two_weeks(), out) == 1
    assert report_balance(two_weeks(), out, week=2) == 0
    assert report_balance(build(EVERY_DIRECTION), out, as_json=True) == 0


def test_an_empty_week_is_no_error() -> None:
    out = io.StringIO()
    assert report_balance(Program(), out) == 0
    assert "INFO     This week has no exercises yet." in out.getvalue()


@pytest.mark.parametrize("week", [0, 3, -1])
def test_a_week_out_of_range_is_a_usage_error(week: int) -> None:
    with pytest.raises(UsageError, match=r"^hip-planner check: p.hipplan has 2 weeks, so there"):
        report_balance(two_weeks(), io.StringIO(), week=week, source="p.hipplan")


class FakeFileError(ValueError):
    pass


@pytest.fixture
def fake_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stands in for ``planner.files.program_file`` until the real loader lands."""

    def read_program(path: Path) -> Program:
        if path.name != "plan.hipplan":
            raise FakeFileError(f"{path}: cannot be read")
        return two_weeks()

    module = types.ModuleType("planner.files.program_file")
    module.ProgramFileError = FakeFileError  # type: ignore[attr-defined]
    module.read_program = read_program  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "planner.files.program_file", module)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_command(list(argv), load_catalog=list, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.usefixtures("fake_loader")
def test_check_command_end_to_end() -> None:
    code, out, err = run("check", "plan.hipplan")
    assert (code, err) == (1, "")
    assert out.startswith("Week 1\n")
    code, out, err = run("check", "plan.hipplan", "--json", "--week", "2")
    assert (code, err) == (0, "")
    assert [w["week"] for w in json.loads(out)["weeks"]] == [2]


@pytest.mark.usefixtures("fake_loader")
def test_check_command_bad_input_exits_2_with_one_line() -> None:
    code, out, err = run("check", "plan.hipplan", "--week", "9")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "use --week 1–2" in err
    code, out, err = run("check", "missing.hipplan")
    assert (code, out, err) == (2, "", "missing.hipplan: cannot be read\n")
