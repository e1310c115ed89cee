"""The child of the crash test: saves programs A and B, alternately, until it is killed.

Run as ``python -m tests.crash_saver TARGET`` from the checkout. Starting Python and importing
pydantic for each of hundreds of kills would take a minute, so this process starts once and
forks a fresh saver on each ``go`` line from stdin; it prints the saver's process id, then
``done`` once the saver has been killed. The test does the killing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from planner.files.program_file import save_program
from planner.program import Entry, Program
from planner.taxonomy import Direction
from tests.factories import make_exercise


def crash_program(version: str) -> Program:
    """A or B: ten weeks, so one save takes long enough to be interrupted in the middle."""
    exercises = [make_exercise(f"exercise-{n}", Direction.ADDUCTION) for n in range(6)]
    p = Program(exercises={ex.id: ex for ex in exercises})
    for week in range(10):
        if week:
            p.insert_week(week)
        for day in range(7):
            for n, ex in enumerate(exercises):
                entry = Entry(ex.id, ex.dose.with_changes(notes=version * n), f"{week}-{day}-{n}")
                p.insert_entries([entry], week, day, None)
    return p


def save_forever(target: Path, programs: list[Program], first: int) -> None:
    n = first
    while True:
        save_program(programs[n % 2], target)
        n += 1


def serve(target: Path) -> None:
    programs = [crash_program("A"), crash_program("B")]
    for rounds, line in enumerate(sys.stdin):
        if line.strip() != "go":
            break
        pid = os.fork()
        if pid == 0:
            try:
                save_forever(target, programs, first=rounds)
            finally:
                os._exit(1)
        print(pid, flush=True)
        os.waitpid(pid, 0)
        print("done", flush=True)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
