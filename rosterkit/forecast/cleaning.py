"""History cleaning: intervals into a days x slots matrix, then each day's status.

Steps, each its own function (and test):

1. ``to_day_matrix``: counts or call records summed into intervals; one row per calendar day from the
   first to the last day of the history (NaN row = no data that day).
2. ``day_keys``: the profile a day follows: its weekday, except that a rest day on a weekday (a bridging
   day off) follows Sunday and a make-up working day (调休上班) follows a mid-week day.
3. ``mark_missing``: a day without data is *closed* when its kind of day is usually closed (weekends of
   a weekday centre), else *missing* (lost data).
4. ``mark_holidays`` / special days: calendar holidays and the user's special days are kept out of
   training; whether the centre opened on each holiday (by name) is remembered for the horizon.
5. ``find_outages``: a run of intervals inside open hours far below the same weekday's usual level
   (e.g. zeros for an hour) marks a partial day.
6. ``find_anomalous_days``: a day total far from the robust level of its weekday.
7. ``mark_post_closure``: the first two open days after an unusual closure (a holiday) carry the
   calls of the closed day; they are modelled separately, not used as ordinary days.
8. ``find_after_gap``: the first open day after a missing day, when busier than usual for its weekday:
   the gap was likely an unannounced closure whose calls moved to it, so it is kept out of training.
9. turn-of-month positions (``rosterkit.forecast.effects``): training days are divided by their
   position's factor, forecasts multiplied by it.

Excluded days are left out of training rather than imputed: every method averages over valid days.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property

import numpy as np
import pandas as pd
from scipy.special import pdtr

from rosterkit.calendar import DayKind, WorkCalendar
from rosterkit.errors import InputError, Location
from rosterkit.forecast.effects import learn_position_factors, month_positions
from rosterkit.io.history import CallHistory
from rosterkit.labels import t

MIN_DAYS = 14
NEIGHBOUR_DAYS = 56  # window (each side) for a day's robust reference
OUTAGE_RATIO = 0.5
OUTAGE_MINUTES = 60
OUTAGE_P = 1e-9  # thousands of day x run tests, and real counts are overdispersed: only the blatant
ANOMALY_LOW, ANOMALY_HIGH = 0.6, 1.6
MIDWEEK_KEY, SUNDAY_KEY = 2, 6


class DayStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    MISSING = "missing"
    HOLIDAY = "holiday"
    OUTAGE = "outage"
    ANOMALOUS = "anomalous"
    SPECIAL = "special"
    POST_CLOSURE = "post_closure"
    AFTER_GAP = "after_gap"


@dataclass
class DayMatrix:
    """Calls (and handle seconds) per day x slot; NaN rows are days without data."""

    dates: pd.DatetimeIndex
    calls: np.ndarray
    handle_s: np.ndarray | None
    minutes: int

    @property
    def has_data(self) -> np.ndarray:
        return ~np.isnan(self.calls).all(axis=1)

    @property
    def totals(self) -> np.ndarray:
        return np.nansum(self.calls, axis=1)


@dataclass
class CleanHistory:
    """A day matrix with each day's status, profile key, post-closure rank (0, 1 or 2) and
    turn-of-month position (``rosterkit.forecast.effects``)."""

    matrix: DayMatrix
    status: np.ndarray  # DayStatus per day (object array)
    keys: np.ndarray
    post: np.ndarray
    positions: np.ndarray
    reasons: dict[date, str] = field(default_factory=dict)
    open_keys: frozenset[int] = frozenset()
    holidays_seen: dict[str, list[float]] = field(default_factory=dict)  # name -> day ratios (0 = closed)

    @property
    def valid(self) -> np.ndarray:
        return self.status == DayStatus.OPEN

    @cached_property
    def position_factors(self) -> dict[str, float]:
        """Turn-of-month factors learned from this history's valid days."""
        totals = np.nan_to_num(self.matrix.calls).sum(axis=1)
        return learn_position_factors(totals, self.valid, self.keys, self.positions)

    def excluded(self) -> list[tuple[date, str, str]]:
        """(date, status, reason) of every day kept out of training that had data or was expected open."""
        out = []
        for i, d in enumerate(self.matrix.dates):
            st = self.status[i]
            if st in (DayStatus.OPEN, DayStatus.CLOSED):
                continue
            out.append((d.date(), str(st), self.reasons.get(d.date(), "")))
        return out

    def truncated(self, before: pd.Timestamp) -> CleanHistory:
        """The same history cut to the days before ``before`` (for rolling-origin backtests)."""
        n = int(np.searchsorted(self.matrix.dates, before))
        m = self.matrix
        cut = DayMatrix(m.dates[:n], m.calls[:n], None if m.handle_s is None else m.handle_s[:n], m.minutes)
        return CleanHistory(
            cut,
            self.status[:n],
            self.keys[:n],
            self.post[:n],
            self.positions[:n],
            self.reasons,
            self.open_keys,
            self.holidays_seen,
        )


def to_day_matrix(history: CallHistory, minutes: int) -> DayMatrix:
    """Sum the history into ``minutes`` intervals; one row per calendar day, NaN rows without data."""
    frame = history.frame
    where = Location(file=history.source)
    if frame.empty:
        raise InputError(t("err.fc.no_rows"), where=where, fix=t("err.fc.no_rows.fix"))
    stamps = pd.DatetimeIndex(frame["timestamp"])
    if history.kind == "counts":
        spacing = _native_spacing(stamps)
        if spacing and spacing > minutes and spacing % minutes == 0:
            raise InputError(
                t("err.fc.coarse", spacing=spacing, minutes=minutes),
                where=where,
                fix=t("err.fc.coarse.fix", spacing=spacing),
            )
    first, last = stamps.min().normalize(), stamps.max().normalize()
    n_days = int((last - first).days) + 1
    if n_days < MIN_DAYS:
        raise InputError(
            t("err.fc.too_short", days=n_days, first=first.date(), last=last.date(), need=MIN_DAYS),
            where=where,
            fix=t("err.fc.too_short.fix"),
        )
    slots = 1440 // minutes
    day = ((stamps.normalize() - first).days).to_numpy()
    slot = ((stamps.hour * 60 + stamps.minute) // minutes).to_numpy()
    flat = day * slots + slot
    calls = np.bincount(flat, weights=frame["calls"].to_numpy(float), minlength=n_days * slots)
    calls = calls.reshape(n_days, slots)
    seen = np.zeros(n_days, dtype=bool)
    seen[np.unique(day)] = True
    if history.kind == "records":
        seen &= calls.sum(axis=1) > 0
    calls[~seen] = np.nan
    handle = None
    if "handle_s" in frame.columns:
        handle = np.bincount(flat, weights=frame["handle_s"].to_numpy(float), minlength=n_days * slots)
        handle = handle.reshape(n_days, slots)
        handle[~seen] = np.nan
    dates = pd.date_range(first, periods=n_days, freq="D")
    return DayMatrix(dates, calls, handle, minutes)


def _native_spacing(stamps: pd.DatetimeIndex) -> int | None:
    unique = np.unique(stamps.asi8)
    if len(unique) < 2:
        return None
    diffs = np.diff(unique) // 60_000_000_000
    diffs = diffs[(diffs > 0) & (diffs < 1440)]
    if not len(diffs):
        return None
    values, counts = np.unique(diffs, return_counts=True)
    return int(values[np.argmax(counts)])


def day_key(kind: DayKind, weekday: int) -> int:
    """Which weekday's profile a day follows (0 = Monday .. 6 = Sunday)."""
    if kind == DayKind.MAKEUP:
        return MIDWEEK_KEY
    if kind == DayKind.REST and weekday < 5:
        return SUNDAY_KEY
    return weekday


def day_keys(dates: pd.DatetimeIndex, calendar: WorkCalendar) -> np.ndarray:
    return np.array([day_key(calendar.kind(d.date()), d.weekday()) for d in dates], dtype=np.int64)


def open_keys(has_data: np.ndarray, keys: np.ndarray) -> frozenset[int]:
    """Kinds of day the centre opens on: at least half of them have data."""
    out = set()
    for k in range(7):
        sel = keys == k
        if sel.any() and has_data[sel].mean() >= 0.5:
            out.add(k)
    return frozenset(out)


def mark_missing(has_data: np.ndarray, keys: np.ndarray, opened: frozenset[int]) -> np.ndarray:
    status = np.full(len(keys), DayStatus.OPEN, dtype=object)
    no_data = ~has_data
    status[no_data & np.isin(keys, list(opened))] = DayStatus.MISSING
    status[no_data & ~np.isin(keys, list(opened))] = DayStatus.CLOSED
    return status


def _reference(values: np.ndarray, usable: np.ndarray, keys: np.ndarray, i: int) -> np.ndarray | None:
    """Median of the same-key usable days within NEIGHBOUR_DAYS of day ``i`` (itself excluded)."""
    idx = np.flatnonzero(usable & (keys == keys[i]))
    idx = idx[(np.abs(idx - i) <= NEIGHBOUR_DAYS) & (idx != i)]
    if len(idx) < 2:
        return None
    return np.median(values[idx], axis=0)


def _low_runs(low: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) slot of every maximal run of True."""
    runs, start = [], None
    for s, flag in enumerate(low):
        if flag and start is None:
            start = s
        elif not flag and start is not None:
            runs.append((start, s - 1))
            start = None
    if start is not None:
        runs.append((start, len(low) - 1))
    return runs


def find_outages(values: np.ndarray, usable: np.ndarray, keys: np.ndarray, minutes: int) -> dict[int, str]:
    """Days with a run of at least an hour of intervals below half their usual level (where the usual
    level is material) that chance cannot explain: the run's calls must be improbably few for a
    Poisson count with the usual mean (P < ``OUTAGE_P``), so quiet hours with a handful of calls and
    ordinary dips do not count. Returns day index -> reason."""
    run_needed = max(1, OUTAGE_MINUTES // minutes)
    found: dict[int, str] = {}
    for i in np.flatnonzero(usable):
        ref = _reference(values, usable, keys, i)
        if ref is None:
            continue
        material = ref >= max(3.0, 0.1 * ref.max())
        low = material & (values[i] < OUTAGE_RATIO * ref)
        for first, last in _low_runs(low):
            length = last - first + 1
            expected, seen = ref[first : last + 1].sum(), values[i, first : last + 1].sum()
            if length < run_needed or pdtr(seen, expected) >= OUTAGE_P:
                continue
            start, end = first * minutes, (last + 1) * minutes
            found[int(i)] = t(
                "fc.reason.outage",
                minutes=length * minutes,
                start=f"{start // 60:02d}:{start % 60:02d}",
                end=f"{end // 60:02d}:{end % 60:02d}",
            )
            break
    return found


def find_anomalous_days(values: np.ndarray, usable: np.ndarray, keys: np.ndarray) -> dict[int, str]:
    """Days whose total is below 60 % or above 160 % of the usual total of their weekday."""
    totals = values.sum(axis=1)
    found: dict[int, str] = {}
    for i in np.flatnonzero(usable):
        ref = _reference(totals[:, None], usable, keys, i)
        if ref is None or ref[0] <= 0:
            continue
        ratio = totals[i] / ref[0]
        if ratio < ANOMALY_LOW or ratio > ANOMALY_HIGH:
            found[int(i)] = t(
                "fc.reason.anomalous", total=f"{totals[i]:.0f}", ratio=f"{ratio:.0%}", usual=f"{ref[0]:.0f}"
            )
    return found


def mark_post_closure(status: np.ndarray, closed_unusually: np.ndarray) -> np.ndarray:
    """Rank 1 / 2 for the first / second open day after an unusual closure (holiday or special closed
    day), skipping regular closed days (weekends of a weekday centre)."""
    post = np.zeros(len(status), dtype=np.int64)
    pending = 0
    for i in range(len(status)):
        if closed_unusually[i]:
            pending = 1
            continue
        if status[i] == DayStatus.CLOSED:
            continue
        if pending:
            post[i] = pending
            pending = pending + 1 if pending < 2 else 0
    return post


def find_after_gap(status: np.ndarray, totals: np.ndarray, keys: np.ndarray) -> dict[int, str]:
    """The first open day after a missing day (regular closed days in between skipped) whose total is
    above the usual total of its weekday. A day without data on a normally open day is either lost
    data or an unannounced closure; after a closure the next day carries the closed day's calls (as
    after a holiday), after lost data it does not. A day at or below its usual total stays in training.
    Returns day index -> reason."""
    usable = status == DayStatus.OPEN
    found: dict[int, str] = {}
    pending = False
    for i, st in enumerate(status):
        if st == DayStatus.MISSING:
            pending = True
            continue
        if st == DayStatus.CLOSED:
            continue
        if pending and st == DayStatus.OPEN:
            ref = _reference(totals[:, None], usable, keys, i)
            if ref is not None and totals[i] > ref[0] > 0:
                found[i] = t("fc.reason.after_gap", total=f"{totals[i]:.0f}", usual=f"{ref[0]:.0f}")
        pending = False
    return found


def clean_history(
    matrix: DayMatrix,
    calendar: WorkCalendar,
    special_days: dict[date, str] | None = None,
) -> CleanHistory:
    """Every cleaning step in order; see the module docstring."""
    special_days = special_days or {}
    keys = day_keys(matrix.dates, calendar)
    has_data = matrix.has_data
    values = np.nan_to_num(matrix.calls)
    opened = open_keys(has_data, keys)
    status = mark_missing(has_data, keys, opened)
    reasons: dict[date, str] = {
        matrix.dates[i].date(): t("fc.reason.missing") for i in np.flatnonzero(status == DayStatus.MISSING)
    }
    holidays_seen: dict[str, list[float]] = {}
    unusual_closure = np.zeros(len(keys), dtype=bool)
    holiday_idx = []
    for i, ts in enumerate(matrix.dates):
        d = ts.date()
        kind = special_days.get(d)
        if kind == "closed":
            status[i] = DayStatus.CLOSED
            unusual_closure[i] = True
            reasons[d] = t("fc.reason.special_closed")
        elif kind == "special":
            status[i] = DayStatus.SPECIAL
            reasons[d] = t("fc.reason.special")
        elif calendar.is_holiday(d):
            holiday_idx.append(i)
            status[i] = DayStatus.HOLIDAY
            reasons[d] = calendar.holiday_name(d) or "holiday"
            if not has_data[i] or values[i].sum() == 0:
                unusual_closure[i] = keys[i] in opened
    usable = status == DayStatus.OPEN
    for i, why in find_outages(values, usable, keys, matrix.minutes).items():
        status[i] = DayStatus.OUTAGE
        reasons[matrix.dates[i].date()] = why
    usable = status == DayStatus.OPEN
    for i, why in find_anomalous_days(values, usable, keys).items():
        status[i] = DayStatus.ANOMALOUS
        reasons[matrix.dates[i].date()] = why
    usable = status == DayStatus.OPEN
    totals = values.sum(axis=1)
    for i in holiday_idx:
        if keys[i] not in opened:
            continue  # a holiday on a day the centre never opens says nothing about holidays
        name = reasons[matrix.dates[i].date()]
        ref = _reference(totals[:, None], usable, keys, i)
        ratio = 0.0 if not has_data[i] or ref is None or ref[0] <= 0 else float(totals[i] / ref[0])
        holidays_seen.setdefault(name, []).append(ratio)
    post = mark_post_closure(status, unusual_closure)
    for i in np.flatnonzero((post > 0) & (status == DayStatus.OPEN)):
        status[i] = DayStatus.POST_CLOSURE
        reasons[matrix.dates[i].date()] = t("fc.reason.post_closure", rank=int(post[i]))
    for i, why in find_after_gap(status, totals, keys).items():
        status[i] = DayStatus.AFTER_GAP
        reasons[matrix.dates[i].date()] = why
    positions = month_positions(matrix.dates, calendar)
    return CleanHistory(matrix, status, keys, post, positions, reasons, opened, holidays_seen)
