"""The ``staff`` library call: a forecast frame in, the requirements frame (spec section 2) out.

from rosterkit.forecast.staffing import StaffingTarget, staff_requirements
req = staff_requirements(forecast_frame, StaffingTarget(service_level=0.8, answer_within_s=20,
                         shrinkage=0.3), aht_s=180)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from rosterkit.errors import InputError
from rosterkit.forecast import erlang
from rosterkit.labels import t
from rosterkit.model import columns as col


@dataclass(frozen=True)
class StaffingTarget:
    service_level: float | None = 0.8  # fraction answered within answer_within_s
    answer_within_s: float = 20.0
    asa_s: float | None = None
    shrinkage: float = 0.0
    max_occupancy: float | None = None
    min_agents: int = 0
    patience_s: float | None = None  # Erlang A when given


def interval_minutes(stamps: pd.Series, default: int = 30) -> int:
    """The forecast's spacing (most common step within a day), else ``default``."""
    values = np.unique(pd.DatetimeIndex(stamps).asi8)
    if len(values) < 2:
        return default
    steps = np.diff(values) // 60_000_000_000
    steps = steps[(steps > 0) & (steps < 1440)]
    if not len(steps):
        return default
    uniq, counts = np.unique(steps, return_counts=True)
    return int(uniq[np.argmax(counts)])


def staff_requirements(
    forecast: pd.DataFrame,
    target: StaffingTarget,
    aht_s: float | None = None,
    default_minutes: int = 30,
    use_upper: bool = False,
    source: str = "forecast",
) -> pd.DataFrame:
    """Agents needed per interval (Erlang C, or Erlang A with ``target.patience_s``). The interval
    length is the forecast's spacing, else ``default_minutes``."""
    if use_upper:
        if col.CALLS_HI not in forecast.columns:
            raise InputError(
                t("err.staff.no_upper", column=col.CALLS_HI, source=source),
                fix=t("err.staff.no_upper.fix"),
            )
        calls = np.nan_to_num(forecast[col.CALLS_HI].to_numpy(float))
    else:
        calls = np.nan_to_num(forecast[col.CALLS].to_numpy(float))
    if aht_s is not None:
        aht = np.full(len(calls), float(aht_s))
    elif col.AHT_S in forecast.columns and not forecast[col.AHT_S].isna().all():
        aht = forecast[col.AHT_S].to_numpy(float)
        fallback = float(np.nanmean(aht)) if np.isfinite(aht).any() else 0.0
        aht = np.where(np.isfinite(aht) & (aht > 0), aht, fallback)
    else:
        raise InputError(
            t("err.staff.no_aht", source=source, column=col.AHT_S),
            fix=t("err.staff.no_aht.fix"),
        )
    if (aht <= 0).any() and (calls[aht <= 0] > 0).any():
        raise InputError(t("err.staff.aht_zero"), fix=t("err.staff.aht_zero.fix"))
    minutes = interval_minutes(forecast[col.INTERVAL_START], default_minutes)
    load = erlang.traffic(calls, aht, minutes * 60)
    result = erlang.required_agents(
        load,
        aht,
        erlang.Target(
            target_s=target.answer_within_s,
            service_level=target.service_level,
            asa_s=target.asa_s,
            max_occupancy=target.max_occupancy,
            min_agents=target.min_agents,
        ),
        patience_s=target.patience_s,
    )
    return pd.DataFrame(
        {
            col.INTERVAL_START: pd.DatetimeIndex(forecast[col.INTERVAL_START]),
            col.CALLS: calls,
            col.AHT_S: aht,
            col.AGENTS: result.agents,
            col.AGENTS_SCHEDULED: erlang.scheduled_agents(result.agents, target.shrinkage),
            col.SERVICE_LEVEL: result.service_level,
            col.ASA_S: result.asa_s,
            col.OCCUPANCY: result.occupancy,
        }
    )
