"""Running Hip Planner as the coach does (``python main.py …``), and files to give it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from planner.files.exercise_share import dumps_exercises
from planner.files.program_format import serialize_program
from planner.program import Program
from tests.factories import make_exercise

ROOT = Path(__file__).resolve().parents[1]
OWN = make_exercise("own-lunge", name="Lunge", builtin=False)


def run_main(
    *args: str, home: Path, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS`` with no display and ``HIP_PLANNER_HOME`` at ``home``."""
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        errors="replace",
        env=base | {"HIP_PLANNER_HOME": str(home)} | env,
        timeout=timeout,
        check=False,
    )


def program_document() -> dict[str, Any]:
    """A valid program file (one entry of :data:`OWN`) as JSON values, to damage."""
    program = Program()
    program.add_entry(0, 0, OWN)
    document: dict[str, Any] = json.loads(serialize_program(program))
    return document


def sharing_document() -> dict[str, Any]:
    """A valid sharing file (:data:`OWN`) as JSON values, to damage."""
    document: dict[str, Any] = json.loads(dumps_exercises([OWN]))
    return document
