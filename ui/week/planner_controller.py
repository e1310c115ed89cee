"""Turns what the coach does in the catalog, the week bar and the calendar into undo commands."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QMimeData, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QWidget

from planner.balance.settings import BalanceSettings
from planner.dose import Dose
from planner.exercise import Exercise
from planner.program import (
    DAY_NAMES,
    MAX_ENTRIES_PER_DAY,
    MAX_WEEKS,
    Program,
    ProgramError,
    Week,
)
from ui.common.document import Document
from ui.common.workspace import Shown, Workspace
from ui.week.commands import (
    AddEntries,
    ApplyNextWeek,
    InsertWeek,
    MoveEntries,
    MoveWeek,
    RemoveEntries,
    RemoveWeek,
    SetDetails,
    SetDose,
    SetEntryPhotos,
    ShiftEntry,
    day_name,
)
from ui.week.week_bar import DuplicateWeekDialog, WeekBar
from ui.week.week_view import DayList, WeekView

CLIPBOARD_TYPE = "application/x-hip-planner-entries"


class PlannerController(QObject):
    status = Signal(str)
    week_changed = Signal(int)

    def __init__(
        self,
        parent: QWidget,
        workspace: Workspace,
        lookup: Callable[[str], Exercise | None],
        week_view: WeekView,
        week_bar: WeekBar,
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.defaults: Callable[[], BalanceSettings] = BalanceSettings
        """The coach's thresholds (balance.toml), which a program's own values override."""
        self.lookup = lookup
        self.view = week_view
        self.bar = week_bar
        self.workspace = workspace
        workspace.shown.connect(self._shown)
        for day_list in week_view.lists:
            day_list.exercises_dropped.connect(self.drop_exercises)
            day_list.entries_dropped.connect(self.drop_entries)
            day_list.key_action.connect(self.key_action)
            day_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            day_list.customContextMenuRequested.connect(
                lambda point, d=day_list: self.card_menu(d, point)
            )
        week_bar.week_chosen.connect(self.show_week)
        week_bar.add_week.connect(self.add_week)
        week_bar.duplicate_week.connect(self.duplicate_week)
        week_bar.next_week_from_log.connect(self.next_week_from_log)
        week_bar.delete_week.connect(self.delete_week)
        week_bar.move_week.connect(self.move_week)
        self._shown(Shown(workspace.week, moved=True))

    # -- document ----------------------------------------------------------------------------

    @property
    def document(self) -> Document:
        return self.workspace.document

    @property
    def week(self) -> int:
        return self.workspace.week

    @property
    def program(self) -> Program:
        return self.document.program

    def _shown(self, shown: Shown) -> None:
        if shown.moved:
            self.bar.set_weeks(len(self.program.weeks), shown.week)
            self.view.show_week()
            self.week_changed.emit(shown.week)
        elif shown.week in shown.change.weeks or shown.change.details or shown.change.log:
            self.view.refresh()  # the log changes the cards' marks

    def show_week(self, index: int) -> None:
        self.workspace.show_week(index)

    # -- adding ------------------------------------------------------------------------------

    def add_exercises(
        self, exercise_ids: Sequence[str], day: int = -1, index: int | None = None
    ) -> None:
        """Add catalog exercises with their default doses (``day`` -1: the selected day)."""
        day = self.view.selected_day if day < 0 else day
        exercises = [ex for i in exercise_ids if (ex := self.lookup(i)) is not None]
        if not exercises or not self._fits(day, len(exercises)):
            return
        command = AddEntries(
            self.program, [(ex, ex.dose) for ex in exercises], self.week, day, index
        )
        self.document.push(command)
        self.status.emit(command.text().replace("Add ", "Added ", 1))

    def drop_exercises(self, exercise_ids: list[str], day: int, row: int) -> None:
        self.view.select_day(day)
        self.add_exercises(exercise_ids, day, row)

    def drop_entries(self, entry_ids: list[str], day: int, row: int, copy: bool) -> None:
        self.view.select_day(day)
        try:
            entries = [self.program.entry(i) for i in entry_ids]
        except ProgramError:
            return  # cards from another window's program: nothing of ours to move
        there = {e.id for e in self.program.day(self.week, day).entries}
        if not self._fits(day, len(entries) if copy else len(set(entry_ids) - there)):
            return
        if copy:
            items = [(self.program.exercise_of(e), e.dose) for e in entries]
            self.document.push(AddEntries(self.program, items, self.week, day, row, verb="Copy"))
            return
        self.document.push(MoveEntries(self.program, entry_ids, self.week, day, row))
        self.view.lists[day].select_ids(set(entry_ids))

    # -- the focused day's cards ---------------------------------------------------------------

    def current_list(self) -> DayList:
        return self.view.current_list()

    def selected_ids(self) -> list[str]:
        return self.current_list().selected_ids()

    def key_action(self, action: str, day: int) -> None:
        self.view.select_day(day)
        if action == "delete":
            self.delete_selected()
        elif action == "edit":
            self.edit_dose()
        elif action in ("up", "down"):
            self.shift_selected(-1 if action == "up" else +1)
        elif action == "previous-day":
            self.view.focus_day(day - 1)
        elif action == "next-day":
            self.view.focus_day(day + 1)

    def delete_selected(self, verb: str = "Delete") -> None:
        ids = self.selected_ids()
        if ids:
            self.document.push(RemoveEntries(self.program, ids, verb))

    def shift_selected(self, delta: int) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        loc = self.program.locate(ids[0])
        size = len(self.program.day(loc.week, loc.day).entries)
        if 0 <= loc.index + delta < size:
            self.document.push(ShiftEntry(self.program, ids[0], delta))
            self.current_list().select_ids({ids[0]})

    def edit_dose(self) -> None:
        day_list = self.current_list()
        index = day_list.currentIndex()
        if not index.isValid():
            return
        entry = day_list.day_model.entry(index.row())
        exercise = self.program.exercise_of(entry)
        from ui.dialogs.dose_editor import DoseEditor  # built when first asked for

        dialog = DoseEditor(entry.dose, exercise.name, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.dose() != entry.dose:
            self.document.push(SetDose(self.program, entry.id, dialog.dose()))
            day_list.select_ids({entry.id})

    def edit_entry_photos(self) -> None:
        """Photos of this client on the current card: a dialog, then one undoable change."""
        day_list = self.current_list()
        index = day_list.currentIndex()
        if not index.isValid():
            self.status.emit("Select a card first, then add photos of the client to it.")
            return
        entry = day_list.day_model.entry(index.row())
        exercise = self.program.exercise_of(entry)
        from planner.files.photo_import import room_problem
        from ui.dialogs.entry_photos import EntryPhotosDialog  # built when first asked for

        dialog = EntryPhotosDialog(entry.photos, exercise.name, self.window)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            photos = dialog.photos()
            if photos == entry.photos:
                return
            problem = room_problem(self.program, entry.photos, photos)
            if problem:
                QMessageBox.warning(
                    self.window, "Photos not added", f"{problem[0].upper()}{problem[1:]}."
                )
                continue
            self.document.push(SetEntryPhotos(self.program, entry.id, photos))
            day_list.select_ids({entry.id})
            return

    def card_menu(self, day_list: DayList, point: QPoint) -> None:
        """The context menu of a card: its dose and the photos of this client."""
        index = day_list.indexAt(point)
        if not index.isValid():
            return
        day_list.setCurrentIndex(index)
        menu = QMenu(day_list)
        menu.addAction("Edit &dose…", self.edit_dose)
        menu.addAction("&Photos of this client…", self.edit_entry_photos)
        menu.exec(day_list.viewport().mapToGlobal(point))

    # -- clipboard -----------------------------------------------------------------------------

    def copy_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids:
            return False
        entries = [self.program.entry(i) for i in ids]
        from planner.files.cards import dumps_cards  # the file format: not needed at start

        cards = [(self.program.exercise_of(e), e.dose) for e in entries]
        data = QMimeData()
        data.setData(CLIPBOARD_TYPE, dumps_cards(cards))
        data.setText(
            "\n".join(f"{self.program.exercise_of(e).name}: {e.dose.describe()}" for e in entries)
        )
        QApplication.clipboard().setMimeData(data)
        return True

    def cut_selected(self) -> None:
        if self.copy_selected():
            self.delete_selected(verb="Cut")

    def paste(self) -> None:
        data = QApplication.clipboard().mimeData()
        items = _clipboard_items(data) if data is not None else []
        if not items:
            self.status.emit("Nothing to paste: copy exercise cards first.")
            return
        day_list = self.current_list()
        current = day_list.currentIndex()
        index = current.row() + 1 if current.isValid() else None
        day = self.view.selected_day
        if self._fits(day, len(items)):
            self.document.push(AddEntries(self.program, items, self.week, day, index, verb="Paste"))

    def _fits(self, day: int, adding: int) -> bool:
        """Whether ``adding`` more entries fit in a day of this week (the file format's limit);
        says so in the status bar when they do not."""
        count = len(self.program.day(self.week, day).entries)
        if count + adding <= MAX_ENTRIES_PER_DAY:
            return True
        self.status.emit(
            f"Not added: {DAY_NAMES[day]} has {count} exercises, and a day holds at most "
            f"{MAX_ENTRIES_PER_DAY}. Spread them over other days."
        )
        return False

    # -- weeks and details ---------------------------------------------------------------------

    def add_week(self) -> None:
        self._insert_week(len(self.program.weeks), None, "Add week {n}")

    def duplicate_week(self) -> None:
        dialog = DuplicateWeekDialog(self.week + 1, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        week, stuck = self.program.duplicated_week(self.week, dialog.progression())
        self._insert_week(self.week + 1, week, f"Duplicate week {self.week + 1}")
        if stuck:
            names = sorted({self.program.exercise_of(e).name for e in stuck})
            QMessageBox.information(
                self.window,
                "Some doses stayed the same",
                "These exercises are already at the highest dose allowed, so the copy keeps "
                "their dose unchanged:\n\n" + "\n".join(f"• {n}" for n in names),
            )

    def next_week_from_log(self) -> None:
        """Add the next week built from this one and the client's log, and say what changed."""
        if not self._room_for_a_week():
            return
        from planner.files.thresholds import settings_for
        from planner.progression import next_week

        settings = settings_for(self.program, self.defaults())
        plan = next_week(self.program, self.week, self.lookup, settings)
        with self.workspace.following(plan.target):
            self.document.push(
                ApplyNextWeek(self.program, plan, f"Add week {plan.target + 1} from the log")
            )
        self.status.emit(f"{plan.summary()}.")
        if plan.changes:
            text = "What changed, from the client's log:\n\n" + "\n".join(plan.report())
        elif plan.notes:  # the log asked, but for exercises this week no longer has
            text = f"The new week is a copy of week {plan.source + 1}:\n\n" + "\n".join(plan.notes)
        else:
            text = (
                f"Nothing logged for week {plan.source + 1} asks for a change (no session with "
                "too much knee pain, no exercise ready to progress), so the new week is a copy."
            )
        QMessageBox.information(self.window, f"{plan.summary()}", text + "\n\nUndo takes it back.")

    def _room_for_a_week(self) -> bool:
        if len(self.program.weeks) < MAX_WEEKS:
            return True
        QMessageBox.information(
            self.window,
            "No more weeks",
            f"A program has at most {MAX_WEEKS} weeks. Start a new program for the next year.",
        )
        return False

    def _insert_week(self, index: int, week: Week | None, text: str) -> None:
        if not self._room_for_a_week():
            return
        with self.workspace.following(index):
            self.document.push(
                InsertWeek(self.program, index, week or Week(), text.format(n=index + 1))
            )

    def delete_week(self) -> None:
        if len(self.program.weeks) == 1:
            return
        logged = sum(1 for s in self.program.log if s.week == self.week)
        if logged:  # the client's reports are never deleted with a week (DESIGN.md §4)
            sessions = "a logged session" if logged == 1 else f"{logged} logged sessions"
            QMessageBox.information(
                self.window,
                "Week kept",
                f"Week {self.week + 1} has {sessions} of the client, so it is not deleted. "
                "Remove them in the Log tab first if the week should go.",
            )
            return
        self.document.push(RemoveWeek(self.program, self.week))  # shows the week now there

    def move_week(self, delta: int) -> None:
        target = self.week + delta
        if 0 <= target < len(self.program.weeks):
            with self.workspace.following(target):
                self.document.push(MoveWeek(self.program, self.week, target))

    def edit_details(self) -> None:
        from ui.dialogs.details_dialog import DetailsDialog  # built when first asked for

        dialog = DetailsDialog(self.program.details, self.window, defaults=self.defaults())
        if (
            dialog.exec() == QDialog.DialogCode.Accepted
            and dialog.details() != self.program.details
        ):
            self.document.push(SetDetails(self.program, dialog.details()))

    def day_labels(self) -> list[str]:
        return [day_name(self.program, self.week, d) for d in range(7)]


def release_clipboard() -> None:
    """Before quitting, swap our clipboard data (a Python-made QMimeData) for plain text.

    The text stays pasteable in other programs, and Qt no longer holds an object whose Python
    wrapper is gone by then (which crashes at exit).
    """
    clipboard = QApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(CLIPBOARD_TYPE):
        clipboard.setText(data.text())


def _clipboard_items(data: QMimeData) -> list[tuple[Exercise, Dose]]:
    """Exercises and doses from our clipboard format; an empty list for anything malformed."""
    if not data.hasFormat(CLIPBOARD_TYPE):
        return []
    from planner.files.cards import loads_cards
    from planner.files.program_format import ProgramFileError

    try:
        return loads_cards(bytes(data.data(CLIPBOARD_TYPE).data()))
    except ProgramFileError:
        return []
