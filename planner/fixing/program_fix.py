"""Fix all on every week of a program (``hip-planner fix``) and its report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from planner.balance.settings import BalanceSettings
from planner.exercise import Exercise
from planner.files.thresholds import settings_for
from planner.fixing.edits import apply_fix
from planner.fixing.engine import Planning, WeekFix, fix_week
from planner.program import Program


@dataclass(frozen=True, slots=True)
class ProgramFix:
    weeks: tuple[WeekFix, ...]

    def text(self) -> str:
        lines = []
        for number, week in enumerate(self.weeks, 1):
            lines.append(f"Week {number}: {week.fix.summary().lower()}")
            lines.extend(f"  {line}" for line in week.fix.lines())
            for found, why in zip(week.remaining, week.reasons, strict=True):
                lines.append(f"  Could not fix {found.code.value}: {why}")
        return "\n".join(lines) + "\n"

    def data(self) -> list[dict[str, Any]]:
        return [
            {
                "week": number,
                "added": [a.words() for a in week.fix.additions],
                "swapped": [s.words() for s in week.fix.swaps],
                "trimmed": [c.words() for c in week.fix.trims],
                "raised": [c.words() for c in week.fix.changes if not c.trimmed],
                "not_fixed": [
                    {"code": f.code.value, "message": f.message, "why": why}
                    for f, why in zip(week.remaining, week.reasons, strict=True)
                ],
            }
            for number, week in enumerate(self.weeks, 1)
        ]


def fix_program(
    program: Program, catalog: Sequence[Exercise], settings: BalanceSettings | None = None
) -> ProgramFix:
    """Apply Fix all to every week of ``program`` (in place) and say what it did."""
    settings = settings_for(program) if settings is None else settings
    done = []
    for index, week in enumerate(program.weeks):
        plan = Planning(week, program.exercises, catalog, settings, program.details.equipment)
        result = fix_week(plan)
        if not result.fix.is_empty:
            apply_fix(program, index, result.fix)
        done.append(result)
    return ProgramFix(tuple(done))
