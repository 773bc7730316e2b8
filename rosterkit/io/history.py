"""Reading call history (csv or xlsx) and a special-days file.

Two shapes are understood:

- **interval counts**: a timestamp column and a count column (e.g. ``timestamp,calls``), optionally an
  average handle time column (``aht_s``) per row;
- **call records**: one row per call with a timestamp column and no count column, optionally a handle
  time per call (``handle_s`` / ``talk_s`` in seconds, or ``mm:ss`` / ``hh:mm:ss``).

Columns are found by name (English or Chinese, see ``HEADER_CANDIDATES``) or given explicitly. A date
column plus a time column are combined when there is no single timestamp column. CSV is read as
UTF-8, UTF-8 with BOM, or GB18030 (what Excel on Chinese Windows writes).

Every problem is an ``InputError`` naming the file, row (as a spreadsheet shows it: the header is
row 1) and column, with the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from rosterkit.errors import InputError, Location
from rosterkit.io.csv_text import read_csv_frame
from rosterkit.labels import aliases, t

HEADER_CANDIDATES: dict[str, list[str]] = {
    "timestamp": [
        *aliases("fc.col.timestamp"),
        *aliases("fc.col.datetime"),
        "ds",
        "interval_start",
        "interval",
        "start_time",
        "call_time",
        "开始时间",
        "来电时间",
        "呼入时间",
        "时间戳",
    ],
    "date": list(aliases("fc.col.date")),
    "time": [*aliases("fc.col.time"), "时间", "interval_time"],
    "calls": [
        *aliases("fc.col.calls"),
        *aliases("fc.col.volume"),
        *aliases("fc.col.offered"),
        "count",
        "y",
        "calls_offered",
        "来电数",
        "呼入数",
        "接入量",
        "话务数",
    ],
    "aht": [*aliases("fc.col.aht"), "aht", "avg_handle_time", "平均通话时长"],
    "handle": [
        *aliases("fc.col.handle"),
        *aliases("fc.col.talk"),
        "handle_time",
        "talk_time",
        "duration",
        "duration_s",
        "时长",
    ],
}


@dataclass
class CallHistory:
    """What a history file holds, normalised: one row per input row.

    ``frame`` has ``timestamp`` (datetime64), ``calls`` (float: the count, or 1 per call record),
    ``source_row`` (1-based, header = 1) and, when handle time is given, ``handle_s`` (total handle
    seconds of the row's calls)."""

    source: Path
    frame: pd.DataFrame
    kind: str  # "counts" or "records"

    @property
    def has_handle_time(self) -> bool:
        return "handle_s" in self.frame.columns


def _norm(name: object) -> str:
    return re.sub(r"[\s_\-()（）]+", "", str(name)).lower()


def _read_table(path: Path, sheet: str | None) -> pd.DataFrame:
    """The table with its index set to each row's spreadsheet row number (header = row 1)."""
    table = _read_raw_table(path, sheet)
    table.columns = [str(c) for c in table.columns]
    table.index = np.arange(2, len(table) + 2)
    return table


def _skip_title_rows(table: pd.DataFrame, roles: tuple[str, ...] = ("timestamp", "date")) -> pd.DataFrame:
    """When the header row holds no known column but one of the first rows does (a report title above
    the header, common in Excel exports), use that row as the header; row numbers are kept."""
    wanted = {_norm(c) for role in roles for c in HEADER_CANDIDATES[role]}
    if any(_norm(c) in wanted for c in table.columns):
        return table
    for k in range(min(10, len(table))):
        cells = [str(v) for v in table.iloc[k].tolist()]
        if any(_norm(c) in wanted for c in cells):
            body = table.iloc[k + 1 :].copy()
            body.columns = [
                c if c not in ("", "nan", "None") else f"column{i + 1}" for i, c in enumerate(cells)
            ]
            return body
    return table


def _read_raw_table(path: Path, sheet: str | None) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        try:
            return pd.read_excel(path, sheet_name=sheet or 0, dtype=object, engine="calamine")
        except ValueError as exc:
            raise InputError(
                t("err.io.bad_workbook", detail=exc),
                where=Location(file=path, sheet=sheet),
                fix=t("err.hist.bad_sheet.fix"),
            ) from None
        except Exception as exc:  # noqa: BLE001 - any reader failure means the file is unusable
            raise InputError(
                t("err.hist.not_excel", detail=type(exc).__name__),
                where=Location(file=path),
                fix=t("err.hist.not_excel.fix"),
            ) from None
    return read_csv_frame(
        path,
        fix=t("err.hist.csv.fix"),
        skipinitialspace=True,
    )


def _find(columns: list[str], role: str, given: str | None, path: Path, required: bool) -> str | None:
    if given is not None:
        if given in columns:
            return given
        by_norm = {_norm(c): c for c in columns}
        if _norm(given) in by_norm:
            return by_norm[_norm(given)]
        raise InputError(
            t("err.hist.no_such_column", given=given, columns=", ".join(map(str, columns))),
            where=Location(file=path),
            fix=t("err.hist.no_such_column.fix"),
        )
    wanted = {_norm(c) for c in HEADER_CANDIDATES[role]}
    for col in columns:
        if _norm(col) in wanted:
            return col
    return None


def _parse_timestamps(values: pd.Series, path: Path, column: str) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(values):
        parsed = pd.to_datetime(values)
    else:
        text = values.map(lambda v: "" if v is None or (isinstance(v, float) and np.isnan(v)) else v)
        parsed = pd.to_datetime(text, errors="coerce")
        if parsed.isna().any():
            retry = pd.to_datetime(text[parsed.isna()].astype(str), errors="coerce", format="mixed")
            parsed = parsed.fillna(retry)
    bad = np.flatnonzero(parsed.isna().to_numpy())
    if len(bad):
        row = int(bad[0])
        raise InputError(
            t("err.hist.not_timestamp", value=values.iloc[row]),
            where=Location(file=path, row=int(values.index[row]), column=column),
            fix=t("err.fix.fix_row"),
        )
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_localize(None)
    return parsed.astype("datetime64[ns]")


def _parse_numbers(values: pd.Series, path: Path, column: str, what: str) -> np.ndarray:
    text = values.map(lambda v: str(v).strip().replace(",", "") if v is not None else "")
    numbers = pd.to_numeric(text.replace("", np.nan), errors="coerce")
    bad = np.flatnonzero((numbers.isna() & (text != "")).to_numpy() | (numbers < 0).to_numpy())
    if len(bad):
        row = int(bad[0])
        raise InputError(
            t("err.hist.not_number", value=values.iloc[row], what=what),
            where=Location(file=path, row=int(values.index[row]), column=column),
            fix=t("err.fix.fix_row"),
        )
    return numbers.fillna(0.0).to_numpy(dtype=float)


def _seconds(text: str) -> float:
    if not text:
        return 0.0
    total = 0.0
    for part in text.split(":"):
        try:
            value = float(part)
        except ValueError:
            return float("nan")
        if value < 0:
            return float("nan")
        total = total * 60 + value
    return total


def _parse_durations(values: pd.Series, path: Path, column: str) -> np.ndarray:
    """Seconds from numbers or ``mm:ss`` / ``hh:mm:ss`` text."""
    text = values.map(lambda v: str(v).strip() if v is not None else "")
    if not text.str.contains(":").any():
        return _parse_numbers(values, path, column, t("err.hist.what.duration"))
    secs = np.array([_seconds(v) for v in text], dtype=float)
    bad = np.flatnonzero(np.isnan(secs))
    if len(bad):
        row = int(bad[0])
        raise InputError(
            t("err.hist.not_duration", value=values.iloc[row]),
            where=Location(file=path, row=int(values.index[row]), column=column),
            fix=t("err.fix.fix_row"),
        )
    return secs


def read_history(
    path: Path | str,
    *,
    timestamp_column: str | None = None,
    calls_column: str | None = None,
    aht_column: str | None = None,
    sheet: str | None = None,
    records: bool | None = None,
) -> CallHistory:
    """Read a history file. ``records=None`` decides by the columns: a count column means interval
    counts, none means one row per call."""
    path = Path(path)
    table = _read_table(path, sheet)
    if timestamp_column is None:
        table = _skip_title_rows(table)
    blank = table.isna() | table.astype(str).apply(lambda col: col.str.strip()).isin(
        ["", "nan", "NaT", "None"]
    )
    table = table[~blank.all(axis=1)]  # wholly empty rows carry nothing
    columns = list(table.columns)
    if not columns or len(table) == 0:
        raise InputError(
            t("err.hist.no_rows"),
            where=Location(file=path),
            fix=t("err.hist.no_rows.fix"),
        )
    ts_col = _find(columns, "timestamp", timestamp_column, path, required=True)
    if ts_col is not None:
        stamps = _parse_timestamps(table[ts_col], path, ts_col)
    else:
        date_col = _find(columns, "date", None, path, required=False)
        time_col = _find(columns, "time", None, path, required=False)
        if date_col is None or time_col is None:
            raise InputError(
                t("err.hist.no_timestamp", columns=", ".join(columns)),
                where=Location(file=path, row=1),
                fix=t("err.hist.no_timestamp.fix"),
            )
        ts_col = f"{date_col}+{time_col}"
        joined = table[date_col].astype(str).str.strip() + " " + table[time_col].astype(str).str.strip()
        stamps = _parse_timestamps(joined, path, ts_col)
    calls_col = None if records else _find(columns, "calls", calls_column, path, required=False)
    if records is False and calls_col is None:
        raise InputError(
            t("err.hist.no_calls", columns=", ".join(columns)),
            where=Location(file=path, row=1),
            fix=t("err.hist.no_calls.fix"),
        )
    frame = pd.DataFrame({"timestamp": stamps.to_numpy(), "source_row": table.index.to_numpy()})
    if calls_col is not None:
        frame["calls"] = _parse_numbers(table[calls_col], path, calls_col, t("err.hist.what.calls"))
        aht_col = _find(columns, "aht", aht_column, path, required=False)
        if aht_col is not None:
            frame["handle_s"] = frame["calls"] * _parse_durations(table[aht_col], path, aht_col)
        kind = "counts"
    else:
        frame["calls"] = 1.0
        handle_col = _find(columns, "handle", aht_column, path, required=False)
        if handle_col is not None:
            frame["handle_s"] = _parse_durations(table[handle_col], path, handle_col)
        kind = "records"
    return CallHistory(source=path, frame=frame, kind=kind)


SPECIAL_KINDS = ("closed", "special", "holiday", "workday", "rest", "makeup")


def read_special_days(path: Path | str) -> dict[date, str]:
    """A user's special-days file: ``date,kind`` with kind one of closed (the centre is shut: no calls),
    special (an unusual day: left out of training), holiday / workday / rest / makeup (override the
    calendar's kind of that date)."""
    path = Path(path)
    table = _read_table(path, None)
    columns = list(table.columns)
    date_col = _find(columns, "date", None, path, required=False) or _find(
        columns, "timestamp", None, path, required=False
    )
    kind_col = next((c for c in columns if _norm(c) in {_norm(a) for a in aliases("fc.col.kind")}), None)
    if date_col is None or kind_col is None:
        raise InputError(
            t("err.hist.special_columns", columns=", ".join(columns)),
            where=Location(file=path, row=1),
            fix=t("err.hist.special_columns.fix", kinds=", ".join(SPECIAL_KINDS)),
        )
    zh = {aliases(f"fc.kind.{k}")[1]: k for k in ("closed", "special")}
    zh.update({"节假日": "holiday", "法定节假日": "holiday", "工作日": "workday", "休息日": "rest"})
    zh.update({"调休上班日": "makeup", "调休上班": "makeup"})
    out: dict[date, str] = {}
    stamps = _parse_timestamps(table[date_col], path, date_col)
    for row, stamp, raw in zip(table.index, stamps, table[kind_col], strict=True):
        kind = str(raw).strip().lower()
        kind = zh.get(str(raw).strip(), kind)
        if kind not in SPECIAL_KINDS:
            raise InputError(
                t("err.hist.unknown_kind", kind=raw),
                where=Location(file=path, row=int(row), column=kind_col),
                fix=t("err.fix.one_of", known=", ".join(SPECIAL_KINDS)),
            )
        out[stamp.date()] = kind
    return out
