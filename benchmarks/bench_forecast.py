"""Forecast accuracy and speed on the bank data (spec section 6).

Accuracy: for each 2-week origin (2003-09-01, 09-15, 09-29, 10-13), the history is cut *before* the
origin and the whole pipeline runs on it (cleaning, ``--method auto`` selection by its own internal
backtest, forecast); WAPE is scored on the real 30-min counts of the days that have data. The
baseline in the same script is the plain 8-week same-weekday-and-slot average on the raw data.
Overfitting check (not scored): the same on six earlier 2-week origins (2003-06-02 .. 08-11); a change
that helps the scored origins but not these is tuning to the scored window.
Where the last window's error is (not scored): the days with the largest share of it, the WAPE of the
other days for both forecasts, the WAPE of the forecast times the one multiplier that is best in
hindsight (no estimate of the level can beat it) and with the actual daily totals (the part left to
the intraday profile).
Speed: the whole ``rosterkit forecast`` command (new process, imports included), median of 3.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from benchmarks.common import ROOT, SHARED, Row, main_for

DATA = SHARED / "data" / "bank_calls_5min.csv"
ORIGINS = [date(2003, 9, 1), date(2003, 9, 15), date(2003, 9, 29), date(2003, 10, 13)]
EARLIER = [date(2003, 6, 2), date(2003, 6, 16), date(2003, 6, 30), date(2003, 7, 14), date(2003, 7, 28)]
EARLIER += [date(2003, 8, 11)]
HORIZON = 14


def actual_matrix(frame: pd.DataFrame) -> pd.DataFrame:
    """Days with data x 30-min slots."""
    s = frame.set_index("timestamp")["calls"].resample("30min").sum()
    days = frame["timestamp"].dt.normalize().unique()
    s = s[s.index.normalize().isin(days)]
    d = pd.DataFrame({"y": s, "day": s.index.normalize(), "slot": s.index.hour * 2 + s.index.minute // 30})
    return (
        d.pivot_table(index="day", columns="slot", values="y", aggfunc="sum")
        .reindex(columns=range(48))
        .fillna(0.0)
    )


def baseline_8_weeks(piv: pd.DataFrame, origin: pd.Timestamp) -> pd.DataFrame:
    hist = piv[piv.index < origin]
    target = piv[(piv.index >= origin) & (piv.index < origin + pd.Timedelta(days=HORIZON))]
    rows = []
    for day in target.index:
        same = hist[
            (hist.index.day_of_week == day.weekday()) & (hist.index >= origin - pd.Timedelta(weeks=8))
        ]
        rows.append(same.mean().to_numpy())
    return pd.DataFrame(rows, index=target.index, columns=piv.columns)


def wape(actual: np.ndarray, forecast: np.ndarray) -> float:
    return 100.0 * float(np.abs(actual - forecast).sum()) / float(actual.sum())


def ours(frame: pd.DataFrame, origin: date, piv: pd.DataFrame) -> tuple[float, str, dict[str, np.ndarray]]:
    """WAPE of ``--method auto --level 80`` fitted on the data before ``origin``, the method chosen,
    and the actual / forecast / band arrays of the scored days."""
    from rosterkit.calendar import WorkCalendar
    from rosterkit.forecast.forecaster import forecast_calls
    from rosterkit.io.history import CallHistory

    past = frame[frame["timestamp"] < pd.Timestamp(origin)].reset_index(drop=True)
    history = CallHistory(DATA, past, "counts")
    result = forecast_calls(
        history, origin, origin + timedelta(days=HORIZON - 1), 30, "auto", WorkCalendar("US"), level=80
    )
    target = piv[
        (piv.index >= pd.Timestamp(origin)) & (piv.index < pd.Timestamp(origin) + pd.Timedelta(days=HORIZON))
    ]
    fc = result.frame.set_index("interval_start")
    stamps = [day + pd.Timedelta(minutes=30 * s) for day in target.index for s in range(48)]
    arrays = {
        name: fc.loc[stamps, name].to_numpy().reshape(len(target), 48)
        for name in ("calls", "calls_lo", "calls_hi")
    }
    arrays["actual"] = target.to_numpy()
    arrays["days"] = target.index.to_numpy()
    return wape(arrays["actual"], arrays["calls"]), result.method, arrays


def best_constant_scale(actual: np.ndarray, forecast: np.ndarray) -> tuple[float, float]:
    """The multiplier ``c`` of the whole forecast with the lowest WAPE in hindsight, and that WAPE.
    sum |a - c f| = sum f |a / f - c| (+ the intervals forecast at 0), so ``c`` is the median of
    a / f weighted by f."""
    a, f = actual.ravel(), forecast.ravel()
    ok = f > 0
    if not ok.any():
        return 1.0, wape(actual, forecast)
    ratios, weights = a[ok] / f[ok], f[ok]
    order = np.argsort(ratios)
    cumulative = np.cumsum(weights[order])
    c = float(ratios[order][np.searchsorted(cumulative, cumulative[-1] / 2)])
    return c, wape(actual, c * forecast)


def worst_days(actual: np.ndarray, forecast: np.ndarray, count: int = 2) -> list[int]:
    """Indexes of the ``count`` days (rows) with the largest absolute error, largest first."""
    return [int(i) for i in np.argsort(-np.abs(actual - forecast).sum(axis=1), kind="stable")[:count]]


def describe_day(
    day: pd.Timestamp, actual: np.ndarray, forecast: np.ndarray, days_with_data: pd.Index
) -> str:
    """``10-15 Wed x1.16`` (actual over forecast day total), the largest 30-min ratio where the forecast
    is material, and whether the previous weekday had no data."""
    ratio = actual.sum() / max(forecast.sum(), 1e-9)
    material = forecast >= 0.1 * forecast.max()
    slot = int(np.argmax(np.where(material, actual / np.maximum(forecast, 1e-9), 0.0)))
    peak = actual[slot] / max(forecast[slot], 1e-9)
    text = f"{day:%m-%d %a} x{ratio:.2f} (peak x{peak:.2f} at {slot // 2:02d}:{30 * (slot % 2):02d})"
    before = day - pd.offsets.BDay(1)
    if before not in days_with_data:
        text += f", after {before:%m-%d} without data"
    return text


def sl_misses(arrays: list[dict[str, np.ndarray]], column: str) -> float:
    """Share of open intervals (actual >= 20 calls) where agents staffed by Erlang C on ``column``
    (AHT 180 s, 80 % in 20 s; the bank data has no handle times) miss 80 % on the actual calls."""
    from rosterkit.forecast import erlang

    actual = np.concatenate([a["actual"].ravel() for a in arrays])
    planned = np.concatenate([a[column].ravel() for a in arrays])
    open_ = actual >= 20
    aht = np.full(open_.sum(), 180.0)
    staffed = erlang.required_agents(
        erlang.traffic(planned[open_], aht, 1800), aht, erlang.Target(20, 0.8)
    ).agents
    achieved = erlang.erlang_c_stats(staffed, erlang.traffic(actual[open_], aht, 1800), aht, 20).service_level
    return float(np.mean(achieved < 0.8))


def command_seconds() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "forecast.csv"
        exe = Path(sys.executable).with_name("rosterkit")
        args = [
            str(exe),
            "-q",
            "forecast",
            str(DATA),
            "--start",
            "2003-10-27",
            "--end",
            "2003-11-30",
            "--interval",
            "30min",
            "--country",
            "US",
            "--level",
            "80",
            "-o",
            str(out),
        ]
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run(args, check=True, cwd=ROOT)
            times.append(time.perf_counter() - t0)
        return float(np.median(times))


def run(args: list[str]) -> list[Row]:
    frame = pd.read_csv(DATA, parse_dates=["timestamp"])
    piv = actual_matrix(frame)
    mine, base, chosen, arrays, base_last = [], [], [], [], np.zeros(0)
    for origin in ORIGINS:
        w, m, a = ours(frame, origin, piv)
        mine.append(w)
        chosen.append(m)
        arrays.append(a)
        b = baseline_8_weeks(piv, pd.Timestamp(origin))
        base.append(wape(piv.loc[b.index].to_numpy(), b.to_numpy()))
        base_last = b.to_numpy()
    per_origin = ", ".join(
        f"{o:%m-%d} {w:.2f} ({m}) vs {b:.2f}" for o, w, m, b in zip(ORIGINS, mine, chosen, base, strict=True)
    )
    worst_gap = max(w - b for w, b in zip(mine, base, strict=True))
    early = [ours(frame, origin, piv)[0] for origin in EARLIER]
    early_base = []
    for origin in EARLIER:
        b = baseline_8_weeks(piv, pd.Timestamp(origin))
        early_base.append(wape(piv.loc[b.index].to_numpy(), b.to_numpy()))
    seconds = command_seconds()
    act = np.concatenate([a["actual"].ravel() for a in arrays])
    lo = np.concatenate([a["calls_lo"].ravel() for a in arrays])
    hi = np.concatenate([a["calls_hi"].ravel() for a in arrays])
    busy = act > 0  # open intervals only: closed hours are trivially inside a 0..0 band
    inside = float(np.mean((act[busy] >= lo[busy]) & (act[busy] <= hi[busy])) * 100)
    miss_plain, miss_hi = sl_misses(arrays, "calls"), sl_misses(arrays, "calls_hi")
    last = arrays[-1]
    worst = worst_days(last["actual"], last["calls"])
    rest = np.setdiff1d(np.arange(len(last["actual"])), worst)
    errors = np.abs(last["actual"] - last["calls"]).sum(axis=1)
    share = 100.0 * errors[worst].sum() / errors.sum()
    scale, scaled = best_constant_scale(last["actual"], last["calls"])
    totals = last["actual"].sum(axis=1, keepdims=True)
    shaped = last["calls"] / np.maximum(last["calls"].sum(axis=1, keepdims=True), 1e-9) * totals
    worst_text = "; ".join(
        describe_day(pd.Timestamp(last["days"][i]), last["actual"][i], last["calls"][i], piv.index)
        for i in worst
    )
    return [
        Row(
            "forecast accuracy",
            "WAPE last 2 weeks (origin 2003-10-13), --method auto",
            f"{mine[-1]:.2f} %",
            "<= 6.0 %",
            f"8-week average {base[-1]:.2f} % (same script); MSTL 6.34 %",
            mine[-1] <= 6.0,
        ),
        Row(
            "forecast accuracy",
            "mean WAPE, 4 rolling 2-week origins",
            f"{np.mean(mine):.2f} %",
            "<= 6.5 %",
            f"8-week average {np.mean(base):.2f} % (same script); MSTL 9.07 %",
            float(np.mean(mine)) <= 6.5,
        ),
        Row(
            "forecast accuracy",
            "worst origin minus 8-week average",
            f"{worst_gap:+.2f} points",
            "<= +0.5 points",
            per_origin,
            worst_gap <= 0.5,
        ),
        Row(
            "forecast accuracy",
            "mean WAPE, 6 earlier 2-week origins 2003-06-02..08-11 (not scored: overfitting check)",
            f"{np.mean(early):.2f} %",
            "",
            f"8-week average {np.mean(early_base):.2f} % (same script), 5.86 % before the second pass; "
            + ", ".join(f"{o:%m-%d} {w:.2f}" for o, w in zip(EARLIER, early, strict=True)),
            None,
        ),
        Row(
            "forecast accuracy",
            "last 2 weeks: where the error is (not scored)",
            f"{share:.0f} % of it on {len(worst)} of {len(errors)} days",
            "",
            f"{worst_text}; the other days {wape(last['actual'][rest], last['calls'][rest]):.2f} % "
            f"(8-week average {wape(last['actual'][rest], base_last[rest]):.2f} %); "
            f"the best constant multiplier in hindsight (x{scale:.3f}) {scaled:.2f} %, "
            f"the actual daily totals {wape(last['actual'], shaped):.2f} %",
            None,
        ),
        Row(
            "forecast intervals",
            "80 % band (--level 80) coverage of actual 30-min counts in open intervals, 4 origins",
            f"{inside:.1f} %",
            "",
            "backtest residual quantiles",
            None,
        ),
        Row(
            "forecast intervals",
            "intervals missing 80 %/20 s when staffed on calls vs on calls_hi (Erlang C, AHT 180 s)",
            f"{miss_plain * 100:.1f} % vs {miss_hi * 100:.1f} %",
            "",
            "issue 5: plain Erlang staffing misses in about a third of intervals",
            None,
        ),
        Row(
            "forecast speed",
            "whole `rosterkit forecast` command incl. auto selection (median of 3)",
            f"{seconds:.2f} s",
            "<= 10 s",
            "statsforecast MSTL fit 1.2-1.6 s (+ ~3 s import)",
            seconds <= 10.0,
        ),
    ]


if __name__ == "__main__":
    main_for(run)
