"""Matching punches to shifts with one sorted search (pure numpy).

Times are integer seconds since a base midnight; employees are integer codes. Each shift's punch
window is ``[start - before, end + after]``; where two consecutive shifts of one person have
overlapping windows, both are cut at the midpoint of the rest between them, so the windows of one
person are disjoint and sorted, and a punch belongs to at most one shift.
"""

from __future__ import annotations

import numpy as np

from rosterkit.model.attendance_settings import AttendanceSettings

KEY = np.int64(1) << 32  # employee code * KEY + seconds: one sortable key
NO_IN = np.iinfo(np.int64).max // 4  # sentinel: no in-punch
NO_OUT = -NO_IN  # sentinel: no out-punch


def punch_windows(
    s_code: np.ndarray, s_start: np.ndarray, s_end: np.ndarray, settings: AttendanceSettings
) -> tuple[np.ndarray, np.ndarray]:
    """Window start (inclusive) and end (exclusive) of shifts sorted by (employee, start)."""
    ws = s_start - settings.window_before_start_minutes * 60
    we = s_end + settings.window_after_end_minutes * 60 + 1
    if len(s_code) > 1:
        same = s_code[1:] == s_code[:-1]
        boundary = (s_end[:-1] + s_start[1:]) // 2
        we[:-1] = np.where(same, np.minimum(we[:-1], boundary), we[:-1])
        ws[1:] = np.where(same, np.maximum(ws[1:], boundary), ws[1:])
    return ws, np.maximum(we, ws)


def match_to_windows(
    pcode: np.ndarray, psec: np.ndarray, s_code: np.ndarray, ws: np.ndarray, we: np.ndarray
) -> np.ndarray:
    """For each punch, the index of the shift whose window holds it, or -1."""
    if len(s_code) == 0:
        return np.full(len(pcode), -1, dtype=np.int64)
    skey = s_code.astype(np.int64) * KEY + np.clip(ws, 0, KEY - 1)
    pkey = pcode.astype(np.int64) * KEY + np.clip(psec, 0, KEY - 1)
    j = np.searchsorted(skey, pkey, side="right") - 1
    jj = np.clip(j, 0, None)
    ok = (j >= 0) & (s_code[jj] == pcode) & (psec >= ws[jj]) & (psec < we[jj])
    return np.where(ok, j, -1)


def in_and_out(
    shift_of: np.ndarray,
    psec: np.ndarray,
    pdir: np.ndarray,
    s_start: np.ndarray,
    s_end: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per shift: the number of punches, the in-punch (earliest punch not marked "out") and the
    out-punch (latest not marked "in"), NO_IN / NO_OUT where missing. A single undirected punch
    is the in- or the out-punch by which end of the shift it is nearer; directions that contradict
    the times (an "in" after the "out") are ignored."""
    n = len(s_start)
    count = np.bincount(shift_of, minlength=n)
    in_sec = np.full(n, NO_IN, dtype=np.int64)
    out_sec = np.full(n, NO_OUT, dtype=np.int64)
    cand_in, cand_out = pdir != "out", pdir != "in"
    np.minimum.at(in_sec, shift_of[cand_in], psec[cand_in])
    np.maximum.at(out_sec, shift_of[cand_out], psec[cand_out])
    first = np.full(n, NO_IN, dtype=np.int64)
    last = np.full(n, NO_OUT, dtype=np.int64)
    np.minimum.at(first, shift_of, psec)
    np.maximum.at(last, shift_of, psec)
    crossed = (in_sec != NO_IN) & (out_sec != NO_OUT) & (in_sec > out_sec)
    in_sec = np.where(crossed, first, in_sec)
    out_sec = np.where(crossed, last, out_sec)
    single = (count == 1) & (in_sec == out_sec)
    nearer_start = (in_sec - s_start) <= (s_end - in_sec)
    out_sec = np.where(single & nearer_start, NO_OUT, out_sec)
    in_sec = np.where(single & ~nearer_start, NO_IN, in_sec)
    return count, in_sec, out_sec


def sessions(
    code: np.ndarray, sec: np.ndarray, gap_seconds: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Punches sorted by (employee, time) grouped into work sessions: a new one starts with a new
    employee or after a gap longer than ``gap_seconds``. Returns each punch's session number, and
    per session the position of its first punch, its last second and its number of punches."""
    new = np.ones(len(code), dtype=bool)
    if len(code) > 1:
        new[1:] = (code[1:] != code[:-1]) | (sec[1:] - sec[:-1] > gap_seconds)
    sid = np.cumsum(new) - 1
    starts = np.flatnonzero(new)
    last = np.maximum.reduceat(sec, starts) if len(starts) else np.array([], dtype=np.int64)
    count = np.diff(np.append(starts, len(code)))
    return sid, starts, last, count
