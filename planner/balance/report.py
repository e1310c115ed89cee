"""The balance report of ``hip-planner check``: plain text for people, JSON for scripts.

The JSON shape is a contract (DESIGN.md §3)::

    {"weeks": [{"week": 1, "sets": {direction: weighted sets},
                "findings": [{"severity", "code", "directions", "message"}]}],
     "errors": n, "warnings": n}
"""

from __future__ import annotations

import json
from typing import Any

from planner.balance.checks import plural
from planner.balance.counts import ProgramAnalysis
from planner.balance.findings import Severity
from planner.taxonomy import Direction

LABEL_WIDTH = max(len(d.label) for d in Direction)
SEVERITY_WIDTH = max(len(s.value) for s in Severity)


def report_data(analysis: ProgramAnalysis) -> dict[str, Any]:
    """The report as plain data, keys and order as in DESIGN.md §3."""
    return {
        "weeks": [
            {
                "week": number,
                "sets": {d.value: week.sets[d] for d in Direction},
                "findings": [
                    {
                        "severity": f.severity.value,
                        "code": f.code.value,
                        "directions": [d.value for d in f.directions],
                        "message": f.message,
                    }
                    for f in week.findings
                ],
            }
            for number, week in analysis.numbered()
        ],
        "errors": analysis.errors,
        "warnings": analysis.warnings,
    }


def render_json(analysis: ProgramAnalysis) -> str:
    return json.dumps(report_data(analysis), indent=2, ensure_ascii=False) + "\n"


def render_text(analysis: ProgramAnalysis) -> str:
    """Per week: the six directions with their weighted sets, then the findings; then totals."""
    lines: list[str] = []
    for number, week in analysis.numbered():
        lines.append(f"Week {number}")
        lines.extend(f"  {d.label:<{LABEL_WIDTH}}  {week.sets[d]:5.1f}" for d in Direction)
        lines.extend(
            f"  {f.severity.value.upper():<{SEVERITY_WIDTH}}  {f.message}" for f in week.findings
        )
        if not week.findings:
            lines.append("  No findings.")
        lines.append("")
    notes = analysis.count(Severity.INFO)
    lines.append(
        f"Total: {plural(analysis.errors, 'error')}, {plural(analysis.warnings, 'warning')}, "
        f"{plural(notes, 'note')}"
    )
    return "\n".join(lines) + "\n"
