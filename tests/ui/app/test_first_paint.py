"""HIP_PLANNER_EXIT_AFTER_PAINT: an ordinary start reports its first paint and exits by itself.

The bundle's smoke test and ``benchmarks/bundle.py`` rely on it, so it is checked here too,
from the source tree, in its own process (it ends the process).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from ui.app.first_paint import EXIT_AFTER_PAINT

ROOT = Path(__file__).resolve().parents[3]


def test_the_program_exits_after_painting_its_start_page(hip_home: Path) -> None:
    started = time.time()
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py")],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **{EXIT_AFTER_PAINT: "1"}),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    told = dict(line.split() for line in done.stdout.splitlines())
    assert set(told) == {"painted", "cpu"}
    assert started <= float(told["painted"]) <= time.time()
    assert float(told["cpu"]) > 0
    assert (hip_home / "data" / "catalog.sqlite3").exists()  # a real start, not a shortcut
