"""Bad team files through the real CLI (`rosterkit roster TEAM --out DIR`): exit 2, the place, the fix."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from rosterkit.io.team import write_team_toml, write_team_workbook
from rosterkit.io.template import template_team

MONTH = date(2026, 10, 1)


@pytest.fixture
def team_xlsx(tmp_path):
    return write_team_workbook(template_team(MONTH), tmp_path / "team.xlsx")


def _edit(path, sheet: str, cells: dict[str, object]):
    wb = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        wb[sheet][ref] = value
    wb.save(path)
    return path


def _roster(cli, team, tmp_path):
    out = tmp_path / "out"
    result = cli("roster", team, "--out", out, "--time-limit", "5")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "validation error" not in result.output
    assert not (out / "roster.csv").exists()
    return result.stderr


def test_missing_team_file(cli, tmp_path):
    text = _roster(cli, tmp_path / "nope.xlsx", tmp_path)
    assert "nope.xlsx" in text and ("does not exist" in text or "not exist" in text)


def test_unknown_shift_code(cli, team_xlsx, tmp_path):
    _edit(team_xlsx, "Pinned", {"C2": "N2"})
    text = _roster(cli, team_xlsx, tmp_path)
    assert (
        "team.xlsx, sheet 'Pinned', row 2, column 'shift 班次': shift 'N2' is not defined in sheet 'Shifts' "
        "(defined: D, N). Add it there or correct the code." in text
    )


def test_duplicate_employee_id(cli, team_xlsx, tmp_path):
    _edit(team_xlsx, "Employees", {"A3": "E001"})
    text = _roster(cli, team_xlsx, tmp_path)
    assert (
        "sheet 'Employees', row 3, column 'employee_id 工号': duplicate employee id 'E001' (already on row 2)"
        in text
    )
    assert "Give each employee id once" in text


def test_leave_end_before_start(cli, team_xlsx, tmp_path):
    _edit(team_xlsx, "Leave", {"B2": date(2026, 10, 9), "C2": date(2026, 10, 7), "E2": None})
    text = _roster(cli, team_xlsx, tmp_path)
    assert (
        "sheet 'Leave', row 2: leave ends (2026-10-07) before it starts (2026-10-09). Correct this row."
        in text
    )


def test_bad_date_and_time_cells(cli, team_xlsx, tmp_path):
    _edit(team_xlsx, "Pinned", {"B2": "yesterday"})
    _edit(team_xlsx, "Shifts", {"D2": "5pm"})
    text = _roster(cli, team_xlsx, tmp_path)
    assert (
        "sheet 'Pinned', row 2, column 'date 日期': 'yesterday' is not a date. Write the date as YYYY-MM-DD"
        in text
    )
    assert (
        "sheet 'Shifts', row 2, column 'end 结束时间': '5pm' is not a time of day. Write the time as HH:MM"
        in text
    )


def test_unknown_column(cli, team_xlsx, tmp_path):
    _edit(team_xlsx, "Leave", {"H1": "days"})
    text = _roster(cli, team_xlsx, tmp_path)
    assert (
        "sheet 'Leave', row 1, column 'days': unknown column 'days' (known columns: 'employee_id 工号',"
        in text
    )


def test_broken_toml(cli, tmp_path):
    path = write_team_toml(template_team(MONTH), tmp_path / "team.toml")
    path.write_text(path.read_text(encoding="utf-8").replace('code = "N"', 'code = "N N"'), encoding="utf-8")
    text = _roster(cli, path, tmp_path)
    assert "team.toml, sheet '[[shifts]]', row" in text and "column 'code': 'N N' is not valid" in text


def test_not_a_workbook(cli, tmp_path):
    path = tmp_path / "team.xlsx"
    path.write_text("this is not excel", encoding="utf-8")
    text = _roster(cli, path, tmp_path)
    assert "team.xlsx: this file cannot be read as an Excel workbook" in text
