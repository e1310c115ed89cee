"""balance.toml: the coach's thresholds reach ``check`` and ``export``; a program's own values go
on top; a broken file is named in one line, the defaults are used and the file is left alone."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from planner.balance.settings import BalanceSettings
from planner.cli import run_command
from planner.files.program_file import save_program
from planner.files.thresholds import (
    read_thresholds,
    settings_for,
    thresholds_path,
    write_thresholds,
)
from planner.program import Program
from tests.handout_helpers import pdf_text
from tests.plans import METZL, build


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_command(list(argv), load_catalog=list, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def metzl_file(tmp_path: Path, program: Program | None = None) -> Path:
    path = tmp_path / "metzl.hipplan"
    save_program(program or build(METZL), path)
    return path


def codes(path: Path) -> list[str]:
    code, out, err = run("check", str(path), "--json")
    assert code == 1, err
    return [f["code"] for f in json.loads(out)["weeks"][0]["findings"]]


def write_toml(text: str) -> Path:
    path = thresholds_path()
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_the_defaults_and_no_problem() -> None:
    assert read_thresholds().settings == BalanceSettings()
    assert read_thresholds().problem == ""


def test_written_thresholds_read_back_equal_and_keep_one_key_per_field() -> None:
    chosen = BalanceSettings(min_weighted_sets=6, maintenance=True, rotation_high=2.5)
    assert write_thresholds(chosen) is None  # nothing broken to keep
    assert read_thresholds().settings == chosen
    text = thresholds_path().read_text(encoding="utf-8")
    assert "[balance]" in text
    assert re.search(r"^min_weighted_sets = 6(\.0)?$", text, flags=re.M)
    assert "maintenance = true" in text
    assert len(re.findall(r"^\w+ = ", text, flags=re.M)) == len(chosen.to_dict())


def test_a_file_may_give_only_some_thresholds_and_whole_numbers_for_decimals() -> None:
    write_toml("[balance]\nmin_weighted_sets = 6\n")
    assert read_thresholds() == read_thresholds()  # reading changes nothing
    assert read_thresholds().settings == BalanceSettings(min_weighted_sets=6.0)


def test_a_threshold_in_balance_toml_changes_what_check_reports(tmp_path: Path) -> None:
    path = metzl_file(tmp_path)
    assert "direction-low-volume" in codes(path)  # Rotate out has 3 weighted sets
    write_toml("[balance]\nmin_weighted_sets = 3\n")
    assert "direction-low-volume" not in codes(path)
    write_toml("[balance]\nmin_days_per_direction = 3\n")
    assert "direction-frequency" in codes(path)  # Metzl's plan is twice a week


def test_a_program_s_own_thresholds_go_on_top_of_balance_toml(tmp_path: Path) -> None:
    write_toml("[balance]\nmin_days_per_direction = 3\n")
    program = build(METZL)
    program.details = replace(program.details, balance_overrides={"maintenance": True})
    assert settings_for(program) == BalanceSettings(min_days_per_direction=3, maintenance=True)
    assert "direction-frequency" not in codes(metzl_file(tmp_path, program))
    program.details = replace(program.details, balance_overrides={"min_weighted_sets": 2.5})
    assert "direction-low-volume" not in codes(metzl_file(tmp_path, program))


def band(path: Path, tmp_path: Path) -> str:
    out = tmp_path / "handout.pdf"
    code, _, err = run("export", str(path), "-o", str(out), "--paper", "a4", "--coach-report")
    assert (code, err) == (0, "")
    found = re.search(r"target range, (\d+–\d+) sets", pdf_text(out))
    assert found
    return found.group(1)


def test_a_threshold_in_balance_toml_changes_the_handout_s_target_range(tmp_path: Path) -> None:
    path = metzl_file(tmp_path)  # 44 weighted sets: a mean of 7.3, twice that is 14.7
    assert band(path, tmp_path) == "4–15"  # from the floor of 4 to twice the mean
    write_toml("[balance]\nmin_weighted_sets = 9\ndominant_factor = 3\n")
    assert band(path, tmp_path) == "9–22"  # from the new floor to three times the mean


BROKEN = [
    ("[balance\n", "is not valid TOML"),
    ("[balance]\nmin_weighted_sets = 'four'\n", "min_weighted_sets: must be a number"),
    ("[balance]\nmin_days_per_direction = 9\n", "min_days_per_direction: must be between 1 and 7"),
    ("[balance]\nrotation_low = 4\n", "rotation_low: Rotate out ÷ Rotate in: the lower limit"),
    ("[balance]\nfewest_sets = 2\n", "fewest_sets: is not a balance threshold"),
    ("[settings]\nmin_weighted_sets = 2\n", "only a [balance] table belongs here"),
    ("balance = 3\n", "'balance' must be a table"),
]


@pytest.mark.parametrize(("text", "problem"), BROKEN)
def test_a_broken_file_gives_the_defaults_and_one_line(text: str, problem: str) -> None:
    path = write_toml(text)
    found = read_thresholds()
    assert found.settings == BalanceSettings()
    assert problem in found.problem
    assert found.problem.startswith(str(path))
    assert found.problem.endswith("; using the default thresholds")
    assert "\n" not in found.problem
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("command", ["check", "export"])
def test_check_and_export_name_a_broken_file_in_one_line_and_leave_it(
    command: str, tmp_path: Path
) -> None:
    path = write_toml("[balance]\nmin_weighted_sets = 'four'\n")
    before = path.read_bytes()
    code, out, err = run(command, str(metzl_file(tmp_path)))
    assert code == (1 if command == "check" else 0)
    assert err.count("\n") == 1
    assert err.startswith("hip-planner: warning: ")
    assert "min_weighted_sets: must be a number; using the default thresholds" in err
    if command == "check":
        assert "Too little Rotate out work" in out  # the default floor of 4 applies
    assert path.read_bytes() == before


def test_saving_over_a_broken_file_keeps_it_as_bak() -> None:
    path = write_toml("[balance\n")
    backup = write_thresholds(BalanceSettings(min_weighted_sets=5))
    assert backup == path.with_name("balance.toml.bak")
    assert backup.read_text(encoding="utf-8") == "[balance\n"
    assert read_thresholds().settings.min_weighted_sets == 5
    assert write_thresholds(BalanceSettings()) is None  # a good file is simply replaced
    assert backup.read_text(encoding="utf-8") == "[balance\n"
