"""The days to forecast: which are closed, which profile each follows, and which carry a lift.

- a kind of day the centre never opens on (weekends of a weekday centre) is closed;
- a day marked ``closed`` in the special-days file is closed;
- a holiday the history has seen (by name) is closed if it was closed every time, else forecast as an
  ordinary day scaled by how busy it was; a holiday the history has never seen is scaled by the mean
  share of the holidays the centre did open on, or, when it opened on none, forecast as an ordinary day
  of its kind with a note saying so (never closed on a guess: over-staffing a closed day is cheaper
  than leaving an open one unstaffed, and a special-days file settles it);
- the first and second open days after a closure on a normally open day carry the closed day's calls:
  their lift is learned from the history's own post-closure days (``post_closure_lifts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from rosterkit.calendar import WorkCalendar
from rosterkit.forecast.cleaning import NEIGHBOUR_DAYS, CleanHistory, DayStatus, day_keys
from rosterkit.labels import t


@dataclass
class HorizonPlan:
    dates: pd.DatetimeIndex
    keys: np.ndarray
    closed: np.ndarray
    multipliers: np.ndarray
    notes: list[str] = field(default_factory=list)


def post_closure_lifts(clean: CleanHistory) -> dict[int, float]:
    """Mean ratio of the 1st / 2nd open day after a closure to the usual total of its weekday."""
    totals = np.nan_to_num(clean.matrix.calls).sum(axis=1)
    valid = clean.valid
    lifts: dict[int, list[float]] = {1: [], 2: []}
    for i in np.flatnonzero(clean.post > 0):
        if clean.status[i] != DayStatus.POST_CLOSURE:
            continue
        same = np.flatnonzero(valid & (clean.keys == clean.keys[i]))
        same = same[np.abs(same - i) <= NEIGHBOUR_DAYS // 2]
        if len(same) >= 2 and np.median(totals[same]) > 0:
            lifts[int(clean.post[i])].append(float(totals[i] / np.median(totals[same])))
    return {rank: float(np.mean(v)) for rank, v in lifts.items() if v}


def plan_horizon(
    clean: CleanHistory,
    dates: pd.DatetimeIndex,
    calendar: WorkCalendar,
    special_days: dict[date, str] | None = None,
) -> HorizonPlan:
    special_days = special_days or {}
    keys = day_keys(dates, calendar)
    closed = ~np.isin(keys, list(clean.open_keys))
    multipliers = np.ones(len(dates))
    unusual = np.zeros(len(dates), dtype=bool)
    notes: list[str] = []
    open_ratios = [r for ratios in clean.holidays_seen.values() for r in ratios if r > 0]
    for i, ts in enumerate(dates):
        d = ts.date()
        kind = special_days.get(d)
        if kind == "closed":
            unusual[i] = not closed[i]
            closed[i] = True
            continue
        if kind == "special" or not calendar.is_holiday(d):
            continue
        name = calendar.holiday_name(d) or "holiday"
        seen = clean.holidays_seen.get(name)
        if seen is None:
            if closed[i]:
                continue
            if open_ratios:  # the centre opens on holidays: this one like the others
                multipliers[i] = float(np.mean(open_ratios))
                notes.append(
                    t(
                        "fc.log.unseen_holiday_scaled",
                        date=d.isoformat(),
                        name=name,
                        share=f"{multipliers[i]:.0%}",
                    )
                )
            else:
                notes.append(t("fc.log.unseen_holiday", date=d.isoformat(), name=name))
        elif max(seen) == 0.0:
            unusual[i] = not closed[i]
            closed[i] = True
        else:
            multipliers[i] = float(np.mean([r for r in seen if r > 0]))
    lifts = post_closure_lifts(clean)
    pending = 0
    for i in range(len(dates)):
        if unusual[i]:
            pending = 1
            continue
        if closed[i]:
            continue
        if pending:
            multipliers[i] *= lifts.get(pending, 1.0)
            pending = pending + 1 if pending < 2 else 0
    return HorizonPlan(dates, keys, closed, multipliers, notes)
