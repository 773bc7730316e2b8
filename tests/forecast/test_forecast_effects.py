"""Turn-of-month positions and factors on a synthetic history with a planted first-business-day lift."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from forecast_synth import make_history

from rosterkit.calendar import WorkCalendar
from rosterkit.forecast.effects import month_positions
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
    n = sum(1 for p in pos if p == "f1")  # six months: six first business days, shrunk by 4 pseudo-days
    assert factors["f1"] == pytest.approx(1 + 0.3 * n / (n + 4), abs=0.04)
    assert factors["f2"] == pytest.approx(1.0, abs=0.04)
    # July 1 (Mon, f1) vs July 2 (Tue, f2): weekday factors 1.2 vs 1.0, times the learned lift
    ratio = daily[date(2024, 7, 1)] / daily[date(2024, 7, 2)] / 1.2
    assert ratio == pytest.approx(factors["f1"] / factors["f2"], abs=0.05)
