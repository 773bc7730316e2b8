"""Attendance: reconcile the month's punches against the roster (spec section 5).

from rosterkit.attendance import reconcile_month, AttendanceSettings
result = reconcile_month(roster_df, punches_df, leave, AttendanceSettings(), WorkCalendar("CN"))
result.daily, result.summary, result.exceptions, result.punches, result.accounting
"""

from rosterkit.attendance.reconcile import prepare_roster, reconcile_month
from rosterkit.model.attendance_result import AttendanceResult
from rosterkit.model.attendance_settings import AttendanceSettings

__all__ = ["AttendanceResult", "AttendanceSettings", "prepare_roster", "reconcile_month"]
