"""Turn-of-month positions and factors on a synthetic history with a planted first-business-day lift."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from forecast_synth import make_history

from rosterkit.calendar import WorkCalendar
from rosterkit.forecast.effects import K_MAX, K_MIN, SHRINK, month_positions, shrinkage_days
from rosterkit.forecast.forecaster import forecast_calls
from rosterkit.io.history import CallHistory


def test_positions_count_business_days_and_skip_holidays():
    us = WorkCalendar("US")
    dates = pd.DatetimeIndex(
        ["2003-09-01", "2003-09-02", "2003-09-03", "2003-09-06", "2003-09-17", "2003-09-30"]
    )
    assert month_positions(dates, us).tolist() == ["none", "f1", "f2", "none", "mid", "b1"]


def test_chinese_makeup_day_is_a_business_day():
    cn = WorkCalendar("CN")
    # 2024-09-29 (Sunday) is worked before National Day; 2024-10-08 is the first business day of October
    dates = pd.DatetimeIndex(["2024-09-29", "2024-09-30", "2024-10-01", "2024-10-08"])
    assert month_positions(dates, cn).tolist() == ["b2", "b1", "none", "f1"]


def test_planted_first_business_day_lift_is_learned_and_forecast():
    start = date(2024, 1, 1)
    days = [start + timedelta(days=i) for i in range(182)]
    none = WorkCalendar("none")
    pos = month_positions(pd.DatetimeIndex(days), none)
    lift = {d: 1.3 for d, p in zip(days, pos, strict=True) if p == "f1"}
    frame = make_history(start=start, days=182, scale=lift, per_day=4000, seed=3)
    frame["source_row"] = np.arange(2, len(frame) + 2)
    history = CallHistory(Path("synthetic.csv"), frame, "counts")
    result = forecast_calls(history, date(2024, 7, 1), date(2024, 7, 2), 30, "weekly_mean_8", none)
    daily = result.frame.groupby(result.frame["interval_start"].dt.date)["calls"].sum()
    factors = result.clean.position_factors
    # a strong, clear effect over little noise: the estimated shrinkage is small, the lift kept
    assert factors["f1"] == pytest.approx(1.3, abs=0.04)
    assert factors["f2"] == pytest.approx(1.0, abs=0.04)
    # July 1 (Mon, f1) vs July 2 (Tue, f2): weekday factors 1.2 vs 1.0, times the learned lift
    ratio = daily[date(2024, 7, 1)] / daily[date(2024, 7, 2)] / 1.2
    assert ratio == pytest.approx(factors["f1"] / factors["f2"], abs=0.05)


def _ratios(effects: dict[str, float], days: int, noise: float, seed: int) -> dict[str, list[float]]:
    rng = np.random.default_rng(seed)
    return {pos: list(1.0 + e + rng.normal(0.0, noise, days)) for pos, e in effects.items()}


def test_shrinkage_is_strong_without_an_effect_and_weak_with_a_clear_one():
    positions = [f"f{i}" for i in range(1, 11)] + ["mid", "b1", "b2", "b3"]
    flat = _ratios(dict.fromkeys(positions, 0.0), days=6, noise=0.04, seed=1)
    assert shrinkage_days(flat) >= 10.0  # pure noise: factors pulled almost to 1
    clear = _ratios({p: (0.10 if p in ("f1", "f2", "b1") else 0.0) for p in positions}, 6, 0.04, seed=2)
    k = shrinkage_days(clear)
    assert K_MIN <= k <= 3.0  # noise variance 0.0016 over effect variance about 0.002


def test_shrinkage_falls_back_to_the_constant_on_a_short_history():
    assert shrinkage_days({"f1": [1.2, 1.1], "mid": [1.0, 0.98, 1.01]}) == SHRINK
    assert shrinkage_days({}) == SHRINK
    same = {p: [1.0] * 4 for p in ("f1", "f2", "mid", "b1")}
    assert shrinkage_days(same) == K_MAX  # no spread at all: no effect to keep
