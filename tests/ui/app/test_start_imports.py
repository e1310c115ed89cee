"""Starting the program loads only what the first window needs (see docs/performance.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

START = """
import sys
from ui.app.application import create_application, open_windows
app = create_application()
windows = open_windows([])
app.processEvents()
assert windows[0].isVisible() and windows[0].catalog.list.model().rowCount() > 0
names = set(sys.modules) | {name.split(".")[0] for name in sys.modules}
loaded = sorted(names & set(sys.argv[1:]))
print(" ".join(loaded))
for window in windows:
    window.document.undo_stack.setClean()
    window.close()
"""


def _start(home: Path, *watched: str) -> list[str]:
    """The watched packages and modules loaded once the main window is shown and painted."""
    result = subprocess.run(
        [sys.executable, "-c", START, *watched],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen",
            "HIP_PLANNER_HOME": str(home),
        },
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_starting_does_not_import_reportlab_scipy_nor_alembic_without_a_migration(
    tmp_path: Path,
) -> None:
    first = _start(tmp_path, "reportlab", "alembic", "scipy")
    assert "reportlab" not in first
    assert "scipy" not in first
    assert "alembic" in first  # the first start creates the catalog with a migration
    assert _start(tmp_path, "reportlab", "alembic", "scipy") == []


def test_starting_builds_no_dialog_and_loads_no_fix_planner(tmp_path: Path) -> None:
    watched = (
        "planner.fixing.engine",
        "planner.fixing.edits",
        "ui.dialogs.details_dialog",
        "ui.dialogs.dose_editor",
        "ui.catalog.exercise_form",
    )
    _start(tmp_path)  # the first start creates the catalog
    assert _start(tmp_path, *watched) == []


AT_FIRST_PAINT = """
import os, sys
import ui.app.application
from ui.app.first_paint import ExitAfterFirstPaint, start_page_filled
from ui.app.launch import run

created = ui.app.application.create_application

def ready(widget):
    if not start_page_filled(widget):
        return False
    names = set(sys.modules) | {name.split(".")[0] for name in sys.modules}
    print(" ".join(sorted(names & set(sys.argv[1:]))), flush=True)
    os._exit(0)

def create_and_watch():
    app = created()
    app.installEventFilter(ExitAfterFirstPaint(app, ready))
    return app

ui.app.application.create_application = create_and_watch
run([])
"""


def test_the_start_page_is_painted_before_the_planner_and_the_catalog_load(
    tmp_path: Path,
) -> None:
    watched = (
        "sqlalchemy",
        "pydantic",
        "planner.cli",
        "planner.files.program_schema",
        "db.quick_read",
        "ui.catalog.catalog_panel",
        "ui.week.week_view",
        "ui.coverage.coverage_panel",
        "ui.files.file_controller",
    )
    _start(tmp_path)  # the first start creates the catalog
    result = subprocess.run(
        [sys.executable, "-c", AT_FIRST_PAINT, *watched],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen",
            "HIP_PLANNER_HOME": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []
