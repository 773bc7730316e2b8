"""Each attendance rule on a small case that can be checked by hand."""

from __future__ import annotations

import pandas as pd
import pytest
from attendance_helpers import day, punches, random_month, roster, run
from hypothesis import given, settings
from hypothesis import strategies as st

from rosterkit.model.leave import Approver, HalfDay, Leave, LeaveType

MON = "2024-03-04"  # an ordinary Monday


@pytest.mark.parametrize(
    ("arrival", "late", "status"),
    [("09:04", 0, "ok"), ("09:05", 0, "ok"), ("09:05:59", 0, "ok"), ("09:06", 6, "late")],
)
def test_late_by_grace_plus_minus_one_minute(arrival, late, status):
    result = run(
        roster(("E1", MON, "D")),
        punches(("E1", f"{MON} {arrival}"), ("E1", f"{MON} 18:00")),
        late_grace_minutes=5,
    )
    row = day(result, "E1", MON)
    assert (row["late_minutes"], row["status"]) == (late, status)


@pytest.mark.parametrize(("leaving", "grace", "early"), [("17:59", 0, 1), ("17:59", 1, 0), ("17:58", 1, 2)])
def test_early_leave_grace(leaving, grace, early):
    result = run(
        roster(("E1", MON, "D")),
        punches(("E1", f"{MON} 08:55"), ("E1", f"{MON} {leaving}")),
        early_grace_minutes=grace,
    )
    row = day(result, "E1", MON)
    assert row["early_leave_minutes"] == early
    assert row["status"] == ("early_leave" if early else "ok")


def test_serious_late_and_absence_thresholds():
    r = roster(("E1", MON, "D"), ("E2", MON, "D"), ("E3", MON, "D"), ("E4", MON, "D"))
    p = punches(
        ("E1", f"{MON} 09:30"),
        ("E1", f"{MON} 18:00"),  # 30 min late: serious
        ("E2", f"{MON} 11:00"),
        ("E2", f"{MON} 18:00"),  # 120 min: half a day absent
        ("E3", f"{MON} 11:00"),
        ("E3", f"{MON} 16:00"),  # 120 late + 120 early = 240: absent
    )
    result = run(r, p, serious_late_minutes=30, half_day_absent_minutes=120, absent_minutes=240)
    assert day(result, "E1", MON)["status"] == "serious_late"
    e2 = day(result, "E2", MON)
    assert (e2["status"], e2["absent_days"], e2["attended_days"]) == ("half_day_absent", 0.5, 0.5)
    e3 = day(result, "E3", MON)
    assert (e3["status"], e3["absent_days"]) == ("absent", 1.0)
    e4 = day(result, "E4", MON)  # no punch at all
    assert (e4["status"], e4["absent_days"], e4["missing_in"], e4["missing_out"]) == ("absent", 1.0, 1, 1)
    summary = result.summary.set_index("employee_id")
    assert summary.loc["E1", "serious_late_count"] == 1
    assert summary.loc["E4", "missing_punches"] == 0  # an absent day is 旷工, not 缺卡


def test_single_punch_is_in_or_out_by_nearness_and_direction_wins():
    r = roster(("E1", MON, "D"), ("E2", MON, "D"), ("E3", MON, "D"))
    p = punches(("E1", f"{MON} 08:50"), ("E2", f"{MON} 18:10"), ("E3", f"{MON} 08:50", "out"))
    result = run(r, p, half_day_absent_minutes=600, absent_minutes=600)
    assert day(result, "E1", MON)["status"] == "missing_out"
    assert day(result, "E2", MON)["status"] == "missing_in"
    e3 = day(result, "E3", MON)  # an out-punch at 08:50: left 550 minutes early
    assert (e3["status"], e3["early_leave_minutes"]) == ("missing_in", 550)
    assert result.summary.set_index("employee_id").loc["E1", "missing_punches"] == 1


def test_duplicates_within_a_minute_collapse():
    p = punches(("E1", f"{MON} 08:58:00"), ("E1", f"{MON} 08:58:40"), ("E1", f"{MON} 18:00"))
    result = run(roster(("E1", MON, "D")), p)
    assert day(result, "E1", MON)["punches"] == "08:58;18:00"
    assert result.punches["duplicate"].sum() == 1
    assert result.counts()["matched"] == 3  # the duplicate is accounted with its twin


@pytest.mark.parametrize(
    ("arrive", "leave", "overtime"),
    [("08:55", "18:29", 0), ("08:55", "18:30", 30), ("08:55", "19:10", 60), ("07:30", "18:00", 90)],
)
def test_overtime_minimum_and_rounding(arrive, leave, overtime):
    result = run(roster(("E1", MON, "D")), punches(("E1", f"{MON} {arrive}"), ("E1", f"{MON} {leave}")))
    row = day(result, "E1", MON)
    assert row["overtime_minutes"] == overtime
    assert row["overtime_150_minutes"] == overtime


def test_overnight_shift_takes_the_next_mornings_punch():
    r = roster(("E1", MON, "N"), ("E1", "2024-03-05", ""))
    result = run(r, punches(("E1", f"{MON} 21:55"), ("E1", "2024-03-05 06:03")))
    row = day(result, "E1", MON)
    assert (row["status"], row["punches"], row["late_minutes"]) == ("ok", "21:55;06:03+1", 0)
    assert len(result.daily) == 1  # nothing left over on the 5th


def test_adjacent_shifts_never_claim_the_same_punch():
    # E ends 22:00 on Monday, M starts 06:00 on Tuesday: windows are cut at 02:00
    r = roster(("E1", MON, "E"), ("E1", "2024-03-05", "M"))
    p = punches(
        ("E1", f"{MON} 13:55"),
        ("E1", f"{MON} 22:30"),
        ("E1", "2024-03-05 01:58"),
        ("E1", "2024-03-05 02:00"),
        ("E1", "2024-03-05 05:50"),
        ("E1", "2024-03-05 14:00"),
    )
    result = run(r, p, window_after_end_minutes=360, window_before_start_minutes=360)
    monday, tuesday = day(result, "E1", MON), day(result, "E1", "2024-03-05")
    assert monday["punches"] == "13:55;22:30;01:58+1"
    assert tuesday["punches"] == "02:00;05:50;14:00"
    assert result.counts() == {"matched": 6, "outside_roster": 0, "unmatched": 0}


def test_half_day_leave_moves_start_or_end_to_mid_shift():
    r = roster(("E1", MON, "D"), ("E2", MON, "D"))
    leave = [
        Leave(
            employee_id="E1",
            start=MON,
            end=MON,
            type=LeaveType.PERSONAL,
            half_day=HalfDay.AM,
            approved_by=Approver.TEAM_LEAD,
        ),
        Leave(
            employee_id="E2",
            start=MON,
            end=MON,
            type=LeaveType.SICK,
            half_day=HalfDay.PM,
            approved_by=Approver.TEAM_LEAD,
        ),
    ]
    p = punches(
        ("E1", f"{MON} 13:30"), ("E1", f"{MON} 18:00"), ("E2", f"{MON} 09:00"), ("E2", f"{MON} 13:30")
    )
    result = run(r, p, leave)
    for emp, kind in (("E1", "personal"), ("E2", "sick")):
        row = day(result, emp, MON)
        assert (row["status"], row["late_minutes"], row["early_leave_minutes"]) == ("half_day_leave", 0, 0)
        assert (row["leave_type"], row["leave_days"], row["attended_days"]) == (kind, 0.5, 0.5)
    assert result.exceptions.empty  # half a day approved by the team lead is fine
    late = run(r, punches(("E1", f"{MON} 13:40"), ("E1", f"{MON} 18:00")), leave)
    assert day(late, "E1", MON)["late_minutes"] == 10


def test_full_leave_covers_the_scheduled_day_and_approval_level_is_checked():
    r = roster(("E1", MON, "D"), ("E1", "2024-03-05", "D"), ("E2", MON, "D"), ("E3", MON, "annual"))
    leave = [
        Leave(
            employee_id="E1",
            start=MON,
            end="2024-03-05",
            type=LeaveType.ANNUAL,
            approved_by=Approver.TEAM_LEAD,
        ),
        Leave(employee_id="E2", start=MON, end=MON, type=LeaveType.SICK),
    ]
    result = run(r, punches(), leave)
    assert day(result, "E1", MON)["status"] == "leave"
    assert day(result, "E3", MON)["leave_type"] == "annual"  # a leave code in the roster
    summary = result.summary.set_index("employee_id")
    assert (summary.loc["E1", "scheduled_days"], summary.loc["E1", "leave_annual_days"]) == (2, 2)
    assert summary.loc["E1", "absent_days"] == 0
    assert summary.loc["E3", "leave_annual_days"] == 1
    kinds = dict(zip(result.exceptions["employee_id"], result.exceptions["kind"], strict=True))
    assert kinds == {"E1": "leave_needs_manager", "E2": "leave_not_approved"}
    stranger = Leave(employee_id="Z9", start=MON, end=MON, type=LeaveType.SICK, approved_by=Approver.MANAGER)
    result = run(r, punches(), [*leave, stranger])
    assert "Z9" not in set(result.daily["employee_id"])
    assert result.exceptions.set_index("employee_id").loc["Z9", "kind"] == "leave_not_on_roster"


def test_holiday_and_day_off_work_flagged_with_pay_class():
    # 2024-10-01 is National Day (statutory, 300 %); 2024-10-12 is a Saturday rest day (200 %)
    r = roster(
        ("E1", "2024-10-01", ""),
        ("E1", "2024-10-02", "D"),
        ("E1", "2024-10-12", ""),
        ("E2", "2024-10-01", "D"),
    )
    p = punches(
        ("E1", "2024-10-01 09:00"),
        ("E1", "2024-10-01 17:00"),
        ("E1", "2024-10-12 10:00"),
        ("E1", "2024-10-12 12:10"),
        ("E2", "2024-10-01 08:55"),
        ("E2", "2024-10-01 19:00"),
    )
    result = run(r, p)
    holiday = day(result, "E1", "2024-10-01")
    assert (holiday["status"], holiday["day_kind"], holiday["overtime_300_minutes"]) == (
        "unscheduled_work",
        "holiday",
        480,
    )
    rest = day(result, "E1", "2024-10-12")
    assert (rest["overtime_200_minutes"], rest["overtime_minutes"]) == (120, 120)
    duty = day(result, "E2", "2024-10-01")
    assert (duty["holiday_duty"], duty["overtime_300_minutes"]) == (1, 60)
    reasons = set(result.punches.loc[result.punches["outcome"] == "outside_roster", "reason"])
    assert reasons == {"on a statutory holiday without a shift", "on a day off"}
    summary = result.summary.set_index("employee_id")
    assert summary.loc["E1", "overtime_300_hours"] == 8
    assert summary.loc["E1", "unscheduled_days"] == 2


def test_names_match_when_unique_and_are_reported_otherwise():
    names = {"E1": "张三", "E2": "李四", "E3": "李四"}
    r = roster(("E1", MON, "D"), ("E2", MON, "D"), ("E3", MON, "D"))
    p = punches(
        ("", f"{MON} 08:55", "", "张三"),
        ("", f"{MON} 08:56", "", "李四"),
        ("", f"{MON} 08:57", "", "王五"),
        ("9", f"{MON} 08:58"),
    )
    result = run(r, p, names=names)
    out = result.punches.set_index("source_row")
    assert out.loc[2, "resolved_id"] == "E1"
    assert out.loc[3, "reason"] == "ambiguous name" and "E2, E3" in out.loc[3, "detail"]
    assert out.loc[4, "reason"] == "unknown name"
    assert out.loc[5, "reason"] == "unknown employee id"


def test_ids_match_ignoring_leading_zeros_and_names_come_from_the_export():
    result = run(
        roster(("0012", MON, "D")), punches(("12", f"{MON} 08:55", "", "张三"), ("12", f"{MON} 18:00"))
    )
    row = day(result, "0012", MON)
    assert (row["status"], row["name"]) == ("ok", "张三")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_accounting_adds_up_and_every_kept_punch_is_shown_once(seed):
    r, p = random_month(seed)
    result = run(r, p)
    counts = result.counts()
    assert sum(counts.values()) == len(p)
    assert result.accounting["rows"].sum() == len(p)
    assert counts["unmatched"] >= 3  # unknown id, after the period, before the period
    kept = result.punches[(result.punches["outcome"] != "unmatched") & ~result.punches["duplicate"]]
    shown = result.daily["punches"].str.split(";").map(lambda xs: len([x for x in xs if x])).sum()
    assert shown == len(kept)
    # each day's balance: due = attended + absent + leave
    s = result.summary
    assert (
        (
            s["scheduled_days"]
            - s["attended_days"]
            - s["absent_days"]
            - s.filter(regex="^leave_.*_days$").sum(axis=1)
        ).abs()
        < 1e-9
    ).all()


def test_leave_outside_the_roster_period_is_ignored_and_on_a_day_off_is_flagged():
    r = roster(("E1", MON, "D"), ("E1", "2024-03-05", ""))
    leave = [
        Leave(
            employee_id="E1",
            start="2024-03-05",
            end="2024-03-09",
            type=LeaveType.ANNUAL,
            approved_by=Approver.MANAGER,
        ),
    ]
    result = run(r, punches(("E1", f"{MON} 08:55"), ("E1", f"{MON} 18:00")), leave)
    assert result.daily["date"].max() == pd.Timestamp("2024-03-05")
    rest = day(result, "E1", "2024-03-05")
    assert (rest["status"], rest["leave_type"], rest["leave_days"]) == ("rest", "annual", 0)
    assert result.exceptions["kind"].tolist() == ["leave_on_day_off"]


@settings(max_examples=25, deadline=None)
@given(
    shift_codes=st.lists(st.sampled_from(["D", "E", "M", "N", ""]), min_size=1, max_size=5),
    offsets=st.lists(st.integers(min_value=-36 * 60, max_value=6 * 24 * 60), max_size=25),
)
def test_every_punch_has_exactly_one_outcome_and_one_row(shift_codes, offsets):
    days = [(pd.Timestamp(MON) + pd.Timedelta(days=i)).date().isoformat() for i in range(len(shift_codes))]
    r = roster(*[("E1", d, code) for d, code in zip(days, shift_codes, strict=True)])
    stamps = [str(pd.Timestamp(MON) + pd.Timedelta(minutes=m)) for m in offsets]
    result = run(r, punches(*[("E1", s) for s in stamps]))
    assert sum(result.counts().values()) == len(stamps)
    kept = result.punches[(result.punches["outcome"] != "unmatched") & ~result.punches["duplicate"]]
    shown = [x for cell in result.daily["punches"] for x in cell.split(";") if x]
    assert len(shown) == len(kept)
    beyond = result.punches["reason"] == "outside the roster period"
    assert (result.punches.loc[beyond, "outcome"] == "unmatched").all()


def test_every_setting_has_a_label_for_the_rules_sheet():
    from rosterkit.labels import CATALOGUE
    from rosterkit.model.attendance_settings import AttendanceSettings

    assert [f for f in AttendanceSettings.model_fields if f"att.rule.{f}" not in CATALOGUE] == []


def test_a_lone_punch_on_the_first_morning_is_the_previous_nights_end():
    r = roster(("E1", MON, ""), ("E1", "2024-03-05", "D"), ("E2", MON, ""))
    p = punches(("E1", f"{MON} 06:04"), ("E2", f"{MON} 09:00"), ("E2", f"{MON} 15:00"))
    result = run(r, p)
    out = result.punches.set_index("source_row")
    assert out.loc[2, "outcome"] == "unmatched" and "previous period's night shift" in out.loc[2, "reason"]
    assert result.counts() == {"matched": 0, "outside_roster": 2, "unmatched": 1}  # E2 worked her day off
    assert set(result.daily["employee_id"] + result.daily["status"]) == {"E1absent", "E2unscheduled_work"}
