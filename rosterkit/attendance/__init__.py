"""Attendance: reconcile the month's punches against the roster (spec section 5).

The whole command as Python calls (what ``rosterkit attendance`` does)::

    from rosterkit.attendance import AttendanceSettings, reconcile_month
    from rosterkit.calendar import WorkCalendar
    from rosterkit.io.attendance_workbook import write_attendance
    from rosterkit.io.leave_file import read_leave
    from rosterkit.io.punches import read_punch_files
    from rosterkit.io.roster_table import read_roster_table

    roster = read_roster_table("roster.csv")            # employee_id, date, shift, start, end, leave_type
    punches = read_punch_files(["zkteco.xlsx", "dingtalk.xlsx"])   # format recognised by the header
    leave = read_leave("leave.xlsx", names)             # names: employee id -> name (optional)
    result = reconcile_month(roster, punches, leave, AttendanceSettings(late_grace_minutes=5),
                             WorkCalendar("CN"), names)
    write_attendance(result, "out/")                    # attendance.xlsx + daily.csv

``result`` (``AttendanceResult``) holds ``daily`` (the daily.csv columns and more), ``summary``
(月度汇总 per employee), ``exceptions``, ``punches`` (each input punch's outcome and reason) and
``accounting`` (counts by outcome and reason, adding up to the input rows); ``result.counts()``.
"""

from rosterkit.attendance.reconcile import prepare_roster, reconcile_month
from rosterkit.model.attendance_result import AttendanceResult
from rosterkit.model.attendance_settings import AttendanceSettings

__all__ = ["AttendanceResult", "AttendanceSettings", "prepare_roster", "reconcile_month"]
