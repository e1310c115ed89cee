"""Runs each solve in a thread the caller stops waiting for after a hard time limit.

HiGHS (through SciPy) was seen, once in a few hundred solves on a busy two-core machine, to
stop answering inside a solve despite its time limit; the same problem then solved in a second.
HiGHS lets go of Python's lock while it works, so the caller can wait with a limit: after
:data:`HARD_LIMIT` seconds it gives up (:class:`PlanningTimeout`) and the window stays usable.
The stuck solve is left in its daemon thread (a thread cannot be ended; it ends with the
program). A worker process could be ended, but would re-run any script that forgets the
``if __name__ == "__main__"`` guard.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from planner.fixing.model import TIME_LIMIT, PlanningTimeout, Problem, Solution, solve_here

HARD_LIMIT = TIME_LIMIT + 10
"""Seconds a solve may take before the caller stops waiting for it."""

Solver = Callable[[Problem], Solution | None]


def solve(problem: Problem, run: Solver = solve_here) -> Solution | None:
    """``run(problem)`` (the solver) with a hard time limit; its errors are raised here."""
    outcome: list[Solution | None] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            outcome.append(run(problem))
        except BaseException as exc:  # handed to the caller below
            failure.append(exc)

    thread = threading.Thread(target=work, name="hip-planner-solver", daemon=True)
    thread.start()
    thread.join(HARD_LIMIT)
    if thread.is_alive():
        raise PlanningTimeout("the solver stopped answering")
    if failure:
        raise failure[0]
    return outcome[0]
