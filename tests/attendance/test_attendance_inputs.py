"""The leave file, roster table and employee list readers: title rows, either language, and
errors that name the row and column."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from rosterkit.errors import InputError, InputErrors
from rosterkit.io.employee_list import read_employee_list
from rosterkit.io.leave_file import read_leave
from rosterkit.io.roster_table import read_roster_table
from rosterkit.model.leave import Approver, HalfDay, LeaveType

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _xlsx(path, rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(list(row))
    wb.save(path)
    return path


def test_leave_xlsx_with_title_row_chinese_headers_and_half_days(tmp_path):
    path = _xlsx(
        tmp_path / "leave.xlsx",
        [
            ["2024年3月 请假记录"],
            ["工号", "姓名", "假别", "开始日期", "结束日期", "半天", "审批人"],
            ["E1", "张三", "年假", dt.datetime(2024, 3, 4), dt.datetime(2024, 3, 6), None, "中心经理"],
            [None, "李四", "病假", "2024-03-05", None, "下午", "班长"],
            ["E3", "王五", "personal", "2024/3/7", "2024/3/7", "am", "team_lead"],
        ],
    )
    records = read_leave(path, names={"E2": "李四"})
    assert [(r.employee_id, r.type, r.days, r.half_day, r.approved_by) for r in records] == [
        ("E1", LeaveType.ANNUAL, 3.0, None, Approver.MANAGER),
        ("E2", LeaveType.SICK, 0.5, HalfDay.PM, Approver.TEAM_LEAD),
        ("E3", LeaveType.PERSONAL, 0.5, HalfDay.AM, Approver.TEAM_LEAD),
    ]


def test_leave_by_unknown_name_is_an_error(tmp_path):
    path = _xlsx(tmp_path / "leave.xlsx", [["姓名", "类型", "开始"], ["赵六", "事假", "2024-03-04"]])
    with pytest.raises(
        InputError,
        match=r"leave.xlsx, sheet 'Sheet', row 2, column '姓名': no employee id, and the name '赵六' is not in the employee list",
    ):
        read_leave(path, names={})


def test_leave_errors_are_reported_together(tmp_path):
    path = tmp_path / "leave.csv"
    path.write_text(
        "employee_id,start,type\nE1,2024-03-04,vacation\nE2,2024-03-04,sick leave\n", encoding="utf-8"
    )
    with pytest.raises(InputErrors) as info:
        read_leave(path)
    assert [e.where.row for e in info.value.errors] == [2, 3]


def test_roster_csv_reads_leave_codes_and_overnight_shifts(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(
        "employee_id,date,shift,start,end\n"
        "E1,2024-03-04,N,2024-03-04 22:00,2024-03-05 06:00\n"
        "E1,2024-03-05,休,,\n"
        "E1,2024-03-06,病假,,\n"
        "E1,2024-03-07,annual,,\n",
        encoding="utf-8",
    )
    table = read_roster_table(path)
    assert table["leave_type"].tolist() == ["", "", "sick", "annual"]
    assert table["shift"].tolist() == ["N", "", "病假", "annual"]
    assert table["end"].iloc[0] == dt.datetime(2024, 3, 5, 6, 0)


def test_roster_shift_ending_before_it_starts(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(
        "employee_id,date,shift,start,end\nE1,2024-03-04,N,2024-03-04 22:00,2024-03-04 06:00\n",
        encoding="utf-8",
    )
    with pytest.raises(
        InputError, match=r"row 2, column 'end': the shift ends .* before it starts .* ends on the next date"
    ):
        read_roster_table(path)


def test_employee_list_rejects_an_id_twice(tmp_path):
    path = tmp_path / "employees.csv"
    path.write_text("工号,姓名\n1,张三\n2,李四\n", encoding="utf-8")
    assert read_employee_list(path) == {"1": "张三", "2": "李四"}
    path.write_text("employee_id,name\n1,张三\n1,李四\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 3, column 'employee_id': employee id '1' is listed twice"):
        read_employee_list(path)


@pytest.mark.skipif(not (EXAMPLES / "team.xlsx").exists(), reason="example centre not generated")
def test_example_month_through_the_cli_with_the_team_workbook(cli, tmp_path):
    result = cli(
        "attendance",
        EXAMPLES / "roster-worked.csv",
        EXAMPLES / "punches-zkteco.xlsx",
        EXAMPLES / "punches-dingtalk.xlsx",
        "--leave",
        EXAMPLES / "leave.xlsx",
        "--team",
        EXAMPLES / "team.xlsx",
        "--out",
        tmp_path,
    )
    assert result.exit_code == 0, result.output
    assert re.search(r"read \d+ punch rows from punches-zkteco.xlsx \(zkteco\)", result.stderr)
    assert re.search(r"read \d+ punch rows from punches-dingtalk.xlsx \(dingtalk-raw\)", result.stderr)
    counts = re.search(
        r"(\d+) punch rows: (\d+) matched to shifts, (\d+) outside the roster, (\d+) unmatched", result.stderr
    )
    total, matched, outside, unmatched = map(int, counts.groups())
    assert total == matched + outside + unmatched and matched > 0.95 * total


def test_roster_workbook_gives_the_same_table_as_roster_csv(tmp_path):
    from rosterkit.io.roster_csv import write_roster_csv
    from rosterkit.io.roster_workbook import EmployeeTotals, RosterBook, write_roster_workbook
    from rosterkit.model import Roster, ShiftType

    shifts = [
        ShiftType(code="D", start="09:00", end="18:00"),
        ShiftType(code="N", start="22:00", end="06:00"),
    ]
    days = [dt.date(2024, 3, 4), dt.date(2024, 3, 5)]
    roster = Roster(
        start=days[0],
        end=days[1],
        employee_ids=["E1", "E2"],
        shifts={("E1", days[0]): "D", ("E1", days[1]): "N", ("E2", days[0]): "N"},
        leave={("E2", days[1]): LeaveType.ANNUAL},
    )
    book = RosterBook(
        roster=roster,
        shifts=shifts,
        names={"E1": ("张三", "一组"), "E2": ("李四", "一组")},
        day_kinds=["workday", "workday"],
        totals={e: EmployeeTotals(hours=8, shifts=1, nights=1, weekends=0, holidays=0) for e in ("E1", "E2")},
        counts={"D": [(1, None), (0, None)], "N": [(1, None), (1, None)]},
    )
    write_roster_workbook(tmp_path / "roster.xlsx", book)
    write_roster_csv(tmp_path / "roster.csv", roster, {s.code: s for s in shifts})
    from_xlsx = read_roster_table(tmp_path / "roster.xlsx")
    from_csv = read_roster_table(tmp_path / "roster.csv")
    columns = ["employee_id", "date", "shift", "start", "end", "leave_type"]
    pd.testing.assert_frame_equal(
        from_xlsx[columns].reset_index(drop=True), from_csv[columns].reset_index(drop=True), check_dtype=False
    )
