"""What the roster outputs show, computed from a team, a roster and the checker's report: the data of
``roster.xlsx`` (``rosterkit.io.roster_workbook.RosterBook``) and of ``summary.json``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rosterkit.errors import RosterkitError
from rosterkit.io.roster_csv import write_roster_csv
from rosterkit.io.roster_workbook import EmployeeTotals, RosterBook, write_roster_workbook
from rosterkit.io.summary import summary_dict, write_summary
from rosterkit.labels import t
from rosterkit.model import Roster, Team
from rosterkit.solver.check import CheckReport, Finding, grid_of
from rosterkit.solver.facts import Facts


def _rule_label(rule: str) -> str:
    try:
        return t(f"rule.{rule}")
    except KeyError:
        return rule


def roster_book(team: Team | Facts, roster: Roster, report: CheckReport, status_line: str = "") -> RosterBook:
    f = team if isinstance(team, Facts) else Facts(team)
    grid = grid_of(f, roster)
    holidays = set(f.holidays)
    totals = {}
    for e in f.employees:
        row = grid[e.id]
        worked = [c for c in row if c is not None]
        totals[e.id] = EmployeeTotals(
            hours=sum(f.work_minutes(c) for c in worked) / 60,
            shifts=len(worked),
            nights=sum(1 for c in worked if f.is_night(c)),
            weekends=sum(1 for days in f.weekends if any(row[i] is not None for i in days)),
            holidays=sum(1 for i in holidays if row[i] is not None),
        )
    counts = {}
    for s in f.shifts:
        per_day = []
        for i in range(f.n):
            have = sum(1 for e in f.employees if grid[e.id][i] == s.code)
            row = f.demand_row(i, s.code)
            wanted = None if row is None else (row.target if row.target is not None else row.min)
            per_day.append((have, wanted))
        counts[s.code] = per_day
    coverage = []
    for iv, pairs in zip(f.intervals, f.coverers, strict=True):
        have = 0
        for e in f.employees:
            for di, code in pairs:
                worked_code = grid[e.id][di] if di >= 0 else f.history_on(e.id, di)
                if worked_code == code:
                    have += 1
        coverage.append((iv.start, iv.required, have))
    kinds = [f.day_kind(i).value for i in range(f.n)]  # weekends are rest days unless made up (调休)
    findings = [
        (
            x.hard,
            _rule_label(x.rule),
            x.employee_id or "",
            x.date.isoformat() if x.date else "",
            x.cost,
            x.message,
        )
        for x in [*report.violations, *sorted(report.penalties, key=lambda p: -p.cost)]
    ]
    names = {e.id: (e.name, e.team) for e in f.employees}
    roster = Roster(roster.start, roster.end, [e.id for e in f.employees], roster.shifts, roster.leave)
    return RosterBook(roster, f.shifts, names, kinds, totals, counts, coverage, findings, status_line)


def penalties_json(findings: list[Finding]) -> list[dict[str, Any]]:
    return [p.as_dict() for p in findings]


def summary(result, report: CheckReport, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """``summary.json`` of a solve: the solver's figures and the checker's penalties."""
    return summary_dict(
        status=result.status,
        objective=result.objective,
        best_bound=result.best_bound,
        solve_seconds=result.seconds,
        hard_violations=report.hard_violations,
        penalties=penalties_json(report.penalties),
        first_solution_seconds=result.first_solution_s,
        extra=extra,
    )


def write_roster_outputs(
    folder: Path, team: Team, result: Any, report: CheckReport, status_line: str
) -> None:
    """Hand out a solved roster: refuse one the independent checker finds hard violations in (a bug,
    never a user's roster), else write roster.xlsx, roster.csv and summary.json into ``folder``."""
    if report.hard_violations:
        lines = "\n".join(v.message for v in report.violations)
        raise RosterkitError(f"internal error: the solver's roster breaks hard rules:\n{lines}")
    write_roster_workbook(folder / "roster.xlsx", roster_book(team, result.roster, report, status_line))
    write_roster_csv(folder / "roster.csv", result.roster, team.shift_by_code)
    write_summary(folder / "summary.json", summary(result, report))
