"""The employee-by-employee first roster: it applies exactly when every hard rule binds one employee,
keeps every hard rule, is reproducible, and its cover prices are the checker's change in cost."""

from __future__ import annotations

from pathlib import Path

import pytest

from rosterkit.io.curtois import parse_curtois
from rosterkit.model import RuleSetting
from rosterkit.solver.build import build_model, roster_from
from rosterkit.solver.check import check
from rosterkit.solver.facts import Facts
from rosterkit.solver.search.construct import CoverPrices, construct_roster, per_employee_hard
from rosterkit.solver.search.hook import values_of
from rosterkit.solver.search.pattern import working_days

TINY = Path(__file__).resolve().parent / "tiny_instance.txt"


@pytest.mark.parametrize("days_first", [False, True])
def test_construction_keeps_every_hard_rule_and_is_reproducible(days_first):
    """Either way: each employee's whole model first, or (when the whole models find nothing: here
    asked) their working days from the dynamic programme first and the shifts chosen for them."""
    team = parse_curtois(TINY)
    facts = Facts(team)
    assert per_employee_hard(facts)
    runs = [construct_roster(facts, time_limit_s=2, seed=3, days_first=days_first) for _ in range(2)]
    assert runs[0] is not None and runs[0] == runs[1]
    if days_first:  # each employee works exactly the days of their pattern
        for e in facts.employees:
            pattern = working_days(facts, e)
            assert [
                any((e.id, i, s.code) in runs[0] for s in facts.shifts) for i in range(facts.n)
            ] == pattern
    report = check(roster_from(facts, runs[0]), team)
    assert report.hard_violations == 0, [v.message for v in report.violations]
    values = values_of(build_model(team, symmetry=False), runs[0], 5)
    assert values is not None and round(values[1]) == report.cost


def test_a_hard_cover_rule_makes_the_construction_inapplicable():
    team = parse_curtois(TINY)
    rules = tuple(r for r in team.rules if r.rule != "shift_demand") + (RuleSetting(rule="shift_demand"),)
    assert not per_employee_hard(Facts(team.model_copy(update={"rules": rules})))


def test_cover_price_is_the_checkers_change_in_cover_cost():
    team = parse_curtois(TINY).model_copy(update={"requests": ()})
    facts = Facts(team)
    prices = CoverPrices(facts)
    worked: set[tuple[str, int, str]] = set()
    base = check(roster_from(facts, worked), team).cost
    code = facts.shifts[0].code
    for eid in [e.id for e in facts.employees][:3]:  # one person more on day 0, three times
        expected = prices.price(0, code)
        worked.add((eid, 0, code))
        prices.place(0, code)
        cost = check(roster_from(facts, worked), team).cost  # soft costs only: the cover's here
        assert cost - base == expected
        base = cost


def test_the_ordinary_solve_with_the_construction_is_reproducible_and_checked():
    from rosterkit.solver.solve import SolveOptions, solve

    team = parse_curtois(TINY)
    options = SolveOptions(time_limit_s=3, workers=2, seed=5, deterministic=True)
    results = [solve(team, options) for _ in range(2)]
    assert results[0].roster is not None and results[1].roster is not None
    assert results[0].roster.shifts == results[1].roster.shifts
    report = check(results[0].roster, team)
    assert report.hard_violations == 0 and report.cost == results[0].objective


@pytest.mark.parametrize("deterministic", [True, False])
def test_the_construction_wall_limit_is_sized_from_the_whole_run(monkeypatch, deterministic):
    """The first steps of the parallel mode (greedy, counts-first) take wall time from the search's
    budget; the construction, the only way to a roster on a long horizon, and the completion of its
    roster keep their limits from the whole run (Curtois 24 had none in the parallel mode when they
    were sized from what was left)."""
    from rosterkit.solver import solve as solve_module
    from rosterkit.solver.search import hook
    from rosterkit.solver.solve import SolveOptions, solve

    monkeypatch.setattr(solve_module, "COUNTS_FIRST_MIN_S", 1.0)  # the first steps run, as in a 60 s run
    seen: list[float] = []
    completed: list[float] = []
    real, real_values = hook.construct_roster, hook.values_of

    def spy(facts, **kwargs):
        seen.append(kwargs["wall_limit_s"])
        return real(facts, **kwargs)

    def spy_values(built, worked, time_limit_s):
        completed.append(time_limit_s)
        return real_values(built, worked, time_limit_s)

    monkeypatch.setattr(hook, "construct_roster", spy)
    monkeypatch.setattr(hook, "values_of", spy_values)
    team = parse_curtois(TINY)
    solve(team, SolveOptions(time_limit_s=3, workers=2, seed=0, deterministic=deterministic))
    assert seen == [hook.CONSTRUCT_WALL_TIMES * 3]
    # completing a roster into the model's values (7.6 s on Curtois 24): the constructed one, and the
    # column generation's rounding on a team it applies to
    assert completed and set(completed) == {3}
