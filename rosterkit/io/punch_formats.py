"""The punch export layouts rosterkit recognises, each by its header row.

A format is a name, the groups of header names that identify it (one name of every group must be
present; names compared without whitespace, ASCII in lower case), and a parser that turns the rows
below the header into normalised punches (``rosterkit.model.columns.PUNCH_COLUMNS`` plus
``problem``: why a row holds no usable punch, e.g. a WeCom ``未打卡`` row).

Layouts:

- ``zkteco``: attendance-machine export, one punch per row: 部门, 姓名, 登记号码/考勤号码, 日期时间
  (or 日期 + 时间), 机器号, 编号, 比对方式, 卡号 (English firmware: No., Name, Date/Time, ...).
- ``dingtalk-raw``: DingTalk 原始记录, one punch per row: 姓名, 工号, 考勤日期, 打卡时间, 打卡结果 ...
- ``dingtalk-daily``: DingTalk 每日统计, one row per person per day, with 上班1/下班1 ... 打卡时间
  columns (usually a merged two-row header).
- ``dingtalk-times``: DingTalk 打卡时间, one row per person, one column per day of the month, the
  day's punch times in the cell (``08:58 18:03``; ``次日 02:00`` for after midnight).
- ``wecom``: WeCom 打卡记录 (上下班打卡), one row per expected punch: 日期/时间, 姓名, 账号, 打卡类型,
  打卡时间/实际打卡时间, 打卡状态 (``未打卡`` rows carry no time).
- ``csv``: plain ``employee_id,timestamp[,direction][,name]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from rosterkit.errors import InputError
from rosterkit.io.punch_times import join_date_and_clock, to_dates, to_timestamps
from rosterkit.io.sheet_rows import SheetRows, normalise_header
from rosterkit.labels import t
from rosterkit.model import columns as C

PROBLEM = "problem"  # extra column of parsed punches: why a row holds no usable punch
OUTPUT_COLUMNS = [*C.PUNCH_COLUMNS, PROBLEM]

ID_NAMES = (
    "employee_id",
    "工号",
    "员工工号",
    "员工编号",
    "人员编号",
    "登记号码",
    "考勤号码",
    "ac-no.",
    "no.",
    "账号",
    "userid",
)
NAME_NAMES = ("name", "姓名", "员工姓名", "人员姓名")
TIMESTAMP_NAMES = ("timestamp", "日期时间", "date/time", "datetime", "打卡日期时间", "签到时间")
DATE_NAMES = ("date", "日期", "考勤日期", "打卡日期", "时间")
CLOCK_NAMES = ("实际打卡时间", "打卡时间", "time", "时间")
DIRECTION_NAMES = ("direction", "打卡类型", "状态", "考勤状态", "state", "checktype", "进出")
ZK_MARKS = ("机器号", "比对方式", "卡号", "编号", "verifycode", "locationid", "cardno", "机器编号")
DAILY_CLOCK = re.compile(r"^(上班|下班)(\d*)打卡时间$")
CLOCK_IN_CELL = re.compile(r"(次日|第二天)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?")
YEAR_MONTH = re.compile(r"(20\d{2})\s*[-/年.]\s*(\d{1,2})")


@dataclass
class Table:
    """The rows below a recognised header, with the header names and where they are."""

    sheet: SheetRows
    header_index: int  # 0-based row of the (first) header row
    header_rows: int
    headers: list[str]
    body: pd.DataFrame  # columns are positions; index is the 0-based position below the header

    def column(self, names: tuple[str, ...]) -> int | None:
        for name in names:
            if name in self.headers:
                return self.headers.index(name)
        return None

    def excel_row(self, positions: np.ndarray | int) -> np.ndarray | int:
        return np.asarray(positions) + self.header_index + self.header_rows + 1

    def where_fn(self, column: int, positions: np.ndarray):
        label = self.headers[column]
        return lambda i: self.sheet.where(row=int(self.excel_row(positions[i])), column=label)


@dataclass(frozen=True)
class PunchFormat:
    name: str
    title: str  # what a user calls it
    groups: tuple[tuple[str, ...], ...]  # one name of each group must be among the headers
    parse: Callable[[Table], pd.DataFrame]
    excludes: tuple[str, ...] = ()  # headers that rule the format out
    accepts_extra: Callable[[list[str]], bool] | None = None

    def matches(self, headers: list[str]) -> bool:
        present = set(headers)
        if present & set(self.excludes):
            return False
        if not all(present & set(group) for group in self.groups):
            return False
        return self.accepts_extra(headers) if self.accepts_extra else True

    def hits(self, headers: list[str]) -> int:
        present = set(headers)
        return sum(1 for group in self.groups if present & set(group))

    def describe(self) -> str:
        return f"{self.name} ({self.title}: {', '.join('/'.join(g[:2]) for g in self.groups)})"


def _per_unique(values: pd.Series, fn) -> pd.Series:
    """``fn`` applied to the distinct values only (ids and names repeat on every punch)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    done = fn(pd.Series(uniques, dtype=object)).to_numpy(dtype=object)
    out = np.where(codes >= 0, done[np.clip(codes, 0, None)] if len(done) else "", "")
    return pd.Series(out, index=values.index, dtype=object)


def _clean_ids(text: pd.Series) -> pd.Series:
    text = text.astype(str).str.strip().str.replace(r"^(\d+)\.0$", r"\1", regex=True)
    return text.mask(text.isin(["nan", "None"]), "")


def _clean_names(text: pd.Series) -> pd.Series:
    text = text.astype(str).str.strip()
    return text.mask(text.isin(["nan", "None"]), "")


def _ids(values: pd.Series) -> pd.Series:
    return _per_unique(values, _clean_ids)


def _direction(values: pd.Series) -> pd.Series:
    text = values.astype(str).str.strip().str.lower()
    out = pd.Series("", index=values.index, dtype=object)
    out[text.str.contains(r"上班|签到|\bin\b|c/in|进|checkin|^i$|^0$", regex=True)] = "in"
    out[text.str.contains(r"下班|签退|\bout\b|c/out|出|checkout|^o$|^1$", regex=True)] = "out"
    return out


def _frame(
    table: Table,
    positions: np.ndarray,
    ids: pd.Series,
    names: pd.Series,
    stamps: pd.Series,
    direction: pd.Series | None = None,
    problem: pd.Series | None = None,
) -> pd.DataFrame:
    n = len(positions)
    frame = pd.DataFrame(
        {
            C.EMPLOYEE_ID: ids.to_numpy() if n else np.array([], dtype=object),
            C.NAME: names.to_numpy() if n else np.array([], dtype=object),
            C.TIMESTAMP: stamps.to_numpy(),
            C.DIRECTION: direction.to_numpy() if direction is not None else np.full(n, "", dtype=object),
            C.SOURCE_FILE: table.sheet.file.name,
            C.SOURCE_ROW: table.excel_row(positions).astype(np.int64),
            PROBLEM: problem.to_numpy() if problem is not None else np.full(n, "", dtype=object),
        }
    )
    frame[C.TIMESTAMP] = pd.to_datetime(frame[C.TIMESTAMP])
    no_time = frame[C.TIMESTAMP].isna() & (frame[PROBLEM] == "")
    frame.loc[no_time, PROBLEM] = "no punch time in this row"
    return frame


def _who(table: Table) -> tuple[pd.Series, pd.Series]:
    body = table.body
    id_col, name_col = table.column(ID_NAMES), table.column(NAME_NAMES)
    ids = _ids(body[id_col]) if id_col is not None else pd.Series("", index=body.index)
    names = (
        _per_unique(body[name_col], _clean_names) if name_col is not None else pd.Series("", index=body.index)
    )
    return ids, names


def parse_long(table: Table) -> pd.DataFrame:
    """One punch per row: a timestamp column, or a date column and a clock column."""
    body = table.body
    positions = body.index.to_numpy()
    ids, names = _who(table)
    ts_col = table.column(TIMESTAMP_NAMES)
    if ts_col is not None:
        stamps = to_timestamps(body[ts_col], table.where_fn(ts_col, positions))
    else:
        date_col = table.column(DATE_NAMES)
        clock_col = table.column(tuple(n for n in CLOCK_NAMES if table.column((n,)) != date_col))
        if clock_col is None:
            raise InputError(
                t("err.punch.no_clock"),
                where=table.sheet.where(row=table.header_index + 1),
                fix=t("err.punch.no_clock.fix"),
            )
        if date_col is None:  # the clock column holds whole timestamps
            stamps = to_timestamps(body[clock_col], table.where_fn(clock_col, positions))
        else:
            dates = to_dates(body[date_col], table.where_fn(date_col, positions))
            stamps = join_date_and_clock(dates, body[clock_col], table.where_fn(clock_col, positions))
    dir_col = table.column(DIRECTION_NAMES)
    direction = _direction(body[dir_col]) if dir_col is not None else None
    problem = None
    status_col = table.column(("打卡状态", "打卡结果"))
    if status_col is not None:
        status = body[status_col].astype(str)
        no_punch = status.str.contains("未打卡|缺卡", regex=True).to_numpy() & stamps.isna().to_numpy()
        problem = pd.Series(np.where(no_punch, "no punch (未打卡/缺卡 in the export)", ""), index=body.index)
    return _frame(table, positions, ids, names, stamps, direction, problem)


def parse_dingtalk_daily(table: Table) -> pd.DataFrame:
    """每日统计: a date column and several 上班n/下班n 打卡时间 columns per row."""
    body = table.body
    positions = body.index.to_numpy()
    ids, names = _who(table)
    date_col = table.column(DATE_NAMES)
    dates = to_dates(body[date_col], table.where_fn(date_col, positions))
    parts = []
    for col, header in enumerate(table.headers):
        found = DAILY_CLOCK.match(header)
        if not found:
            continue
        cells = body[col]
        filled = ~(cells.isna() | cells.astype(str).str.strip().isin(["", "nan", "None", "--", "-"]))
        clock_text = cells.astype(str)
        is_clock = filled & (
            clock_text.str.contains(r"\d{1,2}:\d{2}", regex=True)
            | cells.map(lambda v: not isinstance(v, str))
        )
        keep = is_clock.to_numpy()
        if not keep.any():
            continue
        stamps = join_date_and_clock(
            dates[keep].reset_index(drop=True),
            cells[keep].reset_index(drop=True),
            table.where_fn(col, positions[keep]),
        )
        direction = pd.Series("in" if found.group(1) == "上班" else "out", index=range(int(keep.sum())))
        parts.append(
            _frame(
                table,
                positions[keep],
                ids[keep].reset_index(drop=True),
                names[keep].reset_index(drop=True),
                stamps,
                direction,
            )
        )
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in OUTPUT_COLUMNS})
    return pd.concat(parts, ignore_index=True).sort_values([C.SOURCE_ROW, C.TIMESTAMP], kind="stable")


def _day_columns(table: Table) -> dict[int, pd.Timestamp]:
    """The day columns of a 打卡时间 sheet and their dates (year and month from the title rows,
    the sheet name, or the headers themselves)."""
    title = " ".join(
        str(v) for row in table.sheet.rows[: table.header_index] for v in row if v not in (None, "")
    )
    title += f" {table.sheet.sheet or ''} {table.sheet.file.stem}"
    found = YEAR_MONTH.search(title)
    days: dict[int, pd.Timestamp] = {}
    for col, header in enumerate(table.headers):
        text = re.sub(r"(星期|周)[一二三四五六日天]", "", header)
        full = re.match(r"^(20\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$", text)
        month_day = re.match(r"^(\d{1,2})[-/.月](\d{1,2})日?$", text)
        day_only = re.match(r"^(\d{1,2})日?$", text)
        try:
            if full:
                days[col] = pd.Timestamp(int(full[1]), int(full[2]), int(full[3]))
            elif month_day and found:
                days[col] = pd.Timestamp(int(found[1]), int(month_day[1]), int(month_day[2]))
            elif day_only and found and 1 <= int(day_only[1]) <= 31:
                days[col] = pd.Timestamp(int(found[1]), int(found[2]), int(day_only[1]))
        except ValueError:
            continue
    if not days:
        raise InputError(
            t("err.punch.no_month"),
            where=table.sheet.where(row=table.header_index + 1),
            fix=t("err.punch.no_month.fix"),
        )
    return days


def _looks_wide(headers: list[str]) -> bool:
    return (
        sum(
            bool(
                re.match(
                    r"^(\d{1,2}|\d{1,2}[-/.月]\d{1,2}日?|20\d{2}[-/.]\d{1,2}[-/.]\d{1,2})((星期|周)[一二三四五六日天])?$",
                    h,
                )
            )
            for h in headers
        )
        >= 5
    )


def parse_dingtalk_times(table: Table) -> pd.DataFrame:
    """打卡时间: one column per day, the day's punch times inside the cell."""
    body = table.body
    ids, names = _who(table)
    rows_out: list[tuple[int, str, str, pd.Timestamp]] = []
    for col, day in _day_columns(table).items():
        cells = body[col]
        for pos, value in cells.items():
            if value is None or value == "":
                continue
            text = str(value)
            for nxt, h, m, s in CLOCK_IN_CELL.findall(text):
                stamp = day + pd.Timedelta(hours=int(h), minutes=int(m), seconds=int(s or 0))
                if nxt:
                    stamp += pd.Timedelta(days=1)
                rows_out.append((int(pos), ids[pos], names[pos], stamp))
    if not rows_out:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in OUTPUT_COLUMNS})
    rows_out.sort(key=lambda r: (r[0], r[3]))
    positions = np.array([r[0] for r in rows_out])
    return _frame(
        table,
        positions,
        pd.Series([r[1] for r in rows_out]),
        pd.Series([r[2] for r in rows_out]),
        pd.Series([r[3] for r in rows_out]),
    )


FORMATS: tuple[PunchFormat, ...] = (
    PunchFormat(
        "dingtalk-daily",
        "DingTalk 每日统计",
        (NAME_NAMES, ("日期", "考勤日期")),
        parse_dingtalk_daily,
        accepts_extra=lambda headers: any(DAILY_CLOCK.match(h) for h in headers),
    ),
    PunchFormat(
        "dingtalk-times",
        "DingTalk 打卡时间",
        (NAME_NAMES, ("考勤组", "部门", "工号", "userid")),
        parse_dingtalk_times,
        accepts_extra=_looks_wide,
    ),
    PunchFormat(
        "wecom",
        "WeCom 打卡记录",
        (
            NAME_NAMES,
            ("账号", "企业微信账号", "userid"),
            ("打卡类型", "打卡状态"),
            ("实际打卡时间", "打卡时间"),
        ),
        parse_long,
    ),
    PunchFormat(
        "dingtalk-raw",
        "DingTalk 原始记录",
        (NAME_NAMES, ("打卡时间",), ("打卡结果", "考勤组", "userid", "打卡地址", "打卡设备")),
        parse_long,
    ),
    PunchFormat(
        "zkteco",
        "ZKTeco attendance machine",
        (
            ("登记号码", "考勤号码", "ac-no.", "no.", "工号", "人员编号"),
            ("日期时间", "date/time", "时间"),
            ZK_MARKS,
        ),
        parse_long,
    ),
    PunchFormat(
        "csv",
        "plain csv",
        (("employee_id", "工号", "员工编号"), ("timestamp", "打卡时间", "日期时间")),
        parse_long,
    ),
)


def format_names() -> list[str]:
    return [f.describe() for f in FORMATS]


def normalised(headers: list) -> list[str]:
    return [normalise_header(h) for h in headers]
