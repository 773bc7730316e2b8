"""The per-shift rules, over arrays of shifts: late, early leave, missing punches, absence,
overtime, half- and full-day leave (pure numpy; thresholds from ``AttendanceSettings``)."""

from __future__ import annotations

import numpy as np

from rosterkit.attendance.matching import NO_IN, NO_OUT
from rosterkit.model.attendance_settings import AttendanceSettings

STATUS_ORDER = (  # the first that applies names the day
    "leave",
    "absent",
    "half_day_absent",
    "missing_in",
    "missing_out",
    "serious_late",
    "late_and_early",
    "late",
    "early_leave",
    "half_day_leave",
)


def round_overtime(minutes: np.ndarray, settings: AttendanceSettings) -> np.ndarray:
    """Overtime as counted: below the minimum none, else rounded down to whole units."""
    minutes = np.maximum(minutes, 0)
    rounded = minutes - minutes % settings.overtime_unit_minutes
    return np.where(minutes >= settings.overtime_min_minutes, rounded, 0)


def judge_shifts(
    count: np.ndarray,
    in_sec: np.ndarray,
    out_sec: np.ndarray,
    s_start: np.ndarray,
    s_end: np.ndarray,
    leave_type: np.ndarray,
    half: np.ndarray,
    settings: AttendanceSettings,
) -> dict[str, np.ndarray]:
    """Everything a day's row says about a scheduled shift.

    Late / early are whole minutes past the (half-day-leave adjusted) start / end, counted only
    beyond the grace; late + early at least ``half_day_absent_minutes`` is half a day of 旷工, at
    least ``absent_minutes`` (or no punch at all) the whole scheduled part of the day. Overtime
    before the start and after the end is rounded separately; a half-day leave's side has none."""
    has_in, has_out = in_sec != NO_IN, out_sec != NO_OUT
    full_leave = (leave_type != "") & (half == "")
    half_am, half_pm = half == "am", half == "pm"
    leave_days = np.where(full_leave, 1.0, np.where(half != "", 0.5, 0.0))
    due = 1.0 - leave_days
    working = ~full_leave

    mid = s_start + (s_end - s_start) // 2
    start = np.where(half_am, mid, s_start)
    end = np.where(half_pm, mid, s_end)
    late_raw = np.where(has_in, np.maximum(in_sec - start, 0) // 60, 0)
    early_raw = np.where(has_out, np.maximum(end - out_sec, 0) // 60, 0)
    late = working & (late_raw > settings.late_grace_minutes)
    early = working & (early_raw > settings.early_grace_minutes)
    late_min = np.where(late, late_raw, 0)
    early_min = np.where(early, early_raw, 0)
    serious = late & (late_raw >= settings.serious_late_minutes)
    no_punch = working & (count == 0)
    missed = late_min + early_min
    absent = np.select(
        [~working, no_punch, missed >= settings.absent_minutes, missed >= settings.half_day_absent_minutes],
        [0.0, due, due, np.minimum(0.5, due)],
        default=0.0,
    )
    before = np.where(
        has_in & working & ~half_am & settings.overtime_before_shift, (s_start - in_sec) // 60, 0
    )
    after = np.where(has_out & working & ~half_pm & settings.overtime_after_shift, (out_sec - s_end) // 60, 0)
    missing_in, missing_out = working & ~has_in, working & ~has_out
    conditions = [
        full_leave,
        no_punch | ((absent > 0) & (absent >= due)),
        absent > 0,
        missing_in,
        missing_out,
        serious,
        late & early,
        late,
        early,
        leave_days > 0,
    ]
    return {
        "status": np.select(conditions, list(STATUS_ORDER), default="ok"),
        "late_minutes": late_min.astype(np.int64),
        "early_leave_minutes": early_min.astype(np.int64),
        "missing_in": missing_in.astype(np.int64),
        "missing_out": missing_out.astype(np.int64),
        "overtime_minutes": (round_overtime(before, settings) + round_overtime(after, settings)).astype(
            np.int64
        ),
        "serious_late": serious.astype(np.int64),
        "leave_days": leave_days,
        "absent_days": absent,
        "attended_days": np.maximum(due - absent, 0.0),
    }
