"""Start: process start to the main window painted with the catalog list filled.

Against a bare PySide6 process that shows an empty QMainWindow (both on the offscreen platform,
both through :mod:`benchmarks._start_harness`). Target: at most 1.5 × the bare process. The
catalog database is created by one unmeasured start first, so the runs are ordinary starts.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._common import RUNS, report

ROOT = Path(__file__).resolve().parents[1]


def child_env(home: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HIP_PLANNER_HOME=home)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def run_harness(kind: str, env: dict[str, str], *extra: str) -> dict[str, float]:
    """What the child reported: ``painted`` (ms from spawning ``python`` to the first paint
    with a filled catalog) and, with ``--rss``, ``rss`` (KiB)."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks._start_harness", kind, *extra],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{kind} start failed:\n{done.stderr}")
    found = dict(line.split() for line in done.stdout.splitlines() if line.strip())
    return {
        "painted": (float(found["painted"]) - started) * 1000,
        **({"rss": float(found["rss"])} if "rss" in found else {}),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = child_env(home)
        run_harness("app", env)  # first start: creates the catalog database
        run_harness("bare", env)
        apps, bares = [], []
        for _ in range(max(5, RUNS)):  # interleaved, so a busy spell hits both
            bares.append(run_harness("bare", env)["painted"])
            apps.append(run_harness("app", env)["painted"])
    report(
        "start to painted window with catalog",
        statistics.median(apps),
        statistics.median(bares),
        "ms",
        ratio_limit=1.5,
    )


if __name__ == "__main__":
    main()
