"""20 coaches on one clinic catalog: searching, importing and editing at once (DESIGN.md §5).

``python -m benchmarks.clinic_load [SECONDS]`` (or ``python -m benchmarks clinic_load``;
``BENCH_CLINIC_SECONDS`` sets the length, default 60). The same workload runs for the same
time against a SQLite catalog (the baseline, as one laptop's catalog serves it) and against a
PostgreSQL server the benchmark starts itself, as the tests do (``tests/pg_server.py``).

Each simulated coach is a thread with its own connection: 80 % catalog reads (the whole
catalog, then a search in it, as the window does), 10 % imports of a new own exercise, 10 %
edits of one of a few exercises every coach edits (version checked; a conflict is settled by
keeping mine on top of theirs, as the dialog's "Keep mine" does). At the end, every edited
exercise's version must equal its first version plus the edits the coaches saw succeed, and
every import must be there: no lost update.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from benchmarks._common import report, synthetic_catalog, synthetic_exercise
from db.catalog import CatalogDatabase
from db.errors import CatalogConflictError, CatalogWriteError
from planner.catalog import CatalogQuery, filter_exercises

COACHES = 20
OWN_EXERCISES = 1_000
HOT = 5
"""Exercises every coach edits, so conflicts really happen."""
P95_LIMIT_MS = 500.0
"""A convention: a catalog read slower than half a second is felt while planning."""


@dataclass
class Tally:
    reads_ms: list[float] = field(default_factory=list)
    edits: Counter[str] = field(default_factory=Counter)
    conflicts: int = 0
    imported: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    """Writes refused as busy (SQLite): the coach is told, nothing was saved."""
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def coach(open_db: Callable[[], CatalogDatabase], number: int, until: float, tally: Tally) -> None:
    rng = random.Random(number)
    query = CatalogQuery(text="hip band")
    with open_db() as db:
        made = 0
        while time.monotonic() < until:
            roll = rng.random()
            try:
                if roll < 0.8:
                    started = time.perf_counter()
                    filter_exercises(db.exercises(), query)
                    elapsed = (time.perf_counter() - started) * 1000
                    with tally.lock:
                        tally.reads_ms.append(elapsed)
                elif roll < 0.9:
                    made += 1
                    new = synthetic_exercise(100_000 * (number + 1) + made)
                    added = db.import_own([new]).added
                    with tally.lock:
                        tally.imported += [ex.id for ex in added]
                else:
                    hot = f"own-bench-{rng.randrange(HOT)}"
                    conflicts = edit(db, hot, f"coach {number}, edit {rng.random()}")
                    with tally.lock:
                        tally.conflicts += conflicts
                        tally.edits[hot] += 1
            except CatalogWriteError as exc:  # told "busy, try again": nothing was saved
                with tally.lock:
                    tally.refused.append(str(exc))
            except Exception as exc:  # every other failure is counted and shown, never hidden
                with tally.lock:
                    tally.errors.append(f"coach {number}: {exc!r}")


def edit(db: CatalogDatabase, exercise_id: str, words: str) -> int:
    """One edit as the form makes it, keeping mine after each conflict; returns the conflicts."""
    version = db.version_of(exercise_id)
    current = db.get(exercise_id)
    assert current is not None
    mine = replace(current, instructions=words)
    conflicts = 0
    while True:
        try:
            db.update_own(mine, version)
        except CatalogConflictError as conflict:
            conflicts += 1
            version = conflict.version  # keep mine, on top of what was shown
        else:
            return conflicts


def run(open_db: Callable[[], CatalogDatabase], seconds: float) -> tuple[Tally, dict[str, int]]:
    """The workload on a catalog already filled; returns the tally and the versions before."""
    with open_db() as db:
        before = {f"own-bench-{i}": db.version_of(f"own-bench-{i}") or 0 for i in range(HOT)}
    tally = Tally()
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=coach, args=(open_db, n, until, tally)) for n in range(COACHES)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, before


def lost_updates(
    open_db: Callable[[], CatalogDatabase], tally: Tally, before: dict[str, int]
) -> int:
    """Edits and imports the coaches were told succeeded but the catalog does not show."""
    with open_db() as db:
        lost = sum(before[i] + tally.edits[i] - (db.version_of(i) or 0) for i in before)
        stored = {ex.id for ex in db.exercises()}
    return lost + sum(1 for i in tally.imported if i not in stored)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def measure(label: str, open_db: Callable[[], CatalogDatabase], seconds: float) -> float:
    with open_db() as db:
        db.import_own(synthetic_catalog(OWN_EXERCISES))
    tally, before = run(open_db, seconds)
    lost = lost_updates(open_db, tally, before)
    figure = p95(tally.reads_ms)
    print(
        f"{label}: {len(tally.reads_ms)} reads (p95 {figure:.0f} ms, median "
        f"{statistics.median(tally.reads_ms):.0f} ms), {len(tally.imported)} imports, "
        f"{sum(tally.edits.values())} edits ({tally.conflicts} conflicts settled), "
        f"{len(tally.refused)} writes refused as busy, {lost} lost updates, "
        f"{len(tally.errors)} errors",
        flush=True,
    )
    for error in tally.errors[:5]:
        print(f"  {error}")
    if lost or tally.errors:
        raise SystemExit(f"{label}: {lost} lost updates, {len(tally.errors)} errors")
    return figure


def main(seconds: float) -> None:
    from tests.pg_server import missing_reason, remove, start_server

    reason = missing_reason()
    if reason:
        print(f"clinic_load skipped: {reason}")
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalog.sqlite3"
        sqlite = measure("SQLite", lambda: CatalogDatabase.open(path, builtins=[])[0], seconds)
    server = start_server()
    try:
        url = server.create_database("clinic_load")
        postgres = measure(
            "PostgreSQL",
            lambda: CatalogDatabase.open(url=url, builtins=[], author="bench")[0],
            seconds,
        )
    finally:
        remove(server)
    report(
        f"clinic read p95, {COACHES} coaches (PostgreSQL vs SQLite)",
        postgres,
        sqlite,
        "ms",
        limit=P95_LIMIT_MS,
    )


if __name__ == "__main__":
    length = (
        float(sys.argv[1]) if sys.argv[1:] else float(os.environ.get("BENCH_CLINIC_SECONDS", "60"))
    )
    main(length)
