"""The week as a small integer program (DESIGN.md §1, "Fixing a gap"), solved by HiGHS.

Variables: for every entry the coach placed, the sets added to it and the sets trimmed from it;
for every candidate exercise and day, its sets and whether it is placed there; whether a day
that had no training becomes one; whether a direction is trained on a day. Every check of the
balance rule that is a ratio or a share is linear in the set counts once multiplied out
(``a ≤ k·b``), so the whole rule is a set of linear constraints. The objective is the least
change: sets added and trimmed, new entries and new training days, with small tie-breakers
that prefer the lightest training days and the catalog's order.

SciPy (``scipy.optimize.milp``) is imported only when a fix is asked for: starting the program
must not pay for it. :mod:`planner.fixing.worker` runs :func:`solve_here` in a process that can
be stopped.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from planner.balance.findings import Code
from planner.balance.settings import BalanceSettings
from planner.balance.volume import direction_credits
from planner.dose import Dose
from planner.exercise import Exercise
from planner.fixing.atoms import Atom
from planner.program import DAYS_PER_WEEK, TRANSITION_SECONDS
from planner.taxonomy import Direction, Knee

NEW_SETS = (2, 4)
"""Sets of an added entry: at least 2 (2 days × 2 sets is the floor of check 2)."""
RAISE_LIMIT = 2
"""An entry the coach placed may get up to this many more sets."""
ADD_COST, TRIM_COST, TRIM_STEP, ENTRY_COST, NEW_DAY_COST = 1.0, 1.5, 0.5, 1.0, 4.0
"""Costs of the objective: a set added, a set trimmed (the next one of the same entry costs a
step more), a new entry, a new training day."""
EPSILON = 0.01
"""Any work at all (the smallest credit is 0.05 of a set)."""
MARGIN = 1e-4
"""Keeps a ratio or share safely inside its limits despite floating-point rounding."""
TIME_LIMIT = 3.0
"""Seconds HiGHS may search; then it returns the best fix found (checked like any other)."""
GAP = 0.05
"""HiGHS stops once its fix is provably within 5% of the least change."""
NEW_DAYS = 2
"""How many rest days a fix may consider turning into training days."""


INFEASIBLE = 2
"""``milp``'s status when HiGHS proved that no solution exists."""


class PlanningTimeout(Exception):
    """HiGHS found no solution within :data:`TIME_LIMIT`, nor proved that there is none."""


@dataclass(frozen=True, slots=True)
class Placed:
    """An entry the coach placed: its sets may go from ``low`` to ``high``."""

    entry_id: str
    day: int
    exercise: Exercise
    dose: Dose
    low: int
    high: int


@dataclass(frozen=True, slots=True)
class Problem:
    placed: tuple[Placed, ...]
    candidates: tuple[Exercise, ...]
    """Exercises that may be added, best first (the order breaks ties)."""
    settings: BalanceSettings
    enforce: frozenset[Atom]
    """Atoms that must hold (hard) — or, with ``soft``, that count a penalty when they fail."""
    soft: bool = False
    untrained: frozenset[Direction] = frozenset()
    """Directions that must stay at zero (their ``direction-missing`` is left alone)."""
    floors: Mapping[Direction, float] = field(default_factory=dict)
    """No direction may end below this (trimming never takes a direction under the floor)."""
    day_caps: tuple[int, ...] = ()
    """Seconds each day may hold."""
    max_total: float | None = None
    """The most weighted sets the fixed week may hold (None: no limit)."""


@dataclass(frozen=True, slots=True)
class Solution:
    sets: Mapping[str, int]
    """The new sets of every placed entry, by entry id."""
    added: tuple[tuple[Exercise, int, int], ...]
    """(exercise, day, sets) of each new entry, in the order of the days."""
    violated: frozenset[Atom] = frozenset()


class _Builder:
    """Columns and rows of a MILP."""

    def __init__(self) -> None:
        self.cost: list[float] = []
        self.low: list[float] = []
        self.high: list[float] = []
        self.rows: list[tuple[dict[int, float], float, float]] = []

    def var(self, low: float, high: float, cost: float = 0.0) -> int:
        """A new integer column (a yes/no one when ``high`` is 1)."""
        self.cost.append(cost)
        self.low.append(low)
        self.high.append(high)
        return len(self.cost) - 1

    def row(self, lin: Lin, low: float, high: float = math.inf) -> None:
        """``low <= lin <= high``."""
        self.rows.append((dict(lin.terms), low - lin.const, high - lin.const))

    def reach(self, lin: Lin) -> float:
        """How far ``lin`` can fall below zero within the bounds (for a big-M slack)."""
        spread = sum(
            abs(c) * max(abs(self.low[i]), abs(self.high[i])) for i, c in lin.terms.items()
        )
        return spread + abs(lin.const)


@dataclass(slots=True)
class Lin:
    """A linear expression: columns with their coefficients, plus a constant."""

    terms: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    const: float = 0.0

    def add(self, column: int, coefficient: float) -> None:
        self.terms[column] += coefficient

    def __add__(self, other: Lin) -> Lin:
        return combine((1.0, self), (1.0, other))

    def __sub__(self, other: Lin) -> Lin:
        return combine((1.0, self), (-1.0, other))

    def __rmul__(self, factor: float) -> Lin:
        return combine((factor, self))


def combine(*parts: tuple[float, Lin]) -> Lin:
    out = Lin()
    for k, lin in parts:
        for i, c in lin.terms.items():
            out.terms[i] += k * c
        out.const += k * lin.const
    return out


def _seconds(dose: Dose) -> tuple[int, int]:
    """(seconds per set, fixed seconds of an entry) as ``Day.estimated_minutes`` counts them."""
    return dose.work_seconds + dose.rest_seconds, TRANSITION_SECONDS - dose.rest_seconds


def _rest_days(training: set[int]) -> list[int]:
    """The rest days a fix may turn into training days: the two farthest from training."""
    rest = [k for k in range(DAYS_PER_WEEK) if k not in training]

    def gap(k: int) -> int:
        return min(
            (min((k - t) % DAYS_PER_WEEK, (t - k) % DAYS_PER_WEEK) for t in training), default=0
        )

    return sorted(sorted(rest, key=lambda k: (-gap(k), k))[:NEW_DAYS])


class _Week:
    """The week as linear expressions of the set counts, and the rules as rows on them."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.b = _Builder()
        self.credit = {d: Lin() for d in Direction}
        self.knee = {(d, k): Lin() for d in Direction for k in Knee}
        self.bearing = Lin()
        self.day_time = [Lin() for _ in range(DAYS_PER_WEEK)]
        self.on_day: dict[tuple[Direction, int], Lin] = defaultdict(Lin)
        self.placed_on: set[tuple[Direction, int]] = set()
        self.changes: dict[str, tuple[int, int]] = {}
        self.picks: list[tuple[Exercise, int, int, int]] = []  # exercise, day, sets, placed
        self.slack: dict[Atom, int] = {}
        self._place_entries()
        self.open_days = self._add_candidates()
        self.total = combine(*((1.0, self.credit[d]) for d in Direction))

    def _credit(self, exercise: Exercise, column: int, sign: float = 1.0) -> None:
        for d, c in direction_credits(exercise).items():
            self.credit[d].add(column, sign * c)
            self.knee[d, exercise.knee].add(column, sign * c)
            if exercise.weight_bearing:
                self.bearing.add(column, sign * c)

    def _place_entries(self) -> None:
        """The coach's entries: sets added (``up``) and trimmed (``down``) are the columns."""
        b = self.b
        for p in self.problem.placed:
            up = b.var(0, p.high - p.dose.sets, ADD_COST)
            # One column per set trimmed, each dearer than the last: trims spread over entries.
            cuts = [b.var(0, 1, TRIM_COST + TRIM_STEP * j) for j in range(p.dose.sets - p.low)]
            down = b.var(0, p.dose.sets - p.low)
            b.row(Lin(defaultdict(float, {down: 1.0, **dict.fromkeys(cuts, -1.0)})), 0, 0)
            self.changes[p.entry_id] = (up, down)
            per_set, fixed = _seconds(p.dose)
            time = self.day_time[p.day]
            time.add(up, per_set)
            time.add(down, -per_set)
            time.const += per_set * p.dose.sets + fixed
            self._credit(p.exercise, up)
            self._credit(p.exercise, down, -1.0)
            for d, c in direction_credits(p.exercise).items():
                self.credit[d].const += c * p.dose.sets
                self.knee[d, p.exercise.knee].const += c * p.dose.sets
                self.placed_on.add((d, p.day))
                if p.exercise.weight_bearing:
                    self.bearing.const += c * p.dose.sets

    def _add_candidates(self) -> list[int]:
        """Columns for each candidate on each open day; returns the open days."""
        b, problem = self.b, self.problem
        load = [0] * DAYS_PER_WEEK
        for p in problem.placed:
            load[p.day] += p.dose.sets
        training = {p.day for p in problem.placed}
        order = sorted(range(DAYS_PER_WEEK), key=lambda k: (k not in training, load[k], k))
        rank = {k: i for i, k in enumerate(order)}
        new_day = {k: b.var(0, 1, NEW_DAY_COST) for k in _rest_days(training)}
        open_days = sorted(training | set(new_day))
        used_days = {(p.exercise.id, p.day) for p in problem.placed}
        low_sets, high_sets = NEW_SETS
        for position, ex in enumerate(problem.candidates):
            credits = direction_credits(ex)
            if any(d in problem.untrained for d in credits):
                continue
            per_set, fixed = _seconds(ex.dose)
            for k in open_days:
                if (ex.id, k) in used_days:
                    continue
                tie = 0.01 * rank[k] + 0.001 * position / len(problem.candidates)
                n = b.var(0, high_sets, ADD_COST + tie)
                y = b.var(0, 1, ENTRY_COST)
                b.row(_terms({n: 1, y: -low_sets}), 0)
                b.row(_terms({n: 1, y: -high_sets}), -math.inf, 0)
                if k in new_day:
                    b.row(_terms({y: 1, new_day[k]: -1}), -math.inf, 0)
                self.picks.append((ex, k, n, y))
                self.day_time[k].add(n, per_set)
                self.day_time[k].add(y, fixed)
                self._credit(ex, n)
                for d in credits:
                    self.on_day[d, k].add(n, 1)
        return open_days

    def need(self, atom: Atom, lin: Lin, at_least: float) -> None:
        """Require ``lin >= at_least`` for ``atom`` (softly, with a penalty, when asked)."""
        if atom not in self.problem.enforce:
            return
        if not self.problem.soft:
            self.b.row(lin, at_least)
            return
        if atom not in self.slack:
            self.slack[atom] = self.b.var(0, 1, 1000.0)
        big = self.b.reach(lin) + abs(at_least) + 1
        self.b.row(lin + big * _terms({self.slack[atom]: 1.0}), at_least)

    def direction_rules(self) -> None:
        """Checks 1–4, 8 (knee-missing) and 9, and the floor no trim may cross."""
        s, problem, n = self.problem.settings, self.problem, len(Direction)
        for d in Direction:
            w = self.credit[d]
            if d in problem.untrained:
                self.b.row(w, 0, 0)
                continue
            self.b.row(w, problem.floors.get(d, 0.0))
            self.need((Code.DIRECTION_MISSING, d), w, EPSILON)
            if s.min_weighted_sets > 0:
                self.need((Code.DIRECTION_LOW_VOLUME, d), w, s.min_weighted_sets)
            # 6·W − share·T ≥ 0 and dominant·T − 6·W ≥ 0 (the mean is T / 6).
            under = combine((n, w), (-s.under_served_share, self.total))
            self.need((Code.DIRECTION_UNDER_SERVED, d), under, MARGIN)
            over = combine((s.dominant_factor, self.total), (-n, w))
            self.need((Code.DIRECTION_DOMINANT, d), over, MARGIN)
            for state in Knee:
                self.need((Code.KNEE_MISSING, d), self.knee[d, state], EPSILON)
            if (Code.DIRECTION_FREQUENCY, d) in problem.enforce:
                self.need((Code.DIRECTION_FREQUENCY, d), self._days(d), s.required_days)

    def _days(self, d: Direction) -> Lin:
        """The number of days ``d`` is trained on, with a yes/no column per open day."""
        days = Lin()
        for day in self.open_days:
            z = self.b.var(0, 1)
            days.add(z, 1.0)
            if (d, day) not in self.placed_on:
                self.b.row(self.on_day[d, day] - _terms({z: 1.0}), 0)
        return days

    def ratio_rules(self) -> None:
        """Checks 5–7: ``low·bottom <= top <= high·bottom``."""
        s = self.problem.settings
        ratios = (
            (Code.ABDUCTION_ADDUCTION_RATIO, Direction.ABDUCTION, Direction.ADDUCTION,
             s.abduction_adduction_low, s.abduction_adduction_high),
            (Code.ROTATION_RATIO, Direction.EXTERNAL_ROTATION, Direction.INTERNAL_ROTATION,
             s.rotation_low, s.rotation_high),
            (Code.EXTENSION_FLEXION_RATIO, Direction.EXTENSION, Direction.FLEXION,
             s.extension_flexion_low, s.extension_flexion_high),
        )  # fmt: skip
        for code, top, bottom, low, high in ratios:
            if {top, bottom} & self.problem.untrained:
                continue  # the check is silent while a side is zero
            a, b = self.credit[top], self.credit[bottom]
            self.need((code, None), a - low * b, MARGIN)
            self.need((code, None), high * b - a, MARGIN)

    def week_rules(self) -> None:
        """Checks 8 (knee-share) and 10, the session budget and the size of the week."""
        s, problem = self.problem.settings, self.problem
        straight = combine(*((1.0, self.knee[d, Knee.STRAIGHT]) for d in Direction))
        share: Atom = (Code.KNEE_SHARE, None)
        self.need(share, straight - s.straight_knee_share_low * self.total, MARGIN)
        self.need(share, s.straight_knee_share_high * self.total - straight, MARGIN)
        self.need((Code.WEIGHT_BEARING_MISSING, None), self.bearing, EPSILON)
        self.need((Code.NON_WEIGHT_BEARING_MISSING, None), self.total - self.bearing, EPSILON)
        if problem.max_total is not None:
            self.b.row(self.total, -math.inf, problem.max_total)
        for k, cap in enumerate(problem.day_caps):
            self.b.row(self.day_time[k], -math.inf, cap)

    def solution(self, x: list[int]) -> Solution:
        sets = {
            p.entry_id: p.dose.sets
            + x[self.changes[p.entry_id][0]]
            - x[self.changes[p.entry_id][1]]
            for p in self.problem.placed
        }
        added = sorted(
            ((ex, k, x[n]) for ex, k, n, y in self.picks if x[y] and x[n]), key=lambda a: a[1]
        )
        violated = frozenset(atom for atom, v in self.slack.items() if x[v])
        return Solution(sets, tuple(added), violated)


def _terms(terms: dict[int, float]) -> Lin:
    return Lin(defaultdict(float, terms))


def solve_here(problem: Problem) -> Solution | None:
    """The least change that satisfies the problem, or None when HiGHS proved there is none.

    Raises :class:`PlanningTimeout` when it could neither find one nor prove there is none.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import lil_array

    week = _Week(problem)
    week.direction_rules()
    week.ratio_rules()
    week.week_rules()
    b = week.b
    matrix = lil_array((len(b.rows), len(b.cost)))
    for r, (terms, _low, _high) in enumerate(b.rows):
        for i, c in terms.items():
            matrix[r, i] = c
    result = milp(
        b.cost,
        integrality=[1] * len(b.cost),
        bounds=Bounds(b.low, b.high),
        constraints=[
            LinearConstraint(matrix.tocsr(), [r[1] for r in b.rows], [r[2] for r in b.rows])
        ],
        options={"time_limit": TIME_LIMIT, "presolve": True, "mip_rel_gap": GAP},
    )
    if result.x is None:
        if result.status == INFEASIBLE:
            return None
        raise PlanningTimeout(result.message)
    return week.solution([round(v) for v in result.x])
