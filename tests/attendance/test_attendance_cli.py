"""`rosterkit attendance` driven through the real CLI: outputs, and every user-reachable error
(exit 2 with the file, row, column and a fix)."""

from __future__ import annotations

import csv

import pytest
from openpyxl import Workbook, load_workbook

from rosterkit.model.columns import DAILY_COLUMNS

ROSTER = [
    ("E1", "2024-03-04", "D", "2024-03-04 09:00", "2024-03-04 18:00"),
    ("E1", "2024-03-05", "N", "2024-03-05 22:00", "2024-03-06 06:00"),
    ("E2", "2024-03-04", "D", "2024-03-04 09:00", "2024-03-04 18:00"),
    ("E2", "2024-03-05", "年假", "", ""),
]


def _csv(path, header, rows, encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def files(tmp_path):
    roster = _csv(tmp_path / "roster.csv", ["employee_id", "date", "shift", "start", "end"], ROSTER)
    punches = _csv(
        tmp_path / "punches.csv",
        ["employee_id", "timestamp"],
        [
            ("E1", "2024-03-04 09:07"),
            ("E1", "2024-03-04 18:00"),
            ("E1", "2024-03-05 21:55"),
            ("E1", "2024-03-06 06:02"),
            ("E9", "2024-03-04 09:00"),
        ],
    )
    wb = Workbook()
    ws = wb.active
    ws.append(["员工打卡导出"])
    ws.append(["部门", "姓名", "登记号码", "日期时间", "机器号", "编号", "比对方式", "卡号"])
    ws.append(["客服部", "李四", 77, "2024-03-04 08:55", 1, 1, "指纹", ""])
    ws.append(["客服部", "李四", 77, "2024-03-04 18:01", 1, 2, "指纹", ""])
    wb.save(tmp_path / "zk.xlsx")
    employees = _csv(tmp_path / "employees.csv", ["工号", "姓名"], [("E1", "张三"), ("E2", "李四")])
    leave = _csv(
        tmp_path / "leave.csv",
        ["工号", "开始", "结束", "类型", "半天", "审批人"],
        [("E2", "2024-03-05", "2024-03-05", "年假", "", "班长")],
    )
    return {
        "dir": tmp_path,
        "roster": roster,
        "punches": punches,
        "zk": tmp_path / "zk.xlsx",
        "employees": employees,
        "leave": leave,
    }


def test_attendance_writes_workbook_and_daily_csv(cli, files):
    out = files["dir"] / "out"
    result = cli(
        "attendance",
        files["roster"],
        files["punches"],
        files["zk"],
        "--leave",
        files["leave"],
        "--employees",
        files["employees"],
        "--out",
        out,
    )
    assert result.exit_code == 0, result.output
    assert "7 punch rows: 6 matched to shifts, 0 outside the roster, 1 unmatched" in result.stderr
    with open(out / "daily.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == DAILY_COLUMNS
    by_day = {(r["employee_id"], r["date"]): r for r in rows}
    assert by_day[("E1", "2024-03-04")]["status"] == "late"
    assert by_day[("E1", "2024-03-04")]["late_minutes"] == "7"
    assert by_day[("E1", "2024-03-05")]["punches"] == "21:55;06:02+1"
    assert by_day[("E2", "2024-03-04")]["punches"] == "08:55;18:01"  # matched by name from the ZKTeco export
    assert by_day[("E2", "2024-03-05")]["leave_type"] == "annual"
    wb = load_workbook(out / "attendance.xlsx", read_only=True)
    assert wb.sheetnames == [
        "Monthly summary",
        "Daily",
        "Exceptions",
        "Punch accounting",
        "Punches not on a shift",
        "Rules",
    ]
    accounting = [r for r in wb["Punch accounting"].iter_rows(values_only=True) if r and r[0]]
    assert ("matched + outside the roster + unmatched", "6 + 0 + 1", 7) in [r[:3] for r in accounting]
    assert ("unmatched", None, 1, 0) in accounting
    exceptions = [r[3] for r in wb["Exceptions"].iter_rows(min_row=2, values_only=True)]
    assert "leave without an approver" not in exceptions
    assert "punches that could not be attributed" in exceptions


def test_chinese_labels(cli, files):
    out = files["dir"] / "out"
    result = cli("--lang", "zh", "attendance", files["roster"], files["punches"], "--out", out)
    assert result.exit_code == 0, result.output
    wb = load_workbook(out / "attendance.xlsx", read_only=True)
    assert wb.sheetnames[0] == "月度汇总"
    header = next(wb["月度汇总"].iter_rows(values_only=True))
    assert {"应出勤天数", "实际出勤天数", "迟到次数", "早退分钟", "缺卡次数", "旷工天数", "年假(天)"} <= set(
        header
    )


def test_unknown_punch_format(cli, files):
    bad = _csv(files["dir"] / "odd.csv", ["who", "when"], [("E1", "2024-03-04 09:00")])
    result = cli("attendance", files["roster"], bad, "--out", files["dir"] / "out")
    assert result.exit_code == 2
    assert "odd.csv: unknown punch format" in result.stderr
    assert "Known formats: zkteco" not in result.stderr  # the list starts with the first format
    assert "zkteco (ZKTeco attendance machine" in result.stderr and "wecom" in result.stderr


def test_punch_file_missing_a_column_says_which(cli, files):
    bad = _csv(files["dir"] / "p.csv", ["employee_id", "when"], [("E1", "2024-03-04 09:00")])
    result = cli("attendance", files["roster"], bad, "--out", files["dir"] / "out")
    assert result.exit_code == 2
    assert "Closest: csv, missing column 'timestamp/打卡时间/日期时间'" in result.stderr


def test_bad_timestamp_at_row(cli, files):
    bad = _csv(
        files["dir"] / "p.csv",
        ["employee_id", "timestamp"],
        [("E1", "2024-03-04 09:00"), ("E1", "32/13/2024 25:00")],
    )
    result = cli("attendance", files["roster"], bad, "--out", files["dir"] / "out")
    assert result.exit_code == 2
    assert "p.csv, row 3, column 'timestamp': cannot read '32/13/2024 25:00' as a timestamp" in result.stderr
    assert not (files["dir"] / "out" / "daily.csv").exists()


def test_roster_missing_column(cli, files):
    roster = _csv(
        files["dir"] / "r.csv",
        ["employee_id", "date", "shift", "start"],
        [("E1", "2024-03-04", "D", "2024-03-04 09:00")],
    )
    result = cli("attendance", roster, files["punches"], "--out", files["dir"] / "out")
    assert result.exit_code == 2
    assert "r.csv: this roster has no header row with the column(s) 'end'" in result.stderr


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "r.csv, row 2, column 'start': shift 'X' has no start time, and it is not a leave code"),
        (
            "zh",
            "文件 r.csv，第 2 行，列 'start'：班次 'X' 没有开始时间，也不是请假代码。请填写班次的开始和结束时间",
        ),
    ],
)
def test_roster_shift_without_times(cli, files, lang, expected):
    roster = _csv(
        files["dir"] / "r.csv",
        ["employee_id", "date", "shift", "start", "end"],
        [("E1", "2024-03-04", "X", "", "")],
    )
    result = cli("--lang", lang, "attendance", roster, files["punches"], "--out", files["dir"] / "out")
    assert result.exit_code == 2
    assert expected in result.stderr


def test_unknown_leave_type(cli, files):
    leave = _csv(
        files["dir"] / "l.csv",
        ["employee_id", "start", "end", "type"],
        [("E1", "2024-03-04", "2024-03-04", "holiday")],
    )
    result = cli(
        "attendance", files["roster"], files["punches"], "--leave", leave, "--out", files["dir"] / "out"
    )
    assert result.exit_code == 2
    assert (
        "l.csv, row 2, column 'type': unknown leave type 'holiday'. Use one of: personal (事假)"
        in result.stderr
    )


def test_leave_errors_are_collected(cli, files):
    leave = _csv(
        files["dir"] / "l.csv",
        ["工号", "开始", "结束", "类型", "半天", "审批人"],
        [
            ("E1", "2024-03-04", "2024-03-04", "年假", "evening", ""),
            ("E1", "2024-03-05", "2024-03-04", "病假", "", ""),
            ("E1", "2024-03-04", "", "事假", "", "boss"),
        ],
    )
    result = cli(
        "attendance", files["roster"], files["punches"], "--leave", leave, "--out", files["dir"] / "out"
    )
    assert result.exit_code == 2
    assert "row 2, column '半天': unknown half day 'evening'" in result.stderr
    assert "row 3, column '结束': leave ends (2024-03-04) before it starts (2024-03-05)" in result.stderr
    assert "row 4, column '审批人': unknown approver 'boss'" in result.stderr


def test_bad_rule_option_and_settings_file(cli, files):
    result = cli(
        "attendance", files["roster"], files["punches"], "--late-grace", "-1", "--out", files["dir"] / "out"
    )
    assert result.exit_code == 2
    assert "late_grace_minutes: Input should be greater than or equal to 0" in result.stderr
    result = cli(
        "attendance", files["roster"], files["punches"], "--late-grace", "60", "--out", files["dir"] / "out"
    )
    assert result.exit_code == 2
    assert "settings: serious_late_minutes must be greater than late_grace_minutes." in result.stderr
    settings = files["dir"] / "rules.toml"
    settings.write_text("[attendance]\nlate_grace = 5\n", encoding="utf-8")
    result = cli(
        "attendance", files["roster"], files["punches"], "--settings", settings, "--out", files["dir"] / "out"
    )
    assert result.exit_code == 2
    assert "rules.toml: late_grace: Extra inputs are not permitted" in result.stderr
    assert "Known settings: window_before_start_minutes" in result.stderr


def test_settings_file_is_used(cli, files):
    settings = files["dir"] / "rules.toml"
    settings.write_text("late_grace_minutes = 10\n", encoding="utf-8")
    out = files["dir"] / "out"
    result = cli("attendance", files["roster"], files["punches"], "--settings", settings, "--out", out)
    assert result.exit_code == 0, result.output
    assert "E1,2024-03-04,D,ok,0" in (out / "daily.csv").read_text(encoding="utf-8")


def test_unknown_country_and_missing_file(cli, files):
    result = cli(
        "attendance", files["roster"], files["punches"], "--country", "XX", "--out", files["dir"] / "out"
    )
    assert result.exit_code == 2
    assert "no holiday calendar for country code 'XX'" in result.stderr
    result = cli("attendance", files["roster"], files["dir"] / "nope.xlsx", "--out", files["dir"] / "out")
    assert result.exit_code == 2
    assert "nope.xlsx: file not found." in result.stderr


def test_never_overwrites_an_input(cli, files):
    roster = files["dir"] / "daily.csv"
    roster.write_text(files["roster"].read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("attendance", roster, files["punches"], "--out", files["dir"])
    assert result.exit_code == 2
    assert "this output would overwrite an input file" in result.stderr


def test_name_only_punches_without_an_employee_list_are_reported(cli, files):
    out = files["dir"] / "out"
    result = cli("attendance", files["roster"], files["zk"], "--out", out)
    assert result.exit_code == 0
    assert "2 punch rows: 0 matched to shifts, 0 outside the roster, 2 unmatched" in result.stderr
    wb = load_workbook(out / "attendance.xlsx", read_only=True)
    listed = [r[2:4] + r[6:] for r in wb["Punches not on a shift"].iter_rows(min_row=2, values_only=True)]
    assert listed == [("77", "李四", "unknown employee id")] * 2
    exceptions = [r for r in wb["Exceptions"].iter_rows(min_row=2, values_only=True)]
    lost = [
        (r[0], r[7], r[8], r[9], r[10]) for r in exceptions if r[3] == "punches that could not be attributed"
    ]
    assert lost == [("77", "unknown employee id", "zk.xlsx", 3, 2)]
    result = cli("--lang", "zh", "attendance", files["roster"], files["zk"], "--out", out)
    wb = load_workbook(out / "attendance.xlsx", read_only=True)
    assert [r[6] for r in wb["未匹配打卡"].iter_rows(min_row=2, values_only=True)] == ["未知工号"] * 2


def test_roster_with_two_rows_for_one_day(cli, files):
    rows = [*ROSTER, ("E1", "2024-03-04", "", "", "")]
    roster = _csv(files["dir"] / "r.csv", ["employee_id", "date", "shift", "start", "end"], rows)
    result = cli("attendance", roster, files["punches"], "--out", files["dir"] / "out")
    assert result.exit_code == 2
    assert "r.csv, row 6, column 'date': a second row for employee 'E1' on 2024-03-04." in result.stderr


def test_roster_xlsx_that_is_no_roster_workbook(cli, files):
    workbook = files["dir"] / "roster.xlsx"
    Workbook().save(workbook)
    result = cli("attendance", workbook, files["punches"], "--out", files["dir"] / "out")
    assert result.exit_code == 2
    assert "roster.xlsx, sheet 'Sheet': no header row with" in result.stderr


def test_text_that_looks_like_a_formula_stays_text(cli, files):
    punches = _csv(
        files["dir"] / "p.csv",
        ["employee_id", "name", "timestamp"],
        [("=cmd|'/c calc'!A1", "@SUM(1)", "2024-03-04 09:00")],
    )
    out = files["dir"] / "out"
    result = cli("attendance", files["roster"], punches, "--out", out)
    assert result.exit_code == 0, result.output
    ws = load_workbook(out / "attendance.xlsx")["Punches not on a shift"]
    assert (ws["C2"].value, ws["C2"].data_type) == ("=cmd|'/c calc'!A1", "s")
    assert (ws["D2"].value, ws["D2"].data_type) == ("@SUM(1)", "s")


# ---- the same errors in Chinese (--lang zh): every part of the message comes from the catalogue ----


def test_unknown_punch_format_in_chinese(cli, files):
    bad = _csv(files["dir"] / "p.csv", ["employee_id", "when"], [("E1", "2024-03-04 09:00")])
    result = cli("--lang", "zh", "attendance", files["roster"], bad, "--out", files["dir"] / "out")
    assert result.exit_code == 2
    assert (
        "错误：文件 p.csv：无法识别的打卡格式：前 30 行中没有已知导出格式的表头行。"
        "最接近的是 csv，缺少列 'timestamp/打卡时间/日期时间'。已知格式：" in result.stderr
    )
    assert "请导出原始打卡记录" in result.stderr


def test_bad_timestamp_in_chinese(cli, files):
    bad = _csv(
        files["dir"] / "p.csv",
        ["employee_id", "timestamp"],
        [("E1", "2024-03-04 09:00"), ("E1", "32/13/2024")],
    )
    result = cli("--lang", "zh", "attendance", files["roster"], bad, "--out", files["dir"] / "out")
    assert result.exit_code == 2
    assert (
        "文件 p.csv，第 3 行，列 'timestamp'：无法把 '32/13/2024' 读作日期时间（此列共有 1 个这样的单元格）。"
        "请写作 YYYY-MM-DD HH:MM" in result.stderr
    )


def test_bad_date_cell_of_a_leave_workbook_in_chinese(cli, files):
    wb = Workbook()
    ws = wb.active
    ws.title = "请假"
    ws.append(["请假登记"])
    ws.append(["工号", "开始", "结束", "类型"])
    ws.append(["E1", "2024-03-04", "2024-03-04", "年假"])
    ws.append(["E1", "下周一", "2024-03-05", "病假"])
    wb.save(files["dir"] / "leave.xlsx")
    result = cli(
        "--lang",
        "zh",
        "attendance",
        files["roster"],
        files["punches"],
        "--leave",
        files["dir"] / "leave.xlsx",
        "--out",
        files["dir"] / "out",
    )
    assert result.exit_code == 2
    assert (
        "错误：文件 leave.xlsx，工作表 '请假'，第 4 行，列 '开始'：无法把 '下周一' 读作日期（此列共有 1 个这样的单元格）。"
        "请写作 YYYY-MM-DD（或在 Excel 中把该列设为日期/时间格式）。" in result.stderr
    )


def test_leave_and_settings_errors_in_chinese(cli, files):
    leave = _csv(
        files["dir"] / "l.csv", ["employee_id", "start", "end", "type"], [("E1", "2024-03-04", "", "holiday")]
    )
    out = files["dir"] / "out"
    result = cli(
        "--lang", "zh", "attendance", files["roster"], files["punches"], "--leave", leave, "--out", out
    )
    assert result.exit_code == 2
    assert (
        "文件 l.csv，第 2 行，列 'type'：未知的请假类型 'holiday'。请使用以下之一：personal (事假)"
        in result.stderr
    )
    settings = files["dir"] / "rules.toml"
    settings.write_text("[attendance]\nlate_grace = 5\n", encoding="utf-8")
    result = cli(
        "--lang", "zh", "attendance", files["roster"], files["punches"], "--settings", settings, "--out", out
    )
    assert result.exit_code == 2
    assert (
        "文件 rules.toml：late_grace：不是已知的设置项。可用的设置项：window_before_start_minutes"
        in result.stderr
    )
    missing = cli("--lang", "zh", "attendance", files["roster"], files["dir"] / "nope.xlsx", "--out", out)
    assert missing.exit_code == 2 and "错误：文件 nope.xlsx：找不到文件。请检查路径。" in missing.stderr


def test_refused_setting_value_in_chinese(cli, files):
    out = files["dir"] / "out"
    result = cli(
        "--lang", "zh", "attendance", files["roster"], files["punches"], "--late-grace", "-1", "--out", out
    )
    assert result.exit_code == 2
    assert "错误：late_grace_minutes：应大于或等于 0。可用的设置项：" in result.stderr
