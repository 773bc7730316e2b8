"""The search package on Curtois–Qu instances: the LNS is reproducible for a fixed seed and never
worsens its incumbent; the rolling horizon builds a roster that keeps every hard rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from ortools.sat.python import cp_model

from rosterkit.io.curtois import parse_curtois
from rosterkit.solver.build import build_model, roster_from
from rosterkit.solver.check import check
from rosterkit.solver.search import rolling
from rosterkit.solver.search.hook import problem_of, values_of
from rosterkit.solver.search.lns import solve_with_lns

HERE = Path(__file__).resolve().parent
TINY = HERE / "tiny_instance.txt"
CURTOIS = HERE.parent.parent.parent / "shared" / "benchmarks" / "curtois"


def first_roster(built) -> tuple[list[int], float]:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.stop_after_first_solution = True
    assert solver.solve(built.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return list(solver.response_proto.solution), solver.objective_value


def test_lns_is_reproducible_for_a_seed_and_never_worse():
    team = parse_curtois(TINY)
    built = build_model(team, symmetry=False)
    problem = problem_of(built)
    start = first_roster(built)
    runs = [
        solve_with_lns(problem, time_limit_s=120, workers=2, seed=7, initial=start, dtime_budget=0.3)
        for _ in range(2)
    ]
    assert runs[0].values == runs[1].values and runs[0].objective == runs[1].objective
    assert runs[0].iterations > 0 and runs[0].objective <= start[1]
    worked = {key for key, var in built.x.items() if runs[0].values[var.index]}
    report = check(roster_from(built.facts, worked), team)
    assert report.hard_violations == 0 and report.cost <= runs[0].objective


@pytest.mark.skipif(not CURTOIS.exists(), reason="shared Curtois–Qu instances not present")
def test_rolling_horizon_roster_keeps_every_hard_rule(monkeypatch):
    monkeypatch.setattr(rolling, "WINDOW_DAYS", 7)
    monkeypatch.setattr(rolling, "LOOKAHEAD_DAYS", 3)
    team = parse_curtois(CURTOIS / "Instance2.txt")
    worked = rolling.rolling_roster(
        team, lambda t: build_model(t, symmetry=False), time_limit_s=8, workers=2, seed=0
    )
    assert worked is not None
    built = build_model(team, symmetry=False)
    report = check(roster_from(built.facts, worked), team)
    assert report.hard_violations == 0, [v.message for v in report.violations]
    values = values_of(built, worked, 5)
    assert values is not None and round(values[1]) == report.cost
