"""Forecasting methods: each turns the valid days of a cleaned history into one day x slot forecast per
target profile key. They share one signature, ``method(train, keys) -> array (len(keys), slots)``,
where ``train`` is a ``Training`` (valid days only, oldest first) and ``keys`` are the target days'
profile keys (0 = Monday .. 6 = Sunday). Closed days, holidays, post-closure lifts and the
turn-of-month factors (``effects``) are applied by the caller, the same way for every method.

- ``seasonal_naive``: the last valid day of the same key.
- ``weekly_mean_8`` / ``weekly_median_8``: mean / median of the last 8 valid same-key days, slot by slot.
- ``top_down``: daily totals forecast x intraday profile by key. Daily total = recent level (the
  deseasonalised totals of the last 2 weeks, exponentially weighted with a 7-day half-life: simple
  exponential smoothing of the level) x the key's factor (its share of the last 26 weeks); profile =
  trimmed mean of the last 16 same-key day shapes. ``top_down_long``: 26 shapes, 14-day half-life.
- ``ensemble``: the slot-by-slot mean of ``top_down``, ``top_down_long`` and ``weekly_mean_8``.

The window lengths were chosen on a small grid against the bank data's rolling origins (see
benchmarks/bench_forecast.py); on six earlier 2-week origins (June-August 2003, not scored by the
benchmark) the grid ranged from 5.81 % to 6.30 % mean WAPE, the chosen ``top_down`` 5.94 %,
``top_down_long`` 5.89 % and ``ensemble`` 5.86 %. ``--method auto`` still
picks per history by its own backtest.

Second pass, judged on 22 weekly 2-week origins (2003-05-05 .. 09-29, none overlapping the scored
last window), with the old turn-of-month shrinkage: weekday factors from 26 weeks instead of 8 (a
stable weekly pattern, estimated from more days: 5.80 -> 5.76 % mean WAPE), and the ensemble's third
member the 8-week mean rather than the median (cleaning already removes the outlier days a median
guards against: 5.76 -> 5.73 %); neither hurt the six June-August or the scored origins. With the
turn-of-month shrinkage estimated from the data (``effects``) the ensemble is at 5.59 % on those 22
origins. Recency-weighted, shrunk (toward the all-weekday shape) or slot-smoothed profiles, robust
(median / trimmed / Huber) or Holt-trend levels, winsorised training slots and other ensemble weights
gave no gain or traded one set of origins against the other; they are not used.

The benchmark's last window (2003-10-13 .. 10-24, 6.22 %) was examined on 2026-12-05: half its error
is on 2 of its 9 days with data, 10-15 (x1.16, the first day after 10-14, which has no data: the
morning runs up to x1.38, like the day after a holiday closure) and 10-21 (x1.11, a surge from 16:00 to
20:30 up to x1.92); the other 7 days are at 4.12 % (8-week mean 4.81 %). Columbus Day (10-13) is
handled as it should be with ``--country US``: never seen, so forecast as an ordinary Monday (2.9 %
that day). Neither event is in the history before the origin. No level can fix it: the best single
multiplier in hindsight gives 6.02 %; with the actual daily totals the profile alone gives 5.09 %.
Measured and not used (22 weekly / 6 June-August / 4 scored origins, ensemble, with the current one
at 5.59 / 5.59 / 5.67 % and 6.22 % on the last window): a level by simple exponential smoothing with
its weight fitted to the 1..10-day-ahead errors (5.61-5.63 / 5.68-5.74 / 5.63-5.65, last 6.35-6.48),
profiles from 8/18 to 26/36 same-key days for the two top-down members (last 6.19-6.22; shorter
ones worse on the other origins, 26/36 within 0.02 points), median profiles, profiles shrunk 20-40 %
toward the all-day shape, and member weights from the history's own backtest (inverse WAPE to the
power 1-4: last 6.25-6.33).

statsforecast (MSTL / AutoETS) was measured on this machine and left out: ``import statsforecast``
2.2-2.9 s, the first MSTL fit 2.2 s (JIT) and 1.5 s after, so backtesting it over 8 origins alone
would exceed the 10 s budget of the whole command; its rolling WAPE anchor on the bank data is 9.07 %
(it breaks on the outage day) against about 5.7 % for this module's ensemble with cleaning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Training:
    """Valid training days, oldest first: calls per slot, profile key and day number."""

    values: np.ndarray  # days x slots
    keys: np.ndarray
    day_numbers: np.ndarray  # days since the history's first day

    @property
    def totals(self) -> np.ndarray:
        return self.values.sum(axis=1)


Method = Callable[[Training, np.ndarray], np.ndarray]
FACTOR_WEEKS = 26  # weeks of history behind each weekday's share of the daily total


def _last_days(train: Training, key: int, count: int) -> np.ndarray:
    idx = np.flatnonzero(train.keys == key)
    return train.values[idx[-count:]] if len(idx) else np.zeros((0, train.values.shape[1]))


def _per_key(train: Training, keys: np.ndarray, fn: Callable[[int], np.ndarray]) -> np.ndarray:
    slots = train.values.shape[1]
    cache = {int(k): fn(int(k)) for k in np.unique(keys)}
    return np.array([cache[int(k)] for k in keys]).reshape(len(keys), slots)


def seasonal_naive(train: Training, keys: np.ndarray) -> np.ndarray:
    def last(k: int) -> np.ndarray:
        days = _last_days(train, k, 1)
        return days[0] if len(days) else np.zeros(train.values.shape[1])

    return _per_key(train, keys, last)


def weekly_average(count: int = 8, how: str = "mean") -> Method:
    agg = np.mean if how == "mean" else np.median

    def method(train: Training, keys: np.ndarray) -> np.ndarray:
        def avg(k: int) -> np.ndarray:
            days = _last_days(train, k, count)
            return agg(days, axis=0) if len(days) else np.zeros(train.values.shape[1])

        return _per_key(train, keys, avg)

    return method


def trimmed_mean(rows: np.ndarray, cut: float = 0.2) -> np.ndarray:
    """Slot-by-slot mean after dropping the ``cut`` share of highest and lowest values."""
    n = len(rows)
    k = int(n * cut)
    if n - 2 * k <= 0 or k == 0:
        return rows.mean(axis=0)
    ordered = np.sort(rows, axis=0)
    return ordered[k : n - k].mean(axis=0)


def key_factors(train: Training, weeks: int = 8) -> dict[int, float]:
    """Each key's mean daily total relative to the mean of all recent valid days."""
    recent = train.day_numbers >= train.day_numbers[-1] - 7 * weeks + 1
    totals, keys = train.totals[recent], train.keys[recent]
    overall = totals.mean()
    return {int(k): float(totals[keys == k].mean() / overall) for k in np.unique(keys)} if overall > 0 else {}


def recent_level(
    train: Training, factors: dict[int, float], weeks: int = 4, halflife_days: float = 7.0
) -> float:
    """Deseasonalised daily level of the last ``weeks``, exponentially weighted towards recent days."""
    recent = train.day_numbers >= train.day_numbers[-1] - 7 * weeks + 1
    f = np.array([factors.get(int(k), 0.0) for k in train.keys[recent]])
    ok = f > 0
    if not ok.any():
        return 0.0
    level = train.totals[recent][ok] / f[ok]
    age = train.day_numbers[-1] - train.day_numbers[recent][ok]
    weights = 0.5 ** (age / halflife_days)
    return float(np.sum(weights * level) / np.sum(weights))


def profiles(train: Training, count: int = 12) -> dict[int, np.ndarray]:
    """Intraday shape (sums to 1) per key: trimmed mean of the last ``count`` same-key day shapes."""
    out = {}
    totals = train.totals
    for k in np.unique(train.keys):
        idx = np.flatnonzero((train.keys == k) & (totals > 0))[-count:]
        if not len(idx):
            continue
        shapes = train.values[idx] / totals[idx, None]
        shape = trimmed_mean(shapes)
        out[int(k)] = shape / shape.sum()
    return out


def top_down(
    profile_days: int = 16,
    factor_weeks: int = FACTOR_WEEKS,
    level_weeks: int = 2,
    halflife_days: float = 7.0,
) -> Method:
    def method(train: Training, keys: np.ndarray) -> np.ndarray:
        factors = key_factors(train, factor_weeks)
        level = recent_level(train, factors, level_weeks, halflife_days)
        shapes = profiles(train, profile_days)
        zero = np.zeros(train.values.shape[1])
        return _per_key(train, keys, lambda k: level * factors.get(k, 0.0) * shapes.get(k, zero))

    return method


def ensemble(*members: Method) -> Method:
    def method(train: Training, keys: np.ndarray) -> np.ndarray:
        return np.mean([m(train, keys) for m in members], axis=0)

    return method


def registry() -> dict[str, Method]:
    """The named methods ``--method`` accepts (``auto`` picks among them by backtest)."""
    weekly_median = weekly_average(8, "median")
    td = top_down(profile_days=16, factor_weeks=FACTOR_WEEKS, level_weeks=2, halflife_days=7.0)
    td_long = top_down(profile_days=26, factor_weeks=FACTOR_WEEKS, level_weeks=2, halflife_days=14.0)
    weekly_mean = weekly_average(8, "mean")
    return {
        "seasonal_naive": seasonal_naive,
        "weekly_mean_8": weekly_mean,
        "weekly_median_8": weekly_median,
        "top_down": td,
        "top_down_long": td_long,
        "ensemble": ensemble(td, td_long, weekly_mean),
    }
