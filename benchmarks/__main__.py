"""Run the benchmark suite, or the ones named: ``python -m benchmarks [start search ...]``.

Each benchmark runs in a fresh process (so one's data and garbage do not slow the next) and
prints its figure, its baseline measured in the same run, the ratio and the target, with MET
or MISSED; a summary follows. ``BENCH_RUNS`` sets the runs per figure (default 7, at least
5). The exit code is 0 even when a target is missed (this is a report), 1 if a benchmark
crashed.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time

from benchmarks._common import RESULTS_FILE, Result

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SUITE = ["start", "search", "drop", "log", "files", "pdf", "memory", "db_load", "clinic_load"]
"""In this order; ``render_sample_handouts`` is a script that writes PDFs and PNGs to look at."""


def _proc(path: str, key: str) -> str:
    """A field of /proc/cpuinfo or /proc/meminfo ("" elsewhere)."""
    try:
        with open(path, encoding="utf-8") as info:
            return next(line.split(":", 1)[1].strip() for line in info if line.startswith(key))
    except (OSError, StopIteration):
        return ""


def machine() -> str:
    from importlib.metadata import version

    cpu = _proc("/proc/cpuinfo", "model name") or platform.processor() or "unknown CPU"
    memory = _proc("/proc/meminfo", "MemTotal")
    ram = f", {int(memory.split()[0]) / 1024**2:.1f} GiB RAM" if memory else ""
    return (
        f"{os.cpu_count()} CPUs ({cpu}){ram}; Python {platform.python_version()}, "
        f"PySide6 {version('PySide6-Essentials')}, reportlab {version('reportlab')}, "
        f"{platform.system()} {platform.release()}"
    )


def main(names: list[str]) -> int:
    unknown = [n for n in names if n not in SUITE]
    if unknown:
        print(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(SUITE)}")
        return 2
    home = _scratch_home()
    collected = os.path.join(home, "results.jsonl")
    env = dict(os.environ, HIP_PLANNER_HOME=home, **{RESULTS_FILE: collected})
    print(f"Machine: {machine()}")
    started = time.perf_counter()
    failed = []
    for name in names or SUITE:
        print(f"\n== {name}", flush=True)
        done = subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], env=env, check=False)
        if done.returncode:
            failed.append(name)
    print(f"\n== summary ({time.perf_counter() - started:.0f} s; {machine()})")
    if os.path.exists(collected):
        with open(collected, encoding="utf-8") as file:
            for line in file:
                print(Result(**json.loads(line)).line())
    if failed:
        print(f"failed to run: {', '.join(failed)}")
    return 1 if failed else 0


def _scratch_home() -> str:
    """Benchmarks never touch the coach's own settings or catalog."""
    import atexit
    import shutil
    import tempfile

    home = tempfile.mkdtemp(prefix="hip-bench-")
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    return home


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
