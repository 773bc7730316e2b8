"""The example centre's month (examples/): every planted defect of examples/defects.csv shows in
the reconciled output, and the punch accounting adds up."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from rosterkit.attendance import AttendanceSettings, reconcile_month
from rosterkit.calendar import WorkCalendar
from rosterkit.io.leave_file import read_leave
from rosterkit.io.punches import read_punch_files
from rosterkit.io.roster_table import read_roster_table

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
pytestmark = pytest.mark.skipif(
    not (EXAMPLES / "defects.csv").exists(), reason="example centre not generated"
)


@pytest.fixture(scope="module")
def month():
    from rosterkit.io.team import read_team

    names = {e.id: e.name for e in read_team(EXAMPLES / "team.xlsx").employees}
    punches = read_punch_files([EXAMPLES / "punches-zkteco.xlsx", EXAMPLES / "punches-dingtalk.xlsx"])
    result = reconcile_month(
        read_roster_table(EXAMPLES / "roster-worked.csv"),
        punches,
        read_leave(EXAMPLES / "leave.xlsx", names),
        AttendanceSettings(),
        WorkCalendar("CN"),
        names,
    )
    return result, punches


def _defects():
    if not (EXAMPLES / "defects.csv").exists():
        return []
    return list(pd.read_csv(EXAMPLES / "defects.csv", dtype=str).fillna("").itertuples(index=False))


def _minutes(detail: str) -> int:
    return int(re.search(r"(\d+) min", detail).group(1))


@pytest.mark.parametrize("defect", _defects(), ids=lambda d: f"{d.employee_id}-{d.date}-{d.defect}")
def test_planted_defect_is_reported(month, defect):
    result, _ = month
    daily = result.daily
    rows = daily[(daily["employee_id"] == defect.employee_id) & (daily["date"] == pd.Timestamp(defect.date))]
    row = rows.iloc[0].to_dict() if len(rows) == 1 else {}
    kind = defect.defect
    if kind in ("missing_in", "missing_out", "absent"):
        assert row["status"] == kind
    elif kind == "late":
        assert row["status"] in ("late", "serious_late") and row["late_minutes"] == _minutes(defect.detail)
    elif kind == "early_leave":
        # DingTalk writes HH:MM only, so its minutes can be one more than the planted seconds-exact value
        assert (
            row["status"] == "early_leave" and abs(row["early_leave_minutes"] - _minutes(defect.detail)) <= 1
        )
    elif kind in ("overtime_after", "overtime_before"):
        expected = _minutes(defect.detail) // 30 * 30
        assert row["status"] == "ok" and row["overtime_minutes"] == expected
    elif kind == "duplicate":
        mine = result.punches[
            (result.punches["resolved_id"] == defect.employee_id)
            & (result.punches["date"] == pd.Timestamp(defect.date))
        ]
        assert mine["duplicate"].sum() == 1 and row["status"] == "ok"
        assert len(row["punches"].split(";")) == 2
    elif kind == "work_on_day_off":
        pay = "overtime_300_minutes" if "statutory holiday" in defect.detail else "overtime_200_minutes"
        assert row["status"] == "unscheduled_work" and row[pay] >= 300
    elif kind == "wrong_approval":
        exc = result.exceptions
        assert ((exc["employee_id"] == defect.employee_id) & (exc["kind"] == "leave_needs_manager")).any()
        assert row["status"] == "leave"
    elif kind == "sick_unplanned":
        assert (row["status"], row["leave_type"]) == ("leave", "sick")
    elif kind == "unknown_person":
        lost = result.punches[result.punches["employee_id"] == defect.employee_id]
        assert len(lost) == 2 and (lost["outcome"] == "unmatched").all()
    else:
        pytest.fail(f"no check for planted defect kind {kind!r}")


def test_example_accounting_adds_up(month):
    result, punches = month
    counts = result.counts()
    assert sum(counts.values()) == len(punches) == result.accounting["rows"].sum()
    assert counts["unmatched"] == 2
