"""A client's program: details, 1–52 weeks of seven days, each day an ordered list of entries.

Every mutating method has an exact inverse (``take``/``put``, ``remove_week``/``insert_week``,
``set_dose`` returning the old dose), so undo commands in the UI stay one small call each way.
After each change :attr:`Program.changed` emits a :class:`Change` naming the weeks touched.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import Enum

from planner.dose import Dose, DoseError
from planner.events import Emitter
from planner.exercise import Exercise
from planner.log import MAX_SESSIONS, Session
from planner.photo import MAX_PHOTOS, Photo
from planner.taxonomy import Equipment

FILE_EXTENSION = ".hipplan"
"""Program files end with this (the format itself lives in planner.files.program_file)."""
DAYS_PER_WEEK = 7
MAX_WEEKS = 52
MAX_ENTRIES_PER_DAY = 50
"""A real session has 5–15 exercises; a file with more in one day is refused."""
MAX_EXERCISES = 5000
"""The exercises one program (or one sharing file) may hold; a program uses a few dozen."""
DETAIL_LIMITS = {"client_name": 120, "title": 120, "coach_name": 120, "notes": 5000}
"""The longest text each of the program's details may hold, in characters."""
START_DATES = (date(1900, 1, 1), date(2200, 12, 31))
"""The first and last start date a program may have, so every day of it is a real date."""
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TRANSITION_SECONDS = 30
"""Time to set up between exercises, used in the duration estimate."""


class ProgramError(ValueError):
    """An operation would break a rule of the program (bad week, unknown entry, …)."""


def new_entry_id() -> str:
    return uuid.uuid4().hex


@dataclass(slots=True)
class Entry:
    exercise_id: str
    dose: Dose
    id: str = field(default_factory=new_entry_id)
    photos: tuple[Photo, ...] = ()
    """The coach's photos of this client doing it (at most :data:`MAX_PHOTOS`)."""


@dataclass(slots=True)
class Day:
    entries: list[Entry] = field(default_factory=list)

    @property
    def total_sets(self) -> int:
        return sum(e.dose.sets for e in self.entries)

    def estimated_minutes(self) -> int:
        """Work, rest and set-up time of the day's entries, rounded up to whole minutes."""
        seconds = sum(e.dose.estimated_seconds() + TRANSITION_SECONDS for e in self.entries)
        return -(-seconds // 60)


@dataclass(slots=True)
class Week:
    days: list[Day] = field(default_factory=lambda: [Day() for _ in range(DAYS_PER_WEEK)])

    def entries(self) -> Iterator[tuple[int, Entry]]:
        """(day index, entry) for every entry of the week, day by day."""
        for d, day in enumerate(self.days):
            for entry in day.entries:
                yield d, entry

    @property
    def is_empty(self) -> bool:
        return not any(day.entries for day in self.days)


@dataclass(frozen=True, slots=True)
class ClientDetails:
    client_name: str = ""
    title: str = ""
    coach_name: str = ""
    start_date: date | None = None
    equipment: frozenset[Equipment] = frozenset()
    """What the client has at home; empty means "not set" (anything goes)."""
    notes: str = ""
    balance_overrides: Mapping[str, int | float | bool] = field(default_factory=dict)
    """This program's own balance thresholds (names of :class:`BalanceSettings` fields), which
    override the coach's defaults, e.g. maintenance mode for one client in season."""


@dataclass(frozen=True, slots=True, order=True)
class Location:
    week: int
    day: int
    index: int


@dataclass(frozen=True, slots=True)
class Change:
    """What changed: the weeks touched (by index after the change) and whether weeks were added,
    removed or reordered (``structure``), the details changed, or which embedded exercises were
    added, replaced or dropped (``exercises``, by id), or the client's log changed (``log``)."""

    weeks: frozenset[int] = frozenset()
    structure: bool = False
    details: bool = False
    exercises: frozenset[str] = frozenset()
    log: bool = False


class ProgressionKind(Enum):
    SETS = "sets"
    AMOUNT = "amount"


@dataclass(frozen=True, slots=True)
class Progression:
    """How a duplicated week grows: one more set each, or the amount up by ``step``."""

    kind: ProgressionKind
    step: int = 1

    def apply(self, dose: Dose) -> Dose:
        """The progressed dose; raises :class:`DoseError` if it would leave the allowed range."""
        if self.kind is ProgressionKind.SETS:
            return dose.with_changes(sets=dose.sets + self.step)
        return dose.with_changes(amount=dose.amount + self.step)


@dataclass(slots=True)
class Program:
    details: ClientDetails = field(default_factory=ClientDetails)
    weeks: list[Week] = field(default_factory=lambda: [Week()])
    exercises: dict[str, Exercise] = field(default_factory=dict)
    """Every exercise used, embedded so the program stands on its own."""
    log: list[Session] = field(default_factory=list)
    """The sessions the client reported, in the order they were typed in (DESIGN.md §4)."""
    changed: Emitter[Change] = field(default_factory=Emitter, compare=False, repr=False)

    # -- reading ---------------------------------------------------------------------------

    def week(self, index: int) -> Week:
        self._check_week(index)
        return self.weeks[index]

    def day(self, week: int, day: int) -> Day:
        self._check_day(day)
        return self.week(week).days[day]

    def locate(self, entry_id: str) -> Location:
        for w, week in enumerate(self.weeks):
            for d, day in enumerate(week.days):
                for i, entry in enumerate(day.entries):
                    if entry.id == entry_id:
                        return Location(w, d, i)
        raise ProgramError(f"no entry with id {entry_id!r} in this program")

    def entry(self, entry_id: str) -> Entry:
        loc = self.locate(entry_id)
        return self.weeks[loc.week].days[loc.day].entries[loc.index]

    def exercise_of(self, entry: Entry) -> Exercise:
        return self.exercises[entry.exercise_id]

    def day_date(self, week: int, day: int) -> date | None:
        """The calendar date of a day: weeks run Monday–Sunday from the start date's week."""
        start = self.details.start_date
        if start is None:
            return None
        monday = start - timedelta(days=start.weekday())
        return monday + timedelta(weeks=week, days=day)

    def before_start(self, week: int, day: int) -> bool:
        """True for the days of week 1 before the start date: a program starting on a
        Wednesday has a short first week, and its Monday and Tuesday are not dated or done.
        The balance rule still judges the whole week as planned (docs/balance.md)."""
        start = self.details.start_date
        return start is not None and week == 0 and day < start.weekday()

    def snapshot(self) -> Program:
        """A deep copy without listeners (for undo tests, autosave, export off the GUI thread)."""
        return Program(
            details=self.details,
            weeks=copy.deepcopy(self.weeks),
            exercises=dict(self.exercises),
            log=list(self.log),
        )

    # -- details and the exercise library ----------------------------------------------------

    def set_details(self, details: ClientDetails) -> ClientDetails:
        old, self.details = self.details, details
        self.changed.emit(Change(details=True))
        return old

    def embed(self, exercise: Exercise) -> Exercise | None:
        """Keep a copy of ``exercise`` in the program (replacing an older copy of the same id).

        Returns the copy it had before (None: none), for :meth:`restore_exercise` to put back.
        """
        previous = self.exercises.get(exercise.id)
        if previous != exercise:
            self.exercises[exercise.id] = exercise
            self._emit_exercise(exercise.id)
        return previous

    def restore_exercise(self, exercise_id: str, previous: Exercise | None) -> None:
        """The inverse of :meth:`embed`: put back the copy it replaced, or drop the exercise it
        added. An exercise an entry still uses cannot be dropped."""
        if self.exercises.get(exercise_id) == previous:
            return
        if previous is None:
            if self._weeks_using(exercise_id):
                raise ProgramError(f"exercise {exercise_id!r} is still used by an entry")
            del self.exercises[exercise_id]
        else:
            self.exercises[exercise_id] = previous
        self._emit_exercise(exercise_id)

    # -- entries ---------------------------------------------------------------------------

    def add_entry(
        self,
        week: int,
        day: int,
        exercise: Exercise,
        dose: Dose | None = None,
        index: int | None = None,
    ) -> Entry:
        """Add ``exercise`` to a day (at ``index``, or last) with its default dose by default."""
        entry = Entry(exercise.id, dose or exercise.dose)
        self.embed(exercise)
        entries = self.day(week, day).entries
        entries.insert(self._insert_index(entries, index), entry)
        self._emit_weeks(week)
        return entry

    def take(self, entry_ids: Iterable[str]) -> list[tuple[Location, Entry]]:
        """Remove entries and return them with where they were, for :meth:`put` to restore."""
        found = sorted((self.locate(i), self.entry(i)) for i in _unique(entry_ids))
        for loc, _ in reversed(found):
            del self.weeks[loc.week].days[loc.day].entries[loc.index]
        self._emit_weeks(*(loc.week for loc, _ in found))
        return found

    def put(self, placed: Sequence[tuple[Location, Entry]]) -> None:
        """Insert entries at their locations, in ascending order (the inverse of :meth:`take`)."""
        for loc, entry in sorted(placed, key=lambda pair: pair[0]):
            if entry.exercise_id not in self.exercises:
                raise ProgramError(f"entry {entry.id!r} uses an exercise this program lacks")
            entries = self.day(loc.week, loc.day).entries
            entries.insert(self._insert_index(entries, loc.index), entry)
        self._emit_weeks(*(loc.week for loc, _ in placed))

    def move_entries(
        self, entry_ids: Sequence[str], week: int, day: int, index: int | None
    ) -> None:
        """Move entries (keeping their order) to a day, before the entry now at ``index``.

        ``index`` counts positions in the target day *before* the move, as a drop indicator
        shows them; moving an entry onto its own place changes nothing.
        """
        self._check_day(day)
        target = self.day(week, day).entries
        anchor = None if index is None or index >= len(target) else target[index]
        moving = set(entry_ids)
        while anchor is not None and anchor.id in moving:
            following = target.index(anchor) + 1
            anchor = target[following] if following < len(target) else None
        taken = self.take(entry_ids)
        new_index = target.index(anchor) if anchor is not None else len(target)
        for offset, (_, entry) in enumerate(taken):
            target.insert(new_index + offset, entry)
        self._emit_weeks(week)

    def copy_entries(
        self, entry_ids: Sequence[str], week: int, day: int, index: int | None
    ) -> list[Entry]:
        """Insert copies (new ids, same exercise and dose) of entries into a day."""
        sources = [self.entry(i) for i in _unique(entry_ids)]
        copies = [Entry(e.exercise_id, e.dose) for e in sources]
        self.insert_entries(copies, week, day, index)
        return copies

    def insert_entries(
        self, entries: Sequence[Entry], week: int, day: int, index: int | None
    ) -> None:
        """Insert new entries (e.g. pasted ones) into a day, in order, at ``index`` or last."""
        for entry in entries:
            if entry.exercise_id not in self.exercises:
                raise ProgramError(
                    f"entry uses exercise {entry.exercise_id!r}, not in this program"
                )
        target = self.day(week, day).entries
        start = self._insert_index(target, index)
        target[start:start] = list(entries)
        self._emit_weeks(week)

    def shift_entry(self, entry_id: str, delta: int) -> bool:
        """Move an entry up (−1) or down (+1) within its day; False when already at the edge."""
        loc = self.locate(entry_id)
        entries = self.weeks[loc.week].days[loc.day].entries
        new = loc.index + delta
        if not 0 <= new < len(entries):
            return False
        entries.insert(new, entries.pop(loc.index))
        self._emit_weeks(loc.week)
        return True

    def set_dose(self, entry_id: str, dose: Dose) -> Dose:
        """Replace an entry's dose and return the old one."""
        loc = self.locate(entry_id)
        entry = self.weeks[loc.week].days[loc.day].entries[loc.index]
        old, entry.dose = entry.dose, dose
        self._emit_weeks(loc.week)
        return old

    def replace_entry(self, entry: Entry) -> Entry:
        """Put ``entry`` in the place of the entry with its id (another exercise or dose, same
        card); returns the one it replaced, which put back the same way undoes it."""
        loc = self.locate(entry.id)
        entries = self.weeks[loc.week].days[loc.day].entries
        old, entries[loc.index] = entries[loc.index], entry
        if entry.exercise_id not in self.exercises:
            entries[loc.index] = old
            raise ProgramError(f"entry {entry.id!r} uses an exercise this program lacks")
        self._emit_weeks(loc.week)
        return old

    def set_entry_photos(self, entry_id: str, photos: tuple[Photo, ...]) -> tuple[Photo, ...]:
        """Replace an entry's photos and return the old ones."""
        if len(photos) > MAX_PHOTOS:
            raise ProgramError(f"an entry has at most {MAX_PHOTOS} photos")
        loc = self.locate(entry_id)
        entry = self.weeks[loc.week].days[loc.day].entries[loc.index]
        old, entry.photos = entry.photos, photos
        self._emit_weeks(loc.week)
        return old

    # -- the client's log --------------------------------------------------------------------

    def session(self, session_id: str) -> Session:
        for session in self.log:
            if session.id == session_id:
                return session
        raise ProgramError(f"no logged session with id {session_id!r} in this program")

    def add_session(self, session: Session, index: int | None = None) -> int:
        """Add a reported session (at ``index``, or last); returns where it went."""
        if len(self.log) >= MAX_SESSIONS:
            raise ProgramError(f"a program holds at most {MAX_SESSIONS} logged sessions")
        if any(s.id == session.id for s in self.log):
            raise ProgramError(f"a session with id {session.id!r} is already logged")
        index = len(self.log) if index is None else max(0, min(index, len(self.log)))
        self.log.insert(index, session)
        self.changed.emit(Change(log=True))
        return index

    def remove_session(self, session_id: str) -> tuple[int, Session]:
        """Remove a session; returns its place and itself for :meth:`add_session` to restore."""
        session = self.session(session_id)
        index = self.log.index(session)
        del self.log[index]
        self.changed.emit(Change(log=True))
        return index, session

    def replace_session(self, session: Session) -> Session:
        """Replace the session with the same id; returns the old one (its own inverse)."""
        old = self.session(session.id)
        self.log[self.log.index(old)] = session
        self.changed.emit(Change(log=True))
        return old

    # -- weeks -----------------------------------------------------------------------------

    def insert_week(self, index: int, week: Week | None = None) -> Week:
        if len(self.weeks) >= MAX_WEEKS:
            raise ProgramError(f"a program has at most {MAX_WEEKS} weeks")
        if not 0 <= index <= len(self.weeks):
            raise ProgramError(f"cannot insert a week at position {index + 1}")
        week = week if week is not None else Week()
        self.weeks.insert(index, week)
        moved = self._renumber_log(lambda w: w + 1 if w >= index else w)
        self.changed.emit(Change(weeks=frozenset({index}), structure=True, log=moved))
        return week

    def remove_week(self, index: int) -> Week:
        """Remove a week; refused while sessions are logged for it, so no report of the client
        is lost with it (the sessions of later weeks move up with their weeks)."""
        self._check_week(index)
        if len(self.weeks) == 1:
            raise ProgramError("a program needs at least one week")
        logged = sum(1 for s in self.log if s.week == index)
        if logged:
            sessions = "1 logged session" if logged == 1 else f"{logged} logged sessions"
            raise ProgramError(
                f"Week {index + 1} has {sessions}, so it is kept: remove them from the week's "
                "log first if the week should go."
            )
        week = self.weeks.pop(index)
        moved = self._renumber_log(lambda w: w - 1 if w > index else w)
        self.changed.emit(Change(structure=True, log=moved))
        return week

    def move_week(self, source: int, target: int) -> None:
        """Move a week; its logged sessions move with it."""
        self._check_week(source)
        self._check_week(target)
        self.weeks.insert(target, self.weeks.pop(source))
        order = list(range(len(self.weeks)))
        order.insert(target, order.pop(source))
        where = {old: new for new, old in enumerate(order)}
        moved = self._renumber_log(lambda w: where.get(w, w))
        self.changed.emit(Change(weeks=frozenset({source, target}), structure=True, log=moved))

    def duplicated_week(
        self, index: int, progression: Progression | None = None
    ) -> tuple[Week, list[Entry]]:
        """A copy of a week (new entry ids), progressed if asked; not yet inserted.

        Returns the copy and the entries that could not progress (their dose is already at the
        top of its range); they are copied unchanged so the coach can be told which.
        """
        source = self.week(index)
        stuck: list[Entry] = []
        days: list[Day] = []
        for day in source.days:
            entries = []
            for e in day.entries:
                dose = e.dose
                if progression is not None:
                    try:
                        dose = progression.apply(dose)
                    except DoseError:
                        stuck.append(e)
                entries.append(Entry(e.exercise_id, dose))
            days.append(Day(entries))
        return Week(days), stuck

    # -- helpers ---------------------------------------------------------------------------

    def _check_week(self, index: int) -> None:
        if not 0 <= index < len(self.weeks):
            raise ProgramError(
                f"week {index + 1} does not exist (the program has {len(self.weeks)})"
            )

    @staticmethod
    def _check_day(day: int) -> None:
        if not 0 <= day < DAYS_PER_WEEK:
            raise ProgramError(f"day {day + 1} does not exist (a week has {DAYS_PER_WEEK} days)")

    @staticmethod
    def _insert_index(entries: list[Entry], index: int | None) -> int:
        if index is None or index > len(entries):
            return len(entries)
        return max(0, index)

    def _renumber_log(self, week_of: Callable[[int], int]) -> bool:
        """Give each logged session the new index of its week; whether any changed."""
        moved = False
        for i, session in enumerate(self.log):
            week = week_of(session.week)
            if week != session.week:
                self.log[i] = replace(session, week=week)
                moved = True
        return moved

    def _emit_weeks(self, *weeks: int) -> None:
        self.changed.emit(Change(weeks=frozenset(weeks)))

    def _weeks_using(self, exercise_id: str) -> frozenset[int]:
        return frozenset(
            w
            for w, week in enumerate(self.weeks)
            if any(e.exercise_id == exercise_id for _, e in week.entries())
        )

    def _emit_exercise(self, exercise_id: str) -> None:
        """A copy changed: the weeks using it read differently now."""
        weeks = self._weeks_using(exercise_id)
        self.changed.emit(Change(weeks=weeks, exercises=frozenset({exercise_id})))


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))
