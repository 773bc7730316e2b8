"""Accuracy metrics and rolling-origin backtests (pure functions of arrays).

WAPE = sum |actual - forecast| / sum actual, over the evaluated intervals, in percent.
MASE = mean |actual - forecast| / mean |y_t - y_{t-1 week}| of the training days (the in-sample error
of the seasonal naive method on the same slots), so 1.0 means "as good as last week".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from rosterkit.calendar import WorkCalendar
from rosterkit.forecast.cleaning import CleanHistory, DayStatus
from rosterkit.forecast.methods import Method, Training
from rosterkit.forecast.predict import predict_days, training_set

EVALUATED = (DayStatus.OPEN, DayStatus.POST_CLOSURE, DayStatus.HOLIDAY)


def wape(actual: np.ndarray, forecast: np.ndarray) -> float:
    total = float(np.sum(actual))
    return 100.0 * float(np.sum(np.abs(actual - forecast))) / total if total > 0 else float("nan")


def naive_scale(train: Training) -> float:
    """Mean absolute change from the previous same-key valid day (the seasonal naive in-sample error)."""
    diffs = []
    for k in np.unique(train.keys):
        rows = train.values[train.keys == k]
        if len(rows) > 1:
            diffs.append(np.abs(np.diff(rows, axis=0)).ravel())
    if not diffs:
        return float("nan")
    return float(np.mean(np.concatenate(diffs)))


def mase(actual: np.ndarray, forecast: np.ndarray, scale: float) -> float:
    if not scale or np.isnan(scale):
        return float("nan")
    return float(np.mean(np.abs(actual - forecast)) / scale)


@dataclass(frozen=True)
class BacktestRow:
    method: str
    origin: pd.Timestamp
    wape: float
    mase: float
    days: int


def rolling_origins(clean: CleanHistory, horizon_days: int, count: int, min_train_days: int = 28) -> list:
    """Up to ``count`` origins, ``horizon_days`` apart, the last one ``horizon_days`` before the end of
    the history; each with at least ``min_train_days`` of history before it."""
    first = clean.matrix.dates[0]
    end = clean.matrix.dates[-1] + pd.Timedelta(days=1)
    origins = []
    for j in range(count, 0, -1):
        origin = end - pd.Timedelta(days=horizon_days * j)
        if (origin - first).days >= min_train_days:
            origins.append(origin)
    return origins


def backtest(
    clean: CleanHistory,
    methods: dict[str, Method],
    origins: list[pd.Timestamp],
    horizon_days: int,
    calendar: WorkCalendar,
    special_days: dict | None = None,
) -> tuple[list[BacktestRow], dict[str, tuple[np.ndarray, np.ndarray]]]:
    """Each method's WAPE and MASE per origin, and every method's (actual, forecast) pairs pooled
    over the origins (for prediction intervals). Days with outages or anomalies, and busy days after a
    gap, are not scored, but their intervals do enter the pooled pairs: prediction intervals must
    allow for such days."""
    rows: list[BacktestRow] = []
    pairs: dict[str, tuple[list, list]] = {name: ([], []) for name in methods}
    dates = clean.matrix.dates
    for origin in origins:
        past = clean.truncated(origin)
        train = training_set(past)
        scale = naive_scale(train)
        sel = (dates >= origin) & (dates < origin + pd.Timedelta(days=horizon_days))
        idx = np.flatnonzero(sel)
        has_data = clean.matrix.has_data[idx]
        scored = np.isin(clean.status[idx], EVALUATED) & has_data
        if not scored.any():
            continue
        actual = np.nan_to_num(clean.matrix.calls[idx][scored])
        every_actual = np.nan_to_num(clean.matrix.calls[idx][has_data])
        for name, method in methods.items():
            values, _plan = predict_days(past, method, dates[idx], calendar, special_days)
            forecast = values[scored]
            rows.append(
                BacktestRow(
                    name, origin, wape(actual, forecast), mase(actual, forecast, scale), int(scored.sum())
                )
            )
            pairs[name][0].append(every_actual.ravel())
            pairs[name][1].append(values[has_data].ravel())
    pooled = {name: (np.concatenate(a), np.concatenate(f)) for name, (a, f) in pairs.items() if a}
    return rows, pooled


def mean_wape(rows: list[BacktestRow]) -> dict[str, float]:
    by: dict[str, list[float]] = {}
    for r in rows:
        by.setdefault(r.method, []).append(r.wape)
    return {name: float(np.mean(v)) for name, v in by.items()}
