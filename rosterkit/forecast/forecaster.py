"""The ``forecast`` library call: clean the history, pick a method by backtest, forecast the horizon.

from rosterkit.io.history import read_history
from rosterkit.forecast.forecaster import forecast_calls
result = forecast_calls(read_history("history.csv"), date(2024, 7, 1), date(2024, 7, 31),
                        minutes=30, level=80)
result.frame  # interval_start, calls, calls_lo, calls_hi[, aht_s]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from rosterkit.calendar import DayKind, WorkCalendar
from rosterkit.errors import InputError
from rosterkit.forecast.backtest import BacktestRow, backtest, mean_wape, rolling_origins
from rosterkit.forecast.cleaning import CleanHistory, clean_history, to_day_matrix
from rosterkit.forecast.methods import registry
from rosterkit.forecast.predict import predict_days
from rosterkit.io.history import CallHistory
from rosterkit.labels import t
from rosterkit.model import columns as col

DEFAULT_METHOD = "ensemble"
BACKTEST_DAYS = 14
BACKTEST_ORIGINS = 8
SWITCH_MARGIN = 0.05  # auto leaves the ensemble only for a method >= 5 % (relative) better in backtest


@dataclass
class ForecastResult:
    frame: pd.DataFrame
    method: str
    clean: CleanHistory
    backtest: list[BacktestRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def make_calendar(country: str, special_days: dict[date, str] | None = None) -> WorkCalendar:
    """The holiday calendar of ``country`` with the special-days file's holiday / workday / rest /
    makeup rows overriding it (closed and special days are handled by the forecast itself)."""
    overrides = {d: DayKind(kind) for d, kind in (special_days or {}).items() if kind in set(DayKind)}
    try:
        return WorkCalendar(country, special_days=overrides)
    except ValueError as exc:
        raise InputError(t("err.sentence", text=exc), fix=t("err.fc.country.fix")) from None


def prepare(
    history: CallHistory,
    minutes: int,
    calendar: WorkCalendar,
    special_days: dict[date, str] | None = None,
) -> CleanHistory:
    return clean_history(to_day_matrix(history, minutes), calendar, special_days)


def choose_method(
    clean: CleanHistory,
    calendar: WorkCalendar,
    special_days: dict[date, str] | None,
    origins: int = BACKTEST_ORIGINS,
    horizon_days: int = BACKTEST_DAYS,
    only: str | None = None,
) -> tuple[str, list[BacktestRow], dict]:
    """The method with the lowest mean WAPE over rolling origins on the history itself; the ensemble
    is kept unless another method beats it by ``SWITCH_MARGIN``. With ``only``, just that method is
    backtested (for its prediction intervals)."""
    methods = registry()
    if only is not None:
        methods = {only: methods[only]}
    points = rolling_origins(clean, horizon_days, origins)
    if not points:
        return DEFAULT_METHOD, [], {}
    rows, pooled = backtest(clean, methods, points, horizon_days, calendar, special_days)
    scores = mean_wape(rows)
    scores = {k: v for k, v in scores.items() if np.isfinite(v)}
    if not scores:
        return DEFAULT_METHOD, rows, pooled
    best = min(scores, key=lambda k: (round(scores[k], 6), k))
    if only is not None:
        return only, rows, pooled
    if DEFAULT_METHOD in scores and scores[best] > (1.0 - SWITCH_MARGIN) * scores[DEFAULT_METHOD]:
        best = DEFAULT_METHOD  # a combination is the safer bet unless a single method is clearly better
    return best, rows, pooled


BAND_BINS = 4


def prediction_band(
    actual: np.ndarray, forecast: np.ndarray, level: float, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper bounds for ``values`` from backtest pairs: the quantiles of actual/forecast
    among backtested intervals of similar volume (``BAND_BINS`` bins by forecast quantile: small
    volumes vary relatively more). Without enough pairs, a Poisson band."""
    tail = (1.0 - level / 100.0) / 2.0
    ok = forecast >= 1.0
    if ok.sum() < 20 * BAND_BINS:
        z = _normal_quantile(1.0 - tail)
        return values - z * np.sqrt(values), values + z * np.sqrt(values)
    f, ratios = forecast[ok], actual[ok] / forecast[ok]
    edges = np.quantile(f, np.linspace(0, 1, BAND_BINS + 1)[1:-1])
    which = np.digitize(f, edges)
    lo_q = np.array([np.quantile(ratios[which == b], tail) for b in range(BAND_BINS)])
    hi_q = np.array([np.quantile(ratios[which == b], 1.0 - tail) for b in range(BAND_BINS)])
    target_bin = np.digitize(values, edges)
    return values * lo_q[target_bin], values * hi_q[target_bin]


def forecast_calls(
    history: CallHistory,
    start: date,
    end: date,
    minutes: int = 30,
    method: str = "auto",
    calendar: WorkCalendar | None = None,
    special_days: dict[date, str] | None = None,
    level: float | None = None,
    clean: CleanHistory | None = None,
) -> ForecastResult:
    """Forecast calls per interval from ``start`` to ``end`` (inclusive dates)."""
    calendar = calendar or WorkCalendar("CN")
    if end < start:
        raise InputError(
            t("err.fc.end_before_start", end=end, start=start), fix=t("err.fc.end_before_start.fix")
        )
    if (end - start).days > 400:
        raise InputError(t("err.fc.too_long"), fix=t("err.fc.too_long.fix"))
    methods = registry()
    if method != "auto" and method not in methods:
        raise InputError(
            t("err.fc.unknown_method", method=method),
            fix=t("err.fc.unknown_method.fix", known=", ".join(methods)),
        )
    clean = clean or prepare(history, minutes, calendar, special_days)
    if not clean.valid.any():
        raise InputError(
            t("err.fc.no_usable_day"),
            fix=t("err.fc.no_usable_day.fix"),
        )
    notes = [
        t(
            "fc.log.history",
            days=len(clean.matrix.dates),
            open=int(clean.matrix.has_data.sum()),
            first=clean.matrix.dates[0].date(),
            last=clean.matrix.dates[-1].date(),
            minutes=minutes,
        )
    ]
    for d, status, reason in clean.excluded():
        notes.append(t("fc.log.excluded", date=d, status=t(f"fc.status.{status}"), reason=reason))
    rows: list[BacktestRow] = []
    pooled: dict = {}
    chosen = method
    if method == "auto" or level is not None:
        best, rows, pooled = choose_method(
            clean, calendar, special_days, only=None if method == "auto" else method
        )
        if method == "auto":
            chosen = best
            if rows:
                score = mean_wape([r for r in rows if r.method == best])[best]
                origins = len({r.origin for r in rows})
                notes.append(t("fc.log.method", method=best, wape=score, origins=origins))
    if pd.Timestamp(start) <= clean.matrix.dates[-1]:
        notes.append(t("fc.log.overlap", start=start, last=clean.matrix.dates[-1].date()))
    dates = pd.date_range(pd.Timestamp(start), pd.Timestamp(end), freq="D")
    values, plan = predict_days(clean, methods[chosen], dates, calendar, special_days)
    notes.extend(plan.notes)
    slots = values.shape[1]
    stamps = (dates.values[:, None] + np.arange(slots)[None, :] * np.timedelta64(minutes, "m")).ravel()
    frame = pd.DataFrame({col.INTERVAL_START: pd.DatetimeIndex(stamps), col.CALLS: values.ravel()})
    if level is not None:
        f = values.ravel()
        actual, fitted = pooled.get(chosen, (np.zeros(0), np.zeros(0)))
        lo, hi = prediction_band(actual, fitted, level, f)
        frame[col.CALLS_LO] = np.clip(np.minimum(lo, f), 0.0, None)
        frame[col.CALLS_HI] = np.maximum(hi, f)
    if clean.matrix.handle_s is not None:
        frame[col.AHT_S] = forecast_aht(clean, plan.keys).ravel()
    return ForecastResult(frame, chosen, clean, rows, notes)


def forecast_aht(clean: CleanHistory, keys: np.ndarray, days: int = 8) -> np.ndarray:
    """Average handle time per target day x slot: handle seconds / calls over the last ``days`` valid
    same-key days; slots without calls fall back to the key's daily AHT, then the overall AHT."""
    calls = np.nan_to_num(clean.matrix.calls)
    handle = np.nan_to_num(clean.matrix.handle_s)
    valid = clean.valid
    overall = handle[valid].sum() / max(calls[valid].sum(), 1e-9)
    out = np.zeros((len(keys), calls.shape[1]))
    for k in np.unique(keys):
        idx = np.flatnonzero(valid & (clean.keys == k))[-days:]
        c, h = calls[idx].sum(axis=0), handle[idx].sum(axis=0)
        daily = h.sum() / c.sum() if c.sum() > 0 else overall
        out[keys == k] = np.where(c > 0, h / np.where(c > 0, c, 1.0), daily)
    return out


def _normal_quantile(p: float) -> float:
    from statistics import NormalDist

    return NormalDist().inv_cdf(p)
