"""Seeded synthetic call histories for the forecast tests (no real data typed into tests).

A plain helper module (not a conftest: the root conftest is imported as `conftest` by other areas);
test modules import `make_history` from here.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

WEEKDAY_FACTOR = [1.2, 1.0, 0.95, 0.95, 1.0, 0.6, 0.5]


def intraday_shape(minutes: int = 30, open_hour: int = 8, close_hour: int = 20) -> np.ndarray:
    """A smooth morning-peaked shape over open hours (sums to 1), zero when closed."""
    slots = 1440 // minutes
    hours = np.arange(slots) * minutes / 60
    inside = (hours >= open_hour) & (hours < close_hour)
    bump = np.exp(-((hours - 11) ** 2) / 8) + 0.6 * np.exp(-((hours - 15) ** 2) / 10) + 0.15
    shape = np.where(inside, bump, 0.0)
    return shape / shape.sum()


def make_history(
    days: int = 56,
    start: date = date(2024, 3, 4),  # a Monday, no Chinese holiday in the next 8 weeks but Qingming
    minutes: int = 30,
    per_day: float = 2000.0,
    weekends: bool = False,
    seed: int = 0,
    skip: tuple[date, ...] = (),
    outage: tuple[date, int, int] | None = None,  # (day, from hour, to hour) with zero calls
    scale: dict[date, float] | None = None,
    handle: bool = False,
) -> pd.DataFrame:
    """Interval counts ``timestamp, calls[, aht_s]`` for open days (rows over open hours only)."""
    rng = np.random.default_rng(seed)
    shape = intraday_shape(minutes)
    scale = scale or {}
    rows = []
    for d in range(days):
        day = start + timedelta(days=d)
        if day in skip or (not weekends and day.weekday() >= 5):
            continue
        mean = per_day * WEEKDAY_FACTOR[day.weekday()] * scale.get(day, 1.0) * shape
        counts = rng.poisson(mean)
        if outage and outage[0] == day:
            lo, hi = outage[1] * 60 // minutes, outage[2] * 60 // minutes
            counts[lo:hi] = 0
        for s in np.flatnonzero(shape > 0):
            stamp = pd.Timestamp(day) + pd.Timedelta(minutes=int(s) * minutes)
            rows.append((stamp, int(counts[s])))
    frame = pd.DataFrame(rows, columns=["timestamp", "calls"])
    if handle:
        frame["aht_s"] = np.round(rng.normal(180, 10, len(frame)), 1)
    return frame
