"""The counts model's bound (aggregate.py with bound.py's per-person costs) is a relaxation: never
above the proven optimum of small teams, never above the checker's cost of a solver's roster; the
per-person table equals a brute force over every working pattern judged by the checker."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from ortools.sat.python import cp_model
from solver_kit import day_of_leave, tiny_team

from rosterkit.model import Assignment, Request, RequestKind, Roster, RuleSetting
from rosterkit.solver.aggregate import solve_counts
from rosterkit.solver.bound import PERSONAL_RULES, least_cost
from rosterkit.solver.build import build_model
from rosterkit.solver.check import check
from rosterkit.solver.counts_first import weekly_days_off
from rosterkit.solver.facts import Facts
from rosterkit.solver.sample import sample_centre
from rosterkit.solver.solve import SolveOptions, solve

DAYS_RULES = {"weekly_rest", "max_consecutive_days", "leave"}


@pytest.mark.parametrize("hard_hours", [False, True])
def test_per_person_least_cost_equals_brute_force(hard_hours):
    """Every working pattern of one person over 9 days, judged by the checker: the least cost of the
    personal rules for each number of working days is the table's entry (None: no pattern keeps the
    hard rules; hard contract hours rule out the counts of days that cannot reach them)."""
    start = date(2026, 3, 2)
    rules = (
        RuleSetting(rule="weekly_rest", hard=True, params={"window_days": 4, "min_days_off": 1}),
        RuleSetting(rule="max_consecutive_days", hard=True, params={"days": 3}),
        RuleSetting(rule="min_consecutive_days_off", hard=False, weight=5, params={"days": 3}),
        RuleSetting(rule="work_hours", hard=hard_hours, weight=2, params={"min_hours": 40}),
    )
    judged_hard = DAYS_RULES | ({"work_hours"} if hard_hours else set())
    team = tiny_team(
        days=9,
        people=1,
        rules=rules,
        leave=(day_of_leave("E1", 4),),
        requests=(
            Request(employee_id="E1", date=start + timedelta(days=1), kind=RequestKind.SHIFT_OFF, weight=3),
            Request(employee_id="E1", date=start + timedelta(days=7), kind=RequestKind.SHIFT_ON, weight=4),
        ),
        history=(
            Assignment(employee_id="E1", date=start - timedelta(days=2), shift="M"),
            Assignment(employee_id="E1", date=start - timedelta(days=1), shift=None),
        ),
    )
    facts = Facts(team)
    best: list[int | None] = [None] * (facts.n + 1)
    for pattern in itertools.product((False, True), repeat=facts.n):
        roster = Roster(start=team.start, end=team.end, employee_ids=["E1"])
        for i, works in enumerate(pattern):
            if works:
                roster.shifts[("E1", facts.days[i])] = "M"
        report = check(roster, team)
        if any(v.rule in judged_hard for v in report.violations):
            continue
        cost = sum(p.cost for p in report.penalties if p.rule in PERSONAL_RULES)
        w = sum(pattern)
        best[w] = cost if best[w] is None else min(best[w], cost)
    assert least_cost(facts, facts.employees[0]) == best
    assert any(b is None for b in best) and any(b for b in best)  # the case bites both ways


SMALL = [
    (3, 3, 0, ()),
    (4, 4, 1, ()),
    (5, 4, 2, ()),
    (3, 5, 3, (RuleSetting(rule="weekly_rest", hard=True, params={"window_days": 3, "min_days_off": 1}),)),
    (3, 5, 3, (RuleSetting(rule="max_consecutive_days", hard=True, params={"days": 2}),)),
]


@pytest.mark.parametrize(("agents", "days", "seed", "extra"), SMALL)
def test_bound_never_exceeds_the_proven_optimum(agents, days, seed, extra):
    team = sample_centre(
        agents=agents, start=date(2026, 3, 2), days=days, seed=seed, interval_minutes=60, leads=1
    )
    team = team.model_copy(update={"rules": tuple(team.rules) + tuple(extra)})
    facts = Facts(team)
    agg = solve_counts(facts, dtime=5.0)
    assert agg is not None and agg.optimal
    assert set(PERSONAL_RULES) <= agg.rules
    built = build_model(facts)  # without the redundant bound: CP-SAT proves the optimum alone
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    solver.parameters.max_time_in_seconds = 30
    assert solver.solve(built.model) == cp_model.OPTIMAL
    optimum = round(solver.objective_value)
    assert agg.lower_bound <= optimum
    assert agg.lower_bound > 0


def test_checker_cost_of_a_solved_roster_is_at_least_the_bound():
    team = sample_centre(agents=10, days=14, seed=3)
    facts = Facts(team)
    agg = solve_counts(facts, dtime=2.0)
    result = solve(team, SolveOptions(time_limit_s=1.0, workers=2, seed=0))
    report = check(result.roster, team)
    assert report.hard_violations == 0
    assert sum(p.cost for p in report.penalties if p.rule in agg.rules) >= agg.lower_bound
    assert result.best_bound <= result.objective


def test_weekly_days_off_give_everyone_a_day_off_in_every_week():
    team = sample_centre(agents=20, days=21, seed=2)
    facts = Facts(team)
    agg = solve_counts(facts, dtime=2.0)
    works = weekly_days_off(facts, agg.targets)
    assert works is not None
    for e in facts.employees:
        for start in range(facts.n - 6):
            assert not all(works[e.id][start : start + 7])
        for i in range(facts.n):
            if (e.id, i) in facts.leave_full:
                assert not works[e.id][i]
    leads = [e.id for e in facts.employees if "lead" in e.skills]
    assert len({works[e][:7].index(False) for e in leads if False in works[e][:7]}) == len(leads)
