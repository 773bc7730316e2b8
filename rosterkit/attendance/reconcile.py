"""Reconciling a month of punches against the roster: pure and vectorised (pandas / numpy).

The steps, each over whole arrays:

1. every punch is attributed to an employee (``normalise.resolve_employees``) or kept with the
   reason it cannot be; duplicates within ``duplicate_within_seconds`` are collapsed;
2. each scheduled shift gets a punch window ``[start - before, end + after]``; where the windows
   of one person's consecutive shifts overlap they are cut at the midpoint of the rest between the
   shifts, so two adjacent shifts never claim the same punch. Windows are sorted and disjoint, so
   one ``searchsorted`` matches every punch to its shift (overnight shifts need nothing special:
   their window simply runs past midnight);
3. per shift: first "in" and last "out" punch (direction when the export gives one; a single
   undirected punch counts as in or out by which end of the shift it is nearer), late / early /
   missing / absent / overtime by the settings, half-day leave moving the start or end to mid-shift;
4. punches in the period that fall in no window are work outside the roster: grouped into
   sessions (a gap longer than ``unscheduled_gap_minutes`` starts a new one), counted on the day
   the session starts, paid as rest-day (200 %) or statutory-holiday (300 %) overtime;
5. leave records cover scheduled days (full or half); their approval level is checked.

Pay classes: overtime around a scheduled shift 150 % (300 % on a statutory holiday); work on a day
without a shift 200 % (300 % on a statutory holiday). A shift worked on a statutory holiday is
flagged as holiday duty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from rosterkit.attendance import normalise as N
from rosterkit.attendance.leave_days import approval_problems, expand_leave
from rosterkit.attendance.summary import accounting_table, exceptions_table, monthly_summary
from rosterkit.calendar import DayKind, WorkCalendar
from rosterkit.model import columns as C
from rosterkit.model.attendance_result import MATCHED, OUTSIDE, UNMATCHED, AttendanceResult
from rosterkit.model.attendance_settings import AttendanceSettings
from rosterkit.model.leave import Leave, parse_leave_type

DAY = 86400
KEY = np.int64(1) << 32  # employee code * KEY + seconds: one sortable key
BIG = np.iinfo(np.int64).max // 4
REASON_OUTSIDE_PERIOD = "outside the roster period"
REASON_NOT_ON_ROSTER = "employee not on the roster"
REASON_OUT_OF_WINDOW = "outside the shift's punch window"
REASON_DAY_OFF = "on a day off"
REASON_HOLIDAY = "on a statutory holiday without a shift"
REASON_LEAVE_DAY = "on a leave day"


def prepare_roster(roster: pd.DataFrame) -> pd.DataFrame:
    """The roster table with typed columns and a ``leave_type`` column (a leave code written in
    the shift column of a day without start/end)."""
    out = roster.copy()
    out[C.EMPLOYEE_ID] = out[C.EMPLOYEE_ID].astype(str)
    out[C.DATE] = pd.to_datetime(out[C.DATE]).dt.normalize()
    out[C.SHIFT] = out[C.SHIFT].fillna("").astype(str)
    out[C.START] = pd.to_datetime(out[C.START])
    out[C.END] = pd.to_datetime(out[C.END])
    if C.LEAVE_TYPE not in out:
        codes = out[C.SHIFT].map(lambda s: (lt.value if (lt := parse_leave_type(s)) else "") if s else "")
        out[C.LEAVE_TYPE] = codes.where(out[C.START].isna(), "")
    out[C.LEAVE_TYPE] = out[C.LEAVE_TYPE].fillna("").astype(str)
    return out.reset_index(drop=True)


def _seconds(stamps: pd.Series, base: pd.Timestamp) -> np.ndarray:
    values = stamps.to_numpy(dtype="datetime64[ns]")
    secs = (values - np.datetime64(base, "ns")).astype("timedelta64[s]").astype(np.int64)
    return np.where(np.isnat(values), 0, secs)


def _round_overtime(minutes: np.ndarray, settings: AttendanceSettings) -> np.ndarray:
    minutes = np.maximum(minutes, 0)
    rounded = minutes - minutes % settings.overtime_unit_minutes
    return np.where(minutes >= settings.overtime_min_minutes, rounded, 0)


def _day_kinds(days: np.ndarray, base: pd.Timestamp, calendar: WorkCalendar) -> np.ndarray:
    unique = np.unique(days)
    kinds = {d: calendar.kind((base + pd.Timedelta(days=int(d))).date()).value for d in unique}
    return np.array([kinds[d] for d in days], dtype=object) if len(days) else np.array([], dtype=object)


def reconcile_month(
    roster: pd.DataFrame,
    punches: pd.DataFrame,
    leave: Iterable[Leave] = (),
    settings: AttendanceSettings | None = None,
    calendar: WorkCalendar | None = None,
    names: Mapping[str, str] | None = None,
) -> AttendanceResult:
    """Reconcile the month.

    ``roster``: the ``roster.csv`` columns (employee_id, date, shift, start, end; a leave code in
    ``shift`` on a day without start/end is a leave day). ``punches``: what ``rosterkit.io.punches``
    reads (employee_id, name, timestamp, direction, source_file, source_row[, problem]).
    ``names``: employee id -> name, for punches that carry a name only.
    """
    settings = settings or AttendanceSettings()
    calendar = calendar or WorkCalendar("CN")
    leave = list(leave)
    roster = prepare_roster(roster)
    if roster.empty:
        raise ValueError("the roster has no rows")
    period = (roster[C.DATE].min(), roster[C.DATE].max())
    base = period[0] - pd.Timedelta(days=2)
    first_day = 2
    last_day = first_day + (period[1] - period[0]).days
    names = dict(names or {})

    p = N.resolve_employees(punches.reset_index(drop=True), roster[C.EMPLOYEE_ID].unique(), names)
    if C.DIRECTION not in p:
        p[C.DIRECTION] = ""
    p[C.DIRECTION] = p[C.DIRECTION].fillna("").astype(str)
    n = len(p)

    ids = sorted(
        set(roster[C.EMPLOYEE_ID])
        | set(p.loc[p[N.RESOLVED] != "", N.RESOLVED])
        | {lv.employee_id for lv in leave}
    )
    code_index = pd.Index(ids)
    on_roster = np.zeros(len(ids), dtype=bool)
    on_roster[code_index.get_indexer(roster[C.EMPLOYEE_ID].unique())] = True

    # ---- punches as arrays, sorted by (employee, time) -------------------------------------
    valid = (p[N.RESOLVED] != "").to_numpy()
    vidx = np.flatnonzero(valid)
    pcode_all = code_index.get_indexer(p.loc[valid, N.RESOLVED])
    psec_all = _seconds(p.loc[valid, C.TIMESTAMP], base)
    order = np.lexsort((psec_all, pcode_all))
    vidx, pcode, psec = vidx[order], pcode_all[order], psec_all[order]
    pdir = p[C.DIRECTION].to_numpy()[vidx]
    dup = N.duplicate_mask(pcode, psec, settings.duplicate_within_seconds)

    # ---- shifts and their disjoint punch windows ---------------------------------------------
    has_shift = roster[C.START].notna().to_numpy() & roster[C.END].notna().to_numpy()
    sh = roster[has_shift]
    s_code = code_index.get_indexer(sh[C.EMPLOYEE_ID])
    s_start = _seconds(sh[C.START], base)
    s_end = _seconds(sh[C.END], base)
    s_order = np.lexsort((s_start, s_code))
    sh = sh.iloc[s_order].reset_index(drop=True)
    s_code, s_start, s_end = s_code[s_order], s_start[s_order], s_end[s_order]
    s_day = ((sh[C.DATE] - base).dt.days).to_numpy()
    n_shifts = len(sh)
    ws = s_start - settings.window_before_start_minutes * 60
    we = s_end + settings.window_after_end_minutes * 60 + 1  # exclusive
    if n_shifts > 1:
        same = s_code[1:] == s_code[:-1]
        boundary = (s_end[:-1] + s_start[1:]) // 2
        we[:-1] = np.where(same, np.minimum(we[:-1], boundary), we[:-1])
        ws[1:] = np.where(same, np.maximum(ws[1:], boundary), ws[1:])
    we = np.maximum(we, ws)

    # ---- match every punch to at most one shift -----------------------------------------------
    skey = s_code.astype(np.int64) * KEY + np.clip(ws, 0, KEY - 1)
    pkey = pcode.astype(np.int64) * KEY + np.clip(psec, 0, KEY - 1)
    j = np.searchsorted(skey, pkey, side="right") - 1
    jj = np.clip(j, 0, max(n_shifts - 1, 0))
    matched = (j >= 0) & (n_shifts > 0)
    if n_shifts:
        matched &= (s_code[jj] == pcode) & (psec < we[jj]) & (psec >= ws[jj])
    j = np.where(matched, j, -1)

    # ---- per shift: in / out punches ---------------------------------------------------------------
    use = matched & ~dup
    mj, msec, mdir = j[use], psec[use], pdir[use]
    count = np.bincount(mj, minlength=n_shifts)
    cand_in = mdir != "out"
    cand_out = mdir != "in"
    in_sec = np.full(n_shifts, BIG, dtype=np.int64)
    out_sec = np.full(n_shifts, -BIG, dtype=np.int64)
    np.minimum.at(in_sec, mj[cand_in], msec[cand_in])
    np.maximum.at(out_sec, mj[cand_out], msec[cand_out])
    first_sec = np.full(n_shifts, BIG, dtype=np.int64)
    last_sec = np.full(n_shifts, -BIG, dtype=np.int64)
    np.minimum.at(first_sec, mj, msec)
    np.maximum.at(last_sec, mj, msec)
    crossed = (in_sec < BIG) & (out_sec > -BIG) & (in_sec > out_sec)  # directions contradict times
    in_sec = np.where(crossed, first_sec, in_sec)
    out_sec = np.where(crossed, last_sec, out_sec)
    single = (count == 1) & (in_sec == out_sec)  # one undirected punch: in or out by nearness
    nearer_start = (in_sec - s_start) <= (s_end - in_sec)
    out_sec = np.where(single & nearer_start, -BIG, out_sec)
    in_sec = np.where(single & ~nearer_start, BIG, in_sec)
    has_in = in_sec < BIG
    has_out = out_sec > -BIG

    # ---- leave on shift days ------------------------------------------------------------------
    leave_rows = expand_leave(leave, code_index, base)
    s_key = s_code.astype(np.int64) * 100_000 + s_day
    lv = leave_rows.drop_duplicates("key").set_index("key")
    s_leave_type = lv["type"].reindex(s_key).fillna("").to_numpy()
    s_half = lv["half"].reindex(s_key).fillna("").to_numpy()
    full_leave = (s_leave_type != "") & (s_half == "")
    half_am = s_half == "am"
    half_pm = s_half == "pm"
    leave_frac = np.where(full_leave, 1.0, np.where(s_half != "", 0.5, 0.0))
    sched_frac = 1.0 - leave_frac

    mid = s_start + (s_end - s_start) // 2
    eff_start = np.where(half_am, mid, s_start)
    eff_end = np.where(half_pm, mid, s_end)
    late_raw = np.where(has_in, np.maximum(in_sec - eff_start, 0) // 60, 0)
    early_raw = np.where(has_out, np.maximum(eff_end - out_sec, 0) // 60, 0)
    late = (late_raw > settings.late_grace_minutes) & ~full_leave
    early = (early_raw > settings.early_grace_minutes) & ~full_leave
    late_min = np.where(late, late_raw, 0)
    early_min = np.where(early, early_raw, 0)
    serious = late & (late_raw >= settings.serious_late_minutes)
    working = ~full_leave
    no_punch = (count == 0) & working
    missing_in = working & ~has_in
    missing_out = working & ~has_out
    missed = late_min + early_min
    absent = np.where(
        no_punch,
        sched_frac,
        np.where(
            missed >= settings.absent_minutes,
            sched_frac,
            np.where(missed >= settings.half_day_absent_minutes, np.minimum(0.5, sched_frac), 0.0),
        ),
    )
    absent = np.where(working, absent, 0.0)
    attended = np.maximum(sched_frac - absent, 0.0)

    ot_before = np.where(
        has_in & working & ~half_am & settings.overtime_before_shift, (s_start - in_sec) // 60, 0
    )
    ot_after = np.where(
        has_out & working & ~half_pm & settings.overtime_after_shift, (out_sec - s_end) // 60, 0
    )
    ot_shift = _round_overtime(ot_before, settings) + _round_overtime(ot_after, settings)
    s_kind = _day_kinds(s_day, base, calendar)
    s_holiday = s_kind == DayKind.HOLIDAY.value

    status = np.select(
        [
            full_leave,
            no_punch | (absent >= sched_frac) & (absent > 0),
            absent > 0,
            missing_in,
            missing_out,
            serious,
            late & early,
            late,
            early,
            leave_frac > 0,
        ],
        [
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
        ],
        default="ok",
    )
    shift_rows = pd.DataFrame(
        {
            "code": s_code,
            "day": s_day,
            C.SHIFT: sh[C.SHIFT].to_numpy(),
            C.STATUS: status,
            C.LATE_MINUTES: late_min.astype(np.int64),
            C.EARLY_LEAVE_MINUTES: early_min.astype(np.int64),
            C.MISSING_IN: missing_in.astype(np.int64),
            C.MISSING_OUT: missing_out.astype(np.int64),
            "shift_overtime": ot_shift.astype(np.int64),
            C.LEAVE_TYPE: s_leave_type,
            "scheduled_days": 1.0,
            "attended_days": attended,
            "absent_days": absent,
            "leave_days": leave_frac,
            "serious_late": serious.astype(np.int64),
            "holiday_duty": (s_holiday & (attended > 0)).astype(np.int64),
            "punch_count": count,
        }
    )

    # ---- punches outside every window: work outside the roster, or outside the period ------------
    loose = ~matched
    p_day = np.floor_divide(psec, DAY)
    # a punch on the day before / after the period belongs to it only through a shift window
    in_period = (p_day >= first_day) & (p_day <= last_day)
    outside = loose & in_period
    beyond = loose & ~in_period
    sess_mask = outside & ~dup
    o_code, o_sec = pcode[sess_mask], psec[sess_mask]
    new = np.ones(len(o_code), dtype=bool)
    if len(o_code) > 1:
        new[1:] = (o_code[1:] != o_code[:-1]) | (
            o_sec[1:] - o_sec[:-1] > settings.unscheduled_gap_minutes * 60
        )
    sid = np.cumsum(new) - 1
    starts = np.flatnonzero(new)
    sess_code = o_code[starts]
    sess_first = o_sec[starts]
    sess_last = np.maximum.reduceat(o_sec, starts) if len(starts) else np.array([], dtype=np.int64)
    sess_count = np.diff(np.append(starts, len(o_code)))
    sess_day = sess_first // DAY
    sess_minutes = np.where(sess_count >= 2, (sess_last - sess_first) // 60, 0)
    # each outside punch's session (duplicates join the session of the punch they repeat)
    punch_sid = np.full(len(pcode), -1)
    punch_sid[sess_mask] = sid
    if len(pcode):
        keep_idx = np.maximum.accumulate(np.where(~dup, np.arange(len(pcode)), 0))
        punch_sid = np.where(outside & dup, punch_sid[keep_idx], punch_sid)
    outside_day = np.where(
        punch_sid >= 0, sess_day[np.clip(punch_sid, 0, None)] if len(sess_day) else 0, p_day
    )

    sessions = pd.DataFrame(
        {"code": sess_code, "day": sess_day, "minutes": sess_minutes, "count": sess_count}
    )
    per_day = sessions.groupby(["code", "day"], sort=False).agg(
        minutes=("minutes", "sum"), count=("count", "sum")
    )
    per_day = per_day.reset_index()

    # ---- all daily rows -------------------------------------------------------------------------
    roster_leave = roster[~has_shift & (roster[C.LEAVE_TYPE] != "")]
    rl_rows = pd.DataFrame(
        {
            "code": code_index.get_indexer(roster_leave[C.EMPLOYEE_ID]),
            "day": (roster_leave[C.DATE] - base).dt.days.to_numpy(),
            C.SHIFT: "",
            C.STATUS: "leave",
            C.LEAVE_TYPE: roster_leave[C.LEAVE_TYPE].to_numpy(),
            "scheduled_days": 1.0,
            "leave_days": 1.0,
        }
    )
    # a leave record where the roster had it too: the record's type wins
    rl_key = rl_rows["code"].astype(np.int64) * 100_000 + rl_rows["day"]
    rl_rows[C.LEAVE_TYPE] = (
        lv["type"]
        .reindex(rl_key)
        .fillna("")
        .where(lambda x: x != "", rl_rows[C.LEAVE_TYPE].to_numpy())
        .to_numpy()
    )
    taken = set(s_key.tolist()) | set(rl_key.tolist())
    lv_free = leave_rows[~leave_rows["key"].isin(taken)].drop_duplicates("key")
    lv_rows = pd.DataFrame(
        {
            "code": lv_free["code"].to_numpy(),
            "day": lv_free["day"].to_numpy(),
            C.SHIFT: "",
            C.STATUS: "rest",
            C.LEAVE_TYPE: lv_free["type"].to_numpy(),
            "scheduled_days": 0.0,
            "leave_days": 0.0,
            "leave_on_day_off": 1,
        }
    )
    taken |= set(lv_free["key"].tolist())
    pd_key = per_day["code"].astype(np.int64) * 100_000 + per_day["day"]
    extra = per_day[~pd_key.isin(taken)]
    un_rows = pd.DataFrame(
        {
            "code": extra["code"].to_numpy(),
            "day": extra["day"].to_numpy(),
            C.SHIFT: "",
            C.STATUS: np.where(extra["count"].to_numpy() >= 2, "unscheduled_work", "unscheduled_punch"),
            C.LEAVE_TYPE: "",
            "scheduled_days": 0.0,
            "leave_days": 0.0,
        }
    )
    daily = pd.concat([shift_rows, rl_rows, lv_rows, un_rows], ignore_index=True)
    defaults = {
        C.LATE_MINUTES: 0,
        C.EARLY_LEAVE_MINUTES: 0,
        C.MISSING_IN: 0,
        C.MISSING_OUT: 0,
        "shift_overtime": 0,
        "attended_days": 0.0,
        "absent_days": 0.0,
        "serious_late": 0,
        "holiday_duty": 0,
        "punch_count": 0,
        "leave_on_day_off": 0,
    }
    for col, value in defaults.items():
        daily[col] = daily[col].fillna(value) if col in daily else value
    for col in (
        C.LATE_MINUTES,
        C.EARLY_LEAVE_MINUTES,
        C.MISSING_IN,
        C.MISSING_OUT,
        "shift_overtime",
        "serious_late",
        "holiday_duty",
        "punch_count",
        "leave_on_day_off",
    ):
        daily[col] = daily[col].astype(np.int64)
    daily["key"] = daily["code"].astype(np.int64) * 100_000 + daily["day"]
    daily = daily.sort_values(["code", "day"], kind="stable").reset_index(drop=True)
    row_of_key = pd.Index(daily["key"])

    # outside-roster work joined onto its day's row
    out_by_key = pd.Series(per_day["minutes"].to_numpy(), index=pd_key.to_numpy())
    out_count = pd.Series(per_day["count"].to_numpy(), index=pd_key.to_numpy())
    out_minutes = out_by_key.reindex(daily["key"]).fillna(0).to_numpy().astype(np.int64)
    daily["punch_count"] += out_count.reindex(daily["key"]).fillna(0).to_numpy().astype(np.int64)
    out_ot = _round_overtime(out_minutes, settings)
    d_kind = _day_kinds(daily["day"].to_numpy(), base, calendar)
    d_holiday = d_kind == DayKind.HOLIDAY.value
    has_shift_row = daily[C.SHIFT].to_numpy() != ""
    shift_ot = daily["shift_overtime"].to_numpy()
    daily["overtime_150_minutes"] = np.where(~d_holiday, shift_ot, 0) + np.where(
        has_shift_row & ~d_holiday, out_ot, 0
    )
    daily["overtime_200_minutes"] = np.where(~has_shift_row & ~d_holiday, out_ot, 0)
    daily["overtime_300_minutes"] = np.where(d_holiday, shift_ot + out_ot, 0)
    daily[C.OVERTIME_MINUTES] = shift_ot + out_ot
    became_work = (daily[C.STATUS] == "rest") & (daily["punch_count"] > 0)
    daily.loc[became_work, C.STATUS] = np.where(
        out_count.reindex(daily.loc[became_work, "key"]).fillna(0).to_numpy() >= 2,
        "unscheduled_work",
        "unscheduled_punch",
    )
    daily["day_kind"] = d_kind
    daily[C.EMPLOYEE_ID] = code_index.to_numpy()[daily["code"].to_numpy()]
    daily[C.DATE] = base + pd.to_timedelta(daily["day"], unit="D")
    daily[C.NAME] = daily[C.EMPLOYEE_ID].map(names).fillna("")

    # ---- the punches column and each punch's outcome ------------------------------------------------
    row_day = np.where(matched, s_day[np.clip(j, 0, None)] if n_shifts else 0, outside_day)
    punch_key = pcode.astype(np.int64) * 100_000 + row_day
    shown = (matched | outside) & ~dup
    label_rows = row_of_key.get_indexer(punch_key[shown])
    offset = psec[shown] // DAY - row_day[shown]
    minute_of_day = (psec[shown] % DAY) // 60
    clock = np.array([f"{m // 60:02d}:{m % 60:02d}" for m in range(1440)], dtype=object)
    text = clock[minute_of_day]
    text = np.where(offset == 0, text, text + np.char.mod("%+d", offset).astype(object))
    lists = pd.Series(text).groupby(label_rows, sort=False).agg(";".join)
    daily[C.PUNCHES] = lists.reindex(range(len(daily))).fillna("").to_numpy()

    outcome = np.full(n, UNMATCHED, dtype=object)
    reason = p[N.REASON].fillna("").to_numpy(dtype=object).copy()
    detail = p[N.DETAIL].fillna("").to_numpy(dtype=object).copy()
    counted_day = np.full(n, -1, dtype=np.int64)
    outcome[vidx[matched]] = MATCHED
    outcome[vidx[outside]] = OUTSIDE
    counted_day[vidx[matched | outside]] = row_day[matched | outside]
    # why a punch is outside the roster
    o_keys = punch_key[outside]
    shift_keys = pd.Index(s_key)
    rl_keys = pd.Index(rl_key)
    why = np.where(
        ~on_roster[pcode[outside]],
        REASON_NOT_ON_ROSTER,
        np.where(
            shift_keys.get_indexer(o_keys) >= 0,
            REASON_OUT_OF_WINDOW,
            np.where(
                (rl_keys.get_indexer(o_keys) >= 0)
                | (leave_rows.set_index("key").index.get_indexer(o_keys) >= 0)
                if len(o_keys)
                else np.zeros(0, dtype=bool),
                REASON_LEAVE_DAY,
                np.where(
                    d_holiday[row_of_key.get_indexer(o_keys)] if len(o_keys) else np.zeros(0, dtype=bool),
                    REASON_HOLIDAY,
                    REASON_DAY_OFF,
                ),
            ),
        ),
    )
    reason[vidx[outside]] = why
    detail[vidx[outside]] = why
    reason[vidx[beyond]] = REASON_OUTSIDE_PERIOD
    detail[vidx[beyond]] = REASON_OUTSIDE_PERIOD
    duplicate = np.zeros(n, dtype=bool)
    duplicate[vidx] = dup
    punch_table = pd.DataFrame(
        {
            C.SOURCE_FILE: p[C.SOURCE_FILE].to_numpy(),
            C.SOURCE_ROW: p[C.SOURCE_ROW].to_numpy(),
            C.EMPLOYEE_ID: p[C.EMPLOYEE_ID].to_numpy(),
            C.NAME: p[C.NAME].to_numpy(),
            C.TIMESTAMP: p[C.TIMESTAMP].to_numpy(),
            "resolved_id": p[N.RESOLVED].to_numpy(),
            "outcome": outcome,
            "reason": reason,
            "detail": detail,
            "duplicate": duplicate,
            C.DATE: pd.to_datetime(
                base + pd.to_timedelta(np.where(counted_day >= 0, counted_day, np.nan), unit="D")
            ),
        }
    )

    approvals = approval_problems(leave)
    daily = daily.drop(columns=["code", "day", "key", "shift_overtime"])
    summary = monthly_summary(daily)
    exceptions = exceptions_table(daily, approvals, punch_table)
    accounting = accounting_table(punch_table)
    return AttendanceResult(
        daily=daily,
        summary=summary,
        exceptions=exceptions,
        punches=punch_table,
        accounting=accounting,
        period=(period[0].date(), period[1].date()),
        settings=settings,
        warnings=list(calendar.warnings),
    )
