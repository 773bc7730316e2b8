"""Seeded generator of call-centre teams for tests, benchmarks and demos (never typed by hand).

    team = sample_centre(agents=60, start=date(2026, 3, 1), days=31, seed=1)

A 24/7 centre: morning, day, evening, late and night shifts with breaks, an interval requirement
curve with a morning and an afternoon peak (weekends lighter, nights thin), team leads (skill
``lead``) of whom one is on every staffed shift, some staff who may not work nights, a few days of
leave and requests, contract hours of the standard month (综合工时) as a soft rule.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, time, timedelta

from rosterkit.model import (
    Employee,
    IntervalRequirement,
    Leave,
    LeaveType,
    Request,
    RequestKind,
    RuleSetting,
    ShiftType,
    SkillCover,
    Team,
)

SHIFTS = (
    ShiftType(code="M", name="Morning", start=time(7, 0), end=time(16, 0), break_minutes=60),
    ShiftType(code="D", name="Day", start=time(9, 0), end=time(18, 0), break_minutes=60),
    ShiftType(code="E", name="Evening", start=time(13, 0), end=time(22, 0), break_minutes=60),
    ShiftType(code="N", name="Night", start=time(22, 0), end=time(7, 0), break_minutes=60),
)


def _profile(t: datetime) -> float:
    """Relative call load at a time of day (0..1): two daytime peaks, thin nights."""
    h = t.hour + t.minute / 60
    day = math.exp(-((h - 10.5) ** 2) / 6) + 0.85 * math.exp(-((h - 15.5) ** 2) / 7)
    return max(0.08, min(1.0, day))


def sample_requirements(
    start: date, days: int, peak: int, interval_minutes: int = 30, seed: int = 0
) -> list[IntervalRequirement]:
    rng = random.Random(seed)
    out = []
    t = datetime.combine(start, time(0, 0))
    end = t + timedelta(days=days)
    while t < end:
        factor = 0.7 if t.weekday() >= 5 else 1.0
        need = round(peak * factor * _profile(t) * rng.uniform(0.93, 1.07))
        out.append(IntervalRequirement(interval_start=t, agents_scheduled=max(1, need)))
        t += timedelta(minutes=interval_minutes)
    return out


def sample_centre(
    agents: int = 60,
    start: date = date(2026, 3, 1),
    days: int = 31,
    seed: int = 0,
    interval_minutes: int = 30,
    leads: int | None = None,
) -> Team:
    rng = random.Random(seed)
    leads = max(3, agents // 10) if leads is None else leads
    employees = []
    for k in range(agents):
        skills = frozenset({"lead"}) if k < leads else frozenset()
        forbidden = frozenset({"N"}) if k >= leads and rng.random() < 0.1 else frozenset()
        employees.append(
            Employee(
                id=f"A{k + 1:03d}",
                name=f"Agent {k + 1}",
                team=f"T{k % 3 + 1}",
                skills=skills,
                forbidden_shifts=forbidden,
            )
        )
    end = start + timedelta(days=days - 1)
    leave, requests = [], []
    for e in rng.sample(employees, max(1, agents // 12)):
        d0 = start + timedelta(days=rng.randrange(max(1, days - 3)))
        leave.append(
            Leave(
                employee_id=e.id, start=d0, end=d0 + timedelta(days=rng.randrange(3)), type=LeaveType.ANNUAL
            )
        )
    for e in rng.sample(employees, max(1, agents // 4)):
        d = start + timedelta(days=rng.randrange(days))
        requests.append(
            Request(employee_id=e.id, date=d, kind=RequestKind.SHIFT_OFF, weight=rng.choice([2, 5, 10]))
        )
    # capacity: each agent ~ 21.75/30.4 of days at 8 paid hours; the peak is sized to about 85 % of it
    paid_hours = agents * days * 21.75 / 30.4 * 8 * 0.85
    mean_profile = sum(_profile(datetime(2000, 1, 1) + timedelta(minutes=m)) for m in range(0, 1440, 30)) / 48
    peak = max(2, round(paid_hours / (days * 24 * mean_profile * 0.93)))
    rules = (
        RuleSetting(
            rule="work_hours", hard=False, weight=2, params={"min_hours": "standard", "max_hours": 0}
        ),
        RuleSetting(rule="min_consecutive_days_off", hard=False, weight=5, params={"days": 2}),
        RuleSetting(rule="max_consecutive_shift", hard=True, params={"shift": "N", "days": 4}),
    )
    return Team(
        name=f"Sample centre ({agents} agents)",
        start=start,
        end=end,
        interval_minutes=interval_minutes,
        employees=tuple(employees),
        shifts=SHIFTS,
        rules=rules,
        leave=tuple(leave),
        requests=tuple(requests),
        skill_cover=(SkillCover(skill="lead", min_people=1, hard=False, weight=50),),
        requirements=tuple(sample_requirements(start, days, peak, interval_minutes, seed)),
    )
