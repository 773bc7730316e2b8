"""Column generation (search/columns.py): when it applies, the master LP's prices, a relaxation that
is a lower bound and tight on the tiny instance, reproducibility, and the ordinary solve through it."""

from __future__ import annotations

import math
from pathlib import Path

from ortools.sat.python import cp_model

from rosterkit.io.curtois import parse_curtois
from rosterkit.model import RuleSetting
from rosterkit.solver.build import build_model, roster_from
from rosterkit.solver.check import check
from rosterkit.solver.facts import Facts
from rosterkit.solver.search import columns, hook
from rosterkit.solver.search.construct import construct_roster

TINY = Path(__file__).resolve().parent / "tiny_instance.txt"


def optimum(team) -> int:
    """The tiny instance's proven optimum, from the whole CP-SAT model."""
    built = build_model(team, symmetry=False)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    solver.parameters.max_time_in_seconds = 30
    assert solver.solve(built.model) == cp_model.OPTIMAL
    return round(solver.objective_value)


def test_it_applies_when_soft_shift_demand_alone_ties_the_employees():
    team = parse_curtois(TINY)
    assert columns.applies(Facts(team))
    hard = tuple(r for r in team.rules if r.rule != "shift_demand") + (RuleSetting(rule="shift_demand"),)
    assert not columns.applies(Facts(team.model_copy(update={"rules": hard})))
    assert not columns.applies(Facts(team.model_copy(update={"demand": ()})))


def test_the_master_prices_a_missing_person_at_the_under_weight():
    """One employee, one day: a target of 1 with under weight 100, and only the empty month as a
    column. The LP pays 100, and one more person on that shift is worth exactly 100."""
    master = columns.Master({(0, "E"): [(None, None, 1, 100, 1)]}, 1)
    master.add(0, frozenset(), 0)
    value, prices, duals = master.solve()
    assert value == 100
    assert prices[(0, "E")] == 100
    master.add(0, frozenset({(0, "E")}), 3)  # working it costs the employee 3 of their own penalties
    value, prices, _ = master.solve()
    assert value == 3


def test_the_relaxation_is_a_lower_bound_and_tight_on_the_tiny_instance():
    team = parse_curtois(TINY)
    facts = Facts(team)
    start = construct_roster(facts, time_limit_s=2, seed=0)
    generated = columns.generate(facts, start, work_budget=50, workers=2, seed=0)
    assert generated.converged and generated.rounds > 1 and generated.columns > len(facts.employees)
    best = optimum(team)
    assert generated.bound() is not None and generated.bound() <= best
    assert generated.value >= best - 5  # tight: the whole months' relaxation of this team
    assert start <= generated.support  # the incumbent's cells stay allowed
    # the full model restricted to the cells the relaxation uses still holds a roster
    built = build_model(team, symmetry=False)
    values = hook.values_of(built, start, 5)
    assert values is not None

    class Options:
        workers, seed, deterministic = 2, 0, True

    _model, reached = hook.restricted(built, generated.support, values, Options, 3)
    worked = {key for key, var in built.x.items() if reached[0][var.index]}
    assert worked <= generated.support
    report = check(roster_from(facts, worked), team)
    assert report.hard_violations == 0 and report.cost == round(reached[1])
    assert math.ceil(generated.value - 1e-6) <= report.cost <= values[1]


def test_a_pricing_solve_passes_on_the_improving_months_it_found_best_last():
    """Every month a pricing solve returns keeps the employee's own rules, at its own cost as the
    employee's model prices it; at most ``KEEP_MONTHS`` of them, distinct, each no worse at the
    prices than the one before, and the last is the best."""
    from rosterkit.solver.build import build_model as build

    team = parse_curtois(TINY)
    facts = Facts(team)
    employee = facts.employees[0]
    pricer = columns._Pricer(facts, employee.id, lambda one: build(one, symmetry=False))
    prices = {(i, s.code): 40.0 for i in range(facts.n) for s in facts.shifts}  # every shift wanted
    months, _spent, proven = pricer.price(prices, 1.0, 0, frozenset())  # from the empty month
    assert proven and 1 <= len(months) <= columns.KEEP_MONTHS
    assert len({cells for cells, _c, _p in months}) == len(months)
    priced = [p for _cells, _c, p in months]
    assert all(b <= a + 1e-6 for a, b in zip(priced, priced[1:], strict=False))
    for cells, cost, _p in months:
        assert cost == columns._own_cost(pricer, cells, 0)  # a month of the employee's own model
    # the LP's simplex iterations count in the work the generation reports (here, nearly all of it)
    start = construct_roster(facts, time_limit_s=2, seed=0)
    priced = columns.generate(facts, start, work_budget=50, workers=1, seed=0)
    saved = columns.LP_WORK
    try:
        columns.LP_WORK = 1.0
        costly = columns.generate(facts, start, work_budget=50, workers=1, seed=0)
    finally:
        columns.LP_WORK = saved
    assert costly.rounds < priced.rounds and costly.work > 50  # stopped by the LP's work


def test_the_dive_is_a_roster_from_the_columns_and_leaves_the_lp_as_it_was():
    team = parse_curtois(TINY)
    facts = Facts(team)
    start = construct_roster(facts, time_limit_s=2, seed=0)
    generated = columns.generate(facts, start, work_budget=50, workers=1, seed=0)
    report = check(roster_from(facts, generated.rounded), team)
    assert report.hard_violations == 0, [v.message for v in report.violations]
    assert report.cost >= math.ceil(generated.value - 1e-6)
    master = columns.Master({(0, "E"): [(None, None, 1, 100, 1)], (1, "E"): [(None, None, 1, 100, 1)]}, 2)
    for e in (0, 1):  # two people, two one-day months each: the LP splits them half and half
        master.add(e, frozenset({(0, "E")}), 0)
        master.add(e, frozenset({(1, "E")}), 0)
    value, _prices, _duals = master.solve()
    dived = master.dive()
    assert value == 0 and sorted(dived) == [0, 1] and dived[0] != dived[1]  # both days covered
    assert master.solve()[0] == 0  # nothing left pinned
    # with no work left, everyone takes their month of most weight in the first LP solution at once:
    # three people, each a pair of three days or nothing, one wanted a day (the LP takes half of each)
    days = [(i, "E") for i in range(3)]
    master = columns.Master({cell: [(None, None, 1, 10, 100)] for cell in days}, 3)
    for e, pair in enumerate(({0, 1}, {1, 2}, {0, 2})):
        master.add(e, frozenset(days[i] for i in pair), 0)
        master.add(e, frozenset(), 0)
    assert master.solve()[0] == 0
    solves = []
    solve = master._solve
    master._solve = lambda: solves.append(1) or solve()
    master.dive()
    unbounded = len(solves)
    solves.clear()
    assert sorted(master.dive(work_limit=0)) == [0, 1, 2]
    assert len(solves) == 1 < unbounded


def test_the_generation_is_reproducible():
    team = parse_curtois(TINY)
    facts = Facts(team)
    start = construct_roster(facts, time_limit_s=2, seed=0)
    runs = [columns.generate(facts, start, work_budget=50, workers=2, seed=4) for _ in range(2)]
    assert runs[0].value == runs[1].value and runs[0].support == runs[1].support
    assert runs[0].trace == runs[1].trace


def test_a_spent_budget_stops_the_generation_unconverged():
    team = parse_curtois(TINY)
    facts = Facts(team)
    start = construct_roster(facts, time_limit_s=2, seed=0)
    generated = columns.generate(facts, start, work_budget=1e-9, workers=1, seed=0)
    assert generated.rounds == 1 and not generated.converged
    # a budget of fewer than MIN_ROUNDS rounds like the first: it gives up after that one
    first = columns.generate(facts, start, work_budget=50, workers=1, seed=0).trace[:1]
    small = columns.generate(facts, start, work_budget=columns.CALL_WORK * 5 * 3, workers=1, seed=0)
    assert small.rounds == 1 and not small.affordable and small.trace[:1] == first


def test_a_small_team_keeps_the_full_solve(monkeypatch):
    """Below ``COLUMNS_MIN_CELLS`` the full CP-SAT search runs (and proves the optimum)."""
    from rosterkit.solver.solve import SolveOptions, solve

    calls: list[int] = []
    monkeypatch.setattr(columns, "generate", lambda *a, **k: calls.append(1))
    team = parse_curtois(TINY)
    result = solve(team, SolveOptions(time_limit_s=4, workers=2, seed=0, deterministic=True))
    assert calls == [] and result.status == "optimal" and result.objective == optimum(team)


def test_the_ordinary_solve_goes_through_the_relaxation(monkeypatch):
    """``solve`` on a team tied only by shift demand: column generation runs, the roster keeps every
    hard rule, its objective is the checker's cost and the relaxation's bound is below it."""
    from rosterkit.solver.solve import SolveOptions, solve

    calls: list[int] = []
    real = columns.generate

    def spy(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(columns, "generate", spy)
    monkeypatch.setattr(hook, "COLUMNS_MIN_CELLS", 0)  # the tiny instance has 70 cells
    team = parse_curtois(TINY)
    result = solve(team, SolveOptions(time_limit_s=4, workers=2, seed=0, deterministic=True))
    assert calls == [1]
    assert result.roster is not None
    report = check(result.roster, team)
    assert report.hard_violations == 0 and report.cost == result.objective
    assert result.best_bound is not None and result.best_bound <= result.objective
    assert result.objective == optimum(team)
