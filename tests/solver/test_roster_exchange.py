"""Exchanging days between two people (search/exchange.py): the cover stays as it was, the pair's best
exchange is the best of all the sets of days they could swap, and a sweep only ever lowers the
checked cost."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date, timedelta

from rosterkit.model import Request, RequestKind, RuleSetting
from rosterkit.solver.check import check_grid
from rosterkit.solver.facts import Facts
from rosterkit.solver.greedy import greedy_roster
from rosterkit.solver.sample import sample_centre
from rosterkit.solver.search.exchange import Exchanger

START = date(2026, 3, 2)
RULES = (
    RuleSetting(
        rule="interval_coverage", hard=False, weight=1, params={"under_weight": 100, "over_weight": 1}
    ),
    RuleSetting(rule="min_consecutive_days_off", hard=False, weight=7, params={"days": 2}),
    RuleSetting(rule="max_consecutive_shift", hard=False, weight=11, params={"shift": "N", "days": 1}),
    RuleSetting(rule="max_consecutive_days", hard=True, params={"days": 4}),
    RuleSetting(rule="min_rest", hard=True, params={"hours": 11}),
    RuleSetting(rule="work_hours", hard=False, weight=3, params={"min_hours": 24, "max_hours": 40}),
    RuleSetting(rule="requests", hard=False, weight=1),
)


def _team(agents: int = 2, days: int = 8):
    team = sample_centre(agents=agents, start=START, days=days, seed=3, interval_minutes=60, leads=0)
    off = [
        RuleSetting(rule=r.rule, enabled=False) for r in team.rules if r.rule not in {x.rule for x in RULES}
    ]
    first = team.employees[0].id
    return team.model_copy(
        update={
            "rules": (*off, *RULES),
            "leave": (),
            "requests": (
                Request(
                    employee_id=first, date=START + timedelta(days=5), kind=RequestKind.SHIFT_OFF, weight=4
                ),
            ),
            "history": (),
        }
    )


def _shifts_by_day(grid: dict[str, list[str | None]]) -> list[Counter]:
    days = len(next(iter(grid.values())))
    return [Counter(row[i] for row in grid.values() if row[i] is not None) for i in range(days)]


def test_lone_days_off_are_paired_by_an_exchange():
    """Four lone days off between two people (none can be paired by one person alone without changing
    the cover): the exchange pairs some of them, with every day's shifts as they were."""
    facts = Facts(_team())
    a, b = (e.id for e in facts.employees)
    grid = {
        a: ["M", None, "M", "M", None, "M", "M", "M"],
        b: ["M", "M", None, "M", "M", None, "M", "M"],
    }
    before = check_grid(facts, grid)
    assert sum(p.cost for p in before.penalties if p.rule == "min_consecutive_days_off") == 4 * 7
    done = Exchanger(facts).sweep(grid)
    assert done.kept >= 1 and done.hard == 0
    assert _shifts_by_day(done.grid) == _shifts_by_day(grid)
    after = check_grid(facts, done.grid)
    assert after.cost == done.cost < before.cost
    lone = sum(p.cost for p in after.penalties if p.rule == "min_consecutive_days_off")
    assert lone < 4 * 7


def test_the_pair_programme_finds_the_cheapest_of_every_set_of_days_swapped():
    """Two people over 8 days: every one of the 2^k sets of days on which they differ, swapped and
    judged by the checker; the programme's exchange costs the least of them (or it reports none
    when the months as they are already do)."""
    facts = Facts(_team())
    a, b = (e.id for e in facts.employees)
    grid = {
        a: ["D", "E", None, None, "N", None, None, "M"],
        b: ["M", None, "D", None, "E", "D", "M", "M"],
    }
    assert not check_grid(facts, grid).hard_violations
    differ = [i for i in range(facts.n) if grid[a][i] != grid[b][i]]
    costs = {}
    for k in range(len(differ) + 1):
        for days in itertools.combinations(differ, k):
            trial = {a: list(grid[a]), b: list(grid[b])}
            for i in days:
                trial[a][i], trial[b][i] = grid[b][i], grid[a][i]
            report = check_grid(facts, trial)
            if not report.hard_violations:
                costs[days] = report.cost
    exchanger = Exchanger(facts)
    found = exchanger.best(grid, exchanger._skill_counts(grid), a, b)
    cheapest = min(costs.values())
    if found is None:
        assert costs[()] == cheapest
    else:
        one, two = found
        assert check_grid(facts, {a: one, b: two}).cost == cheapest < costs[()]


def test_a_sweep_keeps_the_cover_never_raises_the_cost_and_settles():
    """From a greedy roster of 8 people over two weeks: the sweep keeps every day's shifts, lowers
    (never raises) the checked cost, and once a sweep keeps nothing the next prices no pair again."""
    facts = Facts(_team(agents=8, days=14))
    grid: dict[str, list[str | None]] = {e.id: [None] * facts.n for e in facts.employees}
    for eid, day, code in greedy_roster(facts, None):
        grid[eid][day] = code
    before = check_grid(facts, grid)
    exchanger = Exchanger(facts)
    done = exchanger.sweep(grid)
    assert _shifts_by_day(done.grid) == _shifts_by_day(grid)
    assert (done.hard, done.cost) <= (before.hard_violations, before.cost)
    assert done.cost == check_grid(facts, done.grid).cost
    for _ in range(10):
        again = exchanger.sweep(done.grid)
        assert (again.hard, again.cost) <= (done.hard, done.cost)
        if not again.kept:
            break
        done = again
    steps = exchanger.steps
    assert exchanger.sweep(done.grid).cost == done.cost
    assert exchanger.steps == steps
