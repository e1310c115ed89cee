"""Fixes for the findings of a week: one finding at a time, or all of them (Fix all).

Every fix the engine returns has been applied to a copy of the week and checked by the real
balance analysis: it clears what it claims and raises no error or warning that was not there.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planner.balance.analysis import analyse_week
from planner.balance.counts import WeekAnalysis
from planner.balance.findings import Code, Finding
from planner.balance.settings import BalanceSettings
from planner.balance.volume import direction_credits
from planner.catalog import fits_equipment
from planner.exercise import Exercise
from planner.fixing.atoms import PER_DIRECTION, WEEK_WIDE, Atom, atoms, failing, is_fixable
from planner.fixing.edits import Addition, Fix, SetsChange, Swap, apply_fix
from planner.fixing.model import TIME_LIMIT, Placed, PlanningTimeout, Problem, Solution
from planner.fixing.worker import solve
from planner.program import Entry, Program, Week
from planner.taxonomy import Direction, Equipment

ALL_ATOMS: frozenset[Atom] = frozenset(
    {(code, d) for code in PER_DIRECTION for d in Direction} | {(code, None) for code in WEEK_WIDE}
)
ALTERNATIVES = 3
TIMEOUT = (
    f"Hip Planner ran out of time ({TIME_LIMIT:g} s) looking for a change that clears this; "
    "try again after an edit, or fix it by hand."
)
SMALL_FACTOR, SMALL_TOTAL = 1.3, 40.0
"""Fix all first looks for a week of at most 1.3× the weighted sets, or 40 (a convention);
only when there is none may it add more."""


@dataclass(frozen=True, slots=True)
class Planning:
    """Everything a fix is planned from: the week, its exercises, the catalog, the rules."""

    week: Week
    exercises: Mapping[str, Exercise]
    catalog: Sequence[Exercise]
    settings: BalanceSettings
    equipment: frozenset[Equipment] = frozenset()

    def analyse(
        self, week: Week | None = None, exercises: Mapping[str, Exercise] | None = None
    ) -> WeekAnalysis:
        return analyse_week(
            week or self.week, exercises or self.exercises, self.settings, equipment=self.equipment
        )

    def fits(self, exercise: Exercise) -> bool:
        return not self.equipment or fits_equipment(exercise, self.equipment)

    def candidates(self) -> tuple[Exercise, ...]:
        return tuple(ex for ex in self.catalog if not ex.archived and self.fits(ex))


@dataclass(frozen=True, slots=True)
class Offer:
    """The fixes for one finding (best first), or, when there is none, why."""

    finding: Finding
    fixes: tuple[Fix, ...]
    reason: str = ""


@dataclass(frozen=True, slots=True)
class WeekFix:
    """Fix all for one week: the fix, and the findings it could not clear with why."""

    fix: Fix
    remaining: tuple[Finding, ...]
    reasons: tuple[str, ...] = ()


def fixed_copy(plan: Planning, fix: Fix) -> tuple[Week, dict[str, Exercise]]:
    """The week with ``fix`` applied, leaving the original untouched."""
    program = Program(weeks=[copy.deepcopy(plan.week)], exercises=dict(plan.exercises))
    apply_fix(program, 0, fix)
    return program.weeks[0], program.exercises


def offer(plan: Planning, finding: Finding, limit: int = ALTERNATIVES) -> Offer:
    """Up to ``limit`` fixes that clear ``finding`` and raise nothing new."""
    if not is_fixable(finding):
        return Offer(finding, (), "This finding is advice only; it needs no fix.")
    before = failing(plan.analyse().findings)
    allowed = before - atoms(finding)
    if finding.code is Code.EQUIPMENT_UNAVAILABLE:
        swaps = tuple(f for f in _swap_choices(plan, limit) if _verified(plan, f, allowed))
        return Offer(finding, swaps, "" if swaps else _no_swap_reason(plan))
    untrained = frozenset(d for d in Direction if (Code.DIRECTION_MISSING, d) in allowed)
    problem = _problem(plan, plan.week, plan.exercises, ALL_ATOMS - allowed, untrained)
    fixes: list[Fix] = []
    excluded: frozenset[str] = frozenset()
    timed_out = False
    for _ in range(limit):
        try:
            solution = solve(problem)
        except PlanningTimeout:
            timed_out = True
            break
        if solution is None:
            break
        fix = _fix(plan.week, plan.exercises, solution)
        if _verified(plan, fix, allowed) and fix not in fixes:
            fixes.append(fix)
        added = frozenset(a.exercise.id for a in fix.additions)
        if not added:
            break
        excluded |= added
        problem = _with(problem, candidates=_ranked(plan, excluded))
    reason = "" if fixes else TIMEOUT if timed_out else _no_fix_reason(plan, finding)
    return Offer(finding, tuple(fixes), reason)


def fix_week(plan: Planning) -> WeekFix:
    """Fix all: every fixable error and warning of the week, with the least change."""
    analysis = plan.analyse()
    if analysis.is_empty or not any(is_fixable(f) for f in analysis.findings):
        return WeekFix(Fix(), tuple(f for f in analysis.findings if is_fixable(f)))
    swaps = _swap_choices(plan, 1)
    swap = swaps[0] if swaps else Fix()
    week, exercises = fixed_copy(plan, swap)
    problem = _problem(plan, week, exercises, ALL_ATOMS, frozenset())
    small = max(SMALL_FACTOR * analysis.total, SMALL_TOTAL)
    solution, proven = None, True
    for attempt in (_with(problem, max_total=small), problem, _with(problem, soft=True)):
        try:
            solution = solve(attempt)
        except PlanningTimeout:
            proven = False
            continue
        if solution is not None and not solution.violated:
            break
    fix = swap
    if solution is not None:
        more = _fix(week, exercises, solution)
        fix = Fix(swap.swaps, more.changes, more.additions)
    after = plan.analyse(*fixed_copy(plan, fix))
    remaining = tuple(f for f in after.findings if is_fixable(f))
    reasons = tuple(_remaining_reason(plan, f) if proven else TIMEOUT for f in remaining)
    return WeekFix(fix, remaining, reasons)


def _with(problem: Problem, **changes: object) -> Problem:
    from dataclasses import replace

    return replace(problem, **changes)  # type: ignore[arg-type]


def _problem(
    plan: Planning,
    week: Week,
    exercises: Mapping[str, Exercise],
    enforce: frozenset[Atom],
    untrained: frozenset[Direction],
) -> Problem:
    s = plan.settings
    analysis = plan.analyse(week, exercises)
    mean = analysis.mean
    over = {d for d in Direction if analysis.sets[d] > mean}
    placed = []
    for day, entry in week.entries():
        ex = exercises[entry.exercise_id]
        sets = entry.dose.sets
        low = 1 if ex.primary in over else sets
        placed.append(Placed(entry.id, day, ex, entry.dose, low, min(20, sets + 2)))
    budget = s.max_session_minutes * 60
    caps = tuple(
        budget if day.estimated_minutes() <= s.max_session_minutes else day.estimated_minutes() * 60
        for day in week.days
    )
    floors = {d: min(analysis.sets[d], s.min_weighted_sets) for d in Direction}
    return Problem(
        placed=tuple(placed),
        candidates=_ranked(plan),
        settings=s,
        enforce=enforce,
        untrained=untrained,
        floors=floors,
        day_caps=caps,
    )


def _ranked(plan: Planning, excluded: frozenset[str] = frozenset()) -> tuple[Exercise, ...]:
    """Candidates, easiest level first (added work should be safe to do alone), then by name;
    the first one of each kind.

    Exercises of one kind (same credits, knee and standing or not) count the same for every
    check, so one of each is enough; that keeps the program small (~30 instead of ~90). An
    alternative fix leaves out the exercises of the earlier ones, so the next of a kind shows.
    """
    ranked = sorted(
        (ex for ex in plan.candidates() if ex.id not in excluded),
        key=lambda ex: (ex.level.rank, ex.name.casefold()),
    )
    kinds: dict[object, list[Exercise]] = {}
    for ex in ranked:
        kind = (tuple(sorted(direction_credits(ex).items())), ex.knee, ex.weight_bearing)
        kinds.setdefault(kind, []).append(ex)
    return tuple(same[0] for same in kinds.values())


def _fix(week: Week, exercises: Mapping[str, Exercise], solution: Solution) -> Fix:
    changes = []
    for day, entry in week.entries():
        after = solution.sets[entry.id]
        if after != entry.dose.sets:
            name = exercises[entry.exercise_id].name
            changes.append(SetsChange(entry.id, day, name, entry.dose.sets, after))
    additions = tuple(
        Addition(ex, day, ex.dose.with_changes(sets=sets)) for ex, day, sets in solution.added
    )
    return Fix(changes=tuple(changes), additions=additions)


def _verified(plan: Planning, fix: Fix, allowed: frozenset[Atom]) -> bool:
    if fix.is_empty:
        return False
    after = failing(plan.analyse(*fixed_copy(plan, fix)).findings)
    return after <= allowed


def _swap_candidates(plan: Planning, exercise: Exercise) -> list[Exercise]:
    """Exercises the client can do with the same directions and knee, closest first."""
    same = [
        ex
        for ex in plan.candidates()
        if ex.primary is exercise.primary
        and set(ex.secondary) == set(exercise.secondary)
        and ex.knee is exercise.knee
        and direction_credits(ex) == direction_credits(exercise)
    ]
    return sorted(
        same,
        key=lambda ex: (
            ex.weight_bearing is not exercise.weight_bearing,
            not set(ex.positions) & set(exercise.positions),
            ex.dose.unit is not exercise.dose.unit,
            abs(ex.level.rank - exercise.level.rank),
            ex.name.casefold(),
        ),
    )


def _swap_choices(plan: Planning, limit: int) -> list[Fix]:
    """Up to ``limit`` ways to swap every exercise the client cannot do (nth choice each)."""
    options: list[tuple[int, Exercise, list[Exercise], Entry]] = []
    for day, entry in plan.week.entries():
        ex = plan.exercises[entry.exercise_id]
        if not plan.fits(ex):
            found = _swap_candidates(plan, ex)
            if found:
                options.append((day, ex, found, entry))
    fixes = []
    for n in range(limit):
        swaps = []
        for day, ex, found, entry in options:
            new = found[min(n, len(found) - 1)]
            dose = entry.dose
            if new.dose.unit is not dose.unit:
                dose = new.dose.with_changes(sets=dose.sets)
            swaps.append(Swap(entry.id, day, ex, new, dose))
        fix = Fix(swaps=tuple(swaps))
        if swaps and fix not in fixes:
            fixes.append(fix)
    return fixes


def _have(plan: Planning) -> str:
    names = sorted({Equipment.BODY_WEIGHT, *plan.equipment}, key=list(Equipment).index)
    return ", ".join(e.label.lower() for e in names)


def _no_swap_reason(plan: Planning) -> str:
    return (
        "Nothing in the catalog trains the same directions with the same knee using only what "
        f"the client has ({_have(plan)})."
    )


def _nothing_fits(plan: Planning, finding: Finding) -> str:
    """ "Nothing in the catalog trains …" for the finding's directions no candidate trains."""
    if finding.code not in PER_DIRECTION:
        return ""
    lacking = [
        d
        for d in finding.directions
        if not any(d in direction_credits(ex) for ex in plan.candidates())
    ]
    if not lacking:
        return ""
    labels = ", ".join(d.label for d in lacking)
    where = f" using only what the client has ({_have(plan)})" if plan.equipment else ""
    return f"Nothing in the catalog trains {labels}{where}."


def _no_fix_reason(plan: Planning, finding: Finding) -> str:
    minutes = plan.settings.max_session_minutes
    return _nothing_fits(plan, finding) or (
        "No change clears this alone without raising another finding or pushing a day past "
        f"{minutes} minutes; Fix all may clear it together with the others."
    )


def _remaining_reason(plan: Planning, finding: Finding) -> str:
    if finding.code is Code.EQUIPMENT_UNAVAILABLE:
        return _no_swap_reason(plan)
    minutes = plan.settings.max_session_minutes
    equipment = f", the client's equipment ({_have(plan)})" if plan.equipment else ""
    return _nothing_fits(plan, finding) or (
        f"{finding.message} The catalog{equipment} and the {minutes}-minute session budget "
        "allow no week that clears it with the others."
    )
