"""The eleven checks of the balance rule (DESIGN.md §1) on a counted week, with their words.

A week gets at most one finding per code: a check that fires for several directions says so
once and lists them. Two rules keep a report free of echoes: a check about *how much* a
direction gets stays silent for an untrained direction (``direction-missing`` already says it),
and ``direction-under-served`` leaves out a direction ``direction-low-volume`` already names.
An empty week gets a single ``week-empty`` info instead of six errors.

Every finding carries its **gap**: the weighted sets that stand between the week and the check
passing. For the volume checks it is the sets missing to reach the threshold (over it, for
``direction-dominant``), summed over the directions; for a ratio, the sets the smaller side
needs to come back into range; for ``knee-share``, the sets in the short knee state that bring
its share up to the limit. Checks that count kinds rather than sets (a knee state, a day, a
position, standing or not, kinds of equipment) count one *dose* for each thing missing: half
the weekly floor (2 weighted sets by default; one day's share of it), and at least 1 set.
Findings are ordered errors first, then by gap, largest first, then in the order of the checks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from planner.balance.findings import Code, Finding, finding
from planner.balance.settings import BalanceSettings
from planner.taxonomy import Direction, Knee

if TYPE_CHECKING:
    from planner.balance.counts import WeekAnalysis

MUSCLES = {
    Direction.FLEXION: "flexors",
    Direction.EXTENSION: "extensors",
    Direction.ABDUCTION: "abductors",
    Direction.ADDUCTION: "adductors",
    Direction.EXTERNAL_ROTATION: "external rotators",
    Direction.INTERNAL_ROTATION: "internal rotators",
}


def check_week(week: WeekAnalysis, settings: BalanceSettings) -> tuple[Finding, ...]:
    """Every finding for one counted week, at most one per code, in report order."""
    if week.is_empty:
        return (finding(Code.WEEK_EMPTY, "This week has no exercises yet.", gap=0.0),)
    found = [
        *_volume_findings(week, settings),
        *_ratio_findings(week, settings),
        *_knee_findings(week, settings),
        *_spread_findings(week, settings),
        *_week_findings(week, settings),
    ]
    return tuple(sorted(found, key=lambda f: f.sort_key))


def dose(settings: BalanceSettings) -> float:
    """One dose in weighted sets: half the weekly floor, at least 1 (the gap of a missing kind)."""
    return max(settings.min_weighted_sets / 2, 1.0)


def _volume_findings(week: WeekAnalysis, settings: BalanceSettings) -> list[Finding]:
    sets, mean, floor = week.sets, week.mean, settings.min_weighted_sets
    trained = [d for d in Direction if sets[d] > 0]
    missing = tuple(d for d in Direction if sets[d] == 0)
    low = tuple(d for d in trained if sets[d] < floor)
    under_limit = settings.under_served_share * mean
    under = tuple(d for d in trained if d not in low and sets[d] < under_limit)
    over_limit = settings.dominant_factor * mean
    over = tuple(d for d in trained if sets[d] > over_limit)
    found = []
    if missing:
        found.append(
            finding(
                Code.DIRECTION_MISSING,
                f"No {listing(missing, conj='or')} work this week — the hip's "
                f"{listing(missing, MUSCLES.__getitem__)} go untrained.",
                missing,
                gap=max(floor, 1.0) * len(missing),
            )
        )
    if low:
        found.append(
            finding(
                Code.DIRECTION_LOW_VOLUME,
                f"Too little {listing(low)} work this week: {numbers(low, sets)} weighted "
                f"sets; aim for at least {floor:g}{each(low)}.",
                low,
                gap=sum(floor - sets[d] for d in low),
            )
        )
    if under:
        found.append(
            finding(
                Code.DIRECTION_UNDER_SERVED,
                f"{cap(listing(under))} {verb(under, 'gets', 'get')} less than "
                f"{pct(settings.under_served_share)} of the six-direction average of "
                f"{num(mean)} weighted sets: {numbers(under, sets)}.",
                under,
                gap=sum(under_limit - sets[d] for d in under),
            )
        )
    if over:
        found.append(
            finding(
                Code.DIRECTION_DOMINANT,
                f"{cap(listing(over))} {verb(over, 'dominates', 'dominate')} with "
                f"{numbers(over, sets)} weighted sets, more than "
                f"{settings.dominant_factor:g}× the six-direction average of {num(mean)}. "
                "Keep that work and add to the other directions.",
                over,
                gap=sum(sets[d] - over_limit for d in over),
            )
        )
    return found


def _ratio_findings(week: WeekAnalysis, settings: BalanceSettings) -> list[Finding]:
    ratios = (
        (Code.ABDUCTION_ADDUCTION_RATIO, Direction.ABDUCTION, Direction.ADDUCTION),
        (Code.ROTATION_RATIO, Direction.EXTERNAL_ROTATION, Direction.INTERNAL_ROTATION),
        (Code.EXTENSION_FLEXION_RATIO, Direction.EXTENSION, Direction.FLEXION),
    )
    limits = (
        (settings.abduction_adduction_low, settings.abduction_adduction_high),
        (settings.rotation_low, settings.rotation_high),
        (settings.extension_flexion_low, settings.extension_flexion_high),
    )
    found = []
    for (code, top, bottom), (low, high) in zip(ratios, limits, strict=True):
        a, b = week.sets[top], week.sets[bottom]
        if a == 0 or b == 0:
            continue  # direction-missing already says it
        ratio = a / b
        if low <= ratio <= high:
            continue
        only = "only " if ratio < low else ""
        found.append(
            finding(
                code,
                f"{top.label} work is {only}{outside(ratio, low, high)} times "
                f"{bottom.label} work; aim for {low:g}–{high:g} times.",
                (top, bottom),
                gap=low * b - a if ratio < low else a / high - b,
            )
        )
    return found


def _knee_findings(week: WeekAnalysis, settings: BalanceSettings) -> list[Finding]:
    lacking = [
        (d, knee)
        for d in Direction
        if week.sets[d] > 0
        for knee in Knee
        if not week.knee_sets[d][knee]
    ]
    found = []
    if lacking:
        parts = []
        for knee in (Knee.STRAIGHT, Knee.BENT):
            named = tuple(d for d, k in lacking if k is knee)
            if named:
                other = Knee.BENT if knee is Knee.STRAIGHT else Knee.STRAIGHT
                parts.append(
                    f"{cap(listing(named))} {verb(named, 'is', 'are')} trained only "
                    f"with the knee {other.value}: add knee-{knee.value} work"
                )
        found.append(
            finding(
                Code.KNEE_MISSING,
                "; ".join(parts) + ".",
                tuple(d for d, _ in lacking),
                gap=dose(settings) * len(lacking),
                knees=tuple(k for _, k in lacking),
            )
        )
    share, total = week.straight_knee_share or 0.0, week.total
    low, high = settings.straight_knee_share_low, settings.straight_knee_share_high
    aim = f"aim for {num(low * 100)}–{pct(high)} with the knee straight"
    shown = outside(share * 100, low * 100, high * 100, start=0)
    if share < low:
        straight = share * total
        found.append(
            finding(
                Code.KNEE_SHARE,
                f"Only {shown}% of this week's work is done with the knee straight; {aim}.",
                knee=Knee.STRAIGHT,
                gap=(low * total - straight) / (1 - low),
            )
        )
    elif share > high:
        bent = (1 - share) * total
        found.append(
            finding(
                Code.KNEE_SHARE,
                f"{shown}% of this week's work is done with the knee straight; {aim}.",
                knee=Knee.BENT,
                gap=((1 - high) * total - bent) / high,
            )
        )
    return found


def _spread_findings(week: WeekAnalysis, settings: BalanceSettings) -> list[Finding]:
    trained = [d for d in Direction if week.sets[d] > 0]
    found = []
    required = settings.required_days
    rare = tuple(d for d in trained if len(week.days[d]) < required)
    if rare:
        days = ", ".join(f"{d.label} on {plural(len(week.days[d]), 'day')}" for d in rare)
        found.append(
            finding(
                Code.DIRECTION_FREQUENCY,
                f"Done on too few days this week: {days}; spread{each(rare)} over at least "
                f"{plural(required, 'day')}.",
                rare,
                gap=dose(settings) * sum(required - len(week.days[d]) for d in rare),
            )
        )
    wanted = settings.min_positions_per_direction
    narrow = tuple(d for d in trained if len(week.positions[d]) < wanted)
    if narrow:
        used = ", ".join(
            f"{d.label} ({', '.join(sorted(p.label.lower() for p in week.positions[d]))})"
            for d in narrow
        )
        found.append(
            finding(
                Code.POSITION_VARIETY,
                f"Too few positions: {used}; aim for at least {wanted}{each(narrow)}.",
                narrow,
                gap=dose(settings) * sum(wanted - len(week.positions[d]) for d in narrow),
            )
        )
    return found


def _week_findings(week: WeekAnalysis, settings: BalanceSettings) -> list[Finding]:
    found = []
    if week.weight_bearing_sets == 0:
        found.append(
            finding(
                Code.WEIGHT_BEARING_MISSING,
                "Nothing this week is done standing; add a weight-bearing exercise.",
                gap=dose(settings),
            )
        )
    elif week.weight_bearing_sets == week.total:
        found.append(
            finding(
                Code.NON_WEIGHT_BEARING_MISSING,
                "Everything this week is done standing; add an exercise done lying, "
                "seated or kneeling.",
                gap=dose(settings),
            )
        )
    if week.unavailable:
        names = ", ".join(week.unavailable)
        found.append(
            finding(
                Code.EQUIPMENT_UNAVAILABLE,
                f"The client lacks the equipment for {names}; swap "
                f"{'it' if len(week.unavailable) == 1 else 'them'} for an exercise they can do.",
                gap=dose(settings) * len(week.unavailable),
            )
        )
    kinds, wanted = week.week_equipment, settings.min_equipment_kinds
    if len(kinds) < wanted:
        names = ", ".join(sorted(e.label.lower() for e in kinds))
        found.append(
            finding(
                Code.EQUIPMENT_VARIETY,
                f"This week uses only {plural(len(kinds), 'kind')} of equipment ({names}); "
                f"aim for at least {wanted}.",
                gap=dose(settings) * (wanted - len(kinds)),
            )
        )
    return found


def listing(
    directions: Sequence[Direction],
    name: Callable[[Direction], str] = lambda d: d.label,
    *,
    conj: str = "and",
) -> str:
    """ "Forward, Away and Rotate in": the labels (or ``name`` of each direction) as a list."""
    names = [name(d) for d in directions]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {conj} {names[-1]}"


def numbers(directions: Sequence[Direction], sets: Mapping[Direction, float]) -> str:
    """ "2 and 3.5": the weighted sets of ``directions``, in step with :func:`listing`."""
    return listing(directions, lambda d: num(sets[d]))


def verb(directions: Sequence[Direction], one: str, many: str) -> str:
    return one if len(directions) == 1 else many


def each(directions: Sequence[Direction]) -> str:
    return "" if len(directions) == 1 else " each"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def num(value: float) -> str:
    """At most one decimal, none when whole: 23, 3.8, 7.3."""
    return f"{round(value, 1):g}"


def pct(share: float) -> str:
    return f"{round(share * 100, 1):g}%"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def outside(value: float, low: float, high: float, *, start: int = 1) -> str:
    """``value`` with as few decimals (from ``start``) as keep it visibly outside low–high.

    A ratio of 0.667 against a lower limit of 0.67 reads "0.667", not a puzzling "0.7".
    """
    for decimals in range(start, 4):
        shown = round(value, decimals)
        if not low <= shown <= high:
            break
    return f"{shown:g}"
