"""The program's command line, end to end as a coach would type it (``python main.py …``)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.cli_helpers import run_main


def run(*args: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return run_main(*args, home=home, **env)


def test_catalog_json_lists_every_exercise_with_the_design_fields(hip_home: Path) -> None:
    result = run("catalog", "--json", home=hip_home)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) >= 80
    assert {"id", "name", "directions", "knee", "positions", "equipment", "level", "dose"} <= set(
        rows[0]
    )
    cells = Counter((row["directions"][0], row["knee"]) for row in rows)
    directions = [
        "flexion",
        "extension",
        "abduction",
        "adduction",
        "external_rotation",
        "internal_rotation",
    ]
    assert all(cells[(d, k)] >= 3 for d in directions for k in ("bent", "straight")), cells
    assert (hip_home / "data" / "catalog.sqlite3").exists()  # the database was created there


def test_catalog_filters_combine(hip_home: Path) -> None:
    result = run(
        "catalog", "--json", "--direction", "internal_rotation", "--knee", "straight", home=hip_home
    )
    rows = json.loads(result.stdout)
    assert rows
    assert all("internal_rotation" in r["directions"] and r["knee"] == "straight" for r in rows)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ("catalog", "--knee", "wobbly"),
            '"wobbly" is not a known knee; choose one of: Knee bent (bent), '
            "Knee straight (straight)",
        ),
        (
            ("catalog", "--direction", "sideways"),
            "is not a known direction; choose one of: Forward (flexion), Backward (extension), "
            "Away (abduction), Toward (adduction), Rotate out (external_rotation), "
            "Rotate in (internal_rotation)",
        ),
        (("catalog", "--position", "lying"), "Lying on the back (supine), Lying face down"),
        (("catalog", "--frobnicate"), "unrecognized arguments: --frobnicate"),
        (("notes.txt",), "neither a command"),
        (("check", "missing.hipplan"), "missing.hipplan"),
    ],
)
def test_mistakes_get_one_clear_line_and_exit_2(
    hip_home: Path, args: tuple[str, ...], says: str
) -> None:
    result = run(*args, home=hip_home)
    assert result.returncode == 2
    assert says in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are a Linux/X11 matter")
def test_no_display_says_so_instead_of_aborting(hip_home: Path) -> None:
    result = run(home=hip_home)
    assert result.returncode == 2
    assert "no display was found" in result.stderr
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr
