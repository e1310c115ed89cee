"""The balance analysis of a week and of a program (DESIGN.md §1, "Balance rule (per week)").

:func:`analyse_week` counts everything the checks and the panel need in one pass over the
entries, then runs the checks of :mod:`planner.balance.checks`. Nothing here changes the week.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from planner.balance.checks import check_week
from planner.balance.counts import ProgramAnalysis, WeekAnalysis
from planner.balance.progress import program_findings
from planner.balance.settings import BalanceSettings
from planner.balance.volume import direction_credits
from planner.catalog import fits_equipment
from planner.exercise import Exercise
from planner.program import Program, Week
from planner.taxonomy import Direction, Equipment, Knee, Level, Position


def analyse_week(
    week: Week,
    exercises: Mapping[str, Exercise],
    settings: BalanceSettings | None = None,
    *,
    equipment: frozenset[Equipment] = frozenset(),
) -> WeekAnalysis:
    """Count what ``week`` trains and run every balance check on it.

    ``exercises`` maps exercise ids to exercises (``Program.exercises``); every entry's
    exercise must be there, as the program model guarantees. ``equipment`` is the client's
    (empty: not set, anything goes).
    """
    counted = _count(week, exercises, equipment)
    findings = check_week(counted, settings or BalanceSettings())
    return replace(counted, findings=findings)


def analyse_program_week(
    program: Program, index: int, settings: BalanceSettings | None = None
) -> WeekAnalysis:
    """Week ``index`` (0-based) of ``program`` with every check, those that look beyond the
    week included (checks 13–15: the week before, the client's log)."""
    settings = settings or BalanceSettings()
    week = analyse_week(
        program.weeks[index], program.exercises, settings, equipment=program.details.equipment
    )
    extra = program_findings(program, index, week, settings)
    if not extra:
        return week
    return replace(week, findings=tuple(sorted((*week.findings, *extra), key=lambda f: f.sort_key)))


def analyse_program(program: Program, settings: BalanceSettings | None = None) -> ProgramAnalysis:
    settings = settings or BalanceSettings()
    weeks = tuple(analyse_program_week(program, i, settings) for i in range(len(program.weeks)))
    return ProgramAnalysis(weeks, tuple(range(1, len(weeks) + 1)))


def _count(
    week: Week, exercises: Mapping[str, Exercise], client_equipment: frozenset[Equipment]
) -> WeekAnalysis:
    sets = dict.fromkeys(Direction, 0.0)
    knee_sets = {d: dict.fromkeys(Knee, 0.0) for d in Direction}
    days: dict[Direction, set[int]] = {d: set() for d in Direction}
    positions: dict[Direction, set[Position]] = {d: set() for d in Direction}
    equipment: dict[Direction, set[Equipment]] = {d: set() for d in Direction}
    entry_ids: dict[Direction, list[str]] = {d: [] for d in Direction}
    levels: set[Level] = set()
    used: dict[str, tuple[Exercise, dict[Direction, float]]] = {}
    weight_bearing = 0.0
    for day, entry in week.entries():
        known = used.get(entry.exercise_id)
        if known is None:
            exercise = exercises[entry.exercise_id]
            known = used[entry.exercise_id] = (exercise, direction_credits(exercise))
            levels.add(exercise.level)
        exercise, credits = known
        for direction, credit in credits.items():
            amount = entry.dose.sets * credit
            sets[direction] += amount
            knee_sets[direction][exercise.knee] += amount
            days[direction].add(day)
            positions[direction].update(exercise.positions)
            equipment[direction].update(exercise.equipment)
            entry_ids[direction].append(entry.id)
            if exercise.weight_bearing:
                weight_bearing += amount
    return WeekAnalysis(
        sets=sets,
        knee_sets=knee_sets,
        days={d: frozenset(v) for d, v in days.items()},
        positions={d: frozenset(v) for d, v in positions.items()},
        equipment={d: frozenset(v) for d, v in equipment.items()},
        entry_ids={d: tuple(v) for d, v in entry_ids.items()},
        week_positions=frozenset().union(*positions.values()),
        week_equipment=frozenset().union(*equipment.values()),
        weight_bearing_sets=weight_bearing,
        levels=frozenset(levels),
        exercise_ids=frozenset(used),
        unavailable=tuple(
            ex.name
            for ex, _ in used.values()
            if client_equipment and not fits_equipment(ex, client_equipment)
        ),
    )
