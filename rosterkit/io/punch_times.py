"""Turning the many ways exports write dates and times into timestamps, vectorised.

Understood: datetime cells, Excel date serials (``45292.375``), text timestamps
(``2024-01-02 08:58[:12]``, ``2024/1/2 8:58``, ``2024年1月2日 08:58``, with a weekday such as
``星期二`` / ``周二`` anywhere), clock times (``08:58``, time cells, day fractions) joined to a date
column, and overnight times written ``次日 02:00`` (the next day).
Empty cells become NaT; anything else that does not parse is an ``InputError`` naming its row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd

from rosterkit.errors import InputError, Location
from rosterkit.labels import t

EXCEL_EPOCH = pd.Timestamp("1899-12-30")
_WEEKDAY = (
    r"(星期|周|礼拜)[一二三四五六日天]|[（(][一二三四五六日天][)）]|\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"
)
_TEXT_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d",
    "%y-%m-%d %H:%M:%S",
    "%y-%m-%d %H:%M",
    "%y-%m-%d",
    "%Y%m%d %H:%M:%S",
    "%Y%m%d %H:%M",
    "%Y%m%d",
)
NEXT_DAY_WORDS = ("次日", "第二天", "+1")

WhereFn = Callable[[int], Location]  # position in the column -> where it is in the file


EMPTY_TEXT = ("", "nan", "NaT", "None", "-", "--")
EMPTY, DATETIME, NUMBER, CLOCK, TEXT = range(5)  # what a cell holds


def _kind_of(value: object) -> int:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return EMPTY
    if isinstance(value, str):
        return EMPTY if value.strip() in EMPTY_TEXT else TEXT
    if isinstance(value, dt.datetime | dt.date):
        return DATETIME
    if isinstance(value, dt.time):
        return CLOCK
    if isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool):
        return NUMBER
    return TEXT


def _kinds(values: pd.Series) -> np.ndarray:
    """What each cell holds (EMPTY, DATETIME, NUMBER, CLOCK or TEXT), judged once per distinct
    value; a column of text alone (every csv) takes a vectorised path."""
    if pd.api.types.infer_dtype(values, skipna=False) == "string":
        empty = values.str.strip().isin(EMPTY_TEXT).to_numpy()
        return np.where(empty, EMPTY, TEXT)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    per_unique = np.array([_kind_of(u) for u in uniques], dtype=np.int64)
    return np.where(codes >= 0, per_unique[np.clip(codes, 0, None)] if len(per_unique) else EMPTY, EMPTY)


def _is_empty(values: pd.Series) -> np.ndarray:
    return _kinds(values) == EMPTY


def _clean_text(text: pd.Series) -> pd.Series:
    text = text.str.strip().str.replace(r"(\d:\d{2}:\d{2})[.,]\d+", r"\1", regex=True)  # no fractions
    text = text.str.replace(_WEEKDAY, " ", regex=True, case=False)
    text = text.str.replace(r"[年月/.]", "-", regex=True).str.replace("日", " ", regex=False)
    text = text.str.replace("T", " ", regex=False).str.replace("：", ":", regex=False)
    return text.str.replace(r"\s+", " ", regex=True).str.strip()


def _parse_text(text: pd.Series) -> pd.Series:
    """Text timestamps or dates, NaT where none of the known forms fits."""
    unique = pd.Series(text.unique())
    raw = unique.astype(str).str.strip()
    parsed = pd.Series(pd.NaT, index=unique.index, dtype="datetime64[ns]")
    for fmt in _TEXT_FORMATS[:3]:  # the common cases, before any cleaning
        todo = parsed.isna()
        if not todo.any():
            break
        parsed[todo] = pd.to_datetime(raw[todo], format=fmt, errors="coerce")
    todo = parsed.isna()
    if todo.any():
        cleaned = _clean_text(raw[todo])
        for fmt in _TEXT_FORMATS:
            left = parsed.isna() & todo
            if not left.any():
                break
            parsed[left] = pd.to_datetime(cleaned[left[todo].to_numpy()], format=fmt, errors="coerce")
    lookup = pd.Series(parsed.to_numpy(), index=unique.to_numpy())
    return pd.Series(lookup.reindex(text.to_numpy()).to_numpy(), index=text.index)


def to_timestamps(values: pd.Series, where: WhereFn, what: str = "timestamp") -> pd.Series:
    """Full timestamps from any mix of datetime cells, Excel serials and text. Empty: NaT."""
    values = values.reset_index(drop=True)
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    kinds = _kinds(values)
    empty = kinds == EMPTY
    is_dt = kinds == DATETIME
    if is_dt.any():
        result[is_dt] = pd.to_datetime(values[is_dt].map(pd.Timestamp))
    is_num = kinds == NUMBER
    if is_num.any():
        serial = values[is_num].astype(float)
        ok = (serial > 0) & (serial < 2958466)
        stamps = EXCEL_EPOCH + pd.to_timedelta(serial.where(ok) * 86400, unit="s").dt.round("s")
        result[is_num] = stamps
    is_text = (kinds == TEXT) | (kinds == CLOCK)  # a clock alone is no timestamp: reported below
    if is_text.any():
        result[is_text] = _parse_text(values[is_text].astype(str))
    bad = np.flatnonzero(result.isna().to_numpy() & ~empty)
    if len(bad):
        first = int(bad[0])
        raise InputError(
            t(
                "err.punch.unreadable",
                value=repr(values.iloc[first]),
                what=t(f"err.punch.what.{what}"),
                count=len(bad),
                cells=t("err.punch.cells" if len(bad) > 1 else "err.punch.cell"),
            ),
            where=where(first),
            fix=t("err.punch.unreadable.fix", pattern="YYYY-MM-DD" if what == "date" else "YYYY-MM-DD HH:MM"),
        )
    return result


def to_dates(values: pd.Series, where: WhereFn) -> pd.Series:
    """Dates (midnight timestamps) from date cells, serials or text such as ``24-01-02 星期二``."""
    return to_timestamps(values, where, what="date").dt.normalize()


def to_clock(values: pd.Series, where: WhereFn) -> tuple[pd.Series, pd.Series]:
    """Clock times as a timedelta since midnight (``次日 02:00`` gives 26:00), and a mask of the
    cells that hold a whole timestamp instead (returned as NaT here; read those with
    ``to_timestamps``). Empty cells: NaT and not full."""
    values = values.reset_index(drop=True)
    kinds = _kinds(values)
    delta = pd.Series(pd.NaT, index=values.index, dtype="timedelta64[ns]")
    is_time = kinds == CLOCK
    if is_time.any():
        delta[is_time] = pd.to_timedelta(
            values[is_time].map(lambda v: v.hour * 3600 + v.minute * 60 + v.second), unit="s"
        )
    full = kinds == DATETIME
    is_num = kinds == NUMBER
    if is_num.any():
        number = values[is_num].astype(float)
        fraction = number < 1.0
        delta[np.flatnonzero(is_num)[fraction.to_numpy()]] = pd.to_timedelta(
            (number[fraction] * 86400).round(), unit="s"
        ).to_numpy()
        full[np.flatnonzero(is_num)[~fraction.to_numpy()]] = True
    is_text = kinds == TEXT
    if is_text.any():
        text = values[is_text].astype(str).str.strip().str.replace("：", ":", regex=False)
        parts = text.str.extract(
            r"^(?P<next>次日|第二天|\+1)?\s*(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?$"
        )
        clock = parts["h"].notna()
        seconds = (
            parts["h"].astype(float) * 3600
            + parts["m"].astype(float) * 60
            + parts["s"].fillna("0").astype(float)
            + parts["next"].notna() * 86400.0
        )
        text_pos = np.flatnonzero(is_text)
        delta[text_pos[clock.to_numpy()]] = pd.to_timedelta(seconds[clock], unit="s").to_numpy()
        full[text_pos[~clock.to_numpy()]] = True
    return delta, pd.Series(full, index=values.index)


def join_date_and_clock(dates: pd.Series, clocks: pd.Series, where: WhereFn) -> pd.Series:
    """Timestamps from a date column and a clock column (which may also hold whole timestamps)."""
    clocks = clocks.reset_index(drop=True)
    delta, full = to_clock(clocks, where)
    day = dates.reset_index(drop=True)
    result = day + delta
    if full.any():
        result[full] = to_timestamps(
            clocks[full].reset_index(drop=True), lambda i: where(int(np.flatnonzero(full)[i]))
        ).to_numpy()
    need_date = delta.notna() & day.isna()
    if need_date.any():
        first = int(np.flatnonzero(need_date.to_numpy())[0])
        raise InputError(
            t("err.punch.no_date", value=repr(clocks.iloc[first])),
            where=where(first),
            fix=t("err.punch.no_date.fix"),
        )
    return result
