"""One employee's working days from the dynamic programme of ``search/pattern.py``: whenever any
pattern of working days keeps the hard day-level rules (judged by the checker over every pattern of
a short horizon), it finds one the checker passes, with a count of working days the hours allow;
when none exists it says so."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from solver_kit import START, all_off_except, day_of_leave, tiny_team

from rosterkit.model import Assignment, Roster, RuleSetting
from rosterkit.solver.check import check
from rosterkit.solver.facts import Facts
from rosterkit.solver.search.pattern import count_range, working_days

DAY_RULES = (
    "max_consecutive_days",
    "min_consecutive_days",
    "min_consecutive_days_off",
    "max_weekends",
    "weekly_rest",
    "work_hours",
    "leave",
)


def _team(weekends: int, min_hours: int, max_hours: int, history: bool, window: int):
    rules = (
        *all_off_except({*DAY_RULES, "one_shift_per_day"}),
        RuleSetting(rule="max_consecutive_days", hard=True, params={"days": 3}),
        RuleSetting(rule="min_consecutive_days", hard=True, params={"days": 2}),
        RuleSetting(rule="min_consecutive_days_off", hard=True, params={"days": 2}),
        RuleSetting(rule="max_weekends", hard=True, params={"weekends": weekends}),
        RuleSetting(rule="weekly_rest", hard=True, params={"window_days": window, "min_days_off": 2}),
        RuleSetting(
            rule="work_hours",
            hard=True,
            params={"min_hours": min_hours, "max_hours": max_hours, "leave_day_hours": 0},
        ),
    )
    leave = (day_of_leave("E1", 3),)
    past = (
        (
            Assignment(employee_id="E1", date=START - timedelta(days=2), shift="M"),
            Assignment(employee_id="E1", date=START - timedelta(days=1), shift="M"),
        )
        if history
        else ()
    )
    return tiny_team(days=11, people=1, rules=rules, leave=leave, history=past)


def _judge(team, pattern) -> bool:
    roster = Roster(start=team.start, end=team.end, employee_ids=["E1"])
    for i, works in enumerate(pattern):
        if works:
            roster.shifts[("E1", team.start + timedelta(days=i))] = "M"
    return check(roster, team).hard_violations == 0


@pytest.mark.parametrize(
    ("weekends", "min_hours", "max_hours", "history", "window"),
    [
        (1, 32, 48, False, 7),  # a pattern exists
        (1, 32, 48, True, 5),  # history: a run of 2 working days going on, tighter windows
        (0, 24, 40, True, 7),  # no weekend at all
        (1, 64, 80, False, 7),  # 8 to 10 working days of 11: impossible under these runs
    ],
)
def test_working_days_keep_the_day_rules_when_any_pattern_does(
    weekends, min_hours, max_hours, history, window
):
    team = _team(weekends, min_hours, max_hours, history, window)
    facts = Facts(team)
    employee = facts.employees[0]
    feasible_counts = {sum(p) for p in itertools.product((False, True), repeat=facts.n) if _judge(team, p)}
    found = working_days(facts, employee)
    if not feasible_counts:
        assert found is None
        return
    assert found is not None and len(found) == facts.n
    assert _judge(team, found)
    low, high = count_range(facts, employee)
    assert (low, high) == (min_hours // 8, max_hours // 8)
    middle = (low + high) / 2
    assert abs(sum(found) - middle) == min(abs(c - middle) for c in feasible_counts)


def test_the_cases_bite_both_ways():
    """At least one case above has no pattern and one has several counts (the test is not vacuous)."""
    none = _team(1, 64, 80, False, 7)
    assert not any(_judge(none, p) for p in itertools.product((False, True), repeat=11))
    assert working_days(Facts(_team(1, 32, 48, False, 7)), Facts(none).employees[0]) is not None
