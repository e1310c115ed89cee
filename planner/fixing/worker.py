"""Runs each solve in a worker process that can be stopped.

HiGHS (through SciPy) was seen, rarely and not reproducibly, to stop answering inside a solve
despite its time limit (once in a few hundred solves, on a busy two-core machine; the same
problem then solved in a second). A thread cannot be stopped, a process can: a solve that has
not answered after :data:`HARD_LIMIT` seconds ends its worker and is tried once more in a new
one. The worker starts on the first solve ("spawn", which is safe beside Qt) and is reused.
"""

from __future__ import annotations

import atexit
import multiprocessing
from collections.abc import Callable
from multiprocessing.pool import Pool

from planner.fixing.model import TIME_LIMIT, PlanningTimeout, Problem, Solution, solve_here

HARD_LIMIT = TIME_LIMIT + 20
"""Seconds a solve may take, start-up of a new worker included, before the worker is ended."""
TRIES = 2

Solver = Callable[[Problem], Solution | None]
_workers: list[Pool] = []


def _worker() -> Pool:
    if not _workers:
        _workers.append(multiprocessing.get_context("spawn").Pool(1))
    return _workers[0]


def stop() -> None:
    """End the worker (if any); the next solve starts a new one."""
    while _workers:
        pool = _workers.pop()
        pool.terminate()
        pool.join()


atexit.register(stop)


def solve(problem: Problem, run: Solver = solve_here) -> Solution | None:
    """``run(problem)`` (the solver) in the worker process, with a hard time limit."""
    for _ in range(TRIES):
        pending = _worker().apply_async(run, (problem,))
        try:
            result: Solution | None = pending.get(HARD_LIMIT)
        except multiprocessing.TimeoutError:
            stop()
            continue
        return result
    raise PlanningTimeout("the solver stopped answering")
