"""The monthly summary per employee (月度汇总), the exceptions to follow up, and the accounting of
the input punches — all computed from the daily table and the per-punch outcomes."""

from __future__ import annotations

import pandas as pd

from rosterkit.model import columns as C
from rosterkit.model.attendance_result import OUTCOMES, SUMMARY_COLUMNS
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
    roster, punches on leave days, leave on days off, leave approval problems, unmatched punches."""
    parts = []
    flagged = daily[daily[C.STATUS].isin(EXCEPTION_STATUSES)]
    parts.append(flagged.assign(kind=flagged[C.STATUS], info=""))
    on_leave = daily[(daily[C.STATUS] == "leave") & (daily["punch_count"] > 0)]
    parts.append(on_leave.assign(kind="punched_on_leave", info=on_leave[C.LEAVE_TYPE]))
    day_off = daily[daily["leave_on_day_off"] > 0]
    parts.append(day_off.assign(kind="leave_on_day_off", info=day_off[C.LEAVE_TYPE]))
    names = daily.drop_duplicates(C.EMPLOYEE_ID).set_index(C.EMPLOYEE_ID)[C.NAME]
    if approvals:
        frame = pd.DataFrame(approvals)
        frame[C.NAME] = frame[C.EMPLOYEE_ID].map(names).fillna("")
        frame[C.PUNCHES] = ""
        parts.append(frame)
    lost = punches[punches["outcome"] == "unmatched"]
    if len(lost):
        grouped = (
            lost.groupby(["detail", C.SOURCE_FILE], sort=False)
            .agg(
                first_row=(C.SOURCE_ROW, "min"),
                rows=(C.SOURCE_ROW, "size"),
                employee_id=(C.EMPLOYEE_ID, "first"),
                name=(C.NAME, "first"),
            )
            .reset_index()
        )
        parts.append(
            pd.DataFrame(
                {
                    C.EMPLOYEE_ID: grouped[C.EMPLOYEE_ID],
                    C.NAME: grouped[C.NAME],
                    C.DATE: pd.NaT,
                    "kind": "unmatched_punches",
                    "info": grouped["detail"]
                    + " — "
                    + grouped[C.SOURCE_FILE].astype(str)
                    + " row "
                    + grouped["first_row"].astype(str)
                    + " ("
                    + grouped["rows"].astype(str)
                    + ")",
                    C.PUNCHES: "",
                }
            )
        )
    columns = [C.EMPLOYEE_ID, C.NAME, C.DATE, "kind", C.PUNCHES, "info"]
    out = (
        pd.concat([p[columns] for p in parts if len(p)], ignore_index=True)
        if any(len(p) for p in parts)
        else pd.DataFrame(columns=columns)
    )
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
