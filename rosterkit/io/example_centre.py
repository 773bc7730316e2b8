"""The example centre: a seeded, realistic mid-size call centre for October 2026.

60 agents in three teams (一组, 二组, 三组), each with three team leads (skill 班长); complaint handlers
(投诉) and outbound callers (外呼); 24/7 with five 8-hour shifts, the night shift N crossing midnight;
contract hours over the month; leave (one of it a half day), requests, pinned days, the last seven
days of September as history, per-shift minimums and skill cover. October 2026 holds the National
Day holidays (10-01..10-03 statutory, bridging days off to 10-07) and a 调休 make-up Saturday 10-10.

``example_team()`` is the team (what ``rosterkit template --example`` writes and what
``examples/generate.py`` saves as examples/team.xlsx). ``rotation_roster()`` is a simple, plausible
rotation roster of the same people (five days on, two off, a different shift each week, nights
followed by days off) that the example month's punches were generated from, and whose last
September week is the team's history. It is not the solver's roster.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from rosterkit.model import (
    Approver,
    Assignment,
    Employee,
    HalfDay,
    Leave,
    LeaveType,
    Request,
    RequestKind,
    RuleSetting,
    ShiftDemand,
    ShiftType,
    SkillCover,
    Succession,
    Team,
)

START = date(2026, 10, 1)
END = date(2026, 10, 31)
HISTORY_DAYS = 7
ROTATION_BASE = START - timedelta(days=HISTORY_DAYS)
TEAMS = ("一组", "二组", "三组")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅燕琳雪晨宇浩然欣怡子涵佳琪俊杰婷婷思远嘉怡"

SHIFTS = (
    ShiftType(
        code="A",
        name="早班",
        start=time(7),
        end=time(15, 30),
        break_minutes=30,
        break_start=time(11),
        color="C6EFCE",
    ),
    ShiftType(
        code="D",
        name="白班",
        start=time(9),
        end=time(18),
        break_minutes=60,
        break_start=time(12),
        color="FFF2CC",
    ),
    ShiftType(
        code="P",
        name="中班",
        start=time(12),
        end=time(20, 30),
        break_minutes=30,
        break_start=time(17),
        color="FCE4D6",
    ),
    ShiftType(
        code="E",
        name="晚班",
        start=time(15),
        end=time(23, 30),
        break_minutes=30,
        break_start=time(19),
        color="DDEBF7",
    ),
    ShiftType(
        code="N",
        name="夜班",
        start=time(23),
        end=time(7, 30),
        break_minutes=30,
        break_start=time(3),
        color="BDD7EE",
    ),
)
ROTATION = ("A", "D", "P", "E", "A", "D", "P", "E", "N")  # one shift type per week, in this order
DAY_ROTATION = ("A", "D", "P", "E")
PART_TIME_ROTATION = ("D", "P")


def employee_ids() -> list[str]:
    return [str(1001 + i) for i in range(60)]


def _names(rng: random.Random, n: int) -> list[str]:
    names: list[str] = []
    while len(names) < n:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        if name not in names:
            names.append(name)
    return names


def _employees(rng: random.Random) -> tuple[Employee, ...]:
    names = _names(rng, 60)
    out = []
    for i, emp_id in enumerate(employee_ids()):
        team, k = TEAMS[i // 20], i % 20
        skills = set()
        if k < 3:
            skills.add("班长")
        if k in (1, 3, 4, 5):
            skills.add("投诉")
        if k in (6, 7, 8, 9):
            skills.add("外呼")
        fields: dict = {
            "id": emp_id,
            "name": names[i],
            "team": team,
            "skills": frozenset(skills),
            "min_work_minutes": 152 * 60,
            "max_work_minutes": 184 * 60,
        }
        if emp_id in ("1015", "1033"):  # pregnant / nursing: no nights
            fields["forbidden_shifts"] = frozenset({"N"})
        if k >= 18:  # part-timers: day shifts only, fewer hours
            fields.update(
                allowed_shifts=frozenset({"D", "P"}), min_work_minutes=80 * 60, max_work_minutes=120 * 60
            )
        if emp_id in ("1008", "1029", "1047"):  # family reasons: few nights
            fields.update(max_shifts={"N": 4})
        out.append(Employee(**fields))
    return tuple(out)


def _leave() -> tuple[Leave, ...]:
    d = date
    return (
        Leave(employee_id="1004", start=d(2026, 10, 12), end=d(2026, 10, 14), type=LeaveType.ANNUAL,
              approved_by=Approver.MANAGER),
        Leave(employee_id="1009", start=d(2026, 10, 5), end=d(2026, 10, 7), type=LeaveType.BEREAVEMENT,
              approved_by=Approver.MANAGER),
        Leave(employee_id="1017", start=d(2026, 10, 20), end=d(2026, 10, 21), type=LeaveType.SICK,
              approved_by=Approver.MANAGER),
        Leave(employee_id="1025", start=d(2026, 10, 15), end=d(2026, 10, 15), type=LeaveType.PERSONAL,
              half_day=HalfDay.AM, approved_by=Approver.TEAM_LEAD, note="上午办事"),
        Leave(employee_id="1038", start=d(2026, 10, 19), end=d(2026, 10, 23), type=LeaveType.MARRIAGE,
              approved_by=Approver.MANAGER),
        Leave(employee_id="1046", start=d(2026, 10, 26), end=d(2026, 10, 26), type=LeaveType.COMPENSATORY,
              approved_by=Approver.MANAGER),
        Leave(employee_id="1052", start=d(2026, 10, 29), end=d(2026, 10, 29), type=LeaveType.PERSONAL,
              half_day=HalfDay.PM, approved_by=Approver.TEAM_LEAD),
    )  # fmt: skip


def _requests() -> tuple[Request, ...]:
    rows = [
        ("1002", 17, "off", None, 5),
        ("1007", 2, "off", None, 3),
        ("1011", 24, "off", None, 5),
        ("1023", 12, "on", "D", 2),
        ("1030", 1, "off", "N", 3),
        ("1036", 22, "on", "E", 2),
        ("1041", 30, "off", None, 4),
        ("1044", 31, "off", None, 5),
        ("1050", 9, "on", "A", 2),
        ("1056", 18, "off", None, 3),
    ]
    return tuple(
        Request(employee_id=e, date=date(2026, 10, day), kind=RequestKind(kind), shift=shift, weight=w)
        for e, day, kind, shift, w in rows
    )


def _rules() -> tuple[RuleSetting, ...]:
    return (
        RuleSetting(
            rule="interval_coverage", hard=False, weight=1, params={"under_weight": 100, "over_weight": 1}
        ),
        RuleSetting(rule="shift_demand", hard=False, weight=1),
        RuleSetting(rule="skill_cover", hard=True, weight=1),
        RuleSetting(rule="min_rest", hard=True, weight=50, params={"hours": 11}),
        RuleSetting(rule="shift_succession", hard=True, weight=1),
        RuleSetting(rule="max_consecutive_days", hard=True, weight=20, params={"days": 6}),
        RuleSetting(rule="weekly_rest", hard=True, weight=1, params={"window_days": 7, "min_days_off": 1}),
        RuleSetting(rule="min_consecutive_days_off", hard=False, weight=10, params={"days": 2}),
        RuleSetting(rule="max_consecutive_shift", hard=False, weight=10, params={"shift": "N", "days": 4}),
        RuleSetting(rule="min_consecutive_shift", hard=False, weight=10, params={"shift": "N", "days": 2}),
        RuleSetting(rule="max_shifts_per_type", hard=True, weight=1, params={"shift": "N", "max": 8}),
        # contract hours: soft, 20 per hour short or over (a shift short costs 160)
        RuleSetting(rule="work_hours", hard=False, weight=20),
        RuleSetting(rule="requests", hard=False, weight=1),
        RuleSetting(rule="fairness", hard=False, weight=5, params={"measure": "nights"}),
        RuleSetting(rule="fairness", hard=False, weight=3, params={"measure": "weekends"}),
        RuleSetting(rule="fairness", hard=False, weight=5, params={"measure": "holidays"}),
    )


def _demand() -> tuple[ShiftDemand, ...]:
    return (
        ShiftDemand(shift="A", min=4, target=6, under_weight=50, over_weight=1),
        ShiftDemand(shift="D", min=4, target=8, under_weight=50, over_weight=1),
        ShiftDemand(shift="P", min=3, target=6, under_weight=50, over_weight=1),
        ShiftDemand(shift="E", min=4, target=6, under_weight=50, over_weight=1),
        ShiftDemand(shift="N", min=3, target=4, max=7, under_weight=50, over_weight=5),
    )


def _skill_cover() -> tuple[SkillCover, ...]:
    weekdays = frozenset(range(5))
    return (
        # a team lead on the early, late and night shift: strongly wanted (soft, high weight), so that
        # a month with too few leads still gets a roster that shows the gaps
        SkillCover(skill="班长", min_people=1, shift="A", hard=False, weight=300),
        SkillCover(skill="班长", min_people=1, shift="E", hard=False, weight=300),
        SkillCover(skill="班长", min_people=1, shift="N", hard=False, weight=300),
        SkillCover(skill="投诉", min_people=1, shift="D", hard=False, weight=50),
        SkillCover(skill="投诉", min_people=1, shift="P", hard=False, weight=50),
        SkillCover(
            skill="外呼", min_people=2, window_start=time(10), window_end=time(12), weekdays=weekdays, hard=False,
            weight=20,
        ),
    )  # fmt: skip


def rotation_roster(team: Team | None = None) -> dict[tuple[str, date], str]:
    """A plausible rotation roster from 7 days before the horizon to its end: (employee, day) → shift.

    Five days on and two off, each person's week starting on a staggered weekday; one shift type per
    week following ``ROTATION`` (day shifts only for those who may not work nights; D/P three days a
    week for part-timers); pinned days as pinned, and no shift on a leave day.
    """
    team = team or example_team()
    leave = {(lv.employee_id, d) for lv in team.leave if lv.half_day is None for d in _days(lv.start, lv.end)}
    pinned = {(a.employee_id, a.date): a.shift for a in team.pinned}
    out: dict[tuple[str, date], str] = {}
    for i, emp in enumerate(team.employees):
        if emp.allowed_shifts:
            cycle, on_days = PART_TIME_ROTATION, 3
        elif "N" in emp.forbidden_shifts:
            cycle, on_days = DAY_ROTATION, 5
        else:
            cycle, on_days = ROTATION, 5
        for day in _days(ROTATION_BASE, team.end):
            k = (day - ROTATION_BASE).days + i % 7
            shift = cycle[(k // 7 + i) % len(cycle)] if k % 7 < on_days else None
            if (emp.id, day) in pinned:
                shift = pinned[(emp.id, day)]
            if (emp.id, day) in leave:
                shift = None
            if shift:
                out[(emp.id, day)] = shift
    return out


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def example_team(seed: int = 2026) -> Team:
    """The example centre's team for October 2026 (deterministic for a given seed)."""
    rng = random.Random(seed)
    base = Team(
        name="示例呼叫中心 Example call centre",
        start=START,
        end=END,
        country="CN",
        interval_minutes=30,
        employees=_employees(rng),
        shifts=SHIFTS,
        successions=tuple(Succession(first="N", second=s) for s in ("A", "D", "P", "E")),
        rules=_rules(),
        leave=_leave(),
        requests=_requests(),
        pinned=(
            Assignment(employee_id="1005", date=date(2026, 10, 15), shift="D"),  # training day 培训
            Assignment(employee_id="1049", date=date(2026, 10, 15), shift="D"),
            Assignment(employee_id="1027", date=date(2026, 10, 16), shift=None),
        ),
        demand=_demand(),
        skill_cover=_skill_cover(),
    )
    roster = rotation_roster(base)
    history = tuple(
        Assignment(employee_id=emp.id, date=day, shift=roster.get((emp.id, day)))
        for emp in base.employees
        for day in _days(ROTATION_BASE, START - timedelta(days=1))
    )
    return base.model_copy(update={"history": history})
