"""The backup step never leaves a temporary file, even when the backup is already a hard link of
the file (a kill between the backup and the swap, or two savers at once)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from planner.files.program_file import read_program, save_program
from tests.planner.files.test_safe_save import NEW, OLD

ROOT = Path(__file__).resolve().parents[3]
SAVER = """
import sys
from pathlib import Path
from planner.files.program_file import save_program
from tests.planner.files.test_safe_save import NEW, OLD
for _ in range(100):
    save_program(NEW if sys.argv[2] == "new" else OLD, Path(sys.argv[1]))
"""


def temp_files(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if ".tmp-" in name)


def test_a_backup_that_is_a_hard_link_of_the_file_leaves_no_temporary_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "client.hipplan"
    save_program(OLD, path)
    backup = path.with_name("client.hipplan.bak")
    os.link(path, backup)  # what a kill right after the backup's link and rename leaves
    save_program(NEW, path)
    assert temp_files(tmp_path) == []
    assert (read_program(path), read_program(backup)) == (NEW, OLD)
    assert not os.path.samefile(path, backup)
    save_program(OLD, path)
    assert temp_files(tmp_path) == []
    assert (read_program(path), read_program(backup)) == (OLD, NEW)


def test_two_savers_at_once_leave_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "client.hipplan"
    save_program(OLD, path)
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def saver(program: object) -> None:
        start.wait()
        try:
            for _ in range(150):
                save_program(program, path)  # type: ignore[arg-type]
        except BaseException as exc:  # reported below, in the test's thread
            failures.append(exc)

    savers = [threading.Thread(target=saver, args=(p,)) for p in (OLD, NEW)]
    for thread in savers:
        thread.start()
    for thread in savers:
        thread.join()
    assert failures == []
    assert temp_files(tmp_path) == []
    assert read_program(path) in (OLD, NEW)
    assert read_program(path.with_name("client.hipplan.bak")) in (OLD, NEW)


def test_two_saving_processes_leave_no_temporary_files(tmp_path: Path) -> None:
    """Each one tidies the folder before saving, and never takes the other's running save."""
    path = tmp_path / "client.hipplan"
    save_program(OLD, path)
    savers = [
        subprocess.Popen([sys.executable, "-c", SAVER, str(path), which], cwd=ROOT)
        for which in ("old", "new")
    ]
    assert [saver.wait(timeout=120) for saver in savers] == [0, 0]
    assert temp_files(tmp_path) == []
    exercises = {frozenset(p.exercises) for p in (OLD, NEW)}  # entry ids differ per process
    assert frozenset(read_program(path).exercises) in exercises
