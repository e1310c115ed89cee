"""File commands: new, templates, open, recent, save, save as; autosave and crash recovery.

Nothing the coach made is lost: saving is all-or-nothing (planner.files.safe_save), a failed save
keeps the document modified and offers Save As, a bad file never touches the open program,
unsaved work is autosaved to the recovery folder and offered back after a crash.
"""

from __future__ import annotations

import logging
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMenu, QMessageBox

from planner.files.folders import recovery_dir
from planner.program import FILE_EXTENSION as EXTENSION
from ui.common import settings as remembered
from ui.common.document import Document, DocumentHost
from ui.files.file_lock import ProgramLock

if TYPE_CHECKING:
    from db.catalog import CatalogDatabase
    from planner.files.recovery import Recovery
    from ui.files.clinic_templates import TemplateChoice

# The file format (pydantic models), recovery and templates are imported where they are used:
# none of them is needed to paint the first window, and together they cost ~60 ms at start.

log = logging.getLogger(__name__)

FILE_FILTER = f"Hip Planner programs (*{EXTENSION});;All files (*)"
RECENT_LIMIT = 10


class FileController(QObject):
    """The File menu's commands for one window; ``host`` holds the open document."""

    opened = Signal(object)  # the Program just opened from a file
    closed = Signal()  # Close program: a blank program replaced the open one

    def __init__(
        self,
        window: QMainWindow,
        host: DocumentHost,
        menu: QMenu,
        before: QAction,
        *,
        catalog: Callable[[], CatalogDatabase | None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.host = host
        self.catalog = catalog
        """The catalog database, where clinic templates live (None before it is attached)."""
        self.lock: ProgramLock | None = None
        self.recovery_lock: ProgramLock | None = None
        self._read_only_ok: Path | None = None
        """The read-only file the coach said to save anyway (asked once per file)."""
        self.autosave_failing = False
        """The last autosave failed (the coach has been told; told again after a success)."""
        self._hold_recovery_key()

        def action(
            text: str,
            slot: object,
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        ) -> QAction:
            act = QAction(text, window)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
            menu.insertAction(before, act)
            return act

        self.new_action = action("&New program", self.new, QKeySequence.StandardKey.New)
        self.template_action = action("New from &template…", self.new_from_template, "Ctrl+Shift+T")
        self.open_action = action("&Open…", self.open, QKeySequence.StandardKey.Open)
        self.recent_menu = QMenu("Open &recent", window)
        menu.insertMenu(before, self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.insertSeparator(before)
        self.save_action = action("&Save", self.save, QKeySequence.StandardKey.Save)
        self.save_as_action = action("Save &as…", self.save_as, QKeySequence.StandardKey.SaveAs)
        self.clinic_template_action = action(
            "Save as c&linic template…", self.save_as_clinic_template
        )
        self.clinic_template_action.setStatusTip(
            "Store this program in the clinic's shared catalog for every coach to start from"
        )
        self.close_action = action(
            "&Close program", self.close_program, QKeySequence.StandardKey.Close
        )
        self.close_action.setStatusTip(
            "Close this program (asking to save it) and go back to the start page"
        )
        menu.insertSeparator(before)

        self.autosave = QTimer(self)
        self.autosave.timeout.connect(self.autosave_now)
        self.apply_autosave_setting()
        self.autosave.start()

    def apply_autosave_setting(self) -> None:
        """Autosave as often as Preferences says (every minute unless the coach changed it)."""
        self.autosave.setInterval(remembered.autosave_seconds() * 1000)

    @property
    def document(self) -> Document:
        return self.host.document

    # -- asking before losing work -------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when the program has unsaved changes; True to go on."""
        if not self.document.modified:
            return True
        answer = QMessageBox.question(
            self.window,
            "Unsaved changes",
            f"Save the changes to “{self.document.display_name()}” first?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def close_document(self, key: str | None = None) -> None:
        """Forget a document's recovery copy (the current one's unless ``key`` says which) and
        release the current locks (after a save or a discard)."""
        from planner.files.recovery import discard_recovery

        discard_recovery(key or self.document.key)
        for held in (self.lock, self.recovery_lock):
            if held is not None:
                held.unlock()
        self.lock = self.recovery_lock = None

    def _replace_document(self, document: Document, lock: ProgramLock | None = None) -> bool:
        """Show ``document`` instead of the open one; the open one is closed only once the new
        one is in place. If showing it fails, the open program stays as it was (False)."""
        old = self.document
        try:
            self.host.set_document(document)
        except Exception:  # a program the window cannot show must not cost the open one
            log.exception("could not show the program")
            self.host.set_document(old)
            if lock is not None:
                lock.unlock()
            QMessageBox.warning(
                self.window,
                "Cannot open the program",
                "Hip Planner could not show this program (the details are in the log). This "
                "is a bug in Hip Planner; please report it.\n\nThe program you have open is "
                "unchanged.",
            )
            return False
        self.close_document(old.key)
        self.lock = lock
        self._read_only_ok = None
        self._hold_recovery_key()
        return True

    def _hold_recovery_key(self) -> None:
        self.recovery_lock = ProgramLock.for_recovery(recovery_dir(), self.document.key)
        self.recovery_lock.try_lock()

    # -- new and open --------------------------------------------------------------------------

    def new(self) -> None:
        if self.maybe_save():
            self._replace_document(Document())

    def close_program(self) -> None:
        """Close the open program (asking to save it first); a blank one takes its place."""
        if self.maybe_save() and self._replace_document(Document()):
            self.closed.emit()

    def template_choices(self) -> list[TemplateChoice]:
        """The built-in templates, then the clinic's."""
        from ui.files.clinic_templates import template_choices

        return template_choices(self.catalog())

    def new_from_template(self) -> None:

        choices = self.template_choices()
        titles = [c.title for c in choices]
        about = "\n".join(
            textwrap.fill(f"• {c.title}: {c.description}", 72, subsequent_indent="   ")
            for c in choices
            if c.description
        )
        title, ok = QInputDialog.getItem(
            self.window,
            "New from template",
            f"{about}\n\nStart the new program from:",
            titles,
            0,
            False,
        )
        if ok:
            self.new_from(choices[titles.index(title)])

    def new_from(self, choice: TemplateChoice) -> None:
        """A new, unsaved program from a template (asking to save the open one first)."""
        from planner.files.program_file import ProgramFileError

        if not self.maybe_save():
            return
        try:
            program = choice.load()
        except ProgramFileError as exc:
            QMessageBox.warning(self.window, "Template not available", str(exc))
            return
        self._replace_document(Document(program))
        self.window.statusBar().showMessage(
            f"New program from “{choice.title}”; save it under the client's name. "
            f"{choice.description}",
            15000,
        )

    def save_as_clinic_template(self) -> None:
        from ui.files.clinic_templates import save_as_clinic_template

        note = save_as_clinic_template(self.window, self.catalog(), self.document.program)
        if note:
            self.window.statusBar().showMessage(note, 8000)

    def open(self) -> None:
        if not self.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Open program", self._folder(), FILE_FILTER
        )
        if name:
            self.open_path(Path(name), ask_first=False)

    def open_path(self, path: Path, *, ask_first: bool = True) -> bool:
        """Open a program file in this window. A bad file is reported and changes nothing."""
        from planner.files.program_file import (
            ProgramFileError,
            load_program,
            remove_stale_temp_files,
        )

        if ask_first and not self.maybe_save():
            return False
        found = ProgramLock.for_program(path)
        lock: ProgramLock | None = found
        if not found.try_lock():
            answer = QMessageBox.warning(
                self.window,
                "Already open",
                f"{path.name} is already open in another Hip Planner window ({found.holder()}). "
                "Opening it twice can overwrite changes made there.\n\nOpen it anyway?",
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Open:
                return False
            lock = None
        try:
            loaded = load_program(path)
        except ProgramFileError as exc:
            if lock is not None:
                lock.unlock()
            QMessageBox.warning(
                self.window,
                "Cannot open the program",
                f"{exc}\n\nThe program you have open is unchanged.",
            )
            return False
        remove_stale_temp_files(path.parent)
        document = Document(loaded.program, path)
        if not self._replace_document(document, lock):
            return False
        if loaded.upgraded:
            document.undo_stack.resetClean()
            self.window.statusBar().showMessage(
                f"{path.name} was made by an older Hip Planner. Saving writes the new format "
                "and keeps the original as a backup.",
                10000,
            )
        self.add_recent(path)
        self.opened.emit(loaded.program)
        return True

    # -- save ----------------------------------------------------------------------------------

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        suggested = (
            self.document.path or Path(self._folder()) / f"{self._suggested_name()}{EXTENSION}"
        )
        name, _ = QFileDialog.getSaveFileName(
            self.window, "Save program as", str(suggested), FILE_FILTER
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != EXTENSION:
            path = path.with_name(path.name + EXTENSION)
        if path != self.document.path:
            lock = ProgramLock.for_program(path)
            if not lock.try_lock():
                QMessageBox.warning(
                    self.window,
                    "Already open",
                    f"{path.name} is open in another Hip Planner window ({lock.holder()}). "
                    "Choose another name, or close it there first.",
                )
                return False
            if self.lock is not None:
                self.lock.unlock()
            self.lock = lock
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        from planner.files.program_file import ProgramSaveError, ReadOnlyFileError, save_program
        from planner.files.recovery import discard_recovery

        try:
            save_program(
                self.document.program, path, overwrite_read_only=path == self._read_only_ok
            )
        except ReadOnlyFileError:
            choice = self._ask_read_only(path)
            if choice == "anyway":
                self._read_only_ok = path
                return self._save_to(path)
            return choice == "save as" and self.save_as()
        except (ProgramSaveError, ValueError) as exc:
            answer = QMessageBox.critical(
                self.window,
                "Not saved",
                f"{exc}\n\nYour changes are still here, unsaved. Choose Save to save them "
                "somewhere else.",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Save:
                button = self.save_as_action
                return bool(button.isEnabled()) and self.save_as()
            return False
        self.document.mark_saved(path)
        discard_recovery(self.document.key)
        self.add_recent(path)
        self.window.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def _ask_read_only(self, path: Path) -> str:
        """Save anyway / Save As… / Cancel, for a program file that is read-only."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Read-only file",
            f"“{path.name}” is read-only.",
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        box.setInformativeText(
            "Save Anyway replaces it (it stays read-only); Save As saves your changes under "
            "another name and leaves it as it is."
        )
        anyway = box.addButton("Save Anyway", QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        return "anyway" if clicked is anyway else "save as" if clicked is save_as else "cancel"

    # -- autosave and recovery -------------------------------------------------------------------

    def autosave_now(self) -> None:
        document = self.document
        if not document.modified:
            return
        from planner.files.program_file import ProgramSaveError
        from planner.files.recovery import write_recovery

        try:
            write_recovery(
                document.key, document.program.snapshot(), document.path, document.display_name()
            )
        except Exception as exc:  # a safety net must not stop, nor raise into the crash dialog
            log.warning("autosave failed: %s", exc, exc_info=not isinstance(exc, ProgramSaveError))
            if not self.autosave_failing:  # said once; the timer keeps trying
                self.window.statusBar().showMessage(
                    f"Autosave failed ({exc}). Hip Planner keeps trying; save your work with "
                    "File ▸ Save.",
                    30000,
                )
            self.autosave_failing = True
        else:
            self.autosave_failing = False

    def offer_recoveries(self) -> list[Recovery]:
        """At start: offer each autosaved, unsaved program back; returns the ones restored."""
        try:
            if not any(recovery_dir().iterdir()):
                return []
        except OSError:  # no recovery folder, and it cannot be made: nothing to offer
            return []
        from planner.files.recovery import discard_recovery, list_recoveries

        restored = []
        for recovery in list_recoveries():
            live = ProgramLock.for_recovery(recovery_dir(), recovery.doc_key)
            if not live.try_lock():
                continue  # still open in another running Hip Planner: not lost, not ours
            live.unlock()
            when = recovery.saved_at.astimezone().strftime("%d %b %H:%M")
            answer = QMessageBox.question(
                self.window,
                "Restore unsaved work?",
                f"Hip Planner closed before “{recovery.title}” was saved. The changes autosaved "
                f"at {when} can be restored.\n\nRestore them?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                restored.append(recovery)
            else:
                discard_recovery(recovery.doc_key)
        return restored

    def show_recovery(self, recovery: Recovery) -> None:
        """Put a restored program in this window, marked unsaved, with its old file path."""
        document = Document(recovery.program, recovery.original_path, key=recovery.doc_key)
        self._replace_document(document)
        document.undo_stack.resetClean()

    # -- recent files ----------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        """The last files opened or saved that still exist, newest first.

        Missing ones stay remembered: the start page lists them as missing and lets the coach
        take them off the list (a drive that is not connected now may be later)."""
        return [Path(n) for n in remembered.recent_names() if Path(n).is_file()]

    def add_recent(self, path: Path) -> None:
        names = [str(path.resolve())]
        names += [n for n in remembered.recent_names() if Path(n) != path.resolve()]
        remembered.set_recent_names(names[:RECENT_LIMIT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self.recent_files()
        for i, path in enumerate(paths):
            act = self.recent_menu.addAction(f"&{(i + 1) % 10} {path.name}  —  {path.parent}")
            act.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not paths:
            self.recent_menu.addAction("No recent programs").setEnabled(False)

    # -- helpers ---------------------------------------------------------------------------------

    def _folder(self) -> str:
        recent = self.recent_files()
        return str(recent[0].parent) if recent else str(Path.home())

    def _suggested_name(self) -> str:
        details = self.document.program.details
        text = details.client_name or details.title or "program"
        return "".join(c if c.isalnum() or c in " -_" else "-" for c in text).strip() or "program"
