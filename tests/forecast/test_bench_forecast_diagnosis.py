"""The helpers behind bench_forecast's unscored "where the error is" row (the benchmark itself is run on
purpose, never here): the best constant multiplier in hindsight, the worst days, a day's description."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module("benchmarks.bench_forecast")


def test_best_constant_scale_is_the_hindsight_optimum(bench) -> None:
    rng = np.random.default_rng(5)
    forecast = rng.uniform(10, 100, size=(9, 48))
    actual = forecast * rng.uniform(0.8, 1.3, size=forecast.shape)
    c, best = bench.best_constant_scale(actual, forecast)
    grid = np.linspace(0.7, 1.5, 801)
    brute = min(bench.wape(actual, g * forecast) for g in grid)
    assert best <= brute + 1e-9
    assert best == pytest.approx(bench.wape(actual, c * forecast))
    assert bench.best_constant_scale(2.0 * forecast, forecast) == (pytest.approx(2.0), pytest.approx(0.0))


def test_worst_days_and_their_description(bench) -> None:
    days = pd.date_range("2003-10-13", periods=5, freq="B")  # Mon..Fri
    forecast = np.full((5, 48), 10.0)
    actual = forecast.copy()
    actual[2, 34] = 30.0  # Wednesday 17:00, three times the forecast
    actual[4] *= 1.03
    assert bench.worst_days(actual, forecast) == [2, 4]
    with_data = days.delete(1)  # Tuesday without data
    text = bench.describe_day(days[2], actual[2], forecast[2], with_data)
    assert text == "10-15 Wed x1.04 (peak x3.00 at 17:00), after 10-14 without data"
    assert (
        bench.describe_day(days[4], actual[4], forecast[4], with_data)
        == "10-17 Fri x1.03 (peak x1.03 at 00:00)"
    )
