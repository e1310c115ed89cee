"""Temporary files of interrupted saves are removed before the next save and at start; a save
that is running is never robbed of its file."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from planner.files.program_file import read_program, remove_stale_temp_files, save_program
from planner.files.safe_save import STALE_TEMP_SECONDS, host_tag, temp_path_for
from tests.planner.files.test_safe_save import NEW, OLD
from tests.planner.test_cli_main import run
from ui.app.main_window import MainWindow

OTHER_HOST = "0badc0de"


@cache
def dead_pid() -> int:
    """The id of a process that has ended (and was reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def temp_name(target: str, host: str | None, pid: int | None, n: int) -> str:
    if host is None or pid is None:  # the name Hip Planner 0.1 gave its temporary files
        return f".{target}.tmp-{n:016x}"
    return f".{target}.tmp-{host}-{pid}-{n:08x}"


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


writers = st.sampled_from(["dead here", "alive here", "parent here", "other computer", "old name"])
ages = st.one_of(
    st.floats(0, STALE_TEMP_SECONDS - 10), st.floats(STALE_TEMP_SECONDS + 10, 30 * 86400)
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(writers, ages, st.sampled_from(["a.hipplan", "a.hipplan.bak"]))))
def test_exactly_the_files_of_ended_or_long_silent_saves_are_removed(
    files: list[tuple[str, float, str]],
) -> None:
    pids = {"dead here": dead_pid(), "alive here": os.getpid(), "parent here": os.getppid()}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "a.hipplan").write_bytes(b"the coach's program")
        made, expected = set(), set()
        for n, (writer, seconds, target) in enumerate(files):
            host = {"other computer": OTHER_HOST, "old name": None}.get(writer, host_tag())
            pid = pids.get(writer, dead_pid())
            path = folder / temp_name(target, host, pid, n)
            path.write_bytes(b"half a program")
            age(path, seconds)
            made.add(path)
            if writer == "dead here" or seconds > STALE_TEMP_SECONDS:
                expected.add(path)
        assert set(remove_stale_temp_files(folder)) == expected
        assert set(folder.iterdir()) == {folder / "a.hipplan"} | (made - expected)
        assert (folder / "a.hipplan").read_bytes() == b"the coach's program"


def test_other_files_are_never_touched(tmp_path: Path) -> None:
    kept = ["client.hipplan", "notes.tmp-1", ".hidden", ".x.tmp-NOTHEX0123456789", ".x.tmp-"]
    for name in kept:
        (tmp_path / name).write_bytes(b"mine")
        age(tmp_path / name, 86400)
    assert remove_stale_temp_files(tmp_path, older_than=0) == []
    assert sorted(os.listdir(tmp_path)) == sorted(kept)


def test_the_next_save_removes_what_a_killed_save_left(tmp_path: Path) -> None:
    path = tmp_path / "client.hipplan"
    save_program(OLD, path)
    left = [
        tmp_path / temp_name("client.hipplan", host_tag(), dead_pid(), 1),
        tmp_path / temp_name("client.hipplan.bak", host_tag(), dead_pid(), 2),
    ]
    running = tmp_path / temp_name("client.hipplan", host_tag(), os.getppid(), 3)
    for leftover in [*left, running]:
        leftover.write_bytes(b"half a program")
    save_program(NEW, path)
    assert read_program(path) == NEW
    assert not any(p.exists() for p in left)
    assert running.exists()  # another running process may still be writing it


def test_a_name_with_no_possible_process_is_judged_by_its_age(tmp_path: Path) -> None:
    odd = [tmp_path / temp_name("a.hipplan", host_tag(), pid, 1) for pid in (0, 2**31, 10**10 - 1)]
    for path in odd:
        path.write_bytes(b"?")
    save_program(OLD, tmp_path / "a.hipplan")  # the tidy before the save does not stumble
    assert all(path.exists() for path in odd)
    for path in odd:
        age(path, STALE_TEMP_SECONDS + 10)
    assert sorted(remove_stale_temp_files(tmp_path)) == sorted(odd)


def test_a_save_names_its_temporary_file_after_this_process(tmp_path: Path) -> None:
    temp = temp_path_for(tmp_path / "client.hipplan")
    assert temp.name.startswith(f".client.hipplan.tmp-{host_tag()}-{os.getpid()}-")
    temp.write_bytes(b"being written")
    assert remove_stale_temp_files(tmp_path) == []  # this process runs


def test_cleaning_a_missing_folder_does_nothing(tmp_path: Path) -> None:
    assert remove_stale_temp_files(tmp_path / "gone") == []


def test_every_start_tidies_hip_planners_own_folders(hip_home: Path, tmp_path: Path) -> None:
    program = tmp_path / "client.hipplan"
    save_program(OLD, program)
    folders = [hip_home / "data", hip_home / "data" / "recovery", hip_home / "config"]
    left = []
    for n, folder in enumerate(folders):
        folder.mkdir(parents=True, exist_ok=True)
        left.append(folder / temp_name("x.recovery", host_tag(), dead_pid(), n))
        left[-1].write_bytes(b"half a copy")
    result = run("check", str(program), home=hip_home)
    assert result.returncode in (0, 1), result.stderr
    assert not any(p.exists() for p in left)


def test_opening_a_program_tidies_its_folder(qtbot: QtBot, tmp_path: Path) -> None:
    program = tmp_path / "client.hipplan"
    save_program(OLD, program)
    left = tmp_path / temp_name("client.hipplan", host_tag(), dead_pid(), 1)
    left.write_bytes(b"half a program")
    window = MainWindow([])
    qtbot.addWidget(window)
    assert window.open_path(program)
    assert not left.exists()
