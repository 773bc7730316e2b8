"""Reconciling a month of punches against the roster: pure and vectorised (pandas / numpy).

1. every punch is attributed to an employee (``normalise.resolve_employees``) or kept with the
   reason it cannot be; duplicates within ``duplicate_within_seconds`` are collapsed;
2. each scheduled shift gets a punch window; adjacent shifts' windows are cut at the midpoint of
   the rest between them, and one sorted search matches every punch to at most one shift
   (``matching``); overnight shifts need nothing special, their window runs past midnight;
3. per shift: in / out punches, late / early / missing / absent / overtime, half-day leave
   (``shift_rules``);
4. punches in the period that fall in no window are work outside the roster, grouped into sessions
   (a gap longer than ``unscheduled_gap_minutes`` starts a new one) and counted on the day the
   session starts; punches of unknown people or outside the period are unmatched, with the reason,
   and so is a lone punch on the period's first morning (the end of the previous period's night
   shift, whose roster is not given);
5. leave records cover scheduled days (full or half); their approval level is checked.

Pay classes: overtime around a scheduled shift 150 % (300 % on a statutory holiday); work on a day
without a shift 200 % (300 % on a statutory holiday). A shift worked on a statutory holiday is
counted as holiday duty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from rosterkit.attendance import normalise as N
from rosterkit.attendance.leave_days import approval_problems, expand_leave
from rosterkit.attendance.matching import in_and_out, match_to_windows, punch_windows, sessions
from rosterkit.attendance.shift_rules import judge_shifts, round_overtime
from rosterkit.attendance.summary import accounting_table, exceptions_table, monthly_summary
from rosterkit.calendar import DayKind, WorkCalendar
from rosterkit.model import columns as C
from rosterkit.model.attendance_result import MATCHED, OUTSIDE, UNMATCHED, AttendanceResult
from rosterkit.model.attendance_settings import AttendanceSettings
from rosterkit.model.leave import Leave, parse_leave_type

DAY = 86400
DAY_KEY = 100_000  # employee code * DAY_KEY + day number: one key per person and day
REASON_OUTSIDE_PERIOD = "outside the roster period"
REASON_NOT_ON_ROSTER = "employee not on the roster"
REASON_OUT_OF_WINDOW = "outside the shift's punch window"
REASON_DAY_OFF = "on a day off"
REASON_HOLIDAY = "on a statutory holiday without a shift"
REASON_LEAVE_DAY = "on a leave day"
REASON_PREVIOUS_NIGHT = "a lone punch on the first morning (the previous period's night shift?)"
FIRST_MORNING = 12 * 3600  # before noon on the period's first day
INT_COLUMNS = (
    C.LATE_MINUTES,
    C.EARLY_LEAVE_MINUTES,
    C.MISSING_IN,
    C.MISSING_OUT,
    "shift_overtime",
    "serious_late",
    "punch_count",
    "leave_on_day_off",
)


def prepare_roster(roster: pd.DataFrame) -> pd.DataFrame:
    """The roster table with typed columns and a ``leave_type`` column (a leave code written in
    the shift column of a day without start/end). One row per employee and date."""
    out = roster.copy()
    out[C.EMPLOYEE_ID] = out[C.EMPLOYEE_ID].astype(str)
    out[C.DATE] = pd.to_datetime(out[C.DATE]).dt.normalize()
    out[C.SHIFT] = out[C.SHIFT].fillna("").astype(str)
    out[C.START] = pd.to_datetime(out[C.START])
    out[C.END] = pd.to_datetime(out[C.END])
    if C.LEAVE_TYPE not in out:
        leave_codes = {
            s: (lt.value if (lt := parse_leave_type(s)) else "") for s in out[C.SHIFT].unique() if s
        }
        codes = out[C.SHIFT].map(leave_codes).astype(object).fillna("")
        out[C.LEAVE_TYPE] = codes.where(out[C.START].isna(), "")
    out[C.LEAVE_TYPE] = out[C.LEAVE_TYPE].fillna("").astype(str)
    twice = out.duplicated([C.EMPLOYEE_ID, C.DATE])
    if twice.any():
        first = out[twice].iloc[0]
        raise ValueError(f"the roster has two rows for {first[C.EMPLOYEE_ID]} on {first[C.DATE].date()}")
    return out.reset_index(drop=True)


def _seconds(stamps: pd.Series, base: pd.Timestamp) -> np.ndarray:
    values = stamps.to_numpy(dtype="datetime64[ns]")
    secs = (values - np.datetime64(base, "ns")).astype("timedelta64[s]").astype(np.int64)
    return np.where(np.isnat(values), 0, secs)


def _day_kinds(days: np.ndarray, base: pd.Timestamp, calendar: WorkCalendar) -> np.ndarray:
    kinds = {d: calendar.kind((base + pd.Timedelta(days=int(d))).date()).value for d in np.unique(days)}
    return np.array([kinds[d] for d in days], dtype=object)


def _joined(row: np.ndarray, sec: np.ndarray, text: np.ndarray, n_rows: int) -> np.ndarray:
    """The texts of each row joined with ';' in time order ("" for a row without any)."""
    out = np.full(n_rows, "", dtype=object)
    if len(row) == 0:
        return out
    order = np.lexsort((sec, row))
    row, text = row[order], text[order] + ";"
    starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
    joined = np.add.reduceat(text, starts)
    out[row[starts]] = [t[:-1] for t in joined]
    return out


def _day_rows(code, day, status, leave_type, scheduled: float, leave_days: float, **extra) -> pd.DataFrame:
    n = len(code)
    return pd.DataFrame(
        {
            "code": np.asarray(code, dtype=np.int64),
            "day": np.asarray(day, dtype=np.int64),
            C.SHIFT: np.full(n, "", dtype=object),
            C.STATUS: status,
            C.LEAVE_TYPE: leave_type,
            "scheduled_days": scheduled,
            "leave_days": leave_days,
            **extra,
        }
    )


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
    ``names``: employee id -> name, for punches that carry a name only and for the reports (without
    it, the reports show the name the punch export gives for each id).
    """
    settings = settings or AttendanceSettings()
    calendar = calendar or WorkCalendar("CN")
    leave = list(leave)
    names = dict(names or {})
    roster = prepare_roster(roster)
    if roster.empty:
        raise ValueError("the roster has no rows")
    period = (roster[C.DATE].min(), roster[C.DATE].max())
    base = period[0] - pd.Timedelta(days=2)  # day numbers count from here; the period starts on day 2
    last_day = 2 + (period[1] - period[0]).days

    p = N.resolve_employees(punches.reset_index(drop=True), roster[C.EMPLOYEE_ID].unique(), names)
    direction = p[C.DIRECTION].fillna("").astype(str) if C.DIRECTION in p else pd.Series("", index=p.index)
    resolved = p[N.RESOLVED] != ""
    ids = sorted(
        set(roster[C.EMPLOYEE_ID]) | set(p.loc[resolved, N.RESOLVED]) | {lv.employee_id for lv in leave}
    )
    code_index = pd.Index(ids)
    on_roster = np.zeros(len(ids), dtype=bool)
    on_roster[code_index.get_indexer(roster[C.EMPLOYEE_ID].unique())] = True

    # punches of known people as arrays sorted by (employee, time); duplicates marked
    vidx = np.flatnonzero(resolved.to_numpy())
    pcode = code_index.get_indexer(p.loc[resolved, N.RESOLVED])
    psec = _seconds(p.loc[resolved, C.TIMESTAMP], base)
    order = np.lexsort((psec, pcode))
    vidx, pcode, psec = vidx[order], pcode[order], psec[order]
    pdir = direction.to_numpy()[vidx]
    dup = N.duplicate_mask(pcode, psec, settings.duplicate_within_seconds)

    # shifts sorted by (employee, start), their windows, and the match
    has_shift = (roster[C.START].notna() & roster[C.END].notna()).to_numpy()
    sh = roster[has_shift]
    s_code = code_index.get_indexer(sh[C.EMPLOYEE_ID])
    s_start, s_end = _seconds(sh[C.START], base), _seconds(sh[C.END], base)
    s_order = np.lexsort((s_start, s_code))
    sh = sh.iloc[s_order].reset_index(drop=True)
    s_code, s_start, s_end = s_code[s_order], s_start[s_order], s_end[s_order]
    s_day = (sh[C.DATE] - base).dt.days.to_numpy()
    s_key = s_code.astype(np.int64) * DAY_KEY + s_day
    ws, we = punch_windows(s_code, s_start, s_end, settings)
    shift_of = match_to_windows(pcode, psec, s_code, ws, we)
    matched = shift_of >= 0
    use = matched & ~dup
    count, in_sec, out_sec = in_and_out(shift_of[use], psec[use], pdir[use], s_start, s_end)

    # leave on shift days, and the rules of each shift
    rostered = set(roster[C.EMPLOYEE_ID])
    leave_rows = expand_leave(
        [lv for lv in leave if lv.employee_id in rostered], code_index, base, (2, last_day)
    )
    first_leave = leave_rows.drop_duplicates("key").set_index("key")
    s_leave_type = first_leave["type"].reindex(s_key).fillna("").to_numpy()
    s_half = first_leave["half"].reindex(s_key).fillna("").to_numpy()
    judged = judge_shifts(count, in_sec, out_sec, s_start, s_end, s_leave_type, s_half, settings)
    shift_rows = pd.DataFrame(
        {
            "code": s_code,
            "day": s_day,
            C.SHIFT: sh[C.SHIFT].to_numpy(),
            **{k: v for k, v in judged.items() if k != "overtime_minutes"},
            "shift_overtime": judged["overtime_minutes"],
            C.LEAVE_TYPE: s_leave_type,
            "scheduled_days": 1.0,
            "punch_count": count,
        }
    )

    # punches in no window: outside the roster (in the period) or unmatched (outside it)
    p_day = np.floor_divide(psec, DAY)
    in_period = (p_day >= 2) & (p_day <= last_day)
    outside = ~matched & in_period
    beyond = ~matched & ~in_period
    sess_mask = outside & ~dup
    o_code, o_sec = pcode[sess_mask], psec[sess_mask]
    sid, starts, sess_last, sess_count = sessions(o_code, o_sec, settings.unscheduled_gap_minutes * 60)
    sess_first = o_sec[starts]
    sess_day = sess_first // DAY
    punch_sid = np.full(len(pcode), -1)
    punch_sid[sess_mask] = sid
    if len(pcode):  # a duplicate joins the session of the punch it repeats
        kept_before = np.maximum.accumulate(np.where(~dup, np.arange(len(pcode)), 0))
        punch_sid = np.where(outside & dup, punch_sid[kept_before], punch_sid)
    outside_day = sess_day[punch_sid] if len(sess_day) else p_day
    outside_day = np.where(punch_sid >= 0, outside_day, p_day)
    # a lone punch on the first morning is most likely the end of the previous period's night shift
    lone_first_morning = (sess_day == 2) & (sess_count == 1) & (sess_first % DAY < FIRST_MORNING)
    previous_night = np.zeros(len(pcode), dtype=bool)
    in_session = punch_sid >= 0
    previous_night[in_session] = lone_first_morning[punch_sid[in_session]]
    outside &= ~previous_night
    per_day = (
        pd.DataFrame(
            {
                "key": o_code[starts].astype(np.int64) * DAY_KEY + sess_day,
                "minutes": np.where(sess_count >= 2, (sess_last - sess_first) // 60, 0),
                "count": sess_count,
            }
        )[~lone_first_morning]
        .groupby("key", sort=False)
        .sum()
    )

    # every day row: shifts, roster leave days, leave on days off, work on days without a shift
    roster_leave = roster[~has_shift & (roster[C.LEAVE_TYPE] != "")]
    rl_code = code_index.get_indexer(roster_leave[C.EMPLOYEE_ID])
    rl_day = (roster_leave[C.DATE] - base).dt.days.to_numpy()
    rl_key = rl_code.astype(np.int64) * DAY_KEY + rl_day
    recorded = first_leave["type"].reindex(rl_key).fillna("").to_numpy()
    rl_type = np.where(recorded != "", recorded, roster_leave[C.LEAVE_TYPE].to_numpy())  # the record wins
    rl_rows = _day_rows(rl_code, rl_day, "leave", rl_type, 1.0, 1.0)
    taken = np.concatenate([s_key, rl_key])
    free = leave_rows[~leave_rows["key"].isin(taken)].drop_duplicates("key")
    lv_rows = _day_rows(
        free["code"], free["day"], "rest", free["type"].to_numpy(), 0.0, 0.0, leave_on_day_off=1
    )
    taken = np.concatenate([taken, free["key"].to_numpy()])
    extra = per_day[~per_day.index.isin(taken)]
    extra_status = np.where(extra["count"].to_numpy() >= 2, "unscheduled_work", "unscheduled_punch")
    un_rows = _day_rows(extra.index // DAY_KEY, extra.index % DAY_KEY, extra_status, "", 0.0, 0.0)
    daily = pd.concat([shift_rows, rl_rows, lv_rows, un_rows], ignore_index=True)
    for col in INT_COLUMNS + ("attended_days", "absent_days"):
        daily[col] = daily[col].fillna(0) if col in daily else 0
    daily = daily.astype({col: np.int64 for col in INT_COLUMNS})
    daily["key"] = daily["code"] * DAY_KEY + daily["day"]
    daily = daily.sort_values("key", kind="stable").reset_index(drop=True)

    # work outside the roster joined onto its day's row, with its pay class
    out_minutes = per_day["minutes"].reindex(daily["key"]).fillna(0).to_numpy().astype(np.int64)
    out_count = per_day["count"].reindex(daily["key"]).fillna(0).to_numpy().astype(np.int64)
    daily["punch_count"] += out_count
    out_ot = round_overtime(out_minutes, settings)
    kind = _day_kinds(daily["day"].to_numpy(), base, calendar)
    holiday = kind == DayKind.HOLIDAY.value
    on_shift = daily[C.SHIFT].to_numpy() != ""
    shift_ot = daily["shift_overtime"].to_numpy()
    daily["overtime_150_minutes"] = np.where(holiday, 0, shift_ot + np.where(on_shift, out_ot, 0))
    daily["overtime_200_minutes"] = np.where(~on_shift & ~holiday, out_ot, 0)
    daily["overtime_300_minutes"] = np.where(holiday, shift_ot + out_ot, 0)
    daily[C.OVERTIME_MINUTES] = shift_ot + out_ot
    daily["holiday_duty"] = (on_shift & holiday & (daily["attended_days"].to_numpy() > 0)).astype(np.int64)
    worked_rest = (daily[C.STATUS] == "rest").to_numpy() & (out_count > 0)
    daily.loc[worked_rest, C.STATUS] = np.where(
        out_count[worked_rest] >= 2, "unscheduled_work", "unscheduled_punch"
    )
    daily["day_kind"] = kind
    daily[C.EMPLOYEE_ID] = code_index.to_numpy()[daily["code"].to_numpy()]
    daily[C.DATE] = base + pd.to_timedelta(daily["day"], unit="D")
    named = p[resolved & (p[C.NAME].fillna("") != "")].drop_duplicates(N.RESOLVED)
    shown_names = {**dict(zip(named[N.RESOLVED], named[C.NAME], strict=True)), **names}  # the list wins
    daily[C.NAME] = daily[C.EMPLOYEE_ID].map(shown_names).astype(object).fillna("")

    # the punches column: each kept punch as HH:MM (+1 for the next day), on the row it counts on
    row_day = np.where(matched, s_day[np.clip(shift_of, 0, None)] if len(s_day) else 0, outside_day)
    punch_key = pcode.astype(np.int64) * DAY_KEY + row_day
    shown = (matched | outside) & ~dup
    row_of_key = pd.Index(daily["key"])
    clock = np.array([f"{m // 60:02d}:{m % 60:02d}" for m in range(1440)], dtype=object)
    text = clock[(psec[shown] % DAY) // 60]
    offset = psec[shown] // DAY - row_day[shown]
    later = np.flatnonzero(offset != 0)
    text[later] = [f"{t}{o:+d}" for t, o in zip(text[later], offset[later], strict=True)]
    daily[C.PUNCHES] = _joined(row_of_key.get_indexer(punch_key[shown]), psec[shown], text, len(daily))

    # each input punch's outcome and reason
    n = len(p)
    outcome = np.full(n, UNMATCHED, dtype=object)
    reason = p[N.REASON].fillna("").to_numpy(dtype=object).copy()
    detail = p[N.DETAIL].fillna("").to_numpy(dtype=object).copy()
    counted_day = np.full(n, np.nan)
    outcome[vidx[matched]] = MATCHED
    outcome[vidx[outside]] = OUTSIDE
    counted_day[vidx[matched | outside]] = row_day[matched | outside]
    o_keys = punch_key[outside]
    leave_keys = np.concatenate([rl_key, leave_rows["key"].to_numpy()])
    why = np.select(
        [
            ~on_roster[pcode[outside]],
            np.isin(o_keys, s_key),
            np.isin(o_keys, leave_keys),
            holiday[row_of_key.get_indexer(o_keys)] if len(o_keys) else np.zeros(0, dtype=bool),
        ],
        [REASON_NOT_ON_ROSTER, REASON_OUT_OF_WINDOW, REASON_LEAVE_DAY, REASON_HOLIDAY],
        default=REASON_DAY_OFF,
    )
    reason[vidx[outside]] = why
    detail[vidx[outside]] = why
    reason[vidx[beyond]] = REASON_OUTSIDE_PERIOD
    detail[vidx[beyond]] = REASON_OUTSIDE_PERIOD
    reason[vidx[previous_night]] = REASON_PREVIOUS_NIGHT
    detail[vidx[previous_night]] = REASON_PREVIOUS_NIGHT
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
            C.DATE: base + pd.to_timedelta(counted_day, unit="D"),
        }
    )

    daily = daily.drop(columns=["code", "day", "key", "shift_overtime"])
    return AttendanceResult(
        daily=daily,
        summary=monthly_summary(daily),
        exceptions=exceptions_table(daily, approval_problems(leave, rostered), punch_table),
        punches=punch_table,
        accounting=accounting_table(punch_table),
        period=(period[0].date(), period[1].date()),
        settings=settings,
        warnings=list(calendar.warnings),
    )
