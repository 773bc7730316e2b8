"""The infeasibility diagnosis names leave in the user's language (年假, not the code 'annual')."""

from __future__ import annotations

from datetime import date

import pytest

from rosterkit import labels
from rosterkit.io.template import template_team
from rosterkit.model import Leave, LeaveType
from rosterkit.solver.build import build_model
from rosterkit.solver.explain import describe


@pytest.fixture
def team():
    base = template_team(date(2026, 10, 1))
    extra = Leave(employee_id="E001", start=date(2026, 10, 12), end=date(2026, 10, 14), type=LeaveType.ANNUAL)
    return base.model_copy(update={"leave": (*base.leave, extra)})


def _leave_lines(team) -> list[str]:
    built = build_model(team, explain=True)  # no solve: only the rule instances are needed
    return sorted(describe(team, i) for i in built.instances if i.rule == "leave")


def test_leave_lines_in_chinese(team):
    labels.set_language("zh")
    lines = _leave_lines(team)
    assert len(lines) == 2
    assert any("年假 2026-10-12 至 2026-10-14" in line for line in lines), lines
    assert any("2026-10-05 事假（上午）" in line for line in lines), lines
    assert not any("annual" in line or "personal" in line for line in lines), lines


def test_leave_lines_in_english(team):
    lines = _leave_lines(team)
    assert any("annual leave 2026-10-12 to 2026-10-14" in line for line in lines), lines
    assert any("personal leave on 2026-10-05" in line for line in lines), lines
