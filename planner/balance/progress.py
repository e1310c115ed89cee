"""Checks 13–15 of the balance rule (DESIGN.md §1): they look beyond one week.

``volume-jump`` compares a week with the last earlier week that has exercises; ``pain-high``
and ``ready-to-progress`` read the client's log (DESIGN.md §4). Each finding belongs to the
week it occurs in: the jumping week, the week of the painful session, the week of the latest
of the two sessions that show an exercise is ready.

Precisely (the limits are :class:`BalanceSettings` fields, defaults in brackets):

- ``volume-jump``: the week's weighted sets exceed ``volume_jump_factor`` (1.5) × the earlier
  week's, or a direction's exceed ``direction_jump_factor`` (2) × its sets then and rise by at
  least ``direction_jump_min_sets`` (4). A direction the earlier week did not train is not a
  jump (starting it is what check 1 asks for). When a shared exercise's target effort rises
  too, the message says so.
- ``pain-high``: a session of the week reports knee pain during above ``pain_during_limit``
  (5/10), or the next morning above ``pain_next_morning_limit`` (2/10: "not settled" — the log
  does not record the client's usual pain, so settled is read as 2/10 or less, a convention).
  It names the exercises done in that session (those with at least one set done).
- ``ready-to-progress``: an exercise whose last two logged sessions (by date, then by the
  order typed in) were both done in full (every planned set) with the highest reported knee
  pain at most ``ready_pain_limit`` (2/10). A session without any pain reported does not
  count as pain-free.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from planner.balance.checks import cap, num
from planner.balance.findings import Code, Finding, finding
from planner.balance.settings import BalanceSettings
from planner.balance.volume import weighted_sets
from planner.dose import Effort
from planner.log import Session
from planner.program import DAY_NAMES, Program, Week
from planner.taxonomy import Direction

if TYPE_CHECKING:
    from planner.balance.counts import WeekAnalysis

READY_SESSIONS = 2
"""How many of an exercise's latest sessions must be done in full at low pain (DESIGN.md)."""
MAX_NAMED = 4
"""Exercises named in a message before "and N more"."""


def program_findings(
    program: Program, index: int, week: WeekAnalysis, settings: BalanceSettings
) -> tuple[Finding, ...]:
    """Checks 13–15 for week ``index`` (0-based) of ``program``; ``week`` is its analysis."""
    found = [
        *volume_jump(program, index, week.sets, settings),
        *pain_high(program, index, settings),
        *ready_to_progress(program, index, settings),
    ]
    return tuple(found)


# -- check 13 ---------------------------------------------------------------------------------


def earlier_week(program: Program, index: int) -> int | None:
    """The last week before ``index`` that has exercises (a rest week is skipped)."""
    for i in range(min(index, len(program.weeks)) - 1, -1, -1):
        if not program.weeks[i].is_empty:
            return i
    return None


def volume_jump(
    program: Program,
    index: int,
    sets: Mapping[Direction, float],
    settings: BalanceSettings,
) -> list[Finding]:
    before_index = earlier_week(program, index)
    if before_index is None:
        return []
    before = weighted_sets(program.weeks[before_index], program.exercises)
    total, total_before = sum(sets.values()), sum(before.values())
    if total_before <= 0:
        return []
    week_limit = settings.volume_jump_factor * total_before
    jumping = tuple(
        d
        for d in Direction
        if before[d] > 0
        and sets[d] > settings.direction_jump_factor * before[d]
        and sets[d] - before[d] >= settings.direction_jump_min_sets
    )
    whole = total > week_limit
    if not whole and not jumping:
        return []
    then = f"week {before_index + 1}"
    rises = ", ".join(f"{d.label} from {num(before[d])} to {num(sets[d])}" for d in jumping)
    if whole:
        text = (
            f"This week has {num(total)} weighted sets, {num(total / total_before)}× {then}'s "
            f"{num(total_before)} (more than {settings.volume_jump_factor:g}×)"
        )
        text += f"; {rises}." if jumping else "."
    else:
        text = (
            f"Weighted sets rise fast: {rises}, more than "
            f"{settings.direction_jump_factor:g}× {then}."
        )
    harder = _harder_efforts(program, program.weeks[before_index], program.weeks[index])
    if harder:
        text += f" The target effort rises too ({'; '.join(harder)})."
    text += " Raise the work more gradually, unless the client is ready for it."
    gap = max(total - week_limit, 0.0) + sum(
        sets[d] - settings.direction_jump_factor * before[d] for d in jumping
    )
    return [finding(Code.VOLUME_JUMP, text, jumping, gap=gap)]


def _hardest(week: Week) -> dict[str, Effort]:
    hardest: dict[str, Effort] = {}
    for _, entry in week.entries():
        effort = entry.dose.effort
        known = hardest.get(entry.exercise_id)
        if effort is not None and (known is None or effort.harder_than(known)):
            hardest[entry.exercise_id] = effort
    return hardest


def _harder_efforts(program: Program, before: Week, now: Week) -> list[str]:
    """ "Glute bridge RPE 6 → RPE 8" for each exercise of both weeks whose effort rises."""
    then, later = _hardest(before), _hardest(now)
    found = [
        f"{name_of(program, ex_id)} {then[ex_id].describe()} → {effort.describe()}"
        for ex_id, effort in later.items()
        if ex_id in then and effort.harder_than(then[ex_id])
    ]
    return _shortened(found)


# -- check 14 ---------------------------------------------------------------------------------


def pain_reasons(session: Session, settings: BalanceSettings) -> list[str]:
    """What makes a session's pain too high: "7/10 during", "4/10 the next morning"."""
    reasons = []
    if session.pain_during is not None and session.pain_during > settings.pain_during_limit:
        reasons.append(f"{session.pain_during}/10 during")
    morning = session.pain_next_morning
    if morning is not None and morning > settings.pain_next_morning_limit:
        reasons.append(f"{morning}/10 the next morning")
    return reasons


def pain_words(session: Session, settings: BalanceSettings) -> str:
    """ "knee pain 7/10 during and 4/10 the morning after the session of Thu 5 Mar 2026 (week
    1, Thursday)"."""
    during = session.pain_during
    morning = session.pain_next_morning
    parts = []
    if during is not None and during > settings.pain_during_limit:
        parts.append(f"{during}/10 during")
    if morning is not None and morning > settings.pain_next_morning_limit:
        parts.append(f"{morning}/10 the morning after")
    return f"knee pain {' and '.join(parts)} the session of {session_label(session)}"


def done_exercises(session: Session) -> tuple[str, ...]:
    """The exercise ids of a session that were done at all (a set or more), in order, once."""
    return tuple(dict.fromkeys(e.exercise_id for e in session.entries if e.sets_done > 0))


def painful_sessions(program: Program, index: int, settings: BalanceSettings) -> list[Session]:
    """The week's sessions whose pain is too high, in date order."""
    return sorted(
        (s for s in program.log if s.week == index and pain_reasons(s, settings)),
        key=_session_order(program.log),
    )


def pain_high(program: Program, index: int, settings: BalanceSettings) -> list[Finding]:
    sessions = painful_sessions(program, index, settings)
    if not sessions:
        return []
    named: dict[str, None] = {}
    parts = []
    for session in sessions:
        done = done_exercises(session)
        named.update(dict.fromkeys(done))
        what = (
            listing_names([name_of(program, i) for i in done])
            if done
            else "no exercise was marked done"
        )
        parts.append(f"{pain_words(session, settings)}: {what}")
    text = cap("; ".join(parts)) + ". "
    text += (
        "Ease these next week (an easier variant, or fewer reps or sets) and ask how the knee "
        "responds."
        if named
        else "Ask the client what was done and how the knee responds."
    )
    exercises = tuple(named)
    return [
        finding(
            Code.PAIN_HIGH,
            text,
            _primaries(program, exercises),
            gap=sum(weighted_sets(program.weeks[index], program.exercises).values())
            if index < len(program.weeks)
            else 0.0,
            exercises=exercises,
        )
    ]


# -- check 15 ---------------------------------------------------------------------------------


def ready_exercises(program: Program, settings: BalanceSettings) -> dict[str, Session]:
    """Exercise id → the latest session of the two that show it is ready to progress."""
    latest: dict[str, list[Session]] = {}  # newest first, at most READY_SESSIONS each
    for session in reversed(sorted(program.log, key=_session_order(program.log))):
        for entry in session.entries:
            kept = latest.setdefault(entry.exercise_id, [])
            if len(kept) < READY_SESSIONS and (not kept or kept[-1] is not session):
                kept.append(session)
    return {
        ex_id: kept[0]
        for ex_id, kept in latest.items()
        if len(kept) == READY_SESSIONS and all(_full_and_easy(s, ex_id, settings) for s in kept)
    }


def ready_in_week(program: Program, index: int, settings: BalanceSettings) -> tuple[str, ...]:
    """The exercises ready to progress whose latest qualifying session is in week ``index``."""
    return tuple(
        ex_id for ex_id, s in ready_exercises(program, settings).items() if s.week == index
    )


def ready_to_progress(program: Program, index: int, settings: BalanceSettings) -> list[Finding]:
    exercises = ready_in_week(program, index, settings)
    if not exercises:
        return []
    names = listing_names([name_of(program, i) for i in exercises])
    one = len(exercises) == 1
    text = (
        f"Ready to progress: {names} {'was' if one else 'were'} done in full in "
        f"{'its' if one else 'their'} last {READY_SESSIONS} sessions with knee pain at most "
        f"{settings.ready_pain_limit}/10. Next week can ask a little more: a harder variant, "
        "or more reps, sets or load."
    )
    return [
        finding(
            Code.READY_TO_PROGRESS,
            text,
            _primaries(program, exercises),
            gap=0.0,
            exercises=exercises,
        )
    ]


def _full_and_easy(session: Session, exercise_id: str, settings: BalanceSettings) -> bool:
    pain = session.highest_pain
    if pain is None or pain > settings.ready_pain_limit:
        return False
    logged = [e for e in session.entries if e.exercise_id == exercise_id]
    return bool(logged) and all(e.full_dose for e in logged)


# -- words --------------------------------------------------------------------------------------


def session_label(session: Session) -> str:
    """ "Tue 3 Mar (week 2, Tuesday)"."""
    day = session.date
    return (
        f"{day.strftime('%a')} {day.day} {day.strftime('%b %Y')} "
        f"(week {session.week + 1}, {DAY_NAMES[session.day]})"
    )


def name_of(program: Program, exercise_id: str) -> str:
    exercise = program.exercises.get(exercise_id)
    return exercise.name if exercise is not None else exercise_id


def listing_names(names: list[str]) -> str:
    shown = _shortened(names)
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def _shortened(items: list[str]) -> list[str]:
    if len(items) <= MAX_NAMED:
        return items
    return [*items[: MAX_NAMED - 1], f"{len(items) - MAX_NAMED + 1} more"]


def _primaries(program: Program, exercise_ids: Iterable[str]) -> tuple[Direction, ...]:
    found = {program.exercises[i].primary for i in exercise_ids if i in program.exercises}
    return tuple(d for d in Direction if d in found)


def _session_order(log: list[Session]) -> Callable[[Session], tuple[date, int]]:
    """Sessions by date, then in the order they were typed in."""
    order = {s.id: i for i, s in enumerate(log)}

    def key(session: Session) -> tuple[date, int]:
        return (session.date, order.get(session.id, 0))

    return key
