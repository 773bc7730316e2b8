"""Traffic reports (话务报表): daily, weekly and monthly summaries of the history, and the optional plot
of the history's tail with the forecast band."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from rosterkit.forecast.cleaning import DayMatrix
from rosterkit.labels import get_language, t
from rosterkit.model import columns as col

PERIODS = {"daily": "D", "weekly": "W-SUN", "monthly": "M"}


def traffic_summary(matrix: DayMatrix, period: str) -> pd.DataFrame:
    """One row per day / week (Monday first) / month with data: calls, days with data, calls per day,
    the busiest interval and its calls, and the AHT when handle times are known. Headers are labels in
    the current language."""
    has = matrix.has_data
    calls = np.nan_to_num(matrix.calls)
    day = pd.DataFrame({"date": matrix.dates, "calls": calls.sum(axis=1), "has": has})
    peak_slot = calls.argmax(axis=1)
    day["peak_at"] = matrix.dates + pd.to_timedelta(peak_slot * matrix.minutes, unit="m")
    day["peak"] = calls.max(axis=1)
    if matrix.handle_s is not None:
        day["handle"] = np.nan_to_num(matrix.handle_s).sum(axis=1)
    day = day[day["has"]]
    if period == "daily":
        key = day["date"].dt.strftime(col.DATE_FORMAT)
    elif period == "weekly":
        key = (day["date"] - pd.to_timedelta(day["date"].dt.day_of_week, unit="D")).dt.strftime(
            col.DATE_FORMAT
        )
    elif period == "monthly":
        key = day["date"].dt.strftime("%Y-%m")
    else:
        raise ValueError(f"unknown period {period!r}; use one of {', '.join(PERIODS)}")
    grouped = day.groupby(key, sort=True)
    peak_idx = grouped["peak"].idxmax()
    out = pd.DataFrame(
        {
            t("fc.rep.period"): grouped.size().index,
            t("fc.rep.calls"): grouped["calls"].sum().round(0).astype(int).to_numpy(),
            t("fc.rep.days"): grouped.size().to_numpy(),
            t("fc.rep.per_day"): (grouped["calls"].sum() / grouped.size()).round(1).to_numpy(),
            t("fc.rep.peak_interval"): day.loc[peak_idx.to_numpy(), "peak_at"]
            .dt.strftime(col.TIMESTAMP_FORMAT)
            .to_numpy(),
            t("fc.rep.peak_calls"): day.loc[peak_idx.to_numpy(), "peak"].round(0).astype(int).to_numpy(),
        }
    )
    if "handle" in day.columns:
        sums = grouped[["handle", "calls"]].sum()
        out[t("fc.rep.aht")] = (sums["handle"] / sums["calls"].where(sums["calls"] > 0)).round(1).to_numpy()
    return out


# Fonts with Chinese glyphs matplotlib may find on Linux, Windows and macOS; without one the plot's
# labels fall back to English (matplotlib's default font has no CJK glyphs: they would print as boxes).
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "AR PL UMing CN",
    "Droid Sans Fallback",
)


def _plot_language() -> tuple[str, list[str]]:
    """The language of the plot's labels and the fonts to draw them with."""
    from matplotlib import font_manager

    if get_language() != "zh":
        return "en", []
    have = {f.name for f in font_manager.fontManager.ttflist}
    found = [name for name in CJK_FONTS if name in have]
    return ("zh", found) if found else ("en", [])


def plot_forecast(matrix: DayMatrix, forecast: pd.DataFrame, path: Path, tail_days: int = 28) -> None:
    """History tail and forecast (with its band when present) as a PNG. Needs matplotlib, which is an
    optional extra (``pip install 'rosterkit[plot]'``): raises ImportError when it is not installed.
    Labels follow the chosen language when a font with Chinese glyphs is installed, else English."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    language, fonts = _plot_language()

    def label(key: str, **kw: object) -> str:
        return t(key, lang=language, **kw)

    stamps = (
        matrix.dates.values[:, None] + np.arange(matrix.calls.shape[1]) * np.timedelta64(matrix.minutes, "m")
    ).ravel()
    hist = pd.Series(matrix.calls.ravel(), index=pd.DatetimeIndex(stamps))
    hist = hist[hist.index >= hist.index[-1] - pd.Timedelta(days=tail_days)]
    # Latin glyphs from the default font first, Chinese ones from the CJK font (per-glyph fallback).
    with plt.rc_context({"font.family": ["DejaVu Sans", *fonts]} if fonts else {}):
        fig, ax = plt.subplots(figsize=(12, 4))
        ax.plot(hist.index, hist.to_numpy(), lw=0.7, color="0.4", label=label("fc.plot.history"))
        ax.plot(
            forecast[col.INTERVAL_START],
            forecast[col.CALLS],
            lw=0.8,
            color="C0",
            label=label("fc.plot.forecast"),
        )
        if col.CALLS_HI in forecast.columns:
            ax.fill_between(
                forecast[col.INTERVAL_START],
                forecast[col.CALLS_LO],
                forecast[col.CALLS_HI],
                color="C0",
                alpha=0.25,
                label=label("fc.plot.band"),
            )
        ax.set_ylabel(label("fc.plot.ylabel", minutes=matrix.minutes))
        ax.legend(loc="upper left")
        fig.tight_layout()
        fig.savefig(path, dpi=110, format="png")
        plt.close(fig)
