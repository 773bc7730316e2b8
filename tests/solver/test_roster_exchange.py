"""Exchanging days between two people (search/exchange.py): the cover stays as it was, the pair's best
exchange is the best of all the sets of days they could swap, and a sweep only ever lowers the
checked cost."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import timedelta

from solver_kit import PRICED, START

from rosterkit.model import Request, RequestKind, RuleSetting
from rosterkit.solver.check import check_grid
from rosterkit.solver.facts import Facts
from rosterkit.solver.greedy import greedy_roster
from rosterkit.solver.sample import sample_centre
from rosterkit.solver.search.exchange import Exchanger


def _team(agents: int = 2, days: int = 8):
    team = sample_centre(agents=agents, start=START, days=days, seed=3, interval_minutes=60, leads=0)
    off = [
        RuleSetting(rule=r.rule, enabled=False) for r in team.rules if r.rule not in {x.rule for x in PRICED}
    ]
    first = team.employees[0].id
    return team.model_copy(
        update={
            "rules": (*off, *PRICED),
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
    """Four lone days off between two people, none of which one person alone can pair without
    changing the cover: swapping two days (the first and the fourth) pairs them all, with every
    day's shifts as they were."""
    facts = Facts(_team())
    a, b = (e.id for e in facts.employees)
    grid = {
        a: ["M", None, "M", None, "M", None, None, "M"],
        b: [None, "M", None, "M", None, "M", "M", "M"],
    }
    before = check_grid(facts, grid)
    assert sum(p.cost for p in before.penalties if p.rule == "min_consecutive_days_off") == 4 * 7
    done = Exchanger(facts).sweep(grid)
    assert done.kept >= 1 and done.hard == 0
    assert _shifts_by_day(done.grid) == _shifts_by_day(grid)
    after = check_grid(facts, done.grid)
    assert after.cost == done.cost < before.cost
    assert not [p for p in after.penalties if p.rule == "min_consecutive_days_off"]


def test_the_pair_programme_finds_the_cheapest_of_every_set_of_days_swapped():
    """Two people over 8 days: every one of the 2^k sets of days on which they differ, swapped and
    judged by the checker; the programme's exchange costs the least of them (or it reports none
    when the months as they are already do)."""
    facts = Facts(_team())
    a, b = (e.id for e in facts.employees)
    grid = {
        a: ["M", "D", None, "M", None, "D", None, "M"],
        b: [None, "N", None, None, None, None, "M", "E"],
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
