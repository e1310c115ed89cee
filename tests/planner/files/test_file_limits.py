"""The format's size limits are consistent and bound the memory a file can take.

A program (or sharing file) at every limit of its format must be read back; any file under the
20 MB size limit must be read or refused within 300 MB (peak RSS of a fresh process: memory is
a correctness bound here, a file that needs more would stop the program on a small laptop).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from planner.dose import TEXT_LIMITS, Dose
from planner.exercise import CUE_LIMIT, INSTRUCTIONS_LIMIT, MAX_CUES, NAME_LIMIT, Exercise
from planner.files.exercise_share import dumps_exercises, loads_exercises
from planner.files.program_file import MAX_FILE_BYTES
from planner.files.program_format import parse_program, serialize_program
from planner.files.strict_json import MAX_VALUES, count_values
from planner.program import (
    DAYS_PER_WEEK,
    MAX_ENTRIES_PER_DAY,
    MAX_EXERCISES,
    MAX_WEEKS,
    Day,
    Entry,
    Program,
    Week,
)
from planner.taxonomy import Direction, Equipment, Position
from tests.factories import make_exercise

ROOT = Path(__file__).resolve().parents[3]
MEMORY_LIMIT_MB = 300


def widest_exercise(number: int) -> Exercise:
    """An exercise with every list as long as the format allows."""
    base = make_exercise(
        f"own-{number}",
        *list(Direction)[:3],
        name=f"Exercise {number}",
        positions=tuple(Position),
        equipment=tuple(Equipment),
        builtin=False,
    )
    return replace(base, cues=tuple(f"Cue {i}" for i in range(MAX_CUES)), harder="own-x")


def largest_program() -> Program:
    exercises = {ex.id: ex for ex in map(widest_exercise, range(MAX_EXERCISES))}
    dose = Dose()
    weeks = [
        Week(
            [
                Day([Entry("own-0", dose, f"w{w}d{d}e{e}") for e in range(MAX_ENTRIES_PER_DAY)])
                for d in range(DAYS_PER_WEEK)
            ]
        )
        for w in range(MAX_WEEKS)
    ]
    return Program(weeks=weeks, exercises=exercises)


def test_a_program_at_every_limit_is_read_back() -> None:
    data = serialize_program(largest_program())
    assert count_values(data, stop_after=MAX_VALUES) <= MAX_VALUES
    assert len(data) < MAX_FILE_BYTES
    loaded = parse_program(data, source="largest.hipplan").program
    assert len(loaded.exercises) == MAX_EXERCISES
    assert sum(len(day.entries) for week in loaded.weeks for day in week.days) == (
        MAX_WEEKS * DAYS_PER_WEEK * MAX_ENTRIES_PER_DAY
    )


def test_a_sharing_file_at_its_limit_is_read_back() -> None:
    data = dumps_exercises(widest_exercise(n) for n in range(MAX_EXERCISES))
    assert count_values(data, stop_after=MAX_VALUES) <= MAX_VALUES
    assert len(loads_exercises(data)) == MAX_EXERCISES


def test_longest_texts_fit_in_the_size_limit() -> None:
    """The text limits leave a program at every limit within 20 MB, escapes and all."""
    entry_text = sum(TEXT_LIMITS.values())
    exercise_text = NAME_LIMIT + INSTRUCTIONS_LIMIT + MAX_CUES * CUE_LIMIT + entry_text
    entries = MAX_WEEKS * DAYS_PER_WEEK * MAX_ENTRIES_PER_DAY
    assert entries * entry_text + MAX_EXERCISES * exercise_text < 6 * MAX_FILE_BYTES // 2


READ = """
import resource, sys
from pathlib import Path

def peak_mb():
    # Linux keeps ru_maxrss across fork and exec, so a child reports its parent's (pytest's)
    # peak; VmHWM is the peak of this process's own memory.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 // (1024 if sys.platform == "darwin" else 1)

from planner.files.exercise_share import ExerciseShareError, read_exercises
from planner.files.program_file import ProgramFileError, load_program
path = Path(sys.argv[1])
try:
    (read_exercises if path.suffix == ".json" else load_program)(path)
    outcome = "read"
except (ProgramFileError, ExerciseShareError) as exc:
    outcome = "refused: " + str(exc)[:200]
print(peak_mb())
print(outcome)
"""


def peak_megabytes(path: Path) -> tuple[int, str]:
    """Read ``path`` in a fresh process: its peak memory in MB and what happened."""
    result = subprocess.run(
        [sys.executable, "-c", READ, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    peak, outcome = result.stdout.splitlines()
    return int(peak), outcome


def filled(opening: bytes, item: bytes, closing: bytes, size: int) -> bytes:
    count = (size - len(opening) - len(closing)) // (len(item) + 1)
    return opening + b",".join([item] * count) + closing


ENTRIES = b'{"format": "hip-planner/program", "version": 3, "weeks": [{"days": [{"entries": ['
HOSTILE = {
    "a million entries in one day (3 MB)": (
        ".hipplan",
        filled(ENTRIES, b"{}", b"]}]}]}", 3_000_000),
    ),
    "6 MB of {} entries": (".hipplan", filled(ENTRIES, b"{}", b"]}]}]}", 6_000_000)),
    "20 MB of [[]]": (".hipplan", filled(b"[", b"[[]]", b"]", MAX_FILE_BYTES - 10)),
    "20 MB of short strings": (".json", filled(b"[", b'"ab"', b"]", MAX_FILE_BYTES - 10)),
    "20 MB of one-key objects": (".json", filled(b"[", b'{"a":{}}', b"]", MAX_FILE_BYTES - 10)),
    "20 MB of one string": (".hipplan", b'{"format": "' + b"x" * (MAX_FILE_BYTES - 20) + b'"}'),
    # Just under the value limit, with the values that take the most memory each:
    "599,997 values of objects": (".json", b"[" + b",".join([b'{"a":{}}'] * 199_999) + b"]"),
    "599,997 values of strings": (
        ".json",
        b"[" + b",".join([b'"' + b"ab" * 9 + b'"'] * 599_997) + b"]",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_no_file_under_the_size_limit_fills_the_memory(tmp_path: Path, name: str) -> None:
    suffix, data = HOSTILE[name]
    assert len(data) <= MAX_FILE_BYTES
    path = tmp_path / f"hostile{suffix}"
    path.write_bytes(data)
    peak, outcome = peak_megabytes(path)
    assert outcome.startswith("refused: ")
    assert peak < MEMORY_LIMIT_MB, f"{name}: {peak} MB"


def test_the_largest_program_reads_within_the_memory_bound(tmp_path: Path) -> None:
    path = tmp_path / "largest.hipplan"
    path.write_bytes(serialize_program(largest_program()))
    peak, outcome = peak_megabytes(path)
    assert outcome == "read"
    assert peak < MEMORY_LIMIT_MB, f"{peak} MB"


def test_a_program_too_large_to_save_says_what_makes_it_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Photos and a long log can outgrow the file; the coach is told what to take off, and
    nothing is written."""
    from planner.files import program_file
    from planner.files.safe_save import ProgramSaveError

    program = Program()
    program.add_entry(0, 0, make_exercise("glute-bridge"))
    monkeypatch.setattr(program_file, "MAX_FILE_BYTES", 100)
    target = tmp_path / "big.hipplan"
    with pytest.raises(ProgramSaveError) as caught:
        program_file.save_program(program, target)
    message = str(caught.value)
    assert "too large to save" in message
    assert "Take some photos off its exercises and entries, or split it into two." in message
    assert not target.exists()
