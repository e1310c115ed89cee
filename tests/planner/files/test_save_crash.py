"""Kill a saving process at random moments: the file is always the old or the new program, and
the next save or start in the folder leaves no temporary file behind."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner.files.program_file import read_program, remove_stale_temp_files, save_program
from tests.crash_saver import crash_program

ROOT = Path(__file__).resolve().parents[3]
KILLS = 200

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the saver is forked (POSIX)"),
]


def test_killing_a_save_never_leaves_a_broken_file(tmp_path: Path) -> None:
    a, b = crash_program("A"), crash_program("B")
    target = tmp_path / "client.hipplan"
    save_program(a, target)
    rng = random.Random(2024)
    seen = {"A": 0, "B": 0}
    interrupted = 0
    with subprocess.Popen(
        [sys.executable, "-m", "tests.crash_saver", str(target)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as server:
        assert server.stdin is not None
        assert server.stdout is not None
        for _ in range(KILLS):
            server.stdin.write("go\n")
            server.stdin.flush()
            saver = int(server.stdout.readline())
            time.sleep(rng.uniform(0.0, 0.05))
            os.kill(saver, signal.SIGKILL)
            assert server.stdout.readline().strip() == "done"

            program = read_program(target)
            assert program in (a, b)
            seen["A" if program == a else "B"] += 1
            backup = target.with_name("client.hipplan.bak")
            if backup.exists():
                assert read_program(backup) in (a, b)
            interrupted += len([name for name in os.listdir(tmp_path) if ".tmp-" in name])
            if rng.random() < 0.5:
                save_program(program, target)  # the next save
            else:
                remove_stale_temp_files(tmp_path)  # the next start, or opening a program here
            assert not [name for name in os.listdir(tmp_path) if ".tmp-" in name]
        server.stdin.close()  # the server stops at the end of its input
    assert seen["A"] > 0, seen
    assert seen["B"] > 0, seen
    print(f"after {KILLS} kills: {seen}, {interrupted} temporary files left by interrupted saves")
