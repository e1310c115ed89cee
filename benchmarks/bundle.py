"""The bundle for coaches (``make bundle``): its size, and its start against ``make run``'s.

    python -m benchmarks.bundle [BUNDLE]      (default dist/hip-planner; build it first)

Start: process start to the main window painted with the catalog filled, the bundle (through
``HIP_PLANNER_EXIT_AFTER_PAINT``, see ``ui.app.first_paint``) against the same program started from
the virtual environment as ``make run`` does (through :mod:`benchmarks._start_harness`),
interleaved, both offscreen with the same user folder; wall time and CPU time (which a busy
machine disturbs less). Target: at most 1.25 × ``make run``.
Size: the folder on disk against what ``make run`` installs for the program to run (the
installed files of its runtime dependencies), and the ``.tar.gz`` a coach would download.
"""

from __future__ import annotations

import re
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from benchmarks._common import RUNS, report
from benchmarks.start import ROOT, child_env, run_harness
from ui.app.first_paint import EXIT_AFTER_PAINT

MIB = 1024 * 1024


def bundle_start_ms(program: Path, env: dict[str, str]) -> float:
    started = time.time()
    done = subprocess.run(
        [str(program)], env=env, capture_output=True, text=True, check=False, timeout=120
    )
    if done.returncode != 0 or not done.stdout.startswith("painted "):
        raise RuntimeError(f"the bundle did not start:\n{done.stderr}")
    return (float(done.stdout.split()[1]) - started) * 1000


def children_cpu_ms() -> float:
    """CPU time of the finished child processes so far: unlike wall time, it hardly changes
    when other work shares the machine's cores."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


def folder_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def runtime_dependency_bytes(name: str = "hip-planner") -> int:
    """The installed files of ``name``'s runtime requirements (no extras), recursively."""
    seen: set[str] = set()
    pending = [name]
    total = 0
    while pending:
        try:
            dist = distribution(pending.pop())
        except PackageNotFoundError:  # a requirement for another Python version
            continue
        key = dist.metadata["Name"].lower()
        if key in seen:
            continue
        seen.add(key)
        if key != name:
            total += sum(f.size or 0 for f in dist.files or [])
        for requirement in dist.requires or []:
            if "extra ==" not in requirement:
                pending.append(re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0])
    return total


def archive_bytes(folder: Path) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / "bundle.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(folder, arcname=folder.name)
        return archive.stat().st_size


def main(bundle: Path) -> None:
    program = bundle / ("hip-planner.exe" if sys.platform == "win32" else "hip-planner")
    if not program.exists():
        sys.exit(f"no bundle at {bundle}: run make bundle first")
    with tempfile.TemporaryDirectory() as home:
        env = child_env(home)
        frozen_env = dict(env, **{EXIT_AFTER_PAINT: "1"})
        frozen_env.pop("PYTHONPATH")
        run_harness("app", env)  # first start: creates the catalog database
        bundle_start_ms(program, frozen_env)
        frozen, venv, frozen_cpu, venv_cpu = [], [], [], []
        for _ in range(max(5, RUNS)):  # interleaved, so a busy spell hits both
            before = children_cpu_ms()
            venv.append(run_harness("app", env)["painted"])
            middle = children_cpu_ms()
            frozen.append(bundle_start_ms(program, frozen_env))
            venv_cpu.append(middle - before)
            frozen_cpu.append(children_cpu_ms() - middle)
    report(
        "bundle start to painted window with catalog",
        statistics.median(frozen),
        statistics.median(venv),
        "ms",
        ratio_limit=1.25,
    )
    report(
        "bundle start, CPU time (user + system)",
        statistics.median(frozen_cpu),
        statistics.median(venv_cpu),
        "ms",
        ratio_limit=1.25,
    )
    size = folder_bytes(bundle) / MIB
    report("bundle size on disk", size, runtime_dependency_bytes() / MIB, "MiB", limit=250)
    print(f"bundle download (.tar.gz): {archive_bytes(bundle) / MIB:.0f} MiB", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "hip-planner")
