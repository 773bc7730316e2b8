"""The monthly summary per employee (月度汇总), the exceptions to follow up, and the accounting of
the input punches — all computed from the daily table and the per-punch outcomes."""

from __future__ import annotations

import pandas as pd

from rosterkit.model import columns as C
from rosterkit.model.attendance_result import EXCEPTION_COLUMNS, OUTCOMES, SUMMARY_COLUMNS
from rosterkit.model.leave import LeaveType

EXCEPTION_STATUSES = (
    "absent",
    "half_day_absent",
    "missing_in",
    "missing_out",
    "serious_late",
    "unscheduled_work",
    "unscheduled_punch",
)


def monthly_summary(daily: pd.DataFrame) -> pd.DataFrame:
    """One row per employee: days due and attended, late / early counts and minutes, missing
    punches (on days with at least one punch), absence days, leave days by type, overtime hours by
    pay class, holiday duty days, days worked outside the roster."""
    d = daily.assign(
        late_count=(daily[C.LATE_MINUTES] > 0).astype(int),
        early_leave_count=(daily[C.EARLY_LEAVE_MINUTES] > 0).astype(int),
        missing_punches=(daily[C.MISSING_IN] + daily[C.MISSING_OUT]).where(daily["punch_count"] > 0, 0),
        unscheduled_days=daily[C.STATUS].isin(["unscheduled_work", "unscheduled_punch"]).astype(int),
        serious_late_count=daily["serious_late"],
        holiday_duty_days=daily["holiday_duty"],
    )
    for lt in LeaveType:
        d[f"leave_{lt.value}_days"] = d["leave_days"].where(d[C.LEAVE_TYPE] == lt.value, 0.0)
    for pay in (150, 200, 300):
        d[f"overtime_{pay}_hours"] = d[f"overtime_{pay}_minutes"] / 60.0
    sums = [c for c in SUMMARY_COLUMNS if c not in (C.EMPLOYEE_ID, C.NAME)]
    out = d.groupby(C.EMPLOYEE_ID, sort=True).agg({C.NAME: "first", **{c: "sum" for c in sums}})
    return out.reset_index()[SUMMARY_COLUMNS]


def exceptions_table(daily: pd.DataFrame, approvals: list[dict], punches: pd.DataFrame) -> pd.DataFrame:
    """What a clerk follows up: absences, missing punches, serious lateness, work outside the
    roster, punches on leave days, leave on days off, leave approval problems, and unmatched punches
    (one line per reason, person and file, with the first row and the count)."""
    parts = []
    flagged = daily[daily[C.STATUS].isin(EXCEPTION_STATUSES)]
    parts.append(flagged.assign(kind=flagged[C.STATUS], info=""))
    on_leave = daily[(daily[C.STATUS] == "leave") & (daily["punch_count"] > 0)]
    parts.append(on_leave.assign(kind="punched_on_leave", info=on_leave[C.LEAVE_TYPE]))
    day_off = daily[daily["leave_on_day_off"] > 0]
    parts.append(day_off.assign(kind="leave_on_day_off", info=day_off[C.LEAVE_TYPE]))
    if approvals:
        names = daily.drop_duplicates(C.EMPLOYEE_ID).set_index(C.EMPLOYEE_ID)[C.NAME]
        frame = pd.DataFrame(approvals)
        parts.append(frame.assign(name=frame[C.EMPLOYEE_ID].map(names).fillna("")))
    lost = punches[punches["outcome"] == "unmatched"]
    if len(lost):
        grouped = (
            lost.groupby(["reason", C.EMPLOYEE_ID, C.NAME, C.SOURCE_FILE], sort=False, dropna=False)
            .agg(source_row=(C.SOURCE_ROW, "min"), rows=(C.SOURCE_ROW, "size"))
            .reset_index()
        )
        parts.append(grouped.assign(kind="unmatched_punches", info=grouped["reason"], date=pd.NaT))
    parts = [part.reindex(columns=EXCEPTION_COLUMNS) for part in parts if len(part)]
    if not parts:
        return pd.DataFrame(columns=EXCEPTION_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values([C.EMPLOYEE_ID, C.DATE], kind="stable", na_position="last").reset_index(drop=True)


def accounting_table(punches: pd.DataFrame) -> pd.DataFrame:
    """Input punches counted by outcome and reason, with the duplicates collapsed in each group.
    The ``rows`` add up to the number of input rows."""
    grouped = (
        punches.groupby(["outcome", "reason"], sort=False)
        .agg(rows=("outcome", "size"), duplicates=("duplicate", "sum"))
        .reset_index()
    )
    grouped["order"] = grouped["outcome"].map({o: i for i, o in enumerate(OUTCOMES)})
    grouped = grouped.sort_values(["order", "rows"], ascending=[True, False]).drop(columns="order")
    return grouped.reset_index(drop=True)
