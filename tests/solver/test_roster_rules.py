"""One test per roster rule, tied to its rule: the model holds only that rule and one_shift_per_day,
cells are forced to create the situation, and the solver's cost must equal the checker's (which must
find the same breach in plain words). A last test fails when a rule of the registry has no test."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from solver_kit import START, TESTED_RULES, checker_on, rule_test, run_rule, tiny_team

from rosterkit.model import (
    Assignment,
    Employee,
    HalfDay,
    IntervalRequirement,
    Leave,
    LeaveType,
    Request,
    RequestKind,
    RuleSetting,
    ShiftDemand,
    ShiftType,
    SkillCover,
    Succession,
)
from rosterkit.model.rules import CATALOGUE
from rosterkit.solver.check import CHECKS
from rosterkit.solver.rules import REGISTRY


def soft(rule: str, weight: int = 1, **params) -> tuple[RuleSetting, ...]:
    return (RuleSetting(rule=rule, hard=False, weight=weight, params=params),)


def hard(rule: str, **params) -> tuple[RuleSetting, ...]:
    return (RuleSetting(rule=rule, hard=True, params=params),)


def work(eid: str, days, code: str = "M") -> dict:
    return {(eid, i, code): 1 for i in days}


def off(eid: str, days) -> dict:
    return {(eid, i, c): 0 for i in days for c in ("M", "E", "N")}


@rule_test("one_shift_per_day")
def test_one_shift_per_day():
    team = tiny_team()
    assert run_rule(team, "one_shift_per_day", {("E1", 0, "M"): 1, ("E1", 0, "E"): 1})[0] == "infeasible"
    assert run_rule(team, "one_shift_per_day", {("E1", 0, "M"): 1})[0] == "ok"


@rule_test("eligibility")
def test_eligibility():
    team = tiny_team(employees=(Employee(id="E1", forbidden_shifts=frozenset({"N"})), Employee(id="E2")))
    assert run_rule(team, "eligibility", {("E1", 0, "N"): 1})[0] == "infeasible"
    assert run_rule(team, "eligibility", {("E2", 0, "N"): 1})[0] == "ok"
    report = checker_on(team, "eligibility", {("E1", 3): "N"})
    assert [v.message for v in report.violations] == ["E1 may not work shift N (on 2026-03-05)"]


@rule_test("leave")
def test_leave_full_and_half_day():
    leave = (
        Leave(
            employee_id="E1",
            start=START + timedelta(days=1),
            end=START + timedelta(days=2),
            type=LeaveType.SICK,
        ),
        Leave(employee_id="E2", start=START, end=START, type=LeaveType.PERSONAL, half_day=HalfDay.AM),
    )
    team = tiny_team(leave=leave)
    assert run_rule(team, "leave", {("E1", 2, "E"): 1})[0] == "infeasible"
    assert run_rule(team, "leave", {("E2", 0, "M"): 1})[0] == "infeasible"  # on duty in the morning
    assert run_rule(team, "leave", {("E2", 0, "N"): 1})[0] == "ok"  # 22:00 is after the morning
    report = checker_on(team, "leave", {("E1", 1): "M"})
    assert "E1 is on sick leave on 2026-03-03 but scheduled M" in report.violations[0].message


@rule_test("pinned")
def test_pinned():
    pinned = (
        Assignment(employee_id="E1", date=START + timedelta(days=2), shift="E"),
        Assignment(employee_id="E2", date=START, shift=None),
    )
    team = tiny_team(pinned=pinned)
    status, _, roster, _ = run_rule(team, "pinned", {})
    assert status == "ok" and roster.shift("E1", START + timedelta(days=2)) == "E"
    assert run_rule(team, "pinned", {("E2", 0, "M"): 1})[0] == "infeasible"
    assert "fixed to E" in checker_on(team, "pinned", {}).violations[0].message


@rule_test("requests")
def test_requests_soft_and_hard():
    reqs = (
        Request(employee_id="E1", date=START, kind=RequestKind.SHIFT_OFF, weight=3),
        Request(
            employee_id="E2", date=START + timedelta(days=1), kind=RequestKind.SHIFT_ON, shift="E", weight=2
        ),
    )
    team = tiny_team(requests=reqs, rules=soft("requests"))
    status, cost, roster, _ = run_rule(team, "requests", {("E1", 0, "M"): 1})
    assert (status, cost) == ("ok", 3)
    assert roster.shift("E2", START + timedelta(days=1)) == "E"
    hard_team = tiny_team(requests=reqs, rules=hard("requests"))
    assert run_rule(hard_team, "requests", {("E1", 0, "M"): 1})[0] == "infeasible"


@rule_test("min_rest")
def test_min_rest_evening_then_morning_and_history():
    team = tiny_team(rules=soft("min_rest", 7, hours=11))
    assert run_rule(team, "min_rest", {("E1", 0, "E"): 1, ("E1", 1, "M"): 1})[1] == 7  # 9 h rest
    assert run_rule(team, "min_rest", {("E1", 0, "M"): 1, ("E1", 1, "M"): 1})[1] == 0
    history = (Assignment(employee_id="E1", date=START - timedelta(days=1), shift="N"),)
    team_h = tiny_team(rules=hard("min_rest", hours=11), history=history)
    assert run_rule(team_h, "min_rest", {("E1", 0, "M"): 1})[0] == "infeasible"  # night ends 06:00
    msg = checker_on(team_h, "min_rest", {("E1", 0): "M"}).violations[0].message
    assert msg == "E1: only 1 h rest between N and M on 2026-03-02 (at least 11 h)"


@rule_test("shift_succession")
def test_shift_succession():
    team = tiny_team(successions=(Succession(first="N", second="M"),))
    assert run_rule(team, "shift_succession", {("E1", 0, "N"): 1, ("E1", 1, "M"): 1})[0] == "infeasible"
    soft_team = tiny_team(successions=(Succession(first="N", second="M", hard=False, weight=4),))
    assert run_rule(soft_team, "shift_succession", {("E1", 0, "N"): 1, ("E1", 1, "M"): 1})[1] == 4


@rule_test("max_consecutive_days")
def test_max_consecutive_days_with_history():
    team = tiny_team(rules=soft("max_consecutive_days", 2, days=3))
    assert run_rule(team, "max_consecutive_days", work("E1", range(5)))[1] == 4  # days 4 and 5
    history = tuple(Assignment(employee_id="E1", date=START - timedelta(days=k), shift="M") for k in (1, 2))
    team_h = tiny_team(rules=soft("max_consecutive_days", 2, days=3), history=history)
    assert run_rule(team_h, "max_consecutive_days", work("E1", range(2)))[1] == 2  # 4th day in a row
    team_e = tiny_team(
        employees=(Employee(id="E1", max_consecutive_days=1),), rules=hard("max_consecutive_days")
    )
    assert run_rule(team_e, "max_consecutive_days", work("E1", range(2)))[0] == "infeasible"


@rule_test("min_consecutive_days")
def test_min_consecutive_days_and_boundary():
    team = tiny_team(rules=soft("min_consecutive_days", 1, days=3))
    forced = {**off("E1", [0, 2]), **work("E1", [1])}
    assert run_rule(team, "min_consecutive_days", forced)[1] == 2  # 1 day of 3
    touching_start = {**work("E1", [0]), **off("E1", [1])}
    assert run_rule(team, "min_consecutive_days", touching_start)[1] == 0  # not judged: no history
    history = (Assignment(employee_id="E1", date=START - timedelta(days=1), shift=None),)
    team_h = tiny_team(rules=soft("min_consecutive_days", 1, days=3), history=history)
    assert run_rule(team_h, "min_consecutive_days", touching_start)[1] == 2  # history shows the start


@rule_test("min_consecutive_days_off")
def test_min_consecutive_days_off():
    team = tiny_team(rules=soft("min_consecutive_days_off", 1, days=2))
    forced = {**work("E1", [1, 3]), **off("E1", [2])}
    assert run_rule(team, "min_consecutive_days_off", forced)[1] == 1
    assert run_rule(team, "min_consecutive_days_off", {**off("E1", [0]), **work("E1", [1])})[1] == 0


def test_min_consecutive_days_off_ending_on_the_last_history_day():
    """Worked, then one day off at the end of last month: working on the 1st makes that block a
    single day off, which the rule must judge (the 1st decides its length)."""
    history = (
        Assignment(employee_id="E1", date=START - timedelta(days=2), shift="M"),
        Assignment(employee_id="E1", date=START - timedelta(days=1), shift=None),
    )
    team = tiny_team(rules=soft("min_consecutive_days_off", 1, days=2), history=history)
    assert run_rule(team, "min_consecutive_days_off", work("E1", [0]))[1] == 1
    assert run_rule(team, "min_consecutive_days_off", off("E1", [0]))[1] == 0
    hard_team = tiny_team(rules=hard("min_consecutive_days_off", days=2), history=history)
    assert run_rule(hard_team, "min_consecutive_days_off", work("E1", [0]))[0] == "infeasible"
    report = checker_on(hard_team, "min_consecutive_days_off", {("E1", 0): "M"})
    assert report.hard_violations == 1


@rule_test("max_consecutive_shift")
def test_max_consecutive_nights():
    team = tiny_team(rules=soft("max_consecutive_shift", 3, shift="N", days=2))
    assert run_rule(team, "max_consecutive_shift", work("E1", range(4), "N"))[1] == 6


@rule_test("min_consecutive_shift")
def test_min_consecutive_nights():
    team = tiny_team(rules=soft("min_consecutive_shift", 1, shift="N", days=2))
    forced = {**off("E1", [0, 2]), **work("E1", [1], "N")}
    assert run_rule(team, "min_consecutive_shift", forced)[1] == 1


@rule_test("weekly_rest")
def test_weekly_rest():
    team = tiny_team(rules=soft("weekly_rest", 5, window_days=7, min_days_off=1))
    assert run_rule(team, "weekly_rest", work("E1", range(7)))[1] == 5
    team_h = tiny_team(rules=hard("weekly_rest", window_days=7, min_days_off=1))
    assert run_rule(team_h, "weekly_rest", work("E1", range(7)))[0] == "infeasible"


@rule_test("work_hours")
def test_work_hours_min_max_and_leave_credit():
    team = tiny_team(rules=soft("work_hours", 1, min_hours=40, max_hours=0))
    assert run_rule(team, "work_hours", {**work("E1", range(4)), **off("E1", range(4, 7))})[1] == 8
    team_max = tiny_team(rules=soft("work_hours", 1, min_hours=0, max_hours=16))
    assert run_rule(team_max, "work_hours", work("E1", range(3)))[1] == 8
    leave = (
        Leave(
            employee_id="E1",
            start=START + timedelta(days=6),
            end=START + timedelta(days=6),
            type=LeaveType.ANNUAL,
        ),
    )
    team_leave = tiny_team(
        rules=soft("work_hours", 1, min_hours=40, max_hours=0, leave_day_hours=8), leave=leave
    )
    assert run_rule(team_leave, "work_hours", {**work("E1", range(4)), **off("E1", range(4, 7))})[1] == 0
    team_emp = tiny_team(employees=(Employee(id="E1", min_work_minutes=60 * 60),), rules=hard("work_hours"))
    assert run_rule(team_emp, "work_hours", {})[0] == "infeasible"  # 60 h do not fit in 7 x 8 h


@rule_test("max_shifts_per_type")
def test_max_shifts_per_type():
    team = tiny_team(
        rules=(
            RuleSetting(rule="max_shifts_per_type", hard=False, weight=2, params={"shift": "N", "max": 1}),
        )
    )
    assert run_rule(team, "max_shifts_per_type", work("E1", range(3), "N"))[1] == 4
    team_emp = tiny_team(
        employees=(Employee(id="E1", max_shifts={"N": 0}),), rules=hard("max_shifts_per_type")
    )
    assert run_rule(team_emp, "max_shifts_per_type", work("E1", [0], "N"))[0] == "infeasible"


@rule_test("max_weekends")
def test_max_weekends():
    team = tiny_team(days=14, rules=soft("max_weekends", 3, weekends=1))
    assert run_rule(team, "max_weekends", {("E1", 5, "M"): 1, ("E1", 13, "M"): 1})[1] == 3
    assert run_rule(team, "max_weekends", {("E1", 5, "M"): 1, ("E1", 6, "M"): 1})[1] == 0  # one weekend


@rule_test("fairness")
def test_fairness_of_nights():
    team = tiny_team(days=3, rules=soft("fairness", 2, measure="nights"))
    forced = {**work("E1", range(3), "N"), **{("E2", i, "N"): 0 for i in range(3)}}
    assert run_rule(team, "fairness", forced)[1] == 6
    hours = tiny_team(days=3, rules=soft("fairness", 1, measure="hours"))
    assert run_rule(hours, "fairness", {**work("E1", range(2)), **off("E2", range(3))})[1] == 16


@rule_test("fairness")
def test_fairness_is_pro_rata_to_the_days_not_on_leave():
    # E1 is on leave for half of 4 days: 2 nights in 2 days count like 4 in 4 (no spread)
    leave = (
        Leave(
            employee_id="E1",
            start=START + timedelta(days=2),
            end=START + timedelta(days=3),
            type=LeaveType.ANNUAL,
        ),
    )
    team = tiny_team(days=4, rules=soft("fairness", 2, measure="nights"), leave=leave)
    e1 = {**work("E1", range(2), "N"), **{("E1", i, c): 0 for i in (2, 3) for c in "MEN"}}
    assert run_rule(team, "fairness", {**e1, **work("E2", range(4), "N")})[1] == 0
    # E2 with 3 nights in 4 days is 1 night short of E1's pro-rata 4: weight 2 x 1
    three = {**work("E2", range(3), "N"), **{("E2", 3, c): 0 for c in "MEN"}}
    assert run_rule(team, "fairness", {**e1, **three})[1] == 2
    # a half day of leave counts half a day: E1 present 3.5 of 4 days, 3 nights -> 3.43 vs 4 (rounded up: 1)
    half = (
        Leave(
            employee_id="E1",
            start=START + timedelta(days=3),
            end=START + timedelta(days=3),
            half_day=HalfDay.AM,
            type=LeaveType.ANNUAL,
        ),
    )
    team = tiny_team(days=4, rules=soft("fairness", 2, measure="nights"), leave=half)
    e1 = {**work("E1", range(3), "N"), **{("E1", 3, c): 0 for c in "MEN"}}
    assert run_rule(team, "fairness", {**e1, **work("E2", range(4), "N")})[1] == 2


def _requirements(day: date, times: list[tuple[str, int]]) -> tuple[IntervalRequirement, ...]:
    return tuple(
        IntervalRequirement(interval_start=datetime.combine(day, time.fromisoformat(t)), agents_scheduled=n)
        for t, n in times
    )


@rule_test("interval_coverage")
def test_interval_coverage_under_over_and_break():
    reqs = _requirements(START, [("08:00", 2), ("08:30", 2), ("10:00", 0)])
    team = tiny_team(
        days=1, people=3, requirements=reqs, rules=soft("interval_coverage", under_weight=100, over_weight=1)
    )
    forced = {**work("E1", [0]), **off("E2", [0]), **off("E3", [0])}
    assert run_rule(team, "interval_coverage", forced)[1] == 200 + 1  # 1 short twice, 1 over at 10:00
    with_break = (
        ShiftType(code="M", start=time(7, 0), end=time(16, 0), break_minutes=60, break_start=time(12, 0)),
    )
    reqs2 = _requirements(START, [("12:00", 1), ("12:30", 1), ("13:00", 1)])
    team2 = tiny_team(
        days=1, people=1, shifts=with_break, requirements=reqs2, rules=soft("interval_coverage")
    )
    assert run_rule(team2, "interval_coverage", {("E1", 0, "M"): 1})[1] == 200  # on a break 12:00-13:00


@rule_test("shift_demand")
def test_shift_demand_target_and_min():
    demand = (ShiftDemand(shift="M", date=START, target=2, under_weight=10, over_weight=1),)
    team = tiny_team(people=3, demand=demand, rules=soft("shift_demand"))
    forced = {("E1", 0, "M"): 1, ("E2", 0, "M"): 0, ("E3", 0, "M"): 0}
    assert run_rule(team, "shift_demand", forced)[1] == 10
    hard_demand = (ShiftDemand(shift="M", weekday=0, min=2),)
    team_h = tiny_team(people=3, demand=hard_demand, rules=hard("shift_demand"))
    assert run_rule(team_h, "shift_demand", {("E1", 0, "M"): 0, ("E2", 0, "M"): 0})[0] == "infeasible"


@rule_test("skill_cover")
def test_skill_cover_lead_on_every_shift_and_window():
    people = (Employee(id="E1", skills=frozenset({"lead"})), Employee(id="E2"))
    cover = (SkillCover(skill="lead", min_people=1, hard=False, weight=9),)
    team = tiny_team(employees=people, skill_cover=cover)
    assert run_rule(team, "skill_cover", {**off("E1", [0]), ("E2", 0, "M"): 1})[1] == 9
    window = (SkillCover(skill="lead", min_people=1, window_start=time(9), window_end=time(10)),)
    team_w = tiny_team(days=1, employees=people, skill_cover=window)
    assert run_rule(team_w, "skill_cover", off("E1", [0]))[0] == "infeasible"
    assert run_rule(team_w, "skill_cover", {})[0] == "ok"


@pytest.mark.parametrize("rule", sorted(CATALOGUE))
def test_every_rule_is_built_checked_and_tested(rule):
    assert rule in REGISTRY, f"rule {rule} has no model function in rosterkit.solver.rules.REGISTRY"
    assert rule in CHECKS, f"rule {rule} has no recount in rosterkit.solver.check.CHECKS"
    assert rule in TESTED_RULES, f"rule {rule} has no test of its own in tests/solver/test_roster_rules.py"


def test_shift_demand_weekday_rows_follow_the_chinese_calendar():
    """In October 2026, Monday 10-05 is a day off in lieu (runs like a Sunday) and Saturday 10-10 a
    make-up working day (runs like a Friday)."""
    from rosterkit.solver.facts import Facts

    demand = (
        ShiftDemand(shift="M", weekday=0, target=3),
        ShiftDemand(shift="M", weekday=4, target=2),
        ShiftDemand(shift="M", weekday=6, target=1),
        ShiftDemand(shift="M", weekday=5, target=5),
    )
    team = tiny_team(days=14, people=3, demand=demand).model_copy(
        update={"start": date(2026, 10, 1), "end": date(2026, 10, 14), "country": "CN"}
    )
    f = Facts(team)
    target = {d: row.target for i, d in enumerate(f.days) if (row := f.demand_row(i, "M")) is not None}
    assert target[date(2026, 10, 5)] == 1  # Monday off in lieu: Sunday's row
    assert target[date(2026, 10, 10)] == 2  # make-up Saturday: Friday's row
    assert target[date(2026, 10, 12)] == 3  # an ordinary Monday
    assert target[date(2026, 10, 11)] == 1  # an ordinary Sunday
