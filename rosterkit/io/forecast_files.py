"""``forecast.csv`` and ``requirements.csv`` (spec section 2): writing them atomically, reading them back.

Timestamps are written ``YYYY-MM-DD HH:MM``; numbers with a fixed number of decimals so that the same
inputs give byte-identical files.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from rosterkit.errors import InputError, Location
from rosterkit.io.atomic import atomic_path
from rosterkit.io.csv_text import read_csv_frame
from rosterkit.labels import t
from rosterkit.model import IntervalRequirement
from rosterkit.model import columns as col


def _write(frame: pd.DataFrame, path: Path | str, decimals: dict[str, int]) -> Path:
    out = frame.copy()
    out[col.INTERVAL_START] = pd.DatetimeIndex(out[col.INTERVAL_START]).strftime(col.TIMESTAMP_FORMAT)
    for name, places in decimals.items():
        if name in out.columns:
            out[name] = out[name].map(lambda v, p=places: f"{v:.{p}f}" if p else str(int(v)))
    with atomic_path(path) as tmp:
        out.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
    return Path(path)


def write_forecast(frame: pd.DataFrame, path: Path | str) -> Path:
    order = [
        c for c in [*col.FORECAST_COLUMNS, *col.FORECAST_INTERVAL_COLUMNS, col.AHT_S] if c in frame.columns
    ]
    return _write(frame[order], path, {col.CALLS: 2, col.CALLS_LO: 2, col.CALLS_HI: 2, col.AHT_S: 1})


def write_requirements(frame: pd.DataFrame, path: Path | str) -> Path:
    decimals = {
        col.CALLS: 2,
        col.AHT_S: 1,
        col.AGENTS: 0,
        col.AGENTS_SCHEDULED: 0,
        col.SERVICE_LEVEL: 4,
        col.ASA_S: 1,
        col.OCCUPANCY: 4,
    }
    return _write(frame[col.REQUIREMENTS_COLUMNS], path, decimals)


def _read_csv(path: Path) -> pd.DataFrame:
    return read_csv_frame(path, fix=t("err.fcfile.csv.fix"))


def _require(frame: pd.DataFrame, names: list[str], path: Path, made_by: str) -> None:
    missing = [n for n in names if n not in frame.columns]
    if missing:
        raise InputError(
            t("err.fcfile.missing", missing=", ".join(missing), found=", ".join(frame.columns)),
            where=Location(file=path, row=1),
            fix=t("err.fcfile.missing.fix", made_by=made_by, columns=", ".join(names)),
        )


def _numbers(frame: pd.DataFrame, name: str, path: Path) -> np.ndarray:
    text = frame[name].astype(str).str.strip()
    values = pd.to_numeric(text.replace("", np.nan), errors="coerce")
    bad = np.flatnonzero((values.isna() & (text != "")).to_numpy() | (values < 0).to_numpy())
    if len(bad):
        row = int(bad[0])
        raise InputError(
            t("err.fcfile.not_number", value=frame[name].iloc[row]),
            where=Location(file=path, row=row + 2, column=name),
            fix=t("err.fcfile.not_number.fix"),
        )
    return values.to_numpy(dtype=float)


def _stamps(frame: pd.DataFrame, path: Path) -> pd.DatetimeIndex:
    parsed = pd.to_datetime(frame[col.INTERVAL_START], errors="coerce", format="mixed")
    bad = np.flatnonzero(parsed.isna().to_numpy())
    if len(bad):
        row = int(bad[0])
        raise InputError(
            t("err.fcfile.not_timestamp", value=frame[col.INTERVAL_START].iloc[row]),
            where=Location(file=path, row=row + 2, column=col.INTERVAL_START),
            fix=t("err.fix.fix_row"),
        )
    return pd.DatetimeIndex(parsed)


def read_forecast(path: Path | str) -> pd.DataFrame:
    """A forecast file as a frame: ``interval_start`` (datetime), ``calls`` and whichever of
    ``calls_lo``, ``calls_hi``, ``aht_s`` it has (floats; empty cells are NaN)."""
    path = Path(path)
    raw = _read_csv(path)
    _require(raw, col.FORECAST_COLUMNS, path, "forecast")
    out = pd.DataFrame({col.INTERVAL_START: _stamps(raw, path)})
    for name in [col.CALLS, col.CALLS_LO, col.CALLS_HI, col.AHT_S]:
        if name in raw.columns:
            values = _numbers(raw, name, path)
            if name == col.CALLS:
                values = np.nan_to_num(values)
            out[name] = values
    return out


def read_requirements(path: Path | str) -> list[IntervalRequirement]:
    """``requirements.csv`` as the roster reads it: one ``IntervalRequirement`` per row."""
    path = Path(path)
    raw = _read_csv(path)
    _require(raw, [col.INTERVAL_START, col.AGENTS_SCHEDULED], path, "staff")
    stamps = _stamps(raw, path)
    scheduled = _numbers(raw, col.AGENTS_SCHEDULED, path)
    agents = _numbers(raw, col.AGENTS, path) if col.AGENTS in raw.columns else np.full(len(raw), np.nan)
    out = []
    for i, (stamp, sched, ag) in enumerate(zip(stamps, scheduled, agents, strict=True)):
        if np.isnan(sched) or sched != int(sched):
            raise InputError(
                t("err.fcfile.not_agents", value=raw[col.AGENTS_SCHEDULED].iloc[i]),
                where=Location(file=path, row=i + 2, column=col.AGENTS_SCHEDULED),
                fix=t("err.fcfile.not_agents.fix"),
            )
        out.append(
            IntervalRequirement(
                interval_start=stamp.to_pydatetime(),
                agents_scheduled=int(sched),
                agents=None if np.isnan(ag) else int(ag),
            )
        )
    return out


def write_traffic_reports(tables: dict[str, tuple[str, pd.DataFrame]], out_dir: Path | str) -> list[Path]:
    """Traffic reports (话务报表): one CSV per table (``{name}.csv``) and one workbook
    ``traffic_report.xlsx`` with a sheet per table; ``tables`` maps file name -> (sheet title, frame).
    All files appear together or not at all."""
    from openpyxl import Workbook

    from rosterkit.io.atomic import staged_outputs
    from rosterkit.io.excel import set_cell

    written = []
    with staged_outputs(out_dir) as stage:
        book = Workbook()
        book.remove(book.active)
        for name, (title, frame) in tables.items():
            frame.to_csv(stage / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
            sheet = book.create_sheet(title[:31])
            for c, header in enumerate(frame.columns, start=1):
                set_cell(sheet, 1, c, str(header))
            for r, row in enumerate(frame.itertuples(index=False), start=2):
                for c, value in enumerate(row, start=1):
                    set_cell(sheet, r, c, value.item() if hasattr(value, "item") else value)
            written.append(Path(out_dir) / f"{name}.csv")
        book.save(stage / "traffic_report.xlsx")
        written.append(Path(out_dir) / "traffic_report.xlsx")
    return written
