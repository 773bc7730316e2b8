"""What ``rosterkit.attendance.reconcile_month`` returns: the daily table, the monthly summary, the exceptions to follow
up, and the accounting of every input punch."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from rosterkit.model import columns as C
from rosterkit.model.attendance_settings import AttendanceSettings
from rosterkit.model.leave import LeaveType

# outcomes of an input punch (the accounting adds these up to the input's rows)
MATCHED = "matched"
OUTSIDE = "outside_roster"
UNMATCHED = "unmatched"
OUTCOMES = (MATCHED, OUTSIDE, UNMATCHED)

# statuses of a daily row (stable codes written into daily.csv; labels translate them)
STATUSES = (
    "ok",
    "late",
    "serious_late",
    "early_leave",
    "late_and_early",
    "missing_in",
    "missing_out",
    "half_day_absent",
    "absent",
    "leave",
    "half_day_leave",
    "unscheduled_work",
    "unscheduled_punch",
    "rest",
)

# columns of the monthly summary (月度汇总), one row per employee
SUMMARY_COLUMNS = [
    C.EMPLOYEE_ID,
    C.NAME,
    "scheduled_days",
    "attended_days",
    "late_count",
    "late_minutes",
    "serious_late_count",
    "early_leave_count",
    "early_leave_minutes",
    "missing_punches",
    "absent_days",
    *[f"leave_{lt.value}_days" for lt in LeaveType],
    "overtime_150_hours",
    "overtime_200_hours",
    "overtime_300_hours",
    "holiday_duty_days",
    "unscheduled_days",
]

# columns of the exceptions table
EXCEPTION_COLUMNS = [
    C.EMPLOYEE_ID,
    C.NAME,
    C.DATE,
    "kind",
    C.PUNCHES,
    C.LATE_MINUTES,
    C.EARLY_LEAVE_MINUTES,
    "info",  # a leave type code, an unmatched punch's reason, or a leave record's dates
    C.SOURCE_FILE,
    C.SOURCE_ROW,  # the first row of unmatched punches
    "rows",  # how many unmatched punches of this kind in that file
]


@dataclass
class AttendanceResult:
    """The reconciled month.

    - ``daily``: one row per employee per day with a scheduled shift, a punch or a leave record:
      the ``daily.csv`` contract columns (``rosterkit.model.columns.DAILY_COLUMNS``) plus name,
      day_kind, scheduled_days, attended_days, absent_days, leave_days, serious_late, pay-class
      overtime minutes (overtime_150/200/300_minutes), holiday_duty.
    - ``summary``: one row per employee (月度汇总).
    - ``exceptions``: ``EXCEPTION_COLUMNS`` — what a clerk follows up.
    - ``punches``: one row per input punch: source_file, source_row, employee_id (as written),
      name, timestamp, resolved_id, outcome (matched / outside_roster / unmatched), reason,
      duplicate (collapsed into the previous punch), date (the day it was counted on).
    - ``accounting``: outcome, reason, rows — the counts; they add up to the input's rows.
    """

    daily: pd.DataFrame
    summary: pd.DataFrame
    exceptions: pd.DataFrame
    punches: pd.DataFrame
    accounting: pd.DataFrame
    period: tuple[date, date]
    settings: AttendanceSettings
    warnings: list[str] = field(default_factory=list)

    @property
    def input_rows(self) -> int:
        return len(self.punches)

    def counts(self) -> dict[str, int]:
        """Input punches by outcome (matched, outside_roster, unmatched)."""
        found = self.punches["outcome"].value_counts()
        return {o: int(found.get(o, 0)) for o in OUTCOMES}

    def daily_csv(self) -> pd.DataFrame:
        """The ``daily.csv`` contract table (dates ISO, booleans 0/1)."""
        out = self.daily[C.DAILY_COLUMNS].copy()
        out[C.DATE] = pd.to_datetime(out[C.DATE]).dt.strftime(C.DATE_FORMAT)
        return out
