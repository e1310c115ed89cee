"""Shared helpers: timing (median of several runs), synthetic data, and the result line.

Every benchmark measures its baseline in the same run, so a busy machine slows both alike; the
ratio is the figure that travels between machines, the absolute figure is what the coach feels.
"""

from __future__ import annotations

import dataclasses
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from planner.dose import Dose
from planner.exercise import Exercise
from planner.program import ClientDetails, Program, Week
from planner.taxonomy import Direction, Equipment, Knee, Level, Position

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
"""Runs per figure (the median is reported); at least 5."""

WORDS = [
    "hip",
    "knee",
    "glute",
    "band",
    "slow",
    "lift",
    "lower",
    "hold",
    "side",
    "plank",
    "bridge",
    "squat",
    "lunge",
    "step",
    "kick",
    "reach",
    "rotate",
    "clam",
    "press",
    "pull",
    "hinge",
    "balance",
    "march",
    "walk",
    "lean",
    "tall",
]


@dataclass(frozen=True, slots=True)
class Result:
    name: str
    figure: float
    baseline: float
    unit: str
    target: str
    met: bool

    @property
    def ratio(self) -> float:
        return self.figure / self.baseline if self.baseline else float("inf")

    def line(self) -> str:
        verdict = "MET" if self.met else "MISSED"
        return (
            f"{self.name:<44} {self.figure:>9.1f} {self.unit:<5} baseline {self.baseline:>8.1f} "
            f"{self.unit:<5} ratio {self.ratio:>6.2f}x  target {self.target:<14} {verdict}"
        )


RESULTS: list[Result] = []
RESULTS_FILE = "HIP_BENCH_RESULTS"
"""Where ``python -m benchmarks`` collects the results of the benchmarks it runs as children."""


def report(
    name: str,
    figure: float,
    baseline: float,
    unit: str,
    *,
    limit: float | None = None,
    ratio_limit: float | None = None,
    at_least: float | None = None,
) -> Result:
    """Print (and keep) one figure against its baseline and target."""
    if limit is not None:
        target, met = f"<= {limit:g} {unit}", figure <= limit
    elif ratio_limit is not None:
        target, met = f"<= {ratio_limit:g}x", figure <= ratio_limit * baseline
    else:
        assert at_least is not None
        target, met = f">= {at_least:g} {unit}", figure >= at_least
    result = Result(name, figure, baseline, unit, target, met)
    RESULTS.append(result)
    print(result.line(), flush=True)
    collected = os.environ.get(RESULTS_FILE)
    if collected:
        with open(collected, "a", encoding="utf-8") as file:
            file.write(json.dumps(dataclasses.asdict(result)) + "\n")
    return result


def median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    """The median wall time of ``action`` in milliseconds (after one unmeasured warm-up)."""
    action()
    times = []
    for _ in range(max(5, runs)):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def qt_app() -> Any:
    """The QApplication, created on first use; the offscreen platform's size-hint notice is
    dropped (it says only that offscreen windows have no window manager)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:

        def handler(kind: QtMsgType, _context: Any, message: str) -> None:
            if "propagateSizeHints" not in message:
                print(message, file=sys.stderr)

        qInstallMessageHandler(handler)
        app = QApplication(sys.argv[:1])
    return app


def synthetic_exercise(i: int, *, builtin: bool = False) -> Exercise:
    """An exercise with varied tags and words, like a coach's own catalog."""
    directions = list(Direction)
    words = " ".join(WORDS[(i * k) % len(WORDS)] for k in (1, 3, 7, 11))
    return Exercise(
        id=f"own-bench-{i}",
        name=f"{words.title()} {i}",
        directions=(directions[i % 6], directions[(i + 1) % 6]),
        knee=list(Knee)[i % 2],
        positions=(list(Position)[i % 9],),
        equipment=(list(Equipment)[i % 16], Equipment.BODY_WEIGHT),
        level=list(Level)[i % 3],
        dose=Dose(sets=1 + i % 5, amount=5 + i % 20),
        instructions=f"Move {words} slowly and with control, exercise {i}. " * 3,
        cues=(f"Cue one for {i}.", "Breathe out as you lift."),
        builtin=builtin,
    )


def synthetic_catalog(count: int) -> list[Exercise]:
    return [synthetic_exercise(i) for i in range(count)]


def synthetic_program(weeks: int, per_week: int, exercises: list[Exercise]) -> Program:
    """A program of ``weeks`` weeks with ``per_week`` entries each, spread over the days."""
    program = Program()
    program.set_details(
        ClientDetails(
            client_name="Bench Client",
            title="Return to running",
            coach_name="Sam",
            start_date=date(2025, 1, 6),
        )
    )
    for w in range(weeks):
        if w:
            program.insert_week(w, Week())
        for n in range(per_week):
            exercise = exercises[(w * 7 + n) % len(exercises)]
            program.add_entry(w, n % 7, exercise)
    return program
