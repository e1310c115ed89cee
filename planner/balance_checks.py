"""The eleven checks of the balance rule (DESIGN.md §1) on a counted week, with their words.

Two rules keep a report free of echoes: a check about *how much* a direction gets stays
silent for an untrained direction (``direction-missing`` already says it), and
``direction-under-served`` stays silent when ``direction-low-volume`` already fired for the
same direction (both say "too little here"; the absolute floor is the clearer message).
An empty week gets a single ``week-empty`` info instead of six errors: it is either a week
the coach has not filled yet or a planned rest week, and neither needs six red marks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.balance_settings import BalanceSettings
from planner.findings import Code, Finding, finding
from planner.taxonomy import Direction, Knee

if TYPE_CHECKING:
    from planner.balance import WeekAnalysis

MUSCLES = {
    Direction.FLEXION: "flexors",
    Direction.EXTENSION: "extensors",
    Direction.ABDUCTION: "abductors",
    Direction.ADDUCTION: "adductors",
    Direction.EXTERNAL_ROTATION: "external rotators",
    Direction.INTERNAL_ROTATION: "internal rotators",
}


def check_week(week: WeekAnalysis, settings: BalanceSettings) -> tuple[Finding, ...]:
    """Every finding for one counted week, errors first, then in the order of the checks."""
    if week.is_empty:
        return (finding(Code.WEEK_EMPTY, "This week has no exercises yet."),)
    found: list[Finding] = []
    for direction in Direction:
        found.extend(_direction_findings(week, direction, settings))
    found.extend(_ratio_findings(week, settings))
    found.extend(_week_findings(week, settings))
    return tuple(sorted(found, key=lambda f: f.sort_key))


def _direction_findings(
    week: WeekAnalysis, d: Direction, settings: BalanceSettings
) -> list[Finding]:
    amount, mean, one = week.sets[d], week.mean, (d,)
    if amount == 0:
        return [
            finding(
                Code.DIRECTION_MISSING,
                f"No {work(d)} this week — the hip's {MUSCLES[d]} go untrained.",
                one,
            )
        ]
    found = []
    if amount < settings.min_weighted_sets:
        found.append(
            finding(
                Code.DIRECTION_LOW_VOLUME,
                f"{cap(work(d))} gets only {num(amount)} weighted sets this week; "
                f"aim for at least {settings.min_weighted_sets:g}.",
                one,
            )
        )
    elif amount < settings.under_served_share * mean:
        found.append(
            finding(
                Code.DIRECTION_UNDER_SERVED,
                f"{cap(work(d))} gets {num(amount)} weighted sets, less than "
                f"{pct(settings.under_served_share)} of the six-direction average "
                f"of {num(mean)}.",
                one,
            )
        )
    if amount > settings.dominant_factor * mean:
        found.append(
            finding(
                Code.DIRECTION_DOMINANT,
                f"{cap(work(d))} dominates: {num(amount)} weighted sets, more than "
                f"{settings.dominant_factor:g}× the six-direction average of {num(mean)}.",
                one,
            )
        )
    for knee in Knee:
        if week.knee_sets[d][knee] == 0:
            other = Knee.STRAIGHT if knee is Knee.BENT else Knee.BENT
            found.append(
                finding(
                    Code.KNEE_MISSING,
                    f"All {work(d)} is done with the knee {other.value}; add an exercise "
                    f"with the knee {knee.value}.",
                    one,
                    knee,
                )
            )
    day_count, required = len(week.days[d]), settings.required_days
    if day_count < required:
        found.append(
            finding(
                Code.DIRECTION_FREQUENCY,
                f"{cap(work(d))} is done on only {plural(day_count, 'day')} this week; "
                f"spread it over at least {plural(required, 'day')}.",
                one,
            )
        )
    used, wanted = week.positions[d], settings.min_positions_per_direction
    if len(used) < wanted:
        names = ", ".join(sorted(p.label.lower() for p in used))
        found.append(
            finding(
                Code.POSITION_VARIETY,
                f"{cap(work(d))} uses only {plural(len(used), 'position')} ({names}); "
                f"aim for at least {wanted}.",
                one,
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
                f"{cap(work(top))} is {only}{outside(ratio, low, high)} times {work(bottom)}; "
                f"aim for {low:g}–{high:g} times.",
                (top, bottom),
            )
        )
    return found


def _week_findings(week: WeekAnalysis, settings: BalanceSettings) -> list[Finding]:
    found = []
    share = week.straight_knee_share or 0.0
    low, high = settings.straight_knee_share_low, settings.straight_knee_share_high
    aim = f"aim for {num(low * 100)}–{pct(high)} with the knee straight"
    if share < low:
        shown = outside(share * 100, low * 100, high * 100, start=0)
        found.append(
            finding(
                Code.KNEE_SHARE,
                f"Only {shown}% of this week's work is done with the knee straight; {aim}.",
                knee=Knee.STRAIGHT,
            )
        )
    elif share > high:
        shown = outside(share * 100, low * 100, high * 100, start=0)
        found.append(
            finding(
                Code.KNEE_SHARE,
                f"{shown}% of this week's work is done with the knee straight; {aim}.",
                knee=Knee.BENT,
            )
        )
    if week.weight_bearing_sets == 0:
        found.append(
            finding(
                Code.WEIGHT_BEARING_MISSING,
                "Nothing this week is done standing; add a weight-bearing exercise.",
            )
        )
    elif week.weight_bearing_sets == week.total:
        found.append(
            finding(
                Code.NON_WEIGHT_BEARING_MISSING,
                "Everything this week is done standing; add an exercise done lying, "
                "seated or kneeling.",
            )
        )
    if week.unavailable:
        names = ", ".join(week.unavailable)
        found.append(
            finding(
                Code.EQUIPMENT_UNAVAILABLE,
                f"The client lacks the equipment for {names}; swap "
                f"{'it' if len(week.unavailable) == 1 else 'them'} for an exercise they can do.",
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
            )
        )
    return found


def work(d: Direction) -> str:
    """The direction as a noun phrase: "rotate-in work"."""
    return d.label.lower().replace(" ", "-") + " work"


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
