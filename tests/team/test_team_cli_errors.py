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


# ---- the same errors in Chinese (--lang zh): every part of the message comes from the catalogue ----


def _roster_zh(cli, team, tmp_path, *extra):
    out = tmp_path / "out"
    result = cli("--lang", "zh", "roster", team, "--out", out, "--time-limit", "5", *extra)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not (out / "roster.csv").exists()
    return result.stderr


def test_missing_team_file_in_chinese(cli, tmp_path):
    text = _roster_zh(cli, tmp_path / "nope.xlsx", tmp_path)
    assert text.startswith("错误：文件 nope.xlsx：团队文件不存在。请检查路径")


def test_unknown_shift_code_and_bad_date_in_chinese(cli, team_xlsx, tmp_path):
    _edit(team_xlsx, "Pinned", {"C2": "N2", "B3": "yesterday"})
    text = _roster_zh(cli, team_xlsx, tmp_path)
    assert (
        "文件 team.xlsx，工作表 'Pinned'，第 2 行，列 'shift 班次'：班次 'N2' 未在工作表 'Shifts' 中定义"
        "（已定义：D, N）。请在该表中添加，或更正班次代码。" in text
    )
    assert (
        "文件 team.xlsx，工作表 'Pinned'，第 3 行，列 'date 日期'：'yesterday' 不是日期。日期请写作" in text
    )


def test_bad_month_option_in_chinese(cli, team_xlsx, tmp_path):
    text = _roster_zh(cli, team_xlsx, tmp_path, "--month", "2026-13")
    assert "列 '--month'：--month '2026-13' 不是月份。请写作 YYYY-MM，如 2026-03。" in text


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            "E001,2026-10-01,D\nE001,2026-13-02,N\n",
            "文件 roster.csv，第 3 行，列 'date'：日期 '2026-13-02' 不是有效日期。日期请写作 YYYY-MM-DD。",
        ),
        (
            "E001,2026-10-01,X\n",
            "文件 roster.csv，第 2 行，列 'shift'：班次 'X' 未定义（已定义：D, N）。请填写团队的班次代码或请假代码",
        ),
        ("E001,2026-10-01,D\nE777,2026-10-02,D\n", "文件 roster.csv：排班表中的员工 E777 不在团队中。"),
    ],
)
def test_bad_roster_for_check_in_chinese(cli, team_xlsx, tmp_path, rows, expected):
    roster = tmp_path / "roster.csv"
    roster.write_text("employee_id,date,shift\n" + rows, encoding="utf-8")
    result = cli("--lang", "zh", "check", roster, team_xlsx)
    assert result.exit_code == 2, result.output
    assert expected in result.stderr
    assert "Traceback" not in result.output


def test_leave_end_before_start_in_chinese(cli, team_xlsx, tmp_path):
    # the reason comes from the Leave model's validator, through the catalogue too
    _edit(team_xlsx, "Leave", {"B2": date(2026, 10, 9), "C2": date(2026, 10, 7), "E2": None})
    text = _roster_zh(cli, team_xlsx, tmp_path)
    assert "工作表 'Leave'，第 2 行：请假结束日期（2026-10-07）早于开始日期（2026-10-09）" in text
