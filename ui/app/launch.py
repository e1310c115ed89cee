"""Start-up: a command (``catalog``, ``check``, ``export``) or the GUI, never a traceback.

Heavy modules (reportlab, the file dialogs' helpers) are imported only when used.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from planner.file_text import printable
from planner.files.folders import remove_stale_temp_files_at_start

if TYPE_CHECKING:
    from db.catalog import CatalogDatabase, ImportReport, StartupReport
    from planner.exercise import Exercise

# planner.cli (and the balance rule it loads) is imported only for a command: opening the
# window does not need it.

BAD_INPUT = 2
"""planner.cli.EXIT_BAD_INPUT (a test keeps them equal)."""
NO_DISPLAY = (
    "Hip Planner needs a graphical desktop, but no display was found (DISPLAY and "
    "WAYLAND_DISPLAY are not set). Start it from your desktop session, or connect with "
    "'ssh -X'; for a headless run set QT_QPA_PLATFORM=offscreen."
)
MISSING_LIBRARY = (
    "Hip Planner cannot open a window: the system library {library} is missing. Install it "
    "(Debian/Ubuntu: sudo apt install {package}; the README lists all of Qt's desktop "
    "libraries) and start Hip Planner again."
)


def display_problem() -> str | None:
    """Why Qt could not open a window here, in one line; None when it should work.

    Qt aborts the whole process when its platform plugin cannot start, so we check first.
    """
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return None
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return NO_DISPLAY
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    return missing_x11_library()


def missing_x11_library() -> str | None:
    """Load Qt's X11 support the way its platform plugin would; name what the system lacks."""
    import ctypes
    import ctypes.util

    import PySide6

    if ctypes.util.find_library("xcb-cursor") is None:
        return MISSING_LIBRARY.format(library="libxcb-cursor.so.0", package="libxcb-cursor0")
    qpa = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6XcbQpa.so.6"
    if not qpa.exists():
        return None
    try:
        ctypes.CDLL(str(qpa))
    except OSError as exc:
        found = re.search(r"(lib[\w+-]+)\.so\.(\d+)", str(exc))
        if found is None:
            return MISSING_LIBRARY.format(library=str(exc), package="the Qt desktop libraries")
        library, version = found.groups()
        return MISSING_LIBRARY.format(library=found.group(0), package=f"{library}{version}")
    return None


def catalog_exercises() -> list[Exercise]:
    """The catalog for the command line: built-in and own exercises from the database.

    What opening the database had to repair is said on stderr. A database that cannot be used
    (written by a newer Hip Planner, in a read-only folder) is said in one line, and what can
    still be read is listed, as the window then shows it.
    """
    from db.catalog import CatalogDatabase, unreadable_note
    from db.errors import CatalogError
    from db.quick_read import catalog_source, catalog_without_database

    try:
        database, report = CatalogDatabase.open()
    except CatalogError as exc:
        exercises, shown = catalog_without_database(catalog_source())
        print(printable(f"hip-planner: {exc} Listing {shown}."), file=sys.stderr)
        return exercises
    with database:
        _tell_repairs(report)
        exercises = database.exercises(include_archived=True)
        if database.unreadable:
            print(f"hip-planner: {unreadable_note(database.unreadable)}", file=sys.stderr)
        return exercises


class DatabaseStore:
    """The catalog database as ``catalog import`` and ``catalog export`` use it."""

    def own_exercises(self) -> list[Exercise]:
        with _database() as database:
            return [ex for ex in database.exercises(include_archived=True) if not ex.builtin]

    def import_own(self, exercises: list[Exercise]) -> ImportReport:
        with _database() as database:
            return database.import_own(exercises)

    def init_clinic(self, url: str) -> str:
        from db.clinic import split_password

        with _database(url) as database:
            count = len(database.exercises(include_archived=True))
        where = split_password(url)[0]
        return f"The clinic catalog at {where} is ready ({count} exercises)."


@contextmanager
def _database(url: str | None = None) -> Iterator[CatalogDatabase]:
    """The catalog database for a command that writes or needs the coach's own exercises:
    failing to open it, or a failed write, is one line (and nothing was changed)."""
    from db.catalog import CatalogDatabase
    from db.errors import CatalogError
    from planner.cli import UsageError

    try:
        database, report = CatalogDatabase.open(url=url)
    except CatalogError as exc:
        raise UsageError(f"hip-planner: {exc}") from None
    with database:
        _tell_repairs(report)
        try:
            yield database
        except CatalogError as exc:
            raise UsageError(f"hip-planner: nothing was changed: {exc}") from None


def _tell_repairs(report: StartupReport) -> None:
    """What opening the database had to repair, on stderr."""
    for note in report.messages():
        print(printable(f"hip-planner: {note}"), file=sys.stderr)


EXIT_UNEXPECTED = 70
"""A command stopped on a bug (sysexits' EX_SOFTWARE); the details are in the log file."""


def _unexpected_error(command: str) -> int:
    """Write the current exception to the log file and tell the coach in one line."""
    import traceback
    from datetime import datetime

    from ui.common.crash_handler import log_file

    where: Path | None = log_file()
    try:
        with log_file().open("a", encoding="utf-8") as log:
            log.write(f"{datetime.now():%Y-%m-%d %H:%M:%S} ERROR hip-planner {command}:\n")
            log.write(traceback.format_exc())
    except OSError:
        where = None
    details = f"the details are in {where}" if where else "no log file could be written"
    print(
        printable(
            f"hip-planner {command}: stopped by an unexpected problem in Hip Planner (a bug); "
            f"{details}. Please send them to whoever supports your copy."
        ),
        file=sys.stderr,
    )
    return EXIT_UNEXPECTED


def run(argv: list[str]) -> int:
    """The program: dispatch to a command or open the GUI (with program files, if given)."""
    remove_stale_temp_files_at_start()
    files = [Path(a) for a in argv]
    if argv and (argv[0].startswith("-") or any(p.suffix.lower() != ".hipplan" for p in files)):
        from planner.cli import COMMANDS, EXIT_BAD_INPUT, run_command

        if argv[0] in COMMANDS or argv[0].startswith("-"):
            try:
                return run_command(argv, load_catalog=catalog_exercises, store=DatabaseStore())
            except Exception:  # a bug: one line for the coach, the traceback in the log
                return _unexpected_error(argv[0])
        wrong = next(p for p in files if p.suffix.lower() != ".hipplan")
        print(
            f"hip-planner: '{printable(str(wrong))}' is neither a command "
            f"({', '.join(COMMANDS)}) nor a .hipplan program file (see 'hip-planner --help')",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return BAD_INPUT
    from ui.app.application import run_gui

    return run_gui(files)
