"""The TOML twin of the team workbook: round trip and located errors."""

from __future__ import annotations

from datetime import date, time

import pytest

from rosterkit.errors import InputError
from rosterkit.io.team import read_team, write_team_toml
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


def small_team() -> Team:
    return Team(
        name="演示",
        start=date(2026, 10, 1),
        end=date(2026, 10, 31),
        employees=(
            Employee(
                id="E1", name="张三", skills=frozenset({"班长"}), max_shifts={"N": 8}, min_work_minutes=9000
            ),
            Employee(id="E2", forbidden_shifts=frozenset({"N"}), max_consecutive_days=5),
        ),
        shifts=(
            ShiftType(code="D", start=time(9), end=time(17, 30), break_minutes=30, color="FFEEAA"),
            ShiftType(code="N", name="夜班", start=time(23), end=time(7, 30), break_minutes=30),
        ),
        successions=(Succession(first="N", second="D"),),
        rules=(
            RuleSetting(rule="max_consecutive_days", params={"days": 5}),
            RuleSetting(
                rule="max_consecutive_shift", hard=False, weight=10, params={"shift": "N", "days": 3}
            ),
        ),
        leave=(
            Leave(
                employee_id="E1",
                start=date(2026, 10, 5),
                end=date(2026, 10, 5),
                type=LeaveType.PERSONAL,
                half_day=HalfDay.AM,
                approved_by=Approver.TEAM_LEAD,
            ),
        ),
        requests=(Request(employee_id="E2", date=date(2026, 10, 9), kind=RequestKind.SHIFT_OFF, weight=3),),
        pinned=(Assignment(employee_id="E2", date=date(2026, 10, 2), shift=None),),
        history=(Assignment(employee_id="E2", date=date(2026, 9, 30), shift="N"),),
        demand=(ShiftDemand(shift="N", min=1, target=1), ShiftDemand(shift="D", weekday=5, min=1)),
        skill_cover=(
            SkillCover(skill="班长", min_people=1, shift="N", weekdays=frozenset({0, 1})),
            SkillCover(skill="班长", min_people=1, window_start=time(10), window_end=time(12)),
        ),
    )


def test_toml_round_trip(tmp_path):
    team = small_team()
    path = write_team_toml(team, tmp_path / "team.toml")
    assert read_team(path) == team


def _broken(tmp_path, old: str, new: str):
    path = write_team_toml(small_team(), tmp_path / "team.toml")
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_unknown_shift_code_lists_defined_codes(tmp_path):
    path = _broken(tmp_path, 'second = "D"', 'second = "N2"')
    with pytest.raises(InputError) as exc:
        read_team(path)
    msg = str(exc.value)
    assert "[[successions]]" in msg and "column 'second'" in msg
    assert "shift 'N2' is not defined" in msg and "(defined: D, N)" in msg


def test_several_errors_reported_together(tmp_path):
    path = _broken(tmp_path, 'id = "E2"', 'id = "E1"')
    text = path.read_text(encoding="utf-8").replace("end = 2026-10-05", "end = 2026-10-04")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_team(path)
    msg = str(exc.value)
    assert "duplicate employee id 'E1' (already on row 8)" in msg
    assert "leave ends (2026-10-04) before it starts (2026-10-05)" in msg
    assert "Traceback" not in msg and "pydantic" not in msg


def test_unknown_field_and_bad_value_are_located(tmp_path):
    path = _broken(
        tmp_path, "weight = 3", 'weight = 3\nfoo = 1\n[[shifts]]\ncode = "E"\nstart = "25:00"\nend = "08:00"'
    )
    with pytest.raises(InputError) as exc:
        read_team(path)
    msg = str(exc.value)
    assert "column 'foo': unknown field 'foo' (known: employee_id, date, kind, shift, weight)" in msg
    assert "column 'start': '25:00' is not valid" in msg


def test_unknown_rule_lists_known_rules(tmp_path):
    path = _broken(tmp_path, 'rule = "max_consecutive_days"', 'rule = "max_days"')
    with pytest.raises(InputError) as exc:
        read_team(path)
    assert "unknown rule 'max_days' (known rules: interval_coverage," in str(exc.value)


def test_invalid_toml_syntax(tmp_path):
    path = tmp_path / "team.toml"
    path.write_text("name = \n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_team(path)
    assert "team.toml: this is not valid TOML" in str(exc.value)


def test_times_and_dates_as_text_are_accepted(tmp_path):
    path = _broken(tmp_path, "start = 09:00:00", 'start = "9:00"')
    text = path.read_text(encoding="utf-8").replace("date = 2026-10-09", 'date = "2026/10/9"')
    path.write_text(text, encoding="utf-8")
    assert read_team(path) == small_team()
