"""`hip-planner desktop-entry` puts Hip Planner in this user's menu (entry, icon, file type)
under XDG_DATA_HOME, and --remove takes it away; the entry starts this copy of the program."""

from __future__ import annotations

import configparser
import shlex
import sys
from pathlib import Path

import pytest

from planner.files import desktop_entry
from tests.cli_helpers import ROOT, run_main

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux menus")


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_command_installs_and_removes_the_menu_entry(tmp_path: Path) -> None:
    data = tmp_path / "share"
    done = run_main("desktop-entry", home=tmp_path / "home", XDG_DATA_HOME=str(data))
    assert done.returncode == 0, done.stderr
    assert "is in your application menu" in done.stdout
    where = desktop_entry.places(data)
    entry = read_entry(where["entry"])
    assert entry["Icon"] == "hip-planner"
    assert entry["MimeType"] == "application/x-hip-planner;"
    command = shlex.split(entry["Exec"].replace("%%", "%"))
    assert command[-1] == "%F"
    assert Path(command[0]).exists()  # this copy's launcher
    assert where["icon"].read_bytes() == (ROOT / "resources/icons/hip-planner.svg").read_bytes()
    assert (ROOT / "packaging/linux/hip-planner-mime.xml").read_text().count("*.hipplan") == 1
    assert "*.hipplan" in where["mime"].read_text()
    gone = run_main("desktop-entry", "--remove", home=tmp_path / "home", XDG_DATA_HOME=str(data))
    assert gone.returncode == 0
    assert not any(path.exists() for path in where.values())


def test_odd_characters_in_the_program_path_are_quoted_as_the_specification_asks() -> None:
    line = desktop_entry.exec_line(['/opt/my "hip" $planner/100%/run'])
    # the file's string escaping turns \\ back into \; the quoting rules then apply
    unescaped = line.replace("\\\\", "\\")
    assert unescaped == '"/opt/my \\"hip\\" \\$planner/100%%/run" %F'


def test_the_entry_matches_the_bundles(tmp_path: Path) -> None:
    """The bundle's install.sh and this command install the same entry but for Exec."""
    path = tmp_path / "ours.desktop"
    path.write_text(desktop_entry.entry_text(["/x/hip-planner"]), encoding="utf-8")
    mine, bundled = read_entry(path), read_entry(ROOT / "packaging/linux/hip-planner.desktop")
    assert {k: v for k, v in mine.items() if k != "Exec"} == {
        k: v for k, v in bundled.items() if k != "Exec"
    }


def test_a_relative_data_home_is_ignored_as_the_specification_asks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "share")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop_entry.data_home() == tmp_path / ".local" / "share"
    monkeypatch.setenv("XDG_DATA_HOME", "")
    assert desktop_entry.data_home() == tmp_path / ".local" / "share"


def test_a_data_home_that_is_a_file_gives_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "share"
    blocker.write_text("not a folder")
    done = run_main("desktop-entry", home=tmp_path / "home", XDG_DATA_HOME=str(blocker))
    assert done.returncode != 0
    assert done.stderr.startswith("hip-planner: the menu entry could not be written")
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
