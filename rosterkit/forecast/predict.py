"""One method applied to a cleaned history over given dates: closed days, holiday and post-closure
lifts applied the same way for every method."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from rosterkit.calendar import WorkCalendar
from rosterkit.forecast.cleaning import CleanHistory
from rosterkit.forecast.effects import factors_for, month_positions
from rosterkit.forecast.horizon import HorizonPlan, plan_horizon
from rosterkit.forecast.methods import Method, Training


def training_set(clean: CleanHistory) -> Training:
    """The valid days, divided by their turn-of-month factor."""
    idx = np.flatnonzero(clean.valid)
    factors = factors_for(clean.positions[idx], clean.position_factors)
    values = np.nan_to_num(clean.matrix.calls[idx]) / factors[:, None]
    return Training(values, clean.keys[idx], idx.astype(np.int64))


def predict_days(
    clean: CleanHistory,
    method: Method,
    dates: pd.DatetimeIndex,
    calendar: WorkCalendar,
    special_days: dict[date, str] | None = None,
) -> tuple[np.ndarray, HorizonPlan]:
    """Calls per day x slot over ``dates`` (closed days 0)."""
    plan = plan_horizon(clean, dates, calendar, special_days)
    train = training_set(clean)
    slots = clean.matrix.calls.shape[1]
    values = np.zeros((len(dates), slots))
    open_days = ~plan.closed
    month = factors_for(month_positions(dates, calendar), clean.position_factors)
    if open_days.any() and len(train.keys):
        scale = plan.multipliers[open_days] * month[open_days]
        values[open_days] = method(train, plan.keys[open_days]) * scale[:, None]
    return np.maximum(values, 0.0), plan
