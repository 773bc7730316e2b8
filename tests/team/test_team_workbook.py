"""The team workbook: round trips, and every reader error located with its fix."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from rosterkit import labels
from rosterkit.errors import InputError
from rosterkit.io.team import read_team, write_team_toml, write_team_workbook
from rosterkit.io.template import template_team

MONTH = date(2026, 10, 1)


@pytest.fixture
def workbook(tmp_path):
    return write_team_workbook(template_team(MONTH), tmp_path / "team.xlsx")


def _edit(path, sheet: str, cells: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        wb[sheet][ref] = value
    wb.save(path)


def _error(path) -> str:
    with pytest.raises(InputError) as exc:
        read_team(path)
    text = str(exc.value)
    assert "Traceback" not in text and "pydantic" not in text and "validation error" not in text
    return text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_round_trip_xlsx_team_toml_team(tmp_path, lang):
    labels.set_language(lang)
    team = template_team(MONTH)
    path = write_team_workbook(team, tmp_path / "team.xlsx")
    from_xlsx = read_team(path)
    assert from_xlsx == team
    assert read_team(write_team_toml(from_xlsx, tmp_path / "team.toml")) == from_xlsx


def test_unknown_shift_code_lists_defined_codes(workbook):
    _edit(workbook, "Employees", {"F2": "N2"})
    assert (
        "team.xlsx, sheet 'Employees', row 2, column 'forbidden shifts 不可上班次': shift 'N2' is not defined "
        "in sheet 'Shifts' (defined: D, N). Add it there or correct the code." in _error(workbook)
    )


def test_duplicate_employee_id(workbook):
    _edit(workbook, "Employees", {"A3": "E001", "B3": "李四"})
    assert (
        "sheet 'Employees', row 3, column 'employee_id 工号': duplicate employee id 'E001' (already on row 2)"
        in (_error(workbook))
    )


def test_leave_ending_before_it_starts(workbook):
    _edit(workbook, "Leave", {"B2": date(2026, 10, 9), "C2": date(2026, 10, 7), "E2": None})
    assert (
        "sheet 'Leave', row 2: leave ends (2026-10-07) before it starts (2026-10-09). Correct this row."
        in (_error(workbook))
    )


def test_bad_date_and_time_cells_reported_together(workbook):
    _edit(workbook, "Requests", {"B2": "2026-13-45"})
    _edit(workbook, "Shifts", {"C3": "25:00"})
    text = _error(workbook)
    assert (
        "sheet 'Requests', row 2, column 'date 日期': '2026-13-45' is not a date. Write the date as YYYY-MM-DD"
        in text
    )
    assert "sheet 'Shifts', row 3, column 'start 开始时间': '25:00' is not a time of day." in text


def test_unknown_column_is_named_with_the_known_ones(workbook):
    _edit(workbook, "Employees", {"O1": "wage", "O2": 100})
    text = _error(workbook)
    assert (
        "sheet 'Employees', row 1, column 'wage': unknown column 'wage' (known columns: 'employee_id 工号',"
        in text
    )
    assert "Rename it to one of the known columns, or delete it." in text


def test_unknown_rule_and_parameter(workbook):
    _edit(workbook, "Rules", {"A2": "max_days"})
    assert "unknown rule 'max_days' (known rules: interval_coverage," in _error(workbook)
    _edit(workbook, "Rules", {"A2": "max_consecutive_days", "E2": "weeks=2"})
    assert "rule 'max_consecutive_days' has no parameter 'weeks' (its parameters: days)" in _error(workbook)


def test_blank_rows_skipped_and_rows_numbered_as_excel_shows(workbook):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Employees"]
    ws.insert_rows(1, amount=2)  # two title rows above the header
    ws["A1"] = "Team 一组 — October"
    ws["A6"] = "E002"  # row 5 left blank, then an employee with a bad limit
    ws["I6"] = -1
    wb.save(workbook)
    text = _error(workbook)
    assert (
        "sheet 'Employees', row 6, column 'max consecutive days 最多连续上班天数': -1 is not a whole number"
        in text
    )


def test_unknown_leave_type_lists_the_types(workbook):
    _edit(workbook, "Leave", {"D2": "holiday"})
    assert "'holiday' is not a known leave type. Use one of: personal, sick, annual" in _error(workbook)


def test_missing_sheet_and_unknown_sheet(workbook):
    wb = openpyxl.load_workbook(workbook)
    wb["Shifts"].title = "Shiftz"
    wb.save(workbook)
    text = _error(workbook)
    assert "the sheet 'Shifts' (班次) is missing" in text
    assert "unknown sheet 'Shiftz'" in text


def test_chinese_headers_and_sheet_names_are_read(tmp_path):
    labels.set_language("zh")
    path = write_team_workbook(template_team(MONTH), tmp_path / "团队.xlsx")
    labels.set_language("en")
    assert read_team(path) == template_team(MONTH)
    wb = openpyxl.load_workbook(path)
    assert "员工" in wb.sheetnames and wb["员工"]["A1"].value == "工号 employee_id"


def test_formula_like_text_stays_text(tmp_path):
    team = template_team(MONTH)
    emp = team.employees[0].model_copy(update={"name": "=HYPERLINK(1)"})
    path = write_team_workbook(team.model_copy(update={"employees": (emp,)}), tmp_path / "team.xlsx")
    cell = openpyxl.load_workbook(path)["Employees"]["B2"]
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(1)"
    assert read_team(path).employees[0].name == "=HYPERLINK(1)"


def test_settings_errors_name_the_setting_row(workbook):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Settings"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(row=rows["interval minutes 时段分钟"], column=2).value = 90
    ws.cell(row=ws.max_row + 1, column=1).value = "currency"
    wb.save(workbook)
    text = _error(workbook)
    row = rows["interval minutes 时段分钟"]
    expected = f"sheet 'Settings', row {row}, column 'value 值': 90 is not valid: Input should be less than or equal to 60"
    assert expected in text
    assert "unknown setting 'currency' (known settings: 'team name', 'month'," in text


def test_month_or_dates_required(workbook):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Settings"]
    for r in range(2, ws.max_row + 1):
        if ws.cell(row=r, column=1).value == "month 月份":
            ws.cell(row=r, column=2).value = None
    wb.save(workbook)
    assert "the roster start date is not given. Give the setting 'month' (e.g. 2026-10)" in _error(workbook)


def test_empty_optional_sheet_is_skipped(workbook):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Requests"]
    ws.delete_rows(1, ws.max_row)
    wb.save(workbook)
    assert read_team(workbook).requests == ()


def test_messages_in_chinese(workbook):
    _edit(workbook, "Employees", {"F2": "N2", "A3": "E001"})
    labels.set_language("zh")
    text = _error(workbook)
    assert "班次 'N2' 未在工作表 'Shifts' 中定义（已定义：D, N）。请在该表中添加，或更正班次代码。" in text
    assert "文件 team.xlsx，工作表 'Employees'，第 2 行，列 'forbidden shifts 不可上班次'：" in text
    assert "重复的工号 'E001'（第 2 行已有）。" in text


def test_employee_named_instead_of_id(workbook):
    _edit(workbook, "Leave", {"A2": "张三"})
    assert read_team(workbook).leave[0].employee_id == "E001"
    _edit(workbook, "Employees", {"A3": "E002", "B3": "张三"})
    text = _error(workbook)
    assert (
        "sheet 'Leave', row 2, column 'employee_id 工号': '张三' is the name of several employees in sheet "
        in text
    )
    assert "'Employees' (ids: E001, E002). Write the employee id instead of the name." in text


def test_history_is_a_day_grid(tmp_path):
    from rosterkit.io.example_centre import example_team

    team = example_team()
    path = write_team_workbook(team, tmp_path / "centre.xlsx")
    ws = openpyxl.load_workbook(path)["History"]
    assert ws["A1"].value == "employee_id 工号" and ws["C1"].value.date() == date(2026, 9, 24)
    assert ws.max_row == 61 and ws.max_column == 9  # 60 employees, id + name + 7 days
    assert read_team(path) == team
    # an unknown shift code in a grid cell is located at its date column
    ws_book = openpyxl.load_workbook(path)
    ws_book["History"]["D5"] = "X"
    ws_book.save(path)
    text = _error(path)
    assert "sheet 'History', row 5, column '2026-09-25': shift 'X' is not defined in sheet 'Shifts'" in text


def test_pinned_as_a_day_grid(workbook):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Pinned"]
    ws.delete_rows(1, ws.max_row)
    ws.append(["工号", "姓名", "2026-10-03", "2026-10-04"])
    ws.append(["E001", "张三", "D", "休"])
    wb.save(workbook)
    pinned = {(a.date.isoformat(), a.shift) for a in read_team(workbook).pinned}
    assert pinned == {("2026-10-03", "D"), ("2026-10-04", None)}


def test_unknown_holiday_country(workbook):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Settings"]
    row = next(
        r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == "holiday country 节假日国家"
    )
    ws.cell(row=row, column=2).value = "Atlantis"
    wb.save(workbook)
    assert f"sheet 'Settings', row {row}, column 'value 值': no holiday calendar for country 'Atlantis'." in (
        _error(workbook)
    )
