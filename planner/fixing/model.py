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

from planner.balance_settings import BalanceSettings
from planner.dose import Dose
from planner.exercise import Exercise
from planner.findings import Code
from planner.fixing.atoms import Atom
from planner.program import DAYS_PER_WEEK, TRANSITION_SECONDS
from planner.taxonomy import Direction, Knee
from planner.volume import direction_credits

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
    """Columns and rows of a MILP, written as sparse linear expressions."""

    def __init__(self) -> None:
        self.cost: list[float] = []
        self.low: list[float] = []
        self.high: list[float] = []
        self.integer: list[int] = []
        self.rows: list[tuple[dict[int, float], float, float]] = []

    def var(self, low: float, high: float, cost: float = 0.0, integer: bool = True) -> int:
        self.cost.append(cost)
        self.low.append(low)
        self.high.append(high)
        self.integer.append(1 if integer else 0)
        return len(self.cost) - 1

    def row(self, expr: Mapping[int, float], low: float, high: float = math.inf) -> None:
        self.rows.append((dict(expr), low, high))

    def largest(self, expr: Mapping[int, float]) -> float:
        """How far ``expr`` can fall below zero, from the bounds (for a big-M slack)."""
        return sum(abs(c) * max(abs(self.low[i]), abs(self.high[i])) for i, c in expr.items())


Expr = dict[int, float]


def _plus(*parts: tuple[float, Mapping[int, float]]) -> Expr:
    out: Expr = defaultdict(float)
    for k, expr in parts:
        for i, c in expr.items():
            out[i] += k * c
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


def solve_here(problem: Problem) -> Solution | None:
    """The least change that satisfies the problem, or None when HiGHS proved there is none.

    Raises :class:`PlanningTimeout` when it could neither find one nor prove there is none.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import lil_array

    b = _Builder()
    s = problem.settings
    # Linear expressions (constant part kept apart) of what the week trains.
    credit: dict[Direction, Expr] = {d: defaultdict(float) for d in Direction}
    const: dict[Direction, float] = dict.fromkeys(Direction, 0.0)
    knee: dict[tuple[Direction, Knee], Expr] = {
        (d, k): defaultdict(float) for d in Direction for k in Knee
    }
    knee_const: dict[tuple[Direction, Knee], float] = dict.fromkeys(knee, 0.0)
    bearing: Expr = defaultdict(float)
    bearing_const = 0.0
    day_time: list[Expr] = [defaultdict(float) for _ in range(DAYS_PER_WEEK)]
    day_const = [0.0] * DAYS_PER_WEEK
    on_day: dict[tuple[Direction, int], Expr] = defaultdict(lambda: defaultdict(float))
    on_day_fixed: set[tuple[Direction, int]] = set()
    load = [0.0] * DAYS_PER_WEEK

    raises: dict[str, tuple[int, int]] = {}
    for p in problem.placed:
        up = b.var(0, p.high - p.dose.sets, ADD_COST)
        # One column per set trimmed, each dearer than the last: trims spread over entries.
        cuts = [b.var(0, 1, TRIM_COST + TRIM_STEP * j) for j in range(p.dose.sets - p.low)]
        down = b.var(0, p.dose.sets - p.low)
        b.row({down: 1.0, **dict.fromkeys(cuts, -1.0)}, 0, 0)
        raises[p.entry_id] = (up, down)
        per_set, fixed = _seconds(p.dose)
        day_time[p.day][up] += per_set
        day_time[p.day][down] -= per_set
        day_const[p.day] += per_set * p.dose.sets + fixed
        load[p.day] += p.dose.sets
        for d, c in direction_credits(p.exercise).items():
            for expr in (credit[d], knee[d, p.exercise.knee]):
                expr[up] += c
                expr[down] -= c
            const[d] += c * p.dose.sets
            knee_const[d, p.exercise.knee] += c * p.dose.sets
            on_day_fixed.add((d, p.day))
            if p.exercise.weight_bearing:
                bearing[up] += c
                bearing[down] -= c
                bearing_const += c * p.dose.sets

    training = {p.day for p in problem.placed}
    order = sorted(range(DAYS_PER_WEEK), key=lambda k: (k not in training, load[k], k))
    rank = {k: i for i, k in enumerate(order)}
    new_day = {k: b.var(0, 1, NEW_DAY_COST) for k in _rest_days(training)}
    open_days = sorted(training | set(new_day))
    used_days = {(p.exercise.id, p.day) for p in problem.placed}
    picks: list[tuple[Exercise, int, int, int]] = []  # exercise, day, sets var, placed var
    low_sets, high_sets = NEW_SETS
    for position, ex in enumerate(problem.candidates):
        credits = direction_credits(ex)
        if any(d in problem.untrained for d in credits):
            continue
        per_set, fixed = _seconds(ex.dose)
        for k in open_days:
            if (ex.id, k) in used_days:
                continue
            tie = 0.01 * rank[k] + 0.001 * position / max(1, len(problem.candidates))
            n = b.var(0, high_sets, ADD_COST + tie)
            y = b.var(0, 1, ENTRY_COST)
            b.row({n: 1, y: -low_sets}, 0)
            b.row({n: 1, y: -high_sets}, -math.inf, 0)
            if k in new_day:
                b.row({y: 1, new_day[k]: -1}, -math.inf, 0)
            picks.append((ex, k, n, y))
            day_time[k][n] += per_set
            day_time[k][y] += fixed
            for d, c in credits.items():
                credit[d][n] += c
                knee[d, ex.knee][n] += c
                on_day[d, k][n] += 1
                if ex.weight_bearing:
                    bearing[n] += c

    total: Expr = _plus(*((1.0, credit[d]) for d in Direction))
    total_const = sum(const.values())
    slack: dict[Atom, int] = {}

    def need(atom: Atom, expr: Mapping[int, float], constant: float, at_least: float) -> None:
        """Require ``expr + constant >= at_least`` for ``atom`` (softly when asked)."""
        if atom not in problem.enforce:
            return
        if problem.soft:
            v = slack.get(atom)
            if v is None:
                v = slack[atom] = b.var(0, 1, 1000.0)
            big = b.largest(expr) + abs(constant) + abs(at_least) + 1
            b.row(_plus((1.0, expr), (big, {v: 1.0})), at_least - constant)
        else:
            b.row(expr, at_least - constant)

    for d in Direction:
        floor = problem.floors.get(d, 0.0)
        if d in problem.untrained:
            b.row(credit[d], -const[d], -const[d])
            continue
        b.row(credit[d], floor - const[d])
        need((Code.DIRECTION_MISSING, d), credit[d], const[d], EPSILON)
        if s.min_weighted_sets > 0:
            need((Code.DIRECTION_LOW_VOLUME, d), credit[d], const[d], s.min_weighted_sets)
        # 6·W_d − share·T ≥ 0 and dominant·T − 6·W_d ≥ 0 (the mean is T / 6).
        n_dirs = len(Direction)
        under = _plus((n_dirs, credit[d]), (-s.under_served_share, total))
        need(
            (Code.DIRECTION_UNDER_SERVED, d),
            under,
            n_dirs * const[d] - s.under_served_share * total_const,
            MARGIN,
        )
        over = _plus((s.dominant_factor, total), (-n_dirs, credit[d]))
        need(
            (Code.DIRECTION_DOMINANT, d),
            over,
            s.dominant_factor * total_const - n_dirs * const[d],
            MARGIN,
        )
        for state in Knee:
            need((Code.KNEE_MISSING, d), knee[d, state], knee_const[d, state], EPSILON)
        if (Code.DIRECTION_FREQUENCY, d) in problem.enforce:
            days: Expr = {}
            for day in open_days:
                z = b.var(0, 1)
                days[z] = 1.0
                if (d, day) not in on_day_fixed:
                    b.row(_plus((1.0, on_day[d, day]), (-1.0, {z: 1.0})), 0)
            need((Code.DIRECTION_FREQUENCY, d), days, 0.0, s.required_days)

    ratios = (
        (
            Code.ABDUCTION_ADDUCTION_RATIO,
            Direction.ABDUCTION,
            Direction.ADDUCTION,
            s.abduction_adduction_low,
            s.abduction_adduction_high,
        ),
        (
            Code.ROTATION_RATIO,
            Direction.EXTERNAL_ROTATION,
            Direction.INTERNAL_ROTATION,
            s.rotation_low,
            s.rotation_high,
        ),
        (
            Code.EXTENSION_FLEXION_RATIO,
            Direction.EXTENSION,
            Direction.FLEXION,
            s.extension_flexion_low,
            s.extension_flexion_high,
        ),
    )
    for code, top, bottom, lo, hi in ratios:
        if top in problem.untrained or bottom in problem.untrained:
            continue  # the check is silent while a side is zero
        atom: Atom = (code, None)
        need(
            atom,
            _plus((1.0, credit[top]), (-lo, credit[bottom])),
            const[top] - lo * const[bottom],
            MARGIN,
        )
        need(
            atom,
            _plus((hi, credit[bottom]), (-1.0, credit[top])),
            hi * const[bottom] - const[top],
            MARGIN,
        )

    straight = _plus(*((1.0, knee[d, Knee.STRAIGHT]) for d in Direction))
    straight_const = sum(knee_const[d, Knee.STRAIGHT] for d in Direction)
    share: Atom = (Code.KNEE_SHARE, None)
    lo, hi = s.straight_knee_share_low, s.straight_knee_share_high
    need(share, _plus((1.0, straight), (-lo, total)), straight_const - lo * total_const, MARGIN)
    need(share, _plus((hi, total), (-1.0, straight)), hi * total_const - straight_const, MARGIN)
    need((Code.WEIGHT_BEARING_MISSING, None), bearing, bearing_const, EPSILON)
    need(
        (Code.NON_WEIGHT_BEARING_MISSING, None),
        _plus((1.0, total), (-1.0, bearing)),
        total_const - bearing_const,
        EPSILON,
    )
    if problem.max_total is not None:
        b.row(total, -math.inf, problem.max_total - total_const)
    for k, cap in enumerate(problem.day_caps):
        b.row(day_time[k], -math.inf, cap - day_const[k])
    matrix = lil_array((len(b.rows), len(b.cost)))
    lows, highs = [], []
    for r, (expr, low, high) in enumerate(b.rows):
        for i, c in expr.items():
            matrix[r, i] = c
        lows.append(low)
        highs.append(high)
    result = milp(
        b.cost,
        integrality=b.integer,
        bounds=Bounds(b.low, b.high),
        constraints=[LinearConstraint(matrix.tocsr(), lows, highs)] if b.rows else [],
        options={"time_limit": TIME_LIMIT, "presolve": True, "mip_rel_gap": GAP},
    )
    if result.x is None:
        if result.status == INFEASIBLE:
            return None
        raise PlanningTimeout(result.message)
    x = [round(v) for v in result.x]
    sets = {
        p.entry_id: p.dose.sets + x[raises[p.entry_id][0]] - x[raises[p.entry_id][1]]
        for p in problem.placed
    }
    added = tuple(
        sorted(((ex, k, x[n]) for ex, k, n, y in picks if x[y] and x[n]), key=lambda a: a[1])
    )
    violated = frozenset(atom for atom, v in slack.items() if x[v])
    return Solution(sets, added, violated)
