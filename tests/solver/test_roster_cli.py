"""The `roster` and `check` commands driven through the real CLI: outputs, exit codes, messages."""

from __future__ import annotations

import json
from datetime import date, time, timedelta

import pandas as pd
from openpyxl import load_workbook
from solver_kit import START, tiny_team
from test_roster_solve import impossible_team

from rosterkit.io.roster_csv import read_roster_csv, write_roster_csv
from rosterkit.io.roster_workbook import read_roster_workbook
from rosterkit.io.team import write_team
from rosterkit.model import Employee, Leave, LeaveType, RuleSetting, ShiftDemand, ShiftType
from rosterkit.solver.sample import sample_centre

SHIFTS = (
    ShiftType(code="M", start=time(7, 0), end=time(15, 0)),
    ShiftType(code="N", start=time(22, 0), end=time(6, 0)),
)


def small_team():
    leave = (
        Leave(
            employee_id="E2",
            start=START + timedelta(days=3),
            end=START + timedelta(days=4),
            type=LeaveType.ANNUAL,
        ),
    )
    demand = (ShiftDemand(shift="M", target=2), ShiftDemand(shift="N", target=1))
    return tiny_team(days=7, people=4, shifts=SHIFTS, leave=leave, demand=demand)


def test_roster_writes_three_files_that_check_clean(cli, tmp_path):
    team_file = write_team(small_team(), tmp_path / "team.toml")
    out = tmp_path / "out"
    result = cli("roster", team_file, "--out", out, "--time-limit", "2")
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {"roster.xlsx", "roster.csv", "summary.json"}
    summary = json.loads((out / "summary.json").read_text())
    assert summary["hard_violations"] == 0 and summary["status"] in ("optimal", "feasible")
    assert summary["objective"] == sum(p["cost"] for p in summary["penalties"])
    lines = (out / "roster.csv").read_text().splitlines()
    assert lines[0] == "employee_id,date,shift,start,end" and len(lines) == 1 + 4 * 7
    assert "E2,2026-03-05,annual,," in lines
    for roster_file in ("roster.xlsx", "roster.csv"):
        checked = cli("check", out / roster_file, team_file)
        assert checked.exit_code == 0, checked.output
        assert "No hard violations." in checked.stdout


def test_check_catches_hand_edits_in_the_workbook(cli, tmp_path):
    team = small_team().model_copy(update={"rules": (RuleSetting(rule="min_rest", params={"hours": 11}),)})
    team_file = write_team(team, tmp_path / "team.toml")
    out = tmp_path / "out"
    assert cli("roster", team_file, "--out", out, "--time-limit", "2").exit_code == 0
    book = load_workbook(out / "roster.xlsx")
    ws = book.worksheets[0]
    rows = {ws.cell(row=r, column=1).value: r for r in range(4, 8)}
    ws.cell(row=rows["E1"], column=4).value = "N"  # day 1 night ...
    ws.cell(row=rows["E1"], column=5).value = "M"  # ... then a morning at 07:00
    ws.cell(row=rows["E2"], column=7).value = "M"  # E2 is on annual leave on day 4
    book.save(tmp_path / "edited.xlsx")
    result = cli("check", tmp_path / "edited.xlsx", team_file)
    assert result.exit_code == 4, result.output
    assert "E1: only 1 h rest between N and M on 2026-03-03 (at least 11 h)" in result.stdout
    assert "E2 is on annual leave on 2026-03-05 but scheduled M" in result.stdout
    assert "hard violation(s) in the roster" in result.stderr
    chinese = cli("--lang", "zh", "check", tmp_path / "edited.xlsx", team_file)
    assert chinese.exit_code == 4
    assert "E1：2026-03-03 N 与 M 之间仅休息 1 小时（至少 11 小时）" in chinese.stdout
    assert "E2 2026-03-05 请年假，却排了 M 班" in chinese.stdout


def test_check_names_an_unknown_code_with_its_cell(cli, tmp_path):
    team_file = write_team(small_team(), tmp_path / "team.toml")
    out = tmp_path / "out"
    assert cli("roster", team_file, "--out", out, "--time-limit", "1").exit_code == 0
    book = load_workbook(out / "roster.xlsx")
    book.worksheets[0].cell(row=4, column=6).value = "X9"
    book.save(tmp_path / "edited.xlsx")
    result = cli("check", tmp_path / "edited.xlsx", team_file)
    assert result.exit_code == 2
    assert (
        "sheet 'Roster', row 4, column 'F (2026-03-04)': 'X9' is neither a shift code (M, N)" in result.stderr
    )


def test_impossible_team_exits_3_with_a_diagnosis(cli, tmp_path):
    team_file = write_team(impossible_team(), tmp_path / "team.toml")
    result = cli("roster", team_file, "--out", tmp_path / "out", "--time-limit", "2")
    assert result.exit_code == 3
    assert "No roster satisfies the hard rules" in result.stderr
    assert "E1 (Li Lei): contract hours (at least 160 h in the period)" in result.stderr
    assert "E1 (Li Lei): maximum consecutive working days (at most 2 working days in a row)" in result.stderr
    assert not (tmp_path / "out" / "roster.xlsx").exists()
    chinese = cli("--lang", "zh", "roster", team_file, "--out", tmp_path / "out", "--time-limit", "2")
    assert chinese.exit_code == 3
    assert "没有满足全部硬约束的排班" in chinese.stderr
    assert "E1 (Li Lei)：合同工时（本期至少 160 小时）" in chinese.stderr
    assert "E1 (Li Lei)：最多连续上班天数（最多连续 2 天上班）" in chinese.stderr


def test_repair_options_go_together(cli, tmp_path):
    team_file = write_team(small_team(), tmp_path / "team.toml")
    result = cli("roster", team_file, "--out", tmp_path / "out", "--repair-from", "2026-03-04")
    assert result.exit_code == 2
    assert "--repair-from and --previous go together." in result.stderr


def test_repair_from_the_cli(cli, tmp_path):
    team_file = write_team(small_team(), tmp_path / "team.toml")
    assert cli("roster", team_file, "--out", tmp_path / "a", "--time-limit", "1").exit_code == 0
    result = cli(
        "roster",
        team_file,
        "--out",
        tmp_path / "b",
        "--time-limit",
        "1",
        "--repair-from",
        "2026-03-05",
        "--previous",
        tmp_path / "a" / "roster.csv",
    )
    assert result.exit_code == 0, result.output
    before = read_roster_csv(tmp_path / "a" / "roster.csv")
    after = read_roster_csv(tmp_path / "b" / "roster.csv")
    assert {k: v for k, v in before.shifts.items() if k[1] < date(2026, 3, 5)} == {
        k: v for k, v in after.shifts.items() if k[1] < date(2026, 3, 5)
    }


def test_roster_csv_and_workbook_read_back_the_same_roster(tmp_path):
    from rosterkit.solver.solve import SolveOptions, solve

    team = sample_centre(agents=6, days=7, seed=7)
    roster = solve(team, SolveOptions(time_limit_s=0.5)).roster
    write_roster_csv(tmp_path / "r.csv", roster, team.shift_by_code)
    back = read_roster_csv(tmp_path / "r.csv", {s.code for s in team.shifts})
    assert back.shifts == roster.shifts and back.leave == roster.leave
    from rosterkit.io.roster_workbook import write_roster_workbook
    from rosterkit.solver.check import check
    from rosterkit.solver.report import roster_book

    write_roster_workbook(tmp_path / "r.xlsx", roster_book(team, roster, check(roster, team)))
    again = read_roster_workbook(tmp_path / "r.xlsx", {s.code for s in team.shifts})
    assert again.shifts == roster.shifts and again.leave == roster.leave
    assert again.employee_ids == [e.id for e in team.employees]


def test_employees_unknown_to_the_team_are_named(cli, tmp_path):
    team = small_team()
    other = team.model_copy(update={"employees": (*team.employees, Employee(id="Z9"))})
    from rosterkit.solver.solve import SolveOptions, solve

    roster = solve(other, SolveOptions(time_limit_s=0.5)).roster
    write_roster_csv(tmp_path / "r.csv", roster, other.shift_by_code)
    result = cli("check", tmp_path / "r.csv", write_team(team, tmp_path / "team.toml"))
    assert result.exit_code == 2
    assert "employee(s) Z9 of the roster are not in the team." in result.stderr


def test_requirements_csv_drives_interval_coverage(cli, tmp_path):
    team_file = write_team(tiny_team(days=2, people=3, shifts=SHIFTS), tmp_path / "team.toml")
    lines = ["interval_start,calls,aht_s,agents,agents_scheduled"]
    for day in ("2026-03-02", "2026-03-03"):
        lines += [f"{day} {h:02d}:{m:02d},10,180,1,2" for h in range(8, 12) for m in (0, 30)]
    (tmp_path / "requirements.csv").write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    result = cli(
        "roster",
        team_file,
        "--out",
        out,
        "--time-limit",
        "2",
        "--requirements",
        tmp_path / "requirements.csv",
    )
    assert result.exit_code == 0, result.output
    csv_lines = (out / "roster.csv").read_text().splitlines()
    for day in ("2026-03-02", "2026-03-03"):  # two on the morning shift covers 08:00-12:00 both days
        assert sum(1 for line in csv_lines if f",{day},M," in line) == 2
    summary = json.loads((out / "summary.json").read_text())
    assert summary["objective"] == 0


def test_check_judges_interval_coverage_with_the_requirements_the_roster_was_solved_with(cli, tmp_path):
    """`check --requirements` reads them as `roster --requirements` did: the cost agrees with the
    summary, and a morning shift deleted by hand is short cover; without them it is not judged."""
    team_file = write_team(tiny_team(days=2, people=3, shifts=SHIFTS), tmp_path / "team.toml")
    lines = ["interval_start,calls,aht_s,agents,agents_scheduled"]
    for day in ("2026-03-02", "2026-03-03"):
        lines += [f"{day} {h:02d}:{m:02d},10,180,1,2" for h in range(8, 12) for m in (0, 30)]
    needs = tmp_path / "requirements.csv"
    needs.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    assert cli("roster", team_file, "--out", out, "--time-limit", "2", "--requirements", needs).exit_code == 0
    summary = json.loads((out / "summary.json").read_text())
    checked = cli("check", out / "roster.csv", team_file, "--requirements", needs)
    assert checked.exit_code == 0 and f"Soft cost {summary['objective']}." in checked.stdout
    rows = (out / "roster.csv").read_text().splitlines()
    first_m = next(i for i, row in enumerate(rows) if ",2026-03-02,M," in row)
    rows[first_m] = rows[first_m].split(",")[0] + ",2026-03-02,,,"
    (out / "roster.csv").write_text("\n".join(rows) + "\n")
    edited = cli("check", out / "roster.csv", team_file, "--requirements", needs)
    assert edited.exit_code == 0 and "Soft cost 0." not in edited.stdout
    assert "2026-03-02" in edited.stdout and "interval" in edited.stdout.lower()
    assert "Soft cost 0." in cli("check", out / "roster.csv", team_file).stdout
    other = tmp_path / "april.csv"
    other.write_text(lines[0] + "\n" + "2026-04-01 08:00,10,180,1,2\n")
    wrong = cli("check", out / "roster.csv", team_file, "--requirements", other)
    assert wrong.exit_code == 2
    assert "april.csv, column 'interval_start': no interval of the requirements" in wrong.stderr


def test_requirements_for_another_period_are_an_input_error(cli, tmp_path):
    team_file = write_team(tiny_team(days=2, people=3, shifts=SHIFTS), tmp_path / "team.toml")
    lines = ["interval_start,calls,aht_s,agents,agents_scheduled"]
    lines += [f"2026-04-01 {h:02d}:00,10,180,1,2" for h in range(8, 12)]
    (tmp_path / "requirements.csv").write_text("\n".join(lines) + "\n")
    args = ("roster", team_file, "--out", tmp_path / "out", "--time-limit", "1")
    result = cli(*args, "--requirements", tmp_path / "requirements.csv")
    assert result.exit_code == 2
    assert (
        "requirements.csv, column 'interval_start': no interval of the requirements (2026-04-01 .. 2026-04-01) "
        "falls in the roster period 2026-03-02 .. 2026-03-03." in result.stderr
    )
    assert "Run `rosterkit staff` on a forecast of the roster period" in result.stderr
    assert not (tmp_path / "out" / "roster.csv").exists()


def test_requirements_partly_outside_the_period_are_reported(cli, tmp_path):
    team_file = write_team(tiny_team(days=2, people=3, shifts=SHIFTS), tmp_path / "team.toml")
    lines = ["interval_start,calls,aht_s,agents,agents_scheduled"]
    lines += [f"{day} 08:00,10,180,1,1" for day in ("2026-03-02", "2026-03-03", "2026-03-04")]
    (tmp_path / "requirements.csv").write_text("\n".join(lines) + "\n")
    args = ("roster", team_file, "--out", tmp_path / "out", "--time-limit", "1")
    result = cli(*args, "--requirements", tmp_path / "requirements.csv")
    assert result.exit_code == 0, result.output
    assert "requirements: 2 intervals inside the roster period used, 1 outside it ignored" in result.stderr


def test_month_option(cli, tmp_path):
    team_file = write_team(tiny_team(days=3, people=2, shifts=SHIFTS), tmp_path / "team.toml")
    result = cli("roster", team_file, "--out", tmp_path / "out", "--month", "2026-02", "--time-limit", "1")
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "out" / "roster.csv").read_text().splitlines()
    assert len(lines) == 1 + 2 * 28 and lines[1].startswith("E1,2026-02-01,")
    bad = cli("roster", team_file, "--out", tmp_path / "o2", "--month", "Feb")
    assert bad.exit_code == 2
    assert "--month 'Feb' is not a month. Write it as YYYY-MM, e.g. 2026-03." in bad.stderr


def test_a_year_without_official_holiday_data_warns(cli, tmp_path):
    team = sample_centre(agents=5, days=7, seed=2, start=date(2031, 5, 1))
    result = cli(
        "roster", write_team(team, tmp_path / "team.toml"), "--out", tmp_path / "out", "--time-limit", "1"
    )
    assert result.exit_code == 0, result.output
    assert "Warning: no official 调休 arrangement for China 2031 yet" in result.stderr


def test_attendance_reads_the_workbook_like_the_csv(cli, tmp_path):
    from rosterkit.io.roster_table import read_roster_table

    team_file = write_team(small_team(), tmp_path / "team.toml")
    out = tmp_path / "out"
    assert cli("roster", team_file, "--out", out, "--time-limit", "1").exit_code == 0
    from_xlsx = read_roster_table(out / "roster.xlsx")
    from_csv = read_roster_table(out / "roster.csv")
    columns = ["employee_id", "date", "shift", "start", "end", "leave_type"]
    pd.testing.assert_frame_equal(from_xlsx[columns], from_csv[columns])
