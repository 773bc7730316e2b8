"""Re-rostering one person (search/reroster.py): the programme prices every month of a person exactly
as the checker does, finds the cheapest, and ``polish`` only ever lowers the checked cost."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from solver_kit import PRICED, START

from rosterkit.model import Assignment, Request, RequestKind, RuleSetting
from rosterkit.solver.check import check_grid
from rosterkit.solver.facts import Facts
from rosterkit.solver.greedy import greedy_roster
from rosterkit.solver.sample import sample_centre
from rosterkit.solver.search.reroster import HARD, INF, Rerosterer, polish, windowed

HARD_RUNS = (
    *(r for r in PRICED if "consecutive" not in r.rule),
    RuleSetting(rule="min_consecutive_days_off", hard=True, params={"days": 2}),
    RuleSetting(rule="min_consecutive_days", hard=True, params={"days": 2}),
    RuleSetting(rule="max_consecutive_days", hard=True, params={"days": 4}),
    RuleSetting(rule="max_consecutive_shift", hard=True, params={"shift": "N", "days": 1}),
    RuleSetting(rule="min_consecutive_shift", hard=True, params={"shift": "E", "days": 2}),
)


def _team(rules: tuple[RuleSetting, ...] = PRICED):
    team = sample_centre(agents=3, start=START, days=5, seed=2, interval_minutes=60, leads=1)
    off = [
        RuleSetting(rule=r.rule, enabled=False) for r in team.rules if r.rule not in {p.rule for p in rules}
    ]
    return team.model_copy(
        update={
            "rules": (*off, *rules),
            "requests": (
                Request(
                    employee_id=team.employees[0].id,
                    date=START + timedelta(days=2),
                    kind=RequestKind.SHIFT_OFF,
                    weight=4,
                ),
                Request(
                    employee_id=team.employees[0].id,
                    date=START,
                    kind=RequestKind.SHIFT_ON,
                    shift="M",
                    weight=5,
                ),
            ),
            "history": (
                Assignment(employee_id=team.employees[0].id, date=START - timedelta(days=1), shift="N"),
            ),
        }
    )


def _grid(facts: Facts) -> dict[str, list[str | None]]:
    grid: dict[str, list[str | None]] = {e.id: [None] * facts.n for e in facts.employees}
    for eid, day, code in greedy_roster(facts, None):
        grid[eid][day] = code
    return grid


@pytest.mark.parametrize("rules", [PRICED, HARD_RUNS], ids=["soft days off", "hard minimum runs"])
def test_every_month_of_a_person_is_priced_as_the_checker_prices_it(rules):
    """All months of one person over 5 days, the others held: the programme's price differs from the
    checker's cost by the same constant (what the others pay) on every month the checker finds no
    hard breach in, is out of reach (forbidden or priced as hard) on the others, and its best month
    is the cheapest of them all."""
    team = _team(rules)
    facts = Facts(team)
    grid = _grid(facts)
    person = facts.employees[0]
    worker = Rerosterer(facts, {k: list(v) for k, v in grid.items()})
    row, best, _now = worker.best_row(person)
    seq = worker.sequences_of(person)
    worker.cover.add(grid[person.id], -1)
    days = worker.day_costs(person)
    worker.cover.add(grid[person.id], 1)
    gaps, cheapest = set(), None
    choices = [None, *(s.code for s in facts.shifts)]
    for month in itertools.product(choices, repeat=facts.n):
        trial = {**grid, person.id: list(month)}
        report = check_grid(facts, trial)
        price = worker.price(person, seq, days, list(month))
        if any(v.employee_id in (person.id, None) for v in report.violations):  # the others' are fixed
            assert price >= HARD, month
            continue
        assert price < HARD, month
        gaps.add(report.cost - price)
        cheapest = report.cost if cheapest is None else min(cheapest, report.cost)
    assert len(gaps) == 1
    assert best == cheapest - gaps.pop()
    assert best < INF and row is not None


def test_polish_lowers_the_checked_cost_and_is_reproducible():
    team = sample_centre(agents=12, start=START, days=14, seed=3)
    facts = Facts(team)
    grid = _grid(facts)
    before = check_grid(facts, grid)
    done = polish(facts, grid, passes=3)
    after = check_grid(facts, done.grid)
    assert done.kept > 0
    assert after.cost == done.cost < before.cost
    assert after.hard_violations <= before.hard_violations
    assert polish(facts, grid, passes=3).grid == done.grid
    assert grid == _grid(facts)  # the caller's grid is left as it was
    # a limit on the work: it stops after the person who crossed it
    one = polish(facts, grid, passes=3, limit_s=1e-9)
    assert one.kept <= 1 and one.moves < done.moves and one.charged_s > 0


def test_the_lns_polishes_its_incumbent():
    """The LNS of a call-centre month re-rosters its incumbent at the start and on schedule; what
    that finds becomes the incumbent, and the run stays reproducible with the checker's cost as its
    objective."""
    from rosterkit.solver.build import build_model, roster_from
    from rosterkit.solver.check import check
    from rosterkit.solver.search.hook import polisher, problem_of, values_of
    from rosterkit.solver.search.lns import solve_with_lns

    team = sample_centre(agents=12, start=START, days=14, seed=3)
    built = build_model(team, symmetry=False)
    grid = _grid(built.facts)
    start = values_of(built, {(e, i, c) for e, row in grid.items() for i, c in enumerate(row) if c}, 30)
    assert start is not None
    calls: list[float] = []
    polish_values = polisher(built, False, 30)

    def counted(values, passes):
        found, charged = polish_values(values, passes)
        calls.append(found[1] if found else None)
        return found, charged

    problem = problem_of(built)
    problem.polish = counted
    runs = [
        solve_with_lns(problem, time_limit_s=120, workers=2, seed=5, initial=start, dtime_budget=1.0)
        for _ in range(2)
    ]
    assert runs[0].values == runs[1].values
    assert calls[0] is not None and calls[0] < start[1]  # the first polish improved the start
    assert runs[0].objective <= calls[0]
    worked = {key for key, var in built.x.items() if runs[0].values[var.index]}
    report = check(roster_from(built.facts, worked), team)
    assert report.hard_violations == 0 and report.cost == round(runs[0].objective)


def test_a_hard_cap_of_shifts_per_type_is_kept():
    """The programme does not count shifts of a type in its states; a hard cap is priced by raising
    the shift's cost until the month keeps it."""
    team = _team()
    facts = Facts(team)
    person = facts.employees[0]
    grid = {e.id: [None] * facts.n for e in facts.employees}  # nobody works: every shift is short
    free = Rerosterer(facts, {k: list(v) for k, v in grid.items()}).best_row(person)
    assert free is not None and free[0].count("D") >= 2
    cap = RuleSetting(rule="max_shifts_per_type", hard=True, params={"shift": "D", "max": 1})
    capped_team = team.model_copy(update={"rules": (*team.rules, cap)})
    capped = Facts(capped_team)
    row, price, _now = Rerosterer(capped, {k: list(v) for k, v in grid.items()}).best_row(capped.employees[0])
    assert row.count("D") <= 1 and row.count(None) < facts.n  # still working, on other shifts
    assert check_grid(capped, {**grid, person.id: row}).hard_violations == 0


def test_a_hard_cap_of_weekends_is_kept():
    team = sample_centre(agents=3, start=START, days=14, seed=2, interval_minutes=60, leads=1)
    grid = {e.id: [None] * 14 for e in team.employees}  # nobody works: every day is short
    person = team.employees[0]
    facts = Facts(team)
    free = Rerosterer(facts, {k: list(v) for k, v in grid.items()}).best_row(person)
    weekends = [days for days in facts.weekends]
    assert free is not None and all(any(free[0][i] for i in days) for days in weekends)
    cap = RuleSetting(rule="max_weekends", hard=True, params={"weekends": 1})
    capped = Facts(team.model_copy(update={"rules": (*team.rules, cap)}))
    row, _price, _now = Rerosterer(capped, {k: list(v) for k, v in grid.items()}).best_row(person)
    assert sum(1 for days in weekends if any(row[i] for i in days)) == 1
    assert check_grid(capped, {**grid, person.id: row}).hard_violations == 0


def test_a_hard_weekly_rest_of_two_days_is_kept():
    """Two days off in every seven is not in the states (one in seven is their run limit): the days
    of a window the month works too often are priced up until it keeps them."""
    team = sample_centre(agents=3, start=START, days=14, seed=2, interval_minutes=60, leads=1)
    grid = {e.id: [None] * 14 for e in team.employees}  # nobody works: every day is short
    person = team.employees[0]
    free = Rerosterer(Facts(team), {k: list(v) for k, v in grid.items()}).best_row(person)

    def most_worked(row: list[str | None]) -> int:
        return max(sum(x is not None for x in row[i : i + 7]) for i in range(len(row) - 6))

    assert free is not None and most_worked(free[0]) > 5
    rest = RuleSetting(rule="weekly_rest", hard=True, params={"window_days": 7, "min_days_off": 2})
    rules = (*(r for r in team.rules if r.rule != "weekly_rest"), rest)
    rested = Facts(team.model_copy(update={"rules": rules}))
    found = Rerosterer(rested, {k: list(v) for k, v in grid.items()}).best_row(person)
    assert found is not None and most_worked(found[0]) == 5  # still as busy as the rule allows
    assert check_grid(rested, {**grid, person.id: found[0]}).hard_violations == 0


def test_polish_repairs_a_roster_that_breaks_hard_rules_first():
    """Fewer hard breaches beat a lower cost: a greedy roster breaking a hard two-days-off rule is
    mended, and the breaches polish reports are the checker's."""
    team = sample_centre(agents=8, start=START, days=14, seed=1, interval_minutes=60)
    pairs = RuleSetting(rule="min_consecutive_days_off", hard=True, params={"days": 2})
    team = team.model_copy(update={"rules": (*(r for r in team.rules if r.rule != pairs.rule), pairs)})
    facts = Facts(team)
    grid = {e.id: [None] * facts.n for e in facts.employees}
    for eid, day, code in greedy_roster(facts, None):
        grid[eid][day] = code
    before = check_grid(facts, grid)
    assert before.hard_violations > 0
    done = polish(facts, grid, 4)
    after = check_grid(facts, done.grid)
    assert done.hard == after.hard_violations == 0 and done.cost == after.cost


def test_windowed_says_when_the_programme_must_search_for_prices():
    """The search leaves polishing out on such teams (it did not pay there)."""
    team = sample_centre(agents=3, start=START, days=14, seed=2, interval_minutes=60, leads=1)

    def with_rest(days_off: int) -> Facts:
        rest = RuleSetting(rule="weekly_rest", hard=True, params={"window_days": 7, "min_days_off": days_off})
        rules = (*(r for r in team.rules if r.rule != "weekly_rest"), rest)
        return Facts(team.model_copy(update={"rules": rules}))

    assert windowed(with_rest(2)) and not windowed(with_rest(1))


MIXED = [
    (19, 28, 30, ("max_weekends", "min_consecutive_days", "max_consecutive_days")),
    (17, 7, 15, ("min_consecutive_days_off", "min_consecutive_shift")),
    (12, 14, 60, ("max_shifts_per_type",)),
    (4, 28, 60, ("weekly_rest",)),
]
EXTRA = {
    "min_consecutive_days": RuleSetting(rule="min_consecutive_days", hard=True, params={"days": 2}),
    "min_consecutive_days_off": RuleSetting(rule="min_consecutive_days_off", hard=True, params={"days": 2}),
    "max_weekends": RuleSetting(rule="max_weekends", hard=True, params={"weekends": 2}),
    "max_shifts_per_type": RuleSetting(
        rule="max_shifts_per_type", hard=True, params={"shift": "N", "max": 3}
    ),
    "min_consecutive_shift": RuleSetting(
        rule="min_consecutive_shift", hard=True, params={"shift": "N", "days": 2}
    ),
    "weekly_rest": RuleSetting(rule="weekly_rest", hard=True, params={"window_days": 7, "min_days_off": 2}),
    "max_consecutive_days": RuleSetting(
        rule="max_consecutive_days", hard=False, weight=3, params={"days": 4}
    ),
}


@pytest.mark.parametrize(("agents", "days", "interval", "extra"), MIXED)
def test_polish_on_mixed_rules_keeps_its_promises(agents, days, interval, extra):
    """Teams with rules the programme prices, forbids, caps or leaves to the checker (a hard weekly
    rest of two days in seven), from a greedy roster that may break some: the checked cost never
    goes up, hard breaches never do either, and the cost ``polish`` reports is the checker's."""
    team = sample_centre(agents=agents, start=START, days=days, seed=agents, interval_minutes=interval)
    team = team.model_copy(update={"rules": (*team.rules, *(EXTRA[name] for name in extra))})
    facts = Facts(team)
    grid = _grid(facts)
    before = check_grid(facts, grid)
    done = polish(facts, grid, passes=2)
    after = check_grid(facts, done.grid)
    assert after.cost == done.cost <= before.cost
    assert after.hard_violations <= before.hard_violations
