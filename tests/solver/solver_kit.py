"""Helpers of the solver tests: tiny teams, rule-only models with forced cells, and the consistency
assertion every solver test makes (checker: 0 hard violations, its cost = the solver's objective)."""

from __future__ import annotations

from datetime import date, time

from ortools.sat.python import cp_model

from rosterkit.model import Employee, Leave, LeaveType, RuleSetting, ShiftType, Team
from rosterkit.solver.build import build_model, roster_from
from rosterkit.solver.check import check
from rosterkit.solver.solve import SolveResult

START = date(2026, 3, 2)  # a Monday
SHIFTS = (
    ShiftType(code="M", start=time(7, 0), end=time(15, 0)),
    ShiftType(code="E", start=time(14, 0), end=time(22, 0)),
    ShiftType(code="N", start=time(22, 0), end=time(6, 0)),
)
TESTED_RULES: set[str] = set()
# Soft and hard rules the one-person and two-person programmes of the search price (reroster.py,
# exchange.py), with weights that tell them apart.
PRICED = (
    RuleSetting(
        rule="interval_coverage", hard=False, weight=1, params={"under_weight": 100, "over_weight": 1}
    ),
    RuleSetting(rule="min_consecutive_days_off", hard=False, weight=7, params={"days": 2}),
    RuleSetting(rule="max_consecutive_shift", hard=False, weight=11, params={"shift": "N", "days": 1}),
    RuleSetting(rule="min_consecutive_shift", hard=False, weight=13, params={"shift": "E", "days": 2}),
    RuleSetting(rule="max_consecutive_days", hard=True, params={"days": 3}),
    RuleSetting(rule="min_rest", hard=True, params={"hours": 11}),
    RuleSetting(rule="work_hours", hard=False, weight=3, params={"min_hours": 24, "max_hours": 30}),
    RuleSetting(rule="requests", hard=False, weight=1),
    RuleSetting(rule="skill_cover", hard=False, weight=2),
)


def rule_test(name: str):
    """Mark a test as the test of rule ``name`` (the registry test fails for a rule without one)."""
    TESTED_RULES.add(name)

    def mark(fn):
        return fn

    return mark


def tiny_team(days: int = 7, people: int = 2, rules: tuple[RuleSetting, ...] = (), **fields) -> Team:
    employees = fields.pop("employees", None) or tuple(Employee(id=f"E{k + 1}") for k in range(people))
    return Team(
        start=START,
        end=date.fromordinal(START.toordinal() + days - 1),
        country="none",
        employees=employees,
        shifts=fields.pop("shifts", SHIFTS),
        rules=rules,
        **fields,
    )


def day_of_leave(employee_id: str, offset: int) -> Leave:
    """A day of annual leave ``offset`` days after ``START``."""
    day = date.fromordinal(START.toordinal() + offset)
    return Leave(employee_id=employee_id, start=day, end=day, type=LeaveType.ANNUAL)


def all_off_except(keep: set[str]) -> tuple[RuleSetting, ...]:
    """Rule rows switching off every default rule except ``keep``."""
    from rosterkit.model.rules import CATALOGUE

    return tuple(RuleSetting(rule=n, enabled=False) for n in CATALOGUE if n not in keep)


def run_rule(team: Team, rule: str, forced: dict[tuple[str, int, str], int]):
    """Build the model with only ``rule`` and one_shift_per_day, force the given cells, solve.
    Returns (status, objective, roster, penalties); asserts every penalty carries the rule's name and,
    when a roster exists, that the checker agrees (0 hard violations, same cost)."""
    only = {rule, "one_shift_per_day"}
    built = build_model(team, only=only, symmetry=False)
    for p in built.penalties:
        assert p.rule == rule, f"penalty {p.var.name} of rule {p.rule} built for {rule}"
    for key, value in forced.items():
        built.model.add(built.x[key] == value)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 5
    code = solver.solve(built.model)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return "infeasible", None, None, built.penalties
    assert code == cp_model.OPTIMAL
    roster = built.roster(solver.boolean_value)
    objective = round(solver.objective_value)
    report = check(roster, team, only=only)
    assert report.hard_violations == 0, report.violations
    assert report.cost == objective, (report.cost, objective, report.penalties)
    assert all(p.rule == rule for p in report.penalties)
    return "ok", objective, roster, built.penalties


def checker_on(team: Team, rule: str, worked: dict[tuple[str, int], str]):
    """The checker's report on a roster given as {(employee, day index): shift}, only ``rule``."""
    roster = roster_from(_facts(team), {(e, i, c) for (e, i), c in worked.items()})
    return check(roster, team, only={rule})


def _facts(team: Team):
    from rosterkit.solver.facts import Facts

    return Facts(team)


def assert_consistent(result: SolveResult, team: Team) -> None:
    """The solver test contract: a roster, no hard violation, objective = the checker's cost."""
    assert result.roster is not None, result.status
    report = check(result.roster, team)
    assert report.hard_violations == 0, [v.message for v in report.violations]
    assert result.objective == report.cost, (result.objective, report.cost)
