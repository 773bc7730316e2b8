"""``summary.json`` (spec section 2), written by ``roster`` beside the roster: status, objective,
bound, time, hard violations (a count) and the penalties as ``{rule, employee_id, date, cost, message}``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rosterkit.io.atomic import write_text


def summary_dict(
    *,
    status: str,
    objective: int | None,
    best_bound: float | None,
    solve_seconds: float,
    hard_violations: int,
    penalties: list[dict[str, Any]],
    first_solution_seconds: float | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    out = {
        "status": status,
        "objective": objective,
        "best_bound": None if best_bound is None else round(best_bound, 3),
        "solve_seconds": round(solve_seconds, 3),
        "first_solution_seconds": None
        if first_solution_seconds is None
        else round(first_solution_seconds, 3),
        "hard_violations": hard_violations,
        "penalties": penalties,
    }
    out.update(extra or {})
    return out


def write_summary(path: Path | str, summary: dict[str, Any]) -> Path:
    return write_text(path, json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
