"""Ids and names of the coach's own exercises: ``own-<slug>`` ids, unique names, "(copy)"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from db.errors import CatalogRuleError
from db.row_values import name_key
from planner.exercise import NAME_LIMIT

OWN_PREFIX = "own-"
_ID_LIMIT = 80


def slug(name: str) -> str:
    """Lowercase ASCII letters, digits and dashes: "Clamshell (band)" → "clamshell-band"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "exercise"


def suggested_own_id(name: str) -> str:
    """``own-<slug of name>``, short enough to take a ``-n`` suffix within the id limit."""
    return (OWN_PREFIX + slug(name))[: _ID_LIMIT - 4].rstrip("-")


def own_id(wanted: str, name: str, taken: Callable[[str], bool]) -> str:
    """``wanted`` if it is a free ``own-`` id, else a free ``own-<slug of name>[-n]``."""
    if wanted.startswith(OWN_PREFIX) and not taken(wanted):
        return wanted
    base = suggested_own_id(name)
    candidate, number = base, 2
    while taken(candidate):
        candidate, number = f"{base}-{number}", number + 1
    return candidate


class Names:
    """The names in the catalog (compared without case), to keep every name unique."""

    def __init__(self, rows: Iterable[tuple[str, str, bool]]) -> None:
        """``rows``: (id, name, hidden) for every exercise, hidden meaning archived or retired."""
        self._holders = {name_key(name): (ex_id, name, hidden) for ex_id, name, hidden in rows}

    def problem(self, name: str, for_id: str | None = None) -> str:
        """Why ``name`` cannot be used by exercise ``for_id`` ("" when it can)."""
        holder = self._holders.get(name_key(name))
        if holder is None:
            return ""
        holder_id, shown, hidden = holder
        if holder_id == for_id:
            return ""
        if hidden:
            return (
                f'An archived exercise is already named "{shown}"; '
                "restore it or choose another name."
            )
        return f'An exercise named "{shown}" is already in the catalog; choose another name.'

    def check(self, name: str, for_id: str | None = None) -> None:
        problem = self.problem(name, for_id)
        if problem:
            raise CatalogRuleError(problem)

    def claim(self, name: str, ex_id: str, *, previous: str | None = None) -> None:
        if previous is not None:
            self._holders.pop(name_key(previous), None)
        self._holders[name_key(name)] = (ex_id, name, False)

    def copy_name(self, name: str) -> str:
        """A free "<name> (copy)", "<name> (copy 2)", … within the name length limit."""
        number = 1
        while True:
            tail = " (copy)" if number == 1 else f" (copy {number})"
            candidate = name[: NAME_LIMIT - len(tail)].rstrip() + tail
            if not self.problem(candidate):
                return candidate
            number += 1
