"""`import curtois`: the parser, the CLI with its errors, and the objective equality on benchmark
rosters (rosterkit's checker cost == the benchmark's own objective, computed independently here)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cli_runner import run_cli
from curtois_reference import cut, hard_breaches, objective, read

from rosterkit.errors import InputError
from rosterkit.io.curtois import parse_curtois
from rosterkit.io.team import read_team
from rosterkit.model import Roster
from rosterkit.solver.check import check
from rosterkit.solver.solve import SolveOptions, solve

HERE = Path(__file__).resolve().parent
TINY = HERE / "tiny_instance.txt"  # cut(Instance2, 7 days, 5 staff), see test_tiny_fixture_is_a_cut
CURTOIS = HERE.parent.parent.parent / "shared" / "benchmarks" / "curtois"
needs_shared = pytest.mark.skipif(not CURTOIS.exists(), reason="shared Curtois–Qu instances not present")


def roster_of(team, grid: dict[str, list[str | None]]) -> Roster:
    roster = Roster(start=team.start, end=team.end, employee_ids=[e.id for e in team.employees])
    for eid, row in grid.items():
        for d, code in enumerate(row):
            if code is not None:
                roster.shifts[(eid, team.days[d])] = code
    return roster


def grid_of(team, roster: Roster) -> dict[str, list[str | None]]:
    return {e.id: [roster.shift(e.id, d) for d in team.days] for e in team.employees}


@needs_shared
def test_instance1_becomes_an_ordinary_team():
    team = parse_curtois(CURTOIS / "Instance1.txt")
    assert team.start == date(2024, 1, 1) and team.start.weekday() == 0
    assert len(team.days) == 14 and team.country == "none"
    assert [e.id for e in team.employees] == list("ABCDEFGH")
    (shift,) = team.shifts
    assert shift.code == "D" and shift.duration_minutes == 480 and shift.break_minutes == 0
    a = team.employee_by_id["A"]
    assert (a.max_work_minutes, a.min_work_minutes) == (4320, 3360)
    assert (a.max_consecutive_days, a.min_consecutive_days, a.min_consecutive_days_off, a.max_weekends) == (
        5,
        2,
        2,
        1,
    )
    assert a.max_shifts == {}  # D=14 over 14 days cannot bind
    assert {(p.employee_id, p.date, p.shift) for p in team.pinned if p.employee_id == "A"} == {
        ("A", date(2024, 1, 1), None)
    }
    assert len(team.requests) == 26 and len(team.demand) == 14
    first = team.demand[0]
    assert (first.shift, first.date, first.target, first.under_weight, first.over_weight) == (
        "D",
        date(2024, 1, 1),
        5,
        100,
        1,
    )
    rules = {r.rule: r for r in team.rules}
    assert not rules["min_rest"].enabled and not rules["weekly_rest"].enabled
    assert "fairness" not in rules and not team.history


@needs_shared
def test_instance2_keeps_codes_successions_and_eligibility():
    team = parse_curtois(CURTOIS / "Instance2.txt")
    assert [s.code for s in team.shifts] == ["E", "L"]
    assert {(s.first, s.second, s.hard) for s in team.successions} == {("L", "E", True)}
    d = team.employee_by_id["D"]
    assert d.forbidden_shifts == frozenset({"L"}) and not d.may_work("L")
    off = [r for r in team.requests if r.kind == "off"]
    on = [r for r in team.requests if r.kind == "on"]
    assert all(r.shift in ("E", "L") and r.weight >= 1 for r in team.requests)
    assert len(on) + len(off) == 62


@needs_shared
def test_tiny_fixture_is_a_cut():
    assert cut((CURTOIS / "Instance2.txt").read_text(encoding="utf-8"), 7, 5) == TINY.read_text(
        encoding="utf-8"
    )


def test_tiny_instance_solved_roster_obeys_the_benchmark_and_costs_its_objective():
    team = parse_curtois(TINY)
    reference = read(TINY)
    result = solve(team, SolveOptions(time_limit_s=5, workers=1, seed=0))
    assert result.status == "optimal" and result.roster is not None
    grid = grid_of(team, result.roster)
    report = check(result.roster, team)
    assert report.hard_violations == 0
    assert hard_breaches(reference, grid) == []
    assert report.cost == result.objective == objective(reference, grid)


def test_checker_cost_equals_benchmark_objective_on_hand_made_rosters():
    team = parse_curtois(TINY)
    reference = read(TINY)
    everybody_early = {e.id: ["E" if e.may_work("E") else "L"] * 7 for e in team.employees}
    nobody = {e.id: [None] * 7 for e in team.employees}
    for grid in (everybody_early, nobody):
        report = check(roster_of(team, grid), team)
        assert report.cost == objective(reference, grid)
        # hard breaches seen alike (counts differ in granularity, presence does not)
        assert bool(report.hard_violations) == bool(hard_breaches(reference, grid))


def test_import_cli_writes_a_team_file_that_reads_back(tmp_path):
    out = tmp_path / "tiny.toml"
    result = run_cli("import", "curtois", TINY, "-o", out)
    assert result.exit_code == 0, result.output
    assert read_team(out) == parse_curtois(TINY)
    assert result.stdout == ""


def test_import_cli_writes_the_team_workbook_too(tmp_path):
    out = tmp_path / "tiny.xlsx"
    result = run_cli("import", "curtois", TINY, "-o", out)
    assert result.exit_code == 0, result.output
    assert read_team(out) == parse_curtois(TINY)


def test_import_cli_unknown_output_type(tmp_path):
    result = run_cli("import", "curtois", TINY, "-o", tmp_path / "tiny.json")
    assert result.exit_code == 2
    assert "tiny.json: unknown team file type '.json'. Name the output .xlsx or .toml." in result.stderr


def test_import_cli_missing_file(tmp_path):
    result = run_cli("import", "curtois", tmp_path / "Instance99.txt", "-o", tmp_path / "x.toml")
    assert result.exit_code == 2
    assert "Instance99.txt: file not found. Give the path of a Curtois–Qu instance file" in result.stderr
    assert not (tmp_path / "x.toml").exists()


def test_import_cli_malformed_line_names_file_line_and_fix(tmp_path):
    bad = tmp_path / "bad.txt"
    text = TINY.read_text(encoding="utf-8").replace("E,480,", "E,eight hours,")
    bad.write_text(text, encoding="utf-8")
    line = text.splitlines().index("E,eight hours,") + 1
    result = run_cli("import", "curtois", bad, "-o", tmp_path / "x.toml")
    assert result.exit_code == 2
    assert (
        f"bad.txt, row {line}: shift length in minutes must be a whole number, found 'eight hours'. "
        "Write a whole number." in result.stderr
    )
    assert not (tmp_path / "x.toml").exists()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "SECTION_COVER",
            "SECTION_CUPBOARD",
            "unknown section 'SECTION_CUPBOARD'. Use one of: SECTION_HORIZON",
        ),
        ("0,E,2,100,1", "0,X,2,100,1", "shift 'X' is not defined in SECTION_SHIFTS (defined: E, L)."),
        ("A,3", "Z,3", "employee 'Z' is not defined in SECTION_STAFF."),
        ("A,3", "A,9", "day index 9 is outside the horizon of 7 days (0..6)."),
        ("6,L,2,100,1", "6,L,2", "expected 5 comma-separated fields"),
    ],
)
def test_import_malformed_sections(tmp_path, old, new, message):
    bad = tmp_path / "bad.txt"
    bad.write_text(TINY.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse_curtois(bad)
    assert message in caught.value.message
    result = run_cli("import", "curtois", bad, "-o", tmp_path / "x.toml")
    assert result.exit_code == 2 and message in result.stderr


def test_import_cli_malformed_line_in_chinese(tmp_path):
    bad = tmp_path / "bad.txt"
    text = TINY.read_text(encoding="utf-8").replace("E,480,", "E,eight hours,")
    bad.write_text(text, encoding="utf-8")
    line = text.splitlines().index("E,eight hours,") + 1
    result = run_cli("--lang", "zh", "import", "curtois", bad, "-o", tmp_path / "x.toml")
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (
        f"错误：文件 bad.txt，第 {line} 行：班次时长（分钟）应为整数，实际为 'eight hours'。请填写整数。"
    )
    assert not (tmp_path / "x.toml").exists()


def test_import_cli_missing_file_in_chinese(tmp_path):
    result = run_cli(
        "--lang", "zh", "import", "curtois", tmp_path / "Instance99.txt", "-o", tmp_path / "x.toml"
    )
    assert result.exit_code == 2, result.output
    assert (
        "文件 Instance99.txt：找不到文件。请给出 Curtois–Qu 算例文件的路径（如 Instance1.txt）。"
        in result.stderr
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "SECTION_COVER",
            "SECTION_CUPBOARD",
            "未知的段 'SECTION_CUPBOARD'。请使用以下之一：SECTION_HORIZON, SECTION_SHIFTS",
        ),
        (
            "0,E,2,100,1",
            "0,X,2,100,1",
            "班次 'X' 未在 SECTION_SHIFTS 中定义（已定义：E, L）。请在 SECTION_SHIFTS 中添加该班次，或更正班次代码。",
        ),
        (
            "A,3",
            "Z,3",
            "员工 'Z' 未在 SECTION_STAFF 中定义。请在 SECTION_STAFF 中添加该员工，或更正员工 ID。",
        ),
        ("A,3", "A,9", "日期序号 9 超出了 7 天的排班周期（0..6）。请更正日期序号。"),
        (
            "6,L,2,100,1",
            "6,L,2",
            "应有 5 个以逗号分隔的字段（Day, ShiftID, Requirement, Weight for under, Weight for over），"
            "实际只有 3 个。请把该行补充完整。",
        ),
        (
            "6,L,2,100,1",
            "6,L,2,,1",
            "缺少人手不足的权重（第 4 个字段）。请补上。格式说明见算例文件自带的注释行（Curtois–Qu 基准）。",
        ),
        (
            "A,E=7|L=7,2160,1680",
            "A,E=7|L=7,1680,2160",
            "MinTotalMinutes 2160 大于 MaxTotalMinutes 1680。请更正这两个值。",
        ),
    ],
)
def test_import_malformed_sections_in_chinese(tmp_path, old, new, message):
    bad = tmp_path / "bad.txt"
    bad.write_text(TINY.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = run_cli("--lang", "zh", "import", "curtois", bad, "-o", tmp_path / "x.toml")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("错误：文件 bad.txt，第 "), result.stderr
    assert message in result.stderr, result.stderr


def test_import_missing_sections_in_both_languages(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("SECTION_HORIZON\n7\n", encoding="utf-8")
    result = run_cli("import", "curtois", bad, "-o", tmp_path / "x.toml")
    assert result.exit_code == 2
    assert (
        "bad.txt: missing section(s) SECTION_SHIFTS, SECTION_STAFF, SECTION_COVER. A Curtois–Qu instance has "
        "sections SECTION_HORIZON, SECTION_SHIFTS, SECTION_STAFF, SECTION_DAYS_OFF, SECTION_SHIFT_ON_REQUESTS, "
        "SECTION_SHIFT_OFF_REQUESTS, SECTION_COVER. See the format description in the instance's own comment "
        "lines (Curtois–Qu benchmark)." in result.stderr
    )
    result = run_cli("--lang", "zh", "import", "curtois", bad, "-o", tmp_path / "x.toml")
    assert result.exit_code == 2
    assert (
        "文件 bad.txt：缺少段：SECTION_SHIFTS, SECTION_STAFF, SECTION_COVER。Curtois–Qu 算例包含这些段："
        "SECTION_HORIZON, SECTION_SHIFTS, SECTION_STAFF, SECTION_DAYS_OFF, SECTION_SHIFT_ON_REQUESTS, "
        "SECTION_SHIFT_OFF_REQUESTS, SECTION_COVER。格式说明见算例文件自带的注释行（Curtois–Qu 基准）。"
        in result.stderr
    )


def test_every_curtois_message_key_is_used():
    from rosterkit import labels
    from rosterkit.io import curtois

    source = Path(curtois.__file__).read_text(encoding="utf-8")
    keys = [k for k in labels.CATALOGUE if k.startswith("err.curtois.") and not k.endswith(".fix")]
    assert keys
    for key in keys:
        assert f'"{key}"' in source, key
        if f"{key}.fix" in labels.CATALOGUE:
            assert f'"{key}.fix"' in source, f"{key}.fix"


def test_import_refuses_to_overwrite_its_input(tmp_path):
    copy = tmp_path / "inst.toml"
    copy.write_text(TINY.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("import", "curtois", copy, "-o", copy)
    assert result.exit_code == 2 and "would overwrite an input file" in result.stderr


@needs_shared
@pytest.mark.slow
@pytest.mark.parametrize(("instance", "optimum"), [(1, 607), (3, 1001)])
def test_import_and_roster_reach_the_proven_optimum(tmp_path, instance, optimum):
    out = tmp_path / "team.toml"
    assert run_cli("import", "curtois", CURTOIS / f"Instance{instance}.txt", "-o", out).exit_code == 0
    team = read_team(out)
    result = solve(team, SolveOptions(time_limit_s=30, workers=2, seed=0))
    assert result.roster is not None
    grid = grid_of(team, result.roster)
    report = check(result.roster, team)
    reference = read(CURTOIS / f"Instance{instance}.txt")
    assert report.hard_violations == 0 and hard_breaches(reference, grid) == []
    assert report.cost == result.objective == objective(reference, grid) == optimum
