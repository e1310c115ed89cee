"""What the client's log says about the plan: adherence, pain per week, marks for the cards.

Plain functions over a :class:`~planner.program.Program` and its log (DESIGN.md §4). "Today"
is always passed in, so the same log reads the same in tests, in the window and on paper.

Conventions (ours, not from a source):

- A planned day is **due** once it is logged or its date has passed (the day after it; a day
  is never missed on the day itself). Without a start date only logged days are due, since the
  program cannot know which days have passed.
- **Adherence** of a week is sets done ÷ sets planned over its due days. A logged day counts
  its session's own figures (what was planned when it was logged, each entry's sets done capped
  at its plan); a due day with no session counts its planned sets as not done. With nothing due
  the week has no adherence (None), never a division by zero.
- When a day was logged twice, the session with the most sets done stands for it.
- A week's pain is the highest pain reported in its sessions, during and next morning apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from planner.log import LoggedEntry, Session
from planner.program import DAY_NAMES, Program


class Mark(Enum):
    """How much of a planned card the client did."""

    DONE = "done"
    PARTLY = "partly"
    MISSED = "missed"


MARK_WORDS = {Mark.DONE: "Done", Mark.PARTLY: "Partly done", Mark.MISSED: "Missed"}


@dataclass(frozen=True, slots=True)
class CardMark:
    mark: Mark
    explanation: str
    """One line for the card's tooltip saying why it has this mark."""


@dataclass(frozen=True, slots=True)
class WeekLog:
    """The log of one planned week, as the coach reads it."""

    week: int
    sets_planned: int
    """Planned sets of the week's due days (see the module's conventions)."""
    sets_done: int
    sessions: int
    planned_days: int
    logged_days: int
    missed_days: int
    pain_during: int | None
    """The highest knee pain during a session of the week, None if none was reported."""
    pain_next_morning: int | None

    @property
    def adherence(self) -> float | None:
        return adherence(self.sets_done, self.sets_planned)


def adherence(sets_done: int, sets_planned: int) -> float | None:
    """Sets done as a percentage of sets planned (0–100), None when nothing was planned."""
    if sets_planned <= 0:
        return None
    return 100.0 * max(0, min(sets_done, sets_planned)) / sets_planned


def percent_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} %"


def pain_text(value: int | None) -> str:
    return "–" if value is None else str(value)


# -- finding sessions ------------------------------------------------------------------------


def sessions_of_week(log: Iterable[Session], week: int) -> list[Session]:
    """The sessions standing for a week, by day, then date, then the order they were typed."""
    found = [(s.day, s.date, i, s) for i, s in enumerate(log) if s.week == week]
    return [s for *_, s in sorted(found, key=lambda t: t[:3])]


def sessions_of_day(log: Iterable[Session], week: int, day: int) -> list[Session]:
    return [s for s in sessions_of_week(log, week) if s.day == day]


def best_session(sessions: Sequence[Session]) -> Session | None:
    """The session that stands for a day logged more than once: the most sets done (first)."""
    best: Session | None = None
    for session in sessions:
        if best is None or session.sets_done > best.sets_done:
            best = session
    return best


def planned_days(program: Program, week: int) -> list[int]:
    """The days of a week that have exercises, Monday first."""
    return [d for d, day in enumerate(program.weeks[week].days) if day.entries]


def is_logged(program: Program, week: int, day: int) -> bool:
    return any(s.week == week and s.day == day for s in program.log)


def next_unlogged_day(
    program: Program, week: int, day: int, *, after: bool = True
) -> tuple[int, int] | None:
    """The next planned day not yet logged, from (``week``, ``day``) on (strictly after it when
    ``after``), through the later weeks; None when every later planned day is logged."""
    for w in range(week, len(program.weeks)):
        for d in planned_days(program, w):
            if (w, d) < (week, day) or (after and (w, d) == (week, day)):
                continue
            if not is_logged(program, w, d):
                return w, d
    return None


def first_day_to_log(program: Program, week: int, preferred: int) -> int | None:
    """The day a new session of ``week`` is for: ``preferred`` when it is planned and not yet
    logged, else the first planned day not yet logged, else ``preferred`` if it is planned, else
    the first planned day; None when the week has nothing planned."""
    days = planned_days(program, week)
    if not days:
        return None
    open_days = [d for d in days if not is_logged(program, week, d)]
    if preferred in open_days:
        return preferred
    if open_days:
        return open_days[0]
    return preferred if preferred in days else days[0]


def default_session(program: Program, week: int, day: int, today: date) -> Session:
    """A new session for a planned day with everything done as planned: the planned day's date
    (or today, when the program has no start date), each entry's planned sets done, its planned
    load and target effort, pain not reported."""
    entries = tuple(
        LoggedEntry(
            entry_id=e.id,
            exercise_id=e.exercise_id,
            sets_planned=e.dose.sets,
            sets_done=e.dose.sets,
            load=e.dose.load,
            effort=None,
        )
        for e in program.day(week, day).entries
    )
    return Session(
        date=default_date(program, week, day, today), week=week, day=day, entries=entries
    )


def default_date(program: Program, week: int, day: int, today: date) -> date:
    """The planned day's date when the program has a start date; else the date the last typed
    session implies for this day (so a paper week can be typed in day after day), never after
    ``today``; else ``today``."""
    planned = program.day_date(week, day)
    if planned is not None:
        return planned
    if program.log:
        last = program.log[-1]
        try:
            implied = last.date + timedelta(weeks=week - last.week, days=day - last.day)
        except OverflowError:
            return today
        return min(implied, today)
    return today


# -- adherence and pain --------------------------------------------------------------------


def week_log(program: Program, week: int, today: date) -> WeekLog:
    return _week_log(program, week, today, sessions_of_week(program.log, week))


def _week_log(program: Program, week: int, today: date, sessions: list[Session]) -> WeekLog:
    plan = program.weeks[week]
    planned_here = planned_days(program, week)
    days = sorted(set(planned_here) | {s.day for s in sessions})
    planned = done = logged = missed = 0
    for d in days:
        best = best_session([s for s in sessions if s.day == d])
        if best is not None:
            logged += 1
            planned += best.sets_planned
            done += best.sets_done
        else:
            when = program.day_date(week, d)
            if when is not None and when < today:
                missed += 1
                planned += plan.days[d].total_sets
    return WeekLog(
        week=week,
        sets_planned=planned,
        sets_done=done,
        sessions=len(sessions),
        planned_days=len(planned_here),
        logged_days=logged,
        missed_days=missed,
        pain_during=_highest(s.pain_during for s in sessions),
        pain_next_morning=_highest(s.pain_next_morning for s in sessions),
    )


def program_log(program: Program, today: date) -> list[WeekLog]:
    """Every week's log, reading the log once (a program holds up to 1000 sessions)."""
    by_week: dict[int, list[Session]] = {}
    for session in program.log:
        by_week.setdefault(session.week, []).append(session)
    return [
        _week_log(program, w, today, sessions_of_week(by_week.get(w, []), w))
        for w in range(len(program.weeks))
    ]


def _highest(values: Iterable[int | None]) -> int | None:
    reported = [v for v in values if v is not None]
    return max(reported) if reported else None


def week_summary(log: WeekLog) -> str:
    """One line for the coach: "12 of 16 sets done (75 %) · 2 of 3 days logged, 1 missed"."""
    if log.sets_planned == 0:
        if log.planned_days == 0:
            return "Nothing planned this week."
        return f"Nothing logged yet: {_days(log.planned_days)} planned."
    text = (
        f"{log.sets_done} of {log.sets_planned} sets done ({percent_text(log.adherence)}) · "
        f"{log.logged_days} of {_days(log.planned_days)} logged"
    )
    return text + (f", {log.missed_days} missed" if log.missed_days else "")


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


# -- marks on the cards ----------------------------------------------------------------------


def card_mark(program: Program, week: int, day: int, entry_id: str, today: date) -> CardMark | None:
    """The mark of a planned card: done / partly / missed, or None when the day is not due yet
    (or was logged before this card was added to it)."""
    return day_marks(program, week, day, today, [entry_id]).get(entry_id)


def day_marks(
    program: Program, week: int, day: int, today: date, entry_ids: Iterable[str]
) -> dict[str, CardMark]:
    """The marks of a day's cards (by entry id; cards without a mark left out), reading the
    log once for the day."""
    session = best_session(sessions_of_day(program.log, week, day))
    if session is None:
        when = program.day_date(week, day)
        if when is None or when >= today:
            return {}
        missed = CardMark(
            Mark.MISSED,
            f"Missed: {_day_text(week, day, when)} has passed and no session is logged for it.",
        )
        return {i: missed for i in entry_ids}
    by_entry = {e.entry_id: e for e in session.entries}
    when_text = f"Logged {session.date.day} {session.date:%b %Y}"
    marks: dict[str, CardMark] = {}
    for entry_id in entry_ids:
        logged = by_entry.get(entry_id)
        if logged is None:
            continue
        sets = f"{logged.sets_done} of {logged.sets_planned} sets"
        if logged.sets_done >= logged.sets_planned:
            marks[entry_id] = CardMark(Mark.DONE, f"Done: {when_text}, {sets}.")
        elif logged.sets_done > 0:
            marks[entry_id] = CardMark(Mark.PARTLY, f"Partly done: {when_text}, {sets}.")
        else:
            marks[entry_id] = CardMark(
                Mark.MISSED, f"Missed: {when_text}, 0 of {logged.sets_planned} sets."
            )
    return marks


def _day_text(week: int, day: int, when: date) -> str:
    return f"{DAY_NAMES[day]} {when.day} {when:%b} (week {week + 1})"
