"""End-to-end solves on small generated centres: every result passes the independent checker with 0
hard violations and the solver's objective equal to the checker's cost; repair mode; diagnosis."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from solver_kit import assert_consistent, tiny_team

from rosterkit.errors import InfeasibleError, NoSolutionFoundError
from rosterkit.model import Employee, Leave, LeaveType, RuleSetting, ShiftDemand
from rosterkit.solver import solve as solve_module
from rosterkit.solver.check import check
from rosterkit.solver.explain import diagnose
from rosterkit.solver.repair import repair
from rosterkit.solver.sample import sample_centre
from rosterkit.solver.solve import SolveOptions, make_roster, solve

FAST = SolveOptions(time_limit_s=1.0, workers=2, seed=0)


def test_small_centre_passes_the_checker():
    team = sample_centre(agents=10, days=14, seed=3)
    result = solve(team, FAST)
    assert result.status in ("optimal", "feasible")
    assert_consistent(result, team)
    assert result.first_solution_s is not None


def test_same_seed_and_workers_give_the_same_roster():
    """The solver core is reproducible (CP-SAT interleaved, stopped by deterministic time). The LNS
    hook (rosterkit.solver.search) answers for its own reproducibility."""
    team = sample_centre(agents=8, days=7, seed=4)
    options = replace(FAST, time_limit_s=0.5, use_lns=False)
    a = solve(team, options)
    b = solve(team, options)
    assert a.roster.shifts == b.roster.shifts and a.objective == b.objective


@pytest.mark.parametrize(
    "seconds",
    [2.0, pytest.param(12.0, marks=pytest.mark.slow)],  # 12 s: counts-first runs too
)
def test_the_whole_search_is_reproducible_under_load(seconds):
    """The default solve (first rosters, [counts-first,] full solve, LNS) depends only on the seed and
    the worker count, not on the wall clock: two runs at once, each slowing the other, and a third
    alone give the same roster."""
    from concurrent.futures import ThreadPoolExecutor

    team = sample_centre(agents=12, days=14, seed=2)
    options = replace(FAST, time_limit_s=seconds)
    with ThreadPoolExecutor(max_workers=2) as pool:
        a, b = pool.map(lambda _: solve(team, options), range(2))
    c = solve(team, options)
    assert a.roster.shifts == b.roster.shifts == c.roster.shifts
    assert a.objective == b.objective == c.objective
    assert_consistent(c, team)


def test_the_search_starts_from_the_checked_first_roster_when_the_full_solve_finds_nothing(monkeypatch):
    """A full solve that ends before its first solution (its presolve alone can use its share on a
    large month) hands the LNS the checked first roster, not the rest of the time to CP-SAT's
    portfolio, which is not reproducible."""
    from rosterkit.solver.search import lns

    real = lns.set_solver_parameters

    def starved(solver, **kwargs):
        real(solver, **kwargs)
        solver.parameters.max_deterministic_time = 1e-9

    starts: list[float] = []
    improve = lns._improve

    def spy(problem, incumbent, best, *args, **kwargs):
        starts.append(best)
        return improve(problem, incumbent, best, *args, **kwargs)

    monkeypatch.setattr(lns, "set_solver_parameters", starved)
    monkeypatch.setattr(lns, "_improve", spy)
    team = sample_centre(agents=12, days=14, seed=2)
    first, again = solve(team, FAST), solve(team, FAST)
    assert len(starts) == 2 and starts[0] == starts[1]
    assert first.objective <= starts[0]
    assert first.roster.shifts == again.roster.shifts
    assert_consistent(first, team)


def test_a_month_no_greedy_roster_keeps_is_built_by_re_rostering(monkeypatch):
    """Two days off in a row made hard: the greedy roster and the counts-first days off break it (the
    full search alone found no roster of the example centre in 60 s); the first roster is built one
    person at a time by re-rostering, and the search starts from it."""
    team = sample_centre(agents=12, days=14, seed=2)
    hard_pairs = RuleSetting(rule="min_consecutive_days_off", hard=True, params={"days": 2})
    team = team.model_copy(
        update={"rules": (*(r for r in team.rules if r.rule != "min_consecutive_days_off"), hard_pairs)}
    )
    built: list = []
    real = solve_module._rerostered
    monkeypatch.setattr(solve_module, "_rerostered", lambda *a, **k: built.append(real(*a, **k)) or built[-1])
    result = solve(team, replace(FAST, time_limit_s=2.0))
    assert len(built) == 1 and built[0] is not None  # called because no other first roster kept the rules
    assert result.first_solution_s is not None and result.objective <= built[0][1]
    assert_consistent(result, team)


def test_shift_demand_team_is_solved_to_optimality():
    demand = (
        ShiftDemand(shift="M", target=2, under_weight=50),
        ShiftDemand(shift="N", target=1, under_weight=50),
    )
    rules = (RuleSetting(rule="min_consecutive_days_off", hard=True, params={"days": 2}),)
    team = tiny_team(days=14, people=5, demand=demand, rules=rules)
    result = solve(team, replace(FAST, time_limit_s=3))
    assert_consistent(result, team)
    assert result.status == "optimal"


def test_repair_keeps_the_days_before_and_clears_the_sick_days():
    team = sample_centre(agents=8, days=10, seed=5)
    first = solve(team, FAST)
    sick_from = team.start + timedelta(days=4)
    worker = next(eid for (eid, d), _c in sorted(first.roster.shifts.items()) if d >= sick_from)
    sick = Leave(employee_id=worker, start=sick_from, end=sick_from + timedelta(days=2), type=LeaveType.SICK)
    team2 = team.model_copy(update={"leave": (*team.leave, sick)})
    result = repair(team2, first.roster, sick_from, FAST, change_weight=50)
    for (eid, day), code in first.roster.shifts.items():
        if day < sick_from:
            assert result.roster.shift(eid, day) == code
    assert not any(result.roster.works(worker, sick_from + timedelta(days=k)) for k in range(3))
    report = check(result.roster, result.team, previous=first.roster, repair_from=sick_from, change_weight=50)
    assert report.hard_violations == 0 and report.cost == result.objective


def impossible_team():
    """160 h in 28 days for someone who may work at most 2 days in a row: at most 18 days x 8 h."""
    people = (Employee(id="E1", name="Li Lei", min_work_minutes=160 * 60), Employee(id="E2"))
    rules = (RuleSetting(rule="max_consecutive_days", params={"days": 2}),)
    return tiny_team(days=28, employees=people, rules=rules)


def test_infeasible_team_is_diagnosed_in_the_users_terms():
    lines = diagnose(impossible_team())
    assert lines == [
        "E1 (Li Lei): maximum consecutive working days (at most 2 working days in a row)",
        "E1 (Li Lei): contract hours (at least 160 h in the period)",
    ]
    with pytest.raises(InfeasibleError) as caught:
        make_roster(impossible_team(), FAST)
    assert caught.value.exit_code == 3
    assert "No roster satisfies the hard rules" in str(caught.value)


def test_time_limit_without_a_roster_says_so(monkeypatch):
    def nothing(built, options):
        return solve_module.RawSolution("unknown", None)

    monkeypatch.setattr(solve_module, "cpsat", nothing)
    monkeypatch.setattr(solve_module, "complete_hint", lambda built, worked: None)  # no usable start
    with pytest.raises(NoSolutionFoundError) as caught:
        make_roster(tiny_team(), replace(FAST, use_lns=False))
    assert "No roster was found within the time limit of 1 s" in str(caught.value)


def test_counts_relaxation_bound_holds_on_the_roster():
    from rosterkit.solver.aggregate import COVERAGE_RULES, solve_counts
    from rosterkit.solver.facts import Facts

    team = sample_centre(agents=10, days=14, seed=3)
    agg = solve_counts(Facts(team))
    result = solve(team, FAST)
    report = check(result.roster, team)
    cover_cost = sum(p.cost for p in report.penalties if p.rule in COVERAGE_RULES)
    assert agg is not None and 0 < agg.lower_bound <= cover_cost


def test_symmetry_breaking_keeps_the_optimum():
    demand = (ShiftDemand(shift="M", target=2, under_weight=20), ShiftDemand(shift="E", weekday=5, target=2))
    rules = (
        RuleSetting(rule="max_consecutive_days", hard=False, weight=3, params={"days": 3}),
        RuleSetting(rule="min_consecutive_days_off", hard=False, weight=2, params={"days": 2}),
    )
    team = tiny_team(days=10, people=4, demand=demand, rules=rules)
    options = replace(FAST, time_limit_s=5, use_lns=False)
    with_sym = solve(team, options)
    without = solve(team, replace(options, symmetry=False))
    assert with_sym.status == without.status == "optimal"
    assert with_sym.objective == without.objective
    assert_consistent(with_sym, team)


def test_a_roster_with_hard_violations_is_never_handed_out(tmp_path):
    """The outputs refuse a roster the independent checker finds hard violations in, and write
    nothing (the CLI and the demo both hand out rosters through this one function)."""
    from rosterkit.errors import RosterkitError
    from rosterkit.model import Assignment
    from rosterkit.solver.report import write_roster_outputs

    team = tiny_team(days=3, people=2)
    result = make_roster(team, SolveOptions(time_limit_s=2))
    pinned = (Assignment(employee_id="E1", date=team.start, shift=None),)
    day_off = team.start
    worked = replace(result.roster, shifts={**result.roster.shifts, ("E1", day_off): team.shifts[0].code})
    report = check(worked, team.model_copy(update={"pinned": pinned}))
    assert report.hard_violations >= 1
    with pytest.raises(RosterkitError, match="the solver's roster breaks hard rules"):
        write_roster_outputs(tmp_path, team, replace(result, roster=worked), report, "")
    assert list(tmp_path.iterdir()) == []
