"""Reading ``roster.csv`` (spec section 2: ``employee_id,date,shift,start,end``) into the table
``rosterkit.attendance.reconcile_month`` takes, with a ``leave_type`` column: a leave code (or its
Chinese name) in ``shift`` on a day without start/end is a leave day.

``roster.xlsx`` (as ``rosterkit roster`` writes it, hand edits included) is read through
``rosterkit.io.roster_workbook.read_roster_table``, shift times from its legend sheet.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from rosterkit.errors import InputError, Location
from rosterkit.io.punch_times import to_dates, to_timestamps
from rosterkit.io.sheet_rows import EXCEL_SUFFIXES, read_keyed_table
from rosterkit.labels import aliases, t
from rosterkit.model import columns as C
from rosterkit.model.leave import LEAVE_NAMES_ZH, parse_leave_type

OFF_WORDS = ("nan", "None", "off", "OFF", "休", "休息", "-", "/")  # a day off written in the shift column
ROSTER_NAMES: dict[str, tuple[str, ...]] = {
    C.EMPLOYEE_ID: (C.EMPLOYEE_ID, *aliases("att.col.employee_id"), "员工编号"),
    C.DATE: (C.DATE, *aliases("att.col.date")),
    C.SHIFT: (C.SHIFT, *aliases("att.col.shift"), "班次代码"),
    C.START: (C.START, *aliases("att.col.start"), "开始时间"),
    C.END: (C.END, *aliases("att.col.end"), "结束时间"),
}


def read_roster_table(path: Path | str) -> pd.DataFrame:
    """The roster as a table: employee_id, date, shift ("" on a day off), start, end (NaT on days
    without a shift), leave_type (a LeaveType code, or "")."""
    path = Path(path)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        from rosterkit.io.roster_workbook import read_roster_table as read_workbook

        return read_workbook(path)
    table = read_keyed_table(path, ROSTER_NAMES, tuple(ROSTER_NAMES), "err.what.roster")
    frame = table.frame
    if frame.empty:
        raise InputError(
            t("err.roster.no_rows"), where=Location(file=path), fix=t("err.roster.no_rows.month_fix")
        )

    def where(key):
        return lambda i: table.where(i, key)

    out = pd.DataFrame(
        {
            C.EMPLOYEE_ID: frame[C.EMPLOYEE_ID]
            .astype(str)
            .str.strip()
            .str.replace(r"^(\d+)\.0$", r"\1", regex=True),
            C.DATE: to_dates(frame[C.DATE], where(C.DATE)),
            C.SHIFT: frame[C.SHIFT].fillna("").astype(str).str.strip().replace(dict.fromkeys(OFF_WORDS, "")),
            C.START: to_timestamps(frame[C.START], where(C.START)),
            C.END: to_timestamps(frame[C.END], where(C.END)),
        }
    )
    empty_id = out[C.EMPLOYEE_ID].isin(["", "nan", "None"])
    if empty_id.any():
        i = int(empty_id.to_numpy().nonzero()[0][0])
        raise InputError(t("err.emp.empty_id"), where=table.where(i, C.EMPLOYEE_ID), fix=t("err.fix.fill_in"))
    no_date = out[C.DATE].isna()
    if no_date.any():
        i = int(no_date.to_numpy().nonzero()[0][0])
        raise InputError(
            t("err.roster.empty_date"), where=table.where(i, C.DATE), fix=t("err.roster.empty_date.fix")
        )
    twice = out.duplicated([C.EMPLOYEE_ID, C.DATE])
    if twice.any():
        i = int(twice.to_numpy().nonzero()[0][0])
        raise InputError(
            t("err.roster.second_row", id=out[C.EMPLOYEE_ID].iloc[i], date=out[C.DATE].iloc[i].date()),
            where=table.where(i, C.DATE),
            fix=t("err.roster.second_row.fix"),
        )
    leave = out[C.SHIFT].map(lambda s: (lt.value if (lt := parse_leave_type(s)) else "") if s else "")
    no_times = out[C.START].isna() | out[C.END].isna()
    out[C.LEAVE_TYPE] = leave.where(no_times, "")
    bad = no_times & (out[C.SHIFT] != "") & (out[C.LEAVE_TYPE] == "")
    if bad.any():
        i = int(bad.to_numpy().nonzero()[0][0])
        column = C.START if out[C.START].isna().iloc[i] else C.END
        known = ", ".join(f"{lt.value} ({zh})" for lt, zh in LEAVE_NAMES_ZH.items())
        raise InputError(
            t("err.roster.no_time", shift=out[C.SHIFT].iloc[i], column=t(f"err.roster.when.{column}")),
            where=table.where(i, column),
            fix=t("err.roster.no_time.fix", known=known),
        )
    backwards = out[C.END] <= out[C.START]
    if backwards.any():
        i = int(backwards.to_numpy().nonzero()[0][0])
        raise InputError(
            t("err.roster.backwards", end=out[C.END].iloc[i], start=out[C.START].iloc[i]),
            where=table.where(i, C.END),
            fix=t("err.roster.backwards.fix"),
        )
    out.loc[no_times, C.START] = pd.NaT
    out.loc[no_times, C.END] = pd.NaT
    return out
