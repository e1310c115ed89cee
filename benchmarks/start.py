"""Start: process start to the painted window a coach starts from.

Two figures, each against a bare PySide6 process that shows an empty QMainWindow (all on the
offscreen platform, all through :mod:`benchmarks._start_harness`):

- an ordinary start: the start page painted with its template cards;
- a start with a program file (a double-click on it): the first paint of the catalog list
  holding exercises, in a window showing the week bar and the week; the program's cards, the
  coverage and log panels and the menus' commands follow right after that paint (the file is
  read after it, and the side panels are built after it: ``MainWindow(side_panels_later=True)``).

Target (issue 13): at most 2 × the bare process. The catalog database is created by one
unmeasured start first, so the runs are ordinary starts. The children may write bytecode
caches (``PYTHONDONTWRITEBYTECODE`` is dropped): an installed Hip Planner has them, so
compiling our sources on every run would measure the benchmark, not the program.
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
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled once, not every start
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
        "cpu": float(found["cpu"]) * 1000,
        **({"rss": float(found["rss"])} if "rss" in found else {}),
    }


def main() -> None:
    template = ROOT / "resources" / "templates" / "metzl-knee-plan.hipplan"
    with tempfile.TemporaryDirectory() as home:
        env = child_env(home)
        program = Path(home) / "client.hipplan"
        program.write_bytes(template.read_bytes())
        run_harness("app", env)  # first start: creates the catalog database
        run_harness("bare", env)
        runs: dict[str, list[dict[str, float]]] = {"bare": [], "app": [], "planner": []}
        for _ in range(max(5, RUNS)):  # interleaved, so a busy spell hits both
            runs["bare"].append(run_harness("bare", env))
            runs["app"].append(run_harness("app", env))
            runs["planner"].append(run_harness("app", env, str(program)))

    def median(kind: str, key: str) -> float:
        return statistics.median(run[key] for run in runs[kind])

    bare = median("bare", "painted")
    report("start to painted start page", median("app", "painted"), bare, "ms", ratio_limit=2.0)
    report(
        "start with a program to painted planner",
        median("planner", "painted"),
        bare,
        "ms",
        ratio_limit=2.0,
    )
    cpu = median("bare", "cpu")  # hardly moved by other work on the machine: for context
    print(
        f"  CPU time to the paint: start page {median('app', 'cpu'):.0f} ms "
        f"({median('app', 'cpu') / cpu:.2f}x), planner {median('planner', 'cpu'):.0f} ms "
        f"({median('planner', 'cpu') / cpu:.2f}x), bare {cpu:.0f} ms",
        flush=True,
    )


if __name__ == "__main__":
    main()
