"""Progression and regression from the client's log (DESIGN.md §4): the next week, steered by
what the client reported.

An exercise of week *w* goes **down** when it was done in a session of week *w* whose knee pain
was too high (``pain-high``), and **up** when it is ready to progress (``ready-to-progress``,
its latest qualifying session in week *w*). Pain wins over readiness. Each change is one of:

- the **variant**: the exercise's harder (up) or easier (down) variant from the catalog, when
  it has the same primary direction and knee, is not archived and fits the client's equipment;
- the **amount**: reps, seconds, steps or meters up by about 15% (at least 1), or down by
  about 25% (at least 1, never below 1);
- the **sets**: one more (up to 20) or one fewer (never below 1);
- the **load**, when it reads as a number of kilograms or pounds ("8 kg"): up or down by about
  10%, rounded to 0.5 kg or 1 lb (ACSM 2009: about 2–10% at a time; the rounding of small
  loads may step further).

The step sizes are conventions of this program. The preferred change is the variant, else the
amount, else the sets. A variant that would leave a direction untrained (an error-level
finding the week did not have) is not used; the amount or sets change instead.

:func:`next_week` is "Next week from the log": a copy of week *w* with every change applied,
to be inserted after it. :func:`offers` are the one-click choices of a ``pain-high`` or
``ready-to-progress`` finding: they change the exercises it names in the week after (when that
week exists and still carries them unchanged; otherwise they add that week as a changed copy).
Nothing here changes the program until :func:`apply_next` is called; its result undoes exactly.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from planner.balance.analysis import analyse_week
from planner.balance.findings import Code, Finding, Severity
from planner.balance.progress import (
    READY_SESSIONS,
    done_exercises,
    pain_reasons,
    painful_sessions,
    ready_in_week,
)
from planner.balance.settings import BalanceSettings
from planner.catalog import fits_equipment
from planner.dose import Dose, DoseError
from planner.exercise import Exercise
from planner.program import DAY_NAMES, Day, Entry, Program, Week
from planner.taxonomy import Equipment

Lookup = Callable[[str], Exercise | None]
"""Finds a catalog exercise by id (None: not in the catalog)."""

UP_SHARE, DOWN_SHARE, LOAD_SHARE = 0.15, 0.25, 0.10
_LOAD = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(kg|kgs|lb|lbs)\s*$", re.IGNORECASE)


class Way(Enum):
    UP = "up"
    DOWN = "down"


class Kind(Enum):
    """What a choice changes: the preferred change per exercise, or one kind for all."""

    PREFERRED = "preferred"
    AMOUNT = "amount"
    SETS = "sets"
    LOAD = "load"


@dataclass(frozen=True, slots=True)
class Verdict:
    way: Way
    why: str
    """Why, in the coach's words: "knee pain 7/10 during on Thu 5 Mar"."""


@dataclass(frozen=True, slots=True)
class EntryChange:
    """One entry of the target week, changed."""

    day: int
    entry_id: str
    old: Exercise
    new: Exercise
    before: Dose
    after: Dose
    why: str

    def words(self, *, why: bool = True) -> str:
        day = DAY_NAMES[self.day]
        if self.new.id != self.old.id:
            what = f"{self.old.name} → {self.new.name}, {_dose_words(self.after)}"
        else:
            before, after = _dose_words(self.before), _dose_words(self.after)
            what = f"{self.old.name}: {before} → {after}"
        return f"{day}: {what}" + (f" ({self.why})" if why else "")


@dataclass(frozen=True, slots=True)
class NextWeek:
    """A proposed change to the week after ``source``: a new week inserted at ``target``
    (``creates``), or the week already at ``target`` with some entries changed."""

    source: int
    target: int
    creates: bool
    week: Week
    """The proposed week: every entry of the source (new) or of the target week (changed)."""
    changes: tuple[EntryChange, ...]
    notes: tuple[str, ...] = ()
    """What could not change, and why."""
    way: Way | None = None
    kind: Kind = Kind.PREFERRED

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        """The variants brought in (to embed in the program)."""
        return tuple({c.new.id: c.new for c in self.changes if c.new.id != c.old.id}.values())

    def lines(self, *, why: bool = True) -> list[str]:
        """Each change (with why, unless ``why`` is False), then what could not change."""
        return [c.words(why=why) for c in self.changes] + list(self.notes)

    def report(self) -> list[str]:
        """The changes grouped under why ("Thu 5 Mar: knee pain 6/10 during:"), each change
        indented below; then what could not change."""
        lines: list[str] = []
        whys = list(dict.fromkeys(c.why for c in self.changes))
        for why in whys:
            lines.append(f"{why[:1].upper()}{why[1:]}:")
            lines.extend(f"  {c.words(why=False)}" for c in self.changes if c.why == why)
        return lines + list(self.notes)

    def choice(self) -> str:
        """ "Harder variant or more reps": the kind of change, as a button says it."""
        return _KIND_WORDS[self.way or Way.UP][self.kind]

    def title(self) -> str:
        """ "Week 3: harder variant or more reps"."""
        return f"Week {self.target + 1}: {self.choice()[:1].lower()}{self.choice()[1:]}"

    def summary(self) -> str:
        n = len(self.changes)
        count = f"{n} change{'' if n == 1 else 's'}"
        if self.creates:
            return (
                f"Added week {self.target + 1} from week {self.source + 1} with {count}"
                if n
                else f"Added week {self.target + 1}, a copy of week {self.source + 1}"
            )
        return f"Changed week {self.target + 1}: {count}"


_KIND_WORDS = {
    Way.UP: {
        Kind.PREFERRED: "Harder variant or more reps",
        Kind.AMOUNT: "More reps (+15%)",
        Kind.SETS: "One more set",
        Kind.LOAD: "More load (+10%)",
    },
    Way.DOWN: {
        Kind.PREFERRED: "Easier variant or fewer reps",
        Kind.AMOUNT: "Fewer reps (−25%)",
        Kind.SETS: "One set fewer",
        Kind.LOAD: "Less load (−10%)",
    },
}


# -- what the log says -------------------------------------------------------------------------


def verdicts(program: Program, source: int, settings: BalanceSettings) -> dict[str, Verdict]:
    """Exercise id → up or down, from the sessions of week ``source`` (pain wins)."""
    found: dict[str, Verdict] = {}
    for ex_id in ready_in_week(program, source, settings):
        found[ex_id] = Verdict(
            Way.UP,
            f"done in full in its last {READY_SESSIONS} sessions, knee pain at most "
            f"{settings.ready_pain_limit}/10",
        )
    for session in painful_sessions(program, source, settings):
        when = session.date
        why = (
            f"{when.strftime('%a')} {when.day} {when.strftime('%b')}: knee pain "
            f"{' and '.join(pain_reasons(session, settings))}"
        )
        for ex_id in done_exercises(session):
            if found.get(ex_id, Verdict(Way.UP, "")).way is Way.UP:
                found[ex_id] = Verdict(Way.DOWN, why)
    return found


# -- proposals ----------------------------------------------------------------------------------


def next_week(program: Program, source: int, lookup: Lookup, settings: BalanceSettings) -> NextWeek:
    """ "Next week from the log": week ``source`` copied, every logged verdict applied, to be
    inserted right after it."""
    return _propose(
        program,
        source,
        verdicts(program, source, settings),
        lookup,
        settings,
        Kind.PREFERRED,
        existing=False,
    )


def offers(
    program: Program,
    source: int,
    found: Finding,
    lookup: Lookup,
    settings: BalanceSettings,
) -> tuple[NextWeek, ...]:
    """The one-click choices of a ``pain-high`` (down) or ``ready-to-progress`` (up) finding of
    week ``source``, for the exercises it names; empty for any other finding."""
    way = {Code.PAIN_HIGH: Way.DOWN, Code.READY_TO_PROGRESS: Way.UP}.get(found.code)
    if way is None:
        return ()
    chosen = {
        ex_id: v
        for ex_id, v in verdicts(program, source, settings).items()
        if ex_id in found.exercises and v.way is way
    }
    choices: list[NextWeek] = []
    for kind in Kind:
        plan = _propose(program, source, chosen, lookup, settings, kind, existing=True)
        same = any(
            [(c.entry_id, c.new.id, c.after) for c in plan.changes]
            == [(c.entry_id, c.new.id, c.after) for c in other.changes]
            for other in choices
        )
        if plan.changes and not same:
            choices.append(plan)
    return tuple(choices)


def _propose(
    program: Program,
    source: int,
    chosen: Mapping[str, Verdict],
    lookup: Lookup,
    settings: BalanceSettings,
    kind: Kind,
    *,
    existing: bool,
) -> NextWeek:
    target = source + 1
    changes_existing = existing and target < len(program.weeks)
    if changes_existing:
        base = program.weeks[target]
        doses = _doses_by_exercise(program.weeks[source])
        entries = [
            [Entry(e.exercise_id, e.dose, e.id, e.photos) for e in day.entries] for day in base.days
        ]
        changeable = {
            e.id for day in entries for e in day if e.dose in doses.get(e.exercise_id, ())
        }
    else:
        base = program.weeks[source]
        entries = [
            [Entry(e.exercise_id, e.dose, photos=e.photos) for e in day.entries]
            for day in base.days
        ]
        changeable = {e.id for day in entries for e in day}
    way = next(iter(chosen.values())).way if chosen else None
    if chosen and any(v.way is not way for v in chosen.values()):
        way = None  # next week from the log: both ways at once
    notes: list[str] = []
    wanted: list[tuple[int, int, Verdict]] = []  # (day, index, verdict)
    for d, day in enumerate(entries):
        for i, entry in enumerate(day):
            verdict = chosen.get(entry.exercise_id)
            if verdict is not None and entry.id in changeable:
                wanted.append((d, i, verdict))
    untouched = set(chosen) - {entries[d][i].exercise_id for d, i, _ in wanted}
    for ex_id in sorted(untouched, key=lambda i: _name(program, i)):
        if changes_existing:
            notes.append(
                f"{_name(program, ex_id)}: week {target + 1} has no entry left as it was in "
                f"week {source + 1}, so nothing was changed there"
            )
        else:  # logged, then taken out of the week (or a hand-edited log)
            notes.append(
                f"{_name(program, ex_id)} ({chosen[ex_id].why}) is no longer in week "
                f"{source + 1}, so nothing was changed for it"
            )
    variants_allowed = True
    while True:
        week, changes, skipped = _apply(
            program, entries, wanted, lookup, settings, kind, variants_allowed
        )
        if not variants_allowed or not _new_errors(program, base, week, changes, settings):
            break
        variants_allowed = False  # a variant left a direction untrained: change doses instead
    notes.extend(skipped)
    if not variants_allowed:
        notes.append("Variants were not used: they would have left a direction untrained this week")
    return NextWeek(
        source, target, not changes_existing, week, tuple(changes), tuple(notes), way, kind
    )


def _apply(
    program: Program,
    entries: list[list[Entry]],
    wanted: Sequence[tuple[int, int, Verdict]],
    lookup: Lookup,
    settings: BalanceSettings,
    kind: Kind,
    variants: bool,
) -> tuple[Week, list[EntryChange], list[str]]:
    days = [list(day) for day in entries]
    changes: list[EntryChange] = []
    skipped: list[str] = []
    for d, i, verdict in wanted:
        entry = days[d][i]
        old = program.exercises[entry.exercise_id]
        result = _change(program, old, entry.dose, verdict.way, kind, lookup, variants)
        if result is None:
            skipped.append(
                f"{DAY_NAMES[d]}: {old.name} stays as it is ({_why_not(verdict.way, kind)})"
            )
            continue
        new, dose = result
        photos = entry.photos if new.id == old.id else ()
        days[d][i] = Entry(new.id, dose, entry.id, photos)
        changes.append(EntryChange(d, entry.id, old, new, entry.dose, dose, verdict.why))
    return Week([Day(day) for day in days]), changes, skipped


def _change(
    program: Program,
    old: Exercise,
    dose: Dose,
    way: Way,
    kind: Kind,
    lookup: Lookup,
    variants: bool,
) -> tuple[Exercise, Dose] | None:
    up = way is Way.UP
    if kind is Kind.PREFERRED:
        if variants:
            variant = find_variant(program, old, way, lookup)
            if variant is not None:
                return variant, _variant_dose(dose, old, variant)
        for other in (Kind.AMOUNT, Kind.SETS):
            changed = _dose_change(dose, up, other)
            if changed is not None:
                return old, changed
        return None
    changed = _dose_change(dose, up, kind)
    return None if changed is None else (old, changed)


def find_variant(program: Program, exercise: Exercise, way: Way, lookup: Lookup) -> Exercise | None:
    """The harder (up) or easier (down) variant the client can do, or None."""
    variant_id = exercise.harder if way is Way.UP else exercise.easier
    if variant_id is None:
        return None
    variant = lookup(variant_id) or program.exercises.get(variant_id)
    if (
        variant is None
        or variant.archived
        or variant.primary is not exercise.primary
        or variant.knee is not exercise.knee
    ):
        return None
    equipment = program.details.equipment
    if equipment and not fits_equipment(variant, equipment):
        return None
    return variant


def _variant_dose(dose: Dose, old: Exercise, variant: Exercise) -> Dose:
    """The coach's dose carried over (sets, rest, effort, notes); the amount and unit from the
    variant's default when the units differ (reps of a bridge are not seconds of a plank); the
    load when the variant uses the same equipment (else the variant's default load)."""
    shared = set(old.equipment) & set(variant.equipment) - {Equipment.BODY_WEIGHT}
    load = dose.load if shared else variant.dose.load
    if dose.unit is variant.dose.unit:
        return dose if load == dose.load else dose.with_changes(load=load)
    return dose.with_changes(
        amount=variant.dose.amount,
        unit=variant.dose.unit,
        each_side=variant.dose.each_side,
        load=load,
    )


def _dose_change(dose: Dose, up: bool, kind: Kind) -> Dose | None:
    try:
        if kind is Kind.AMOUNT:
            step = max(1, math.ceil(dose.amount * (UP_SHARE if up else DOWN_SHARE)))
            amount = dose.amount + step if up else max(1, dose.amount - step)
            return None if amount == dose.amount else dose.with_changes(amount=amount)
        if kind is Kind.SETS:
            return dose.with_changes(sets=dose.sets + (1 if up else -1))
        if kind is Kind.LOAD:
            load = changed_load(dose.load, up)
            return None if load is None else dose.with_changes(load=load)
    except DoseError:
        return None
    return None


def changed_load(text: str, up: bool) -> str | None:
    """ "8 kg" → "9 kg" (up) or "7 kg" (down): about 10%, rounded to 0.5 kg or 1 lb, at least
    one such step; None when the load is not a plain weight or would reach 0."""
    match = _LOAD.match(text)
    if match is None:
        return None
    value = float(match.group(1).replace(",", "."))
    unit = match.group(2)
    step = 0.5 if unit.lower().startswith("kg") else 1.0
    aim = value * (1 + LOAD_SHARE if up else 1 - LOAD_SHARE)
    new = round(aim / step) * step
    if new == value:
        new = value + step if up else value - step
    if new <= 0:
        return None
    return f"{new:g} {unit}"


def _why_not(way: Way, kind: Kind) -> str:
    if kind is Kind.LOAD:
        return "its load is not a weight in kg or lb"
    if kind is Kind.SETS:
        return "already at 20 sets" if way is Way.UP else "already at 1 set"
    return "no variant, and its dose cannot go further"


def _doses_by_exercise(week: Week) -> dict[str, set[Dose]]:
    found: dict[str, set[Dose]] = {}
    for _, entry in week.entries():
        found.setdefault(entry.exercise_id, set()).add(entry.dose)
    return found


def _errors(
    week: Week, exercises: Mapping[str, Exercise], settings: BalanceSettings
) -> frozenset[tuple[Code, object]]:
    findings = analyse_week(week, exercises, settings).findings
    return frozenset(
        (f.code, d)
        for f in findings
        if f.severity is Severity.ERROR
        for d in (f.directions or (None,))
    )


def _new_errors(
    program: Program,
    base: Week,
    week: Week,
    changes: Sequence[EntryChange],
    settings: BalanceSettings,
) -> bool:
    if all(c.new.id == c.old.id for c in changes):
        return False  # doses alone never leave a direction untrained (sets stay ≥ 1)
    exercises = {**program.exercises, **{c.new.id: c.new for c in changes}}
    return not _errors(week, exercises, settings) <= _errors(base, program.exercises, settings)


def _name(program: Program, exercise_id: str) -> str:
    exercise = program.exercises.get(exercise_id)
    return exercise.name if exercise is not None else exercise_id


def _dose_words(dose: Dose) -> str:
    return dose.describe() + (f", {dose.load}" if dose.load else "")


# -- applying -----------------------------------------------------------------------------------


@dataclass(slots=True)
class AppliedNextWeek:
    """A :class:`NextWeek` applied to a program; :meth:`undo` and :meth:`redo` replay it."""

    program: Program
    plan: NextWeek
    _embedded: dict[str, Exercise | None] = field(default_factory=dict)
    _swapped: list[tuple[Entry, Entry]] = field(default_factory=list)
    """(before, after) of each entry the plan changes in place."""

    def redo(self) -> None:
        program, plan = self.program, self.plan
        for exercise in plan.exercises:
            previous = program.embed(exercise)
            self._embedded.setdefault(exercise.id, previous)
        if plan.creates:
            program.insert_week(plan.target, plan.week)
            return
        if not self._swapped:
            for change in plan.changes:
                old = program.entry(change.entry_id)
                photos = old.photos if change.new.id == change.old.id else ()
                new = Entry(change.new.id, change.after, old.id, photos)
                self._swapped.append((old, new))
        for _old, new in self._swapped:
            program.replace_entry(new)

    def undo(self) -> None:
        program, plan = self.program, self.plan
        if plan.creates:
            program.remove_week(plan.target)
        else:
            for old, _new in reversed(self._swapped):
                program.replace_entry(old)
        for exercise_id, previous in self._embedded.items():
            program.restore_exercise(exercise_id, previous)


def apply_next(program: Program, plan: NextWeek) -> AppliedNextWeek:
    """Apply ``plan`` to ``program``; the result can undo it."""
    applied = AppliedNextWeek(program, plan)
    applied.redo()
    return applied
