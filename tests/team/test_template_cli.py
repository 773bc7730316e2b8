"""`rosterkit template`: an empty fillable workbook that opens, validates, and reads back."""

from __future__ import annotations

import openpyxl

from rosterkit.io.team import read_team


def _validations(ws) -> dict[str, str]:
    return {str(dv.sqref).split(":")[0][0]: dv.formula1 for dv in ws.data_validations.dataValidation}


def test_template_writes_a_fillable_workbook(cli, tmp_path):
    out = tmp_path / "team.xlsx"
    result = cli("template", "-o", out, "--month", "2026-10")
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.stderr and result.stdout == ""
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:3] == ["README", "Settings", "Employees"]
    assert wb["Lists"].sheet_state == "hidden"
    assert wb["Employees"].freeze_panes == "A2"
    leave = _validations(wb["Leave"])
    assert leave["A"] == "'Employees'!$A$2:$A$2000"  # employee ids
    assert leave["D"].startswith("'Lists'!")  # leave types
    assert _validations(wb["Pinned"])["C"] == "'Shifts'!$A$2:$A$500"  # shift codes
    assert _validations(wb["Rules"])["A"].startswith("'Lists'!")  # rule names
    lists = wb["Lists"]
    assert [c.value for c in lists["D"]][1:4] == ["personal", "sick", "annual"]
    # one example row per sheet, and it is a valid team as it stands
    team = read_team(out)
    assert (team.start.isoformat(), team.end.isoformat()) == ("2026-10-01", "2026-10-31")
    assert len(team.employees) == len(team.leave) == len(team.requests) == len(team.pinned) == 1


def test_template_in_chinese(cli, tmp_path):
    out = tmp_path / "模板.xlsx"
    assert cli("--lang", "zh", "template", "-o", out, "--month", "2026-10").exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:3] == ["说明", "设置", "员工"]
    assert read_team(out).employees[0].id == "E001"


def test_template_as_toml(cli, tmp_path):
    out = tmp_path / "team.toml"
    assert cli("template", "-o", out, "--month", "2026-10").exit_code == 0
    assert read_team(out).shifts[1].code == "N"


def test_template_bad_month(cli, tmp_path):
    result = cli("template", "-o", tmp_path / "t.xlsx", "--month", "October")
    assert result.exit_code == 2
    assert (
        "column '--month': 'October' is not a month. Write the month as YYYY-MM, e.g. 2026-10."
        in result.stderr
    )
    assert not (tmp_path / "t.xlsx").exists()


def test_template_refuses_unknown_suffix(cli, tmp_path):
    result = cli("template", "-o", tmp_path / "team.csv")
    assert result.exit_code == 2
    assert "unknown team file type '.csv'. Name the output .xlsx or .toml." in result.stderr


def test_template_example_is_the_example_centre(cli, tmp_path):
    out = tmp_path / "centre.xlsx"
    assert cli("template", "--example", "-o", out).exit_code == 0
    team = read_team(out)
    assert len(team.employees) == 60 and {e.team for e in team.employees} == {"一组", "二组", "三组"}
    assert sum("班长" in e.skills for e in team.employees) == 9
    night = team.shift_by_code["N"]
    assert night.crosses_midnight and night.break_minutes == 30
    assert any(lv.half_day for lv in team.leave)
    assert {a.date.isoformat() for a in team.history} >= {"2026-09-24", "2026-09-30"}
    toml = tmp_path / "centre.toml"
    assert cli("template", "--example", "-o", toml).exit_code == 0
    assert read_team(toml) == team


def test_template_never_replaces_a_file_by_accident(cli, tmp_path):
    out = tmp_path / "team.xlsx"
    out.write_bytes(b"a filled workbook")
    result = cli("template", "-o", out)
    assert result.exit_code == 2
    assert (
        "team.xlsx: the file already exists. Choose another name with -o, or add --force to replace it."
        in (result.stderr)
    )
    assert out.read_bytes() == b"a filled workbook"
    assert cli("template", "-o", out, "--force").exit_code == 0
    assert read_team(out).employees[0].id == "E001"


def test_template_checks_numbers_as_they_are_typed(cli, tmp_path):
    out = tmp_path / "team.xlsx"
    assert cli("template", "-o", out, "--month", "2026-10").exit_code == 0
    checks = {
        str(dv.sqref).split(":")[0]: (dv.type, dv.operator, dv.formula1)
        for dv in openpyxl.load_workbook(out)["Employees"].data_validations.dataValidation
    }
    assert checks["G2"] == ("decimal", "greaterThanOrEqual", "0")  # min hours
    assert checks["I2"] == ("whole", "greaterThanOrEqual", "1")  # max consecutive days
