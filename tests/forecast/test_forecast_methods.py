"""Methods, backtest metrics, method selection, horizon rules (closed days, holidays, lifts)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from forecast_synth import WEEKDAY_FACTOR, intraday_shape, make_history

from rosterkit.calendar import WorkCalendar
from rosterkit.forecast import methods
from rosterkit.forecast.backtest import mase, naive_scale, rolling_origins, wape
from rosterkit.forecast.forecaster import forecast_calls, prepare
from rosterkit.forecast.predict import training_set
from rosterkit.io.history import CallHistory

NONE = WorkCalendar("none")


def history(frame: pd.DataFrame) -> CallHistory:
    frame = frame.copy()
    frame["source_row"] = np.arange(2, len(frame) + 2)
    return CallHistory(Path("synthetic.csv"), frame, "counts")


def truth(day: date, per_day: float = 2000.0) -> np.ndarray:
    return per_day * WEEKDAY_FACTOR[day.weekday()] * intraday_shape()


def test_wape_and_mase_by_hand():
    actual, forecast = np.array([10.0, 20.0, 30.0]), np.array([12.0, 18.0, 30.0])
    assert wape(actual, forecast) == pytest.approx(100 * 4 / 60)
    assert mase(actual, forecast, 2.0) == pytest.approx((4 / 3) / 2)


def test_naive_scale_is_the_same_key_step():
    train = methods.Training(np.array([[1.0], [5.0], [4.0]]), np.array([0, 1, 0]), np.array([0, 1, 7]))
    assert naive_scale(train) == pytest.approx(3.0)


def test_seasonal_naive_repeats_the_last_same_weekday():
    clean = prepare(history(make_history()), 30, NONE)
    train = training_set(clean)
    got = methods.seasonal_naive(train, np.array([0]))
    last_monday = np.flatnonzero(train.keys == 0)[-1]
    np.testing.assert_array_equal(got[0], train.values[last_monday])


@pytest.mark.parametrize("name", list(methods.registry()))
def test_every_method_recovers_a_clean_weekly_pattern(name):
    clean = prepare(history(make_history(days=84)), 30, NONE)
    monday, tuesday = date(2024, 5, 27), date(2024, 5, 28)
    got = methods.registry()[name](training_set(clean), np.array([0, 1]))
    limit = 20 if name == "seasonal_naive" else 8  # Poisson noise of one day vs an average
    assert wape(truth(monday), got[0]) < limit
    assert wape(truth(tuesday), got[1]) < limit


def test_forecast_has_every_interval_of_the_horizon_and_zero_when_closed():
    result = forecast_calls(
        history(make_history()), date(2024, 4, 29), date(2024, 5, 5), 30, "ensemble", NONE
    )
    frame = result.frame
    assert len(frame) == 7 * 48
    assert list(frame.columns) == ["interval_start", "calls"]
    assert frame["interval_start"].iloc[0] == pd.Timestamp("2024-04-29 00:00")
    weekend = frame[frame["interval_start"].dt.day_of_week >= 5]
    night = frame[frame["interval_start"].dt.hour < 8]
    assert (weekend["calls"] == 0).all() and (night["calls"] == 0).all()
    assert frame["calls"].sum() > 0


def test_auto_picks_by_backtest_and_bands_cover_the_forecast():
    result = forecast_calls(
        history(make_history(days=84)), date(2024, 5, 27), date(2024, 6, 2), 30, "auto", NONE, level=80
    )
    assert result.method in methods.registry()
    assert result.backtest and {r.method for r in result.backtest} == set(methods.registry())
    f = result.frame
    assert (f["calls_lo"] <= f["calls"]).all() and (f["calls"] <= f["calls_hi"]).all()
    open_ = f["calls"] > 5
    assert (f.loc[open_, "calls_hi"] > f.loc[open_, "calls"]).all()


def test_rolling_origins_keep_four_weeks_of_training_before_each():
    clean = prepare(history(make_history(days=56)), 30, NONE)
    origins = rolling_origins(clean, 14, 4)
    # the history ends on Friday 2024-04-26: origins step back 14 days from the day after it
    assert [o.date() for o in origins] == [date(2024, 4, 13)]


def test_holiday_seen_closed_is_closed_next_time_and_lifts_the_days_after():
    # Memorial Day closed in 2024: a forecast across Memorial Day 2025 closes it and lifts Tue/Wed
    closed = date(2024, 5, 27)
    scale = {date(2024, 5, 28): 1.4, date(2024, 5, 29): 1.2}
    frame = make_history(start=date(2024, 4, 1), days=84, skip=(closed,), scale=scale)
    us = WorkCalendar("US")
    result = forecast_calls(history(frame), date(2025, 5, 26), date(2025, 5, 30), 30, "weekly_mean_8", us)
    days = result.frame.groupby(result.frame["interval_start"].dt.date)["calls"].sum()
    assert days[date(2025, 5, 26)] == 0
    plain = forecast_calls(history(frame), date(2025, 6, 3), date(2025, 6, 4), 30, "weekly_mean_8", us)
    plain_days = plain.frame.groupby(plain.frame["interval_start"].dt.date)["calls"].sum()
    assert days[date(2025, 5, 27)] == pytest.approx(1.4 * plain_days[date(2025, 6, 3)], rel=0.12)
    assert days[date(2025, 5, 28)] == pytest.approx(1.2 * plain_days[date(2025, 6, 4)], rel=0.12)


def test_unseen_holiday_is_forecast_open_with_a_note():
    result = forecast_calls(
        history(make_history()), date(2024, 5, 27), date(2024, 5, 27), 30, "ensemble", WorkCalendar("US")
    )
    assert result.frame["calls"].sum() > 0
    assert any("Memorial Day" in n and "special-days" in n for n in result.notes)


def test_special_days_closed_in_the_horizon_is_zero():
    day = date(2024, 5, 1)
    result = forecast_calls(history(make_history()), day, day, 30, "ensemble", NONE, {day: "closed"})
    assert result.frame["calls"].sum() == 0


def test_handle_time_gives_an_aht_column():
    frame = make_history(handle=True)
    frame["handle_s"] = frame["calls"] * frame.pop("aht_s")
    result = forecast_calls(history(frame), date(2024, 4, 29), date(2024, 4, 29), 30, "ensemble", NONE)
    aht = result.frame["aht_s"]
    assert aht.between(150, 210).all()


def test_chinese_bridging_day_follows_sunday_and_makeup_day_a_weekday():
    # a 7-day centre; in 2024 Friday Oct 4 is a day off (National Day) and Saturday Oct 12 is worked
    frame = make_history(start=date(2024, 7, 1), days=84, weekends=True, per_day=3000, seed=2)
    result = forecast_calls(
        history(frame), date(2024, 10, 4), date(2024, 10, 12), 30, "weekly_mean_8", WorkCalendar("CN")
    )
    daily = result.frame.groupby(result.frame["interval_start"].dt.date)["calls"].sum()
    sunday_level, weekday_level = 3000 * WEEKDAY_FACTOR[6], 3000 * WEEKDAY_FACTOR[2]
    assert daily[date(2024, 10, 4)] == pytest.approx(sunday_level, rel=0.1)
    assert daily[date(2024, 10, 12)] == pytest.approx(weekday_level, rel=0.1)
    assert daily[date(2024, 10, 11)] == pytest.approx(3000 * WEEKDAY_FACTOR[4], rel=0.1)


def test_unseen_holiday_follows_the_holidays_the_centre_opened_on():
    # Memorial Day and Juneteenth 2024 open at 40 %: Independence Day (never seen) at about 40 % too
    quiet = {date(2024, 5, 27): 0.4, date(2024, 6, 19): 0.4}
    frame = make_history(start=date(2024, 4, 1), days=84, scale=quiet)
    us = WorkCalendar("US")
    result = forecast_calls(history(frame), date(2024, 7, 3), date(2024, 7, 4), 30, "weekly_mean_8", us)
    daily = result.frame.groupby(result.frame["interval_start"].dt.date)["calls"].sum()
    wed, thu = WEEKDAY_FACTOR[2], WEEKDAY_FACTOR[3]
    assert daily[date(2024, 7, 4)] / thu == pytest.approx(0.4 * daily[date(2024, 7, 3)] / wed, rel=0.15)
    assert any("Independence Day" in n and "40%" in n for n in result.notes)
