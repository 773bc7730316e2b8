"""The fillable team workbook that ``rosterkit template`` writes.

An empty team workbook is the real workbook layout (``team_workbook_write``) holding one example row
per sheet, so the user sees what each column takes; its dropdowns, README sheet and frozen headers
come with it. ``--example`` writes the whole example centre instead (``example_centre``).
"""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

from rosterkit.io.team import write_team
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


def next_month(today: date | None = None) -> date:
    today = today or date.today()
    return date(today.year + today.month // 12, today.month % 12 + 1, 1)


def month_end(first: date) -> date:
    return next_month(first) - timedelta(days=1)


def template_team(month: date) -> Team:
    """One example row per sheet, for the month starting at ``month`` (the first of a month)."""
    start, end = month, month_end(month)
    return Team(
        name="示例班组 Example team",
        start=start,
        end=end,
        employees=(
            Employee(
                id="E001",
                name="张三",
                team="一组",
                skills=frozenset({"班长", "投诉"}),
                forbidden_shifts=frozenset(),
                min_work_minutes=152 * 60,
                max_work_minutes=184 * 60,
                max_consecutive_days=6,
                max_weekends=3,
                max_shifts={"N": 8},
            ),
        ),
        shifts=(
            ShiftType(
                code="D", name="白班", start=time(9), end=time(17, 30), break_minutes=30, color="FFF2CC"
            ),
            ShiftType(
                code="N", name="夜班", start=time(23), end=time(7, 30), break_minutes=30, break_start=time(3)
            ),
        ),
        successions=(Succession(first="N", second="D"),),
        rules=(RuleSetting(rule="max_consecutive_days", hard=True, weight=20, params={"days": 6}),),
        leave=(
            Leave(
                employee_id="E001",
                start=start + timedelta(days=4),
                end=start + timedelta(days=4),
                type=LeaveType.PERSONAL,
                half_day=HalfDay.AM,
                approved_by=Approver.TEAM_LEAD,
            ),
        ),
        requests=(
            Request(employee_id="E001", date=start + timedelta(days=9), kind=RequestKind.SHIFT_OFF, weight=5),
        ),
        pinned=(Assignment(employee_id="E001", date=start + timedelta(days=1), shift="D"),),
        history=(Assignment(employee_id="E001", date=start - timedelta(days=1), shift="N"),),
        demand=(ShiftDemand(shift="N", min=1, target=2, max=4),),
        skill_cover=(SkillCover(skill="班长", min_people=1, shift="N"),),
    )


def write_template(path: Path, *, example: bool = False, month: date | None = None) -> Path:
    """Write the fillable template (or, with ``example``, the example centre) to ``path``."""
    if example:
        from rosterkit.io.example_centre import example_team

        team = example_team()
    else:
        team = template_team(month or next_month())
    return write_team(team, path)
