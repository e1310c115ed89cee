"""Memory: peak resident memory after start with 10,000 exercises in the catalog.

The peak resident memory (``VmHWM``, or ``ru_maxrss`` where there is no /proc; reported in MB of
10^6 bytes) of a child that starts Hip Planner
with 10,000 own exercises plus the built-ins in its catalog database, shows and paints the
window; baseline: a bare PySide6 window process. Target: at most 200 MB.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from benchmarks._common import report
from benchmarks.db_load import fill
from benchmarks.start import ROOT, child_env, run_harness

COUNT = 10_000
RUNS = 5


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        data = Path(home) / "data"
        data.mkdir()
        fill(data / "catalog.sqlite3", COUNT)
        env = child_env(home)
        program = Path(home) / "client.hipplan"  # the planner, not the start page: all built
        program.write_bytes((ROOT / "resources/templates/metzl-knee-plan.hipplan").read_bytes())
        apps, bares = [], []
        for _ in range(RUNS):
            apps.append(run_harness("app", env, "--rss", str(program))["rss"] * 1024 / 1e6)
            bares.append(run_harness("bare", env, "--rss")["rss"] * 1024 / 1e6)
    report(
        f"peak memory after start, {COUNT:,} exercises",
        statistics.median(apps),
        statistics.median(bares),
        "MB",
        limit=200,
    )


if __name__ == "__main__":
    main()
