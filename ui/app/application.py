"""The Qt application: opens the catalog database, restores unsaved work, shows the windows."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.files.folders import FOLDER_PURPOSES, folder_problems
from ui.app.desktop_icon import name_the_desktop_entry, set_window_icon
from ui.app.file_open_events import FileOpenEvents
from ui.app.first_paint import exit_after_first_paint_if_asked
from ui.app.main_window import MainWindow
from ui.common.crash_handler import install_excepthook, setup_logging

if TYPE_CHECKING:
    from db.catalog import CatalogDatabase
    from planner.exercise import Exercise

# The catalog's modules (db.quick_read, db.clinic, db.catalog) are imported where they are
# used: an ordinary start paints the start page before any of them is needed.


def create_application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QApplication.setApplicationName("Hip Planner")
    QApplication.setOrganizationName("Hip Planner")
    QApplication.setApplicationDisplayName("Hip Planner")
    name_the_desktop_entry()
    app = QApplication(sys.argv[:1])
    set_window_icon(app)
    app.aboutToQuit.connect(_release_clipboard)
    return app


def _release_clipboard() -> None:
    if "ui.week.planner_controller" in sys.modules:  # only a built planner put cards there
        from ui.week.planner_controller import release_clipboard

        release_clipboard()


def open_catalog() -> tuple[CatalogDatabase | None, list[Exercise], list[str]]:
    """The catalog database (repaired if needed), its exercises, and what to tell the coach.

    A catalog that cannot be used still leaves a working planner with what can be read: the
    catalog as it is, or the built-in exercises, read-only.
    """
    # SQLAlchemy: ~0.2 s, so not before the first paint
    from db.catalog import CatalogDatabase, unreadable_note
    from db.clinic import clinic_url, unreachable_note
    from db.errors import CatalogError
    from db.quick_read import catalog_source, catalog_without_database

    try:
        database, report = CatalogDatabase.open()
    except CatalogError as exc:
        exercises, shown = catalog_without_database(catalog_source())
        if clinic_url():
            return None, exercises, [unreachable_note(str(exc))]
        return None, exercises, [f"{exc}\n\nHip Planner shows {shown} until then."]
    exercises = database.exercises(include_archived=True)
    left_out = unreadable_note(database.unreadable)
    return database, exercises, report.messages() + ([left_out] if left_out else [])


def open_while_painting() -> tuple[CatalogDatabase | None, list[Exercise], list[str]]:
    """:func:`open_catalog` on a worker thread, the window repainting meanwhile.

    A clinic's server may take up to its connect timeout to answer (or not); the window,
    painted from the local copy, must not look frozen. Input waits until the catalog is
    attached, so no action runs against a catalog half opened.
    """
    done = threading.Event()
    outcome: list[tuple[CatalogDatabase | None, list[Exercise], list[str]]] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            outcome.append(open_catalog())
        except BaseException as exc:  # raised again on the GUI thread, where it is reported
            failure.append(exc)
        finally:
            done.set()

    threading.Thread(target=work, name="open-catalog", daemon=True).start()
    while not done.wait(0.02):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    if failure:
        raise failure[0]
    return outcome[0]


def unwritable_folders_note(problems: dict[str, str]) -> str:
    """What the coach is told when some of Hip Planner's own folders cannot be written."""
    if not problems:
        return ""
    lines = "\n".join(f"• {FOLDER_PURPOSES[kind]}: {where}" for kind, where in problems.items())
    return (
        "Hip Planner cannot write to these folders, so what they hold cannot be saved:\n"
        f"{lines}\n\nPrograms still open, check, print and save wherever you choose. Make "
        "the folders writable (or set HIP_PLANNER_HOME to a folder you may write) and start "
        "Hip Planner again."
    )


def open_windows(files: list[Path]) -> list[MainWindow]:
    """The first window, then one more per autosaved program the coach restores.

    Without files to open the window opens on the start page, painted before the planner
    behind it is built (``MainWindow.build_planner``) and before the catalog database opens.
    With files (and the catalog's local copy readable) the catalog and the week are painted
    first, the coverage and log panels and the menus' commands built right after.
    The catalog's start-up notes come first; files named on the command line open last.
    """
    folder_note = unwritable_folders_note(folder_problems())
    if not files:
        first = MainWindow(start_page=True)
        first.show()
        QApplication.processEvents()  # expose and paint the start page
    from db.clinic import clinic_url
    from db.quick_read import catalog_source, catalog_without_database, read_exercises_quickly

    quick = read_exercises_quickly(catalog_source())
    if quick is None and clinic_url():  # no local copy yet: never wait for the server to paint
        quick, _ = catalog_without_database(catalog_source())
    if quick is None:  # first start, or a catalog that needs repair or migration
        database, exercises, notes = open_catalog()
        if files:
            first = MainWindow(exercises, database)
            first.show()
        else:
            first.build_planner(exercises)
            first.attach_catalog(database, exercises)
    else:
        if files:  # the catalog and the week first; the coverage panel and menus right after
            first = MainWindow(quick, None, side_panels_later=True)
            first.show()
            QApplication.processEvents()  # expose and paint them
            first.build_side_panels()
        else:
            first.build_planner(quick)
        QApplication.processEvents()  # expose and paint it: the coach sees it while the db opens
        database, exercises, notes = open_catalog() if not clinic_url() else open_while_painting()
        first.attach_catalog(database, exercises)
    if folder_note:
        QMessageBox.warning(first, "Hip Planner cannot save its own files", folder_note)
    for note in notes:
        QMessageBox.warning(first, "The exercise catalog", note)
    windows = [first]
    for recovery in first.file.offer_recoveries():
        window = first if not first.document.modified else MainWindow(exercises, database)
        window.file.show_recovery(recovery)
        if window not in windows:
            windows.append(window)
            window.show()
    for path in files:
        window = first if not first.document.modified else MainWindow(exercises, database)
        if window not in windows:
            windows.append(window)
            window.show()
        window.open_path(path)
    return windows


def run_gui(files: list[Path]) -> int:
    app = create_application()
    exit_after_first_paint_if_asked(app)
    setup_logging()
    install_excepthook()
    windows = open_windows(files)
    app.installEventFilter(FileOpenEvents(lambda: windows, app))
    code = app.exec()
    database = windows[0].catalog_db
    windows.clear()
    if database is not None:
        database.close()
    return code
