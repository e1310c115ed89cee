"""Searching and filtering the catalog: one query object shared by the browser and the CLI."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from planner.exercise import Exercise
from planner.taxonomy import Direction, Equipment, Knee, Level, Position


@dataclass(frozen=True, slots=True)
class CatalogQuery:
    """What the coach asked for. Empty fields match everything.

    ``directions`` matches an exercise that trains *any* of the chosen directions (primary or
    secondary); the other sets match any of their chosen values. ``text`` matches every word in
    the name, instructions or cues, ignoring case.
    """

    text: str = ""
    directions: frozenset[Direction] = frozenset()
    knee: Knee | None = None
    positions: frozenset[Position] = frozenset()
    equipment: frozenset[Equipment] = frozenset()
    levels: frozenset[Level] = frozenset()
    client_equipment: frozenset[Equipment] = frozenset()
    """When set, only exercises doable with it (body weight is always at hand)."""
    own_only: bool = False
    only_ids: frozenset[str] | None = None
    """When set, only these exercises (a clinic coach's "mine")."""
    include_archived: bool = False
    words: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(self.text.casefold().split()))

    @property
    def is_empty(self) -> bool:
        return self == CatalogQuery(include_archived=self.include_archived)

    def narrows(self, wider: CatalogQuery) -> bool:
        """Whether every exercise this query matches also matches ``wider``.

        True when only the text differs and each of ``wider``'s words is part of one of this
        query's words (the coach typed on). Filtering ``wider``'s result again is then enough.
        """
        if replace(self, text=wider.text) != wider:
            return False
        return all(any(old in new for new in self.words) for old in wider.words)

    def matches(self, ex: Exercise) -> bool:
        if ex.archived and not self.include_archived:
            return False
        if self.own_only and ex.builtin:
            return False
        if self.only_ids is not None and ex.id not in self.only_ids:
            return False
        if self.knee is not None and ex.knee is not self.knee:
            return False
        if self.levels and ex.level not in self.levels:
            return False
        if self.directions and self.directions.isdisjoint(ex.directions):
            return False
        if self.positions and self.positions.isdisjoint(ex.positions):
            return False
        if self.equipment and self.equipment.isdisjoint(ex.equipment):
            return False
        if self.client_equipment and not fits_equipment(ex, self.client_equipment):
            return False
        return all(word in ex.search_text for word in self.words)


def fits_equipment(ex: Exercise, available: frozenset[Equipment]) -> bool:
    """Whether any of the exercise's equipment options is at hand (body weight always is)."""
    return any(e is Equipment.BODY_WEIGHT or e in available for e in ex.equipment)


def filter_exercises(exercises: Sequence[Exercise], query: CatalogQuery) -> list[int]:
    """Indexes of the exercises that match, in their given order."""
    if query.is_empty:
        if query.include_archived:
            return list(range(len(exercises)))
        return [i for i, ex in enumerate(exercises) if not ex.archived]
    if replace(query, text="").is_empty:  # only words: the common case while typing
        words, archived = query.words, query.include_archived
        if len(words) == 1:
            (word,) = words
            return [
                i
                for i, ex in enumerate(exercises)
                if word in ex.search_text and (archived or not ex.archived)
            ]
        return [
            i
            for i, ex in enumerate(exercises)
            if (archived or not ex.archived) and all(w in ex.search_text for w in words)
        ]
    return [i for i, ex in enumerate(exercises) if query.matches(ex)]


def sort_for_browsing(exercises: Iterable[Exercise]) -> list[Exercise]:
    """Primary direction in the order of the taxonomy, then name."""
    order = {d: i for i, d in enumerate(Direction)}
    return sorted(exercises, key=lambda ex: (order[ex.primary], ex.name.casefold()))
