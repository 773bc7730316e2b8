"""Writing the reconciled month: ``attendance.xlsx`` (月度汇总, daily detail, exceptions, the
accounting of punches, the punches not on a shift, the rules used) and ``daily.csv``.

openpyxl in write-only mode keeps a 2,000-person month fast; text from user data that looks like a
formula is stored as plain text (spec section 7).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from rosterkit.io.atomic import atomic_path, staged_outputs
from rosterkit.io.excel import FORMULA_STARTS, print_landscape_fit_width
from rosterkit.labels import get_language, t
from rosterkit.labels.attendance import reason_key
from rosterkit.model import columns as C
from rosterkit.model.attendance_result import EXCEPTION_COLUMNS, OUTCOMES, SUMMARY_COLUMNS, AttendanceResult
from rosterkit.model.leave import LEAVE_NAMES_ZH, LeaveType

LEAVE_CODES = {lt.value for lt in LeaveType}

WORKBOOK_NAME = "attendance.xlsx"
DAILY_CSV_NAME = "daily.csv"
MAX_LISTED_PUNCHES = 500_000  # the per-punch sheet stops here (Excel holds 1,048,576 rows)

DAILY_SHEET_COLUMNS = [
    C.EMPLOYEE_ID,
    C.NAME,
    C.DATE,
    "weekday",
    "day_kind",
    C.SHIFT,
    C.STATUS,
    C.LATE_MINUTES,
    C.EARLY_LEAVE_MINUTES,
    C.MISSING_IN,
    C.MISSING_OUT,
    C.OVERTIME_MINUTES,
    C.LEAVE_TYPE,
    "absent_days",
    C.PUNCHES,
]


def _cell(ws, value, bold: bool = False):
    if isinstance(value, float) and pd.isna(value):
        value = None
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    if bold:
        cell.font = Font(bold=True)
    return cell


def _header(ws, labels: list[str]) -> None:
    """The bold header row, frozen above the data, wrapped in columns that stay narrow enough for
    the sheet to print on one page width."""
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = "A2"
    print_landscape_fit_width(ws, title_rows="1:1")
    for i, text in enumerate(labels, start=1):
        wide = sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(text))  # CJK characters take two
        ws.column_dimensions[get_column_letter(i)].width = min(max(8, wide + 2), 16)
    cells = [_cell(ws, text, bold=True) for text in labels]
    for cell in cells:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.append(cells)


def _append_frame(ws, frame: pd.DataFrame) -> None:
    """The frame's rows below the header; missing values stay empty, and only text that looks like
    a formula needs a cell object of its own (kept as text)."""
    for row in frame.itertuples(index=False, name=None):
        ws.append(
            [
                (_cell(ws, v) if v.startswith(FORMULA_STARTS) else v)
                if isinstance(v, str)
                else (None if v is None or v != v else v)
                for v in row
            ]
        )


def _leave_label(code: str) -> str:
    if not code:
        return ""
    return LEAVE_NAMES_ZH[LeaveType(code)] if get_language() == "zh" else code


def _reason_label(reason: str) -> str:
    key = reason_key(reason)
    return t(key) if key else reason


def _dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series).dt.strftime(C.DATE_FORMAT).fillna("")


def _numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Plain Python numbers for the cells (numpy scalars are not all understood by openpyxl)."""
    return frame.astype(object)


def write_attendance_workbook(result: AttendanceResult, path: Path | str) -> Path:
    wb = Workbook(write_only=True)
    statuses = {s: t(f"att.status.{s}") for s in result.daily[C.STATUS].unique()}
    kinds = {k: t(f"day.{k}") for k in result.daily["day_kind"].unique()}

    ws = wb.create_sheet(t("att.sheet.summary"))
    _header(
        ws,
        [t(f"att.col.{c}") if c in (C.EMPLOYEE_ID, C.NAME) else t(f"att.sum.{c}") for c in SUMMARY_COLUMNS],
    )
    _append_frame(ws, _numbers(result.summary[SUMMARY_COLUMNS]))

    ws = wb.create_sheet(t("att.sheet.daily"))
    _header(ws, [t(f"att.col.{c}") for c in DAILY_SHEET_COLUMNS])
    daily = result.daily.assign(weekday=pd.to_datetime(result.daily[C.DATE]).dt.day_of_week)[
        DAILY_SHEET_COLUMNS
    ]
    daily["weekday"] = daily["weekday"].map(lambda d: t(f"weekday.{d}"))
    daily[C.DATE] = _dates(daily[C.DATE])
    daily[C.STATUS] = daily[C.STATUS].map(statuses)
    daily["day_kind"] = daily["day_kind"].map(kinds)
    daily[C.LEAVE_TYPE] = daily[C.LEAVE_TYPE].map(_leave_label)
    _append_frame(ws, _numbers(daily))

    ws = wb.create_sheet(t("att.sheet.exceptions"))
    _header(ws, [t(f"att.col.{c}") for c in EXCEPTION_COLUMNS])
    exc = result.exceptions[EXCEPTION_COLUMNS].copy()
    unmatched = exc["kind"] == "unmatched_punches"
    exc["info"] = [
        _reason_label(info) if lost else _leave_label(info) if info in LEAVE_CODES else info
        for info, lost in zip(exc["info"].fillna(""), unmatched, strict=True)
    ]
    exc[C.DATE] = _dates(exc[C.DATE])
    exc["kind"] = exc["kind"].map(lambda k: t(f"att.exc.{k}"))
    _append_frame(ws, _numbers(exc))

    ws = wb.create_sheet(t("att.sheet.accounting"))
    _write_accounting(ws, result)

    ws = wb.create_sheet(t("att.sheet.unplaced"))
    columns = [C.SOURCE_FILE, C.SOURCE_ROW, C.EMPLOYEE_ID, C.NAME, C.TIMESTAMP, "outcome", "reason"]
    _header(ws, [t(f"att.col.{c}") for c in columns])
    listed = result.punches[result.punches["outcome"] != "matched"].head(MAX_LISTED_PUNCHES)
    listed = listed.assign(
        timestamp=listed[C.TIMESTAMP].dt.strftime("%Y-%m-%d %H:%M:%S").fillna(""),
        outcome=listed["outcome"].map(lambda o: t(f"att.outcome.{o}")),
        reason=[_reason_label(r) for r in listed["reason"]],
    )
    _append_frame(ws, _numbers(listed[columns]))

    ws = wb.create_sheet(t("att.sheet.rules"))
    _header(ws, [t("att.col.setting"), t("att.col.value"), t("att.col.key")])
    for name, value in result.settings.model_dump().items():
        shown = (t("yes") if value else t("no")) if isinstance(value, bool) else value
        ws.append([_cell(ws, t(f"att.rule.{name}")), shown, name])

    with atomic_path(path) as tmp:
        wb.save(tmp)
    return Path(path)


def _write_accounting(ws, result: AttendanceResult) -> None:
    """Input rows per file, then matched / outside the roster / unmatched by reason, then the sum."""
    _header(ws, [t("att.col.outcome"), t("att.col.reason"), t("att.col.rows"), t("att.col.duplicates")])
    per_file = result.punches.groupby(C.SOURCE_FILE, sort=False).size()
    for name, rows in per_file.items():
        ws.append([_cell(ws, t("att.outcome.total")), _cell(ws, str(name)), int(rows), None])
    ws.append([_cell(ws, t("att.outcome.total")), None, result.input_rows, None])
    ws.append([])
    acc = result.accounting
    for outcome in OUTCOMES:
        part = acc[acc["outcome"] == outcome]
        ws.append(
            [
                _cell(ws, t(f"att.outcome.{outcome}"), bold=True),
                None,
                int(part["rows"].sum()),
                int(part["duplicates"].sum()),
            ]
        )
        for reason, rows, dups in zip(part["reason"], part["rows"], part["duplicates"], strict=True):
            if not reason:
                continue
            ws.append([None, _cell(ws, _reason_label(reason)), int(rows), int(dups)])
    counts = result.counts()
    ws.append([])
    ws.append(
        [
            _cell(ws, t("att.outcome.check"), bold=True),
            _cell(ws, " + ".join(str(counts[o]) for o in OUTCOMES)),
            sum(counts.values()),
            None,
        ]
    )


def write_daily_csv(result: AttendanceResult, path: Path | str) -> Path:
    with atomic_path(path) as tmp:
        result.daily_csv().to_csv(tmp, index=False, encoding="utf-8")
    return Path(path)


def write_attendance(result: AttendanceResult, out_dir: Path | str) -> list[Path]:
    """Both outputs into ``out_dir`` (created), written whole or not at all."""
    out_dir = Path(out_dir)
    with staged_outputs(out_dir) as staging:
        write_attendance_workbook(result, staging / WORKBOOK_NAME)
        write_daily_csv(result, staging / DAILY_CSV_NAME)
    return [out_dir / WORKBOOK_NAME, out_dir / DAILY_CSV_NAME]
