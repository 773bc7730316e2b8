"""Reading a table from a workbook sheet the way a person laid it out.

Generic over sheets: find the header row (title rows above it are allowed), map each header to a
label key whatever the language (``labels.aliases``: "工号", "employee_id" or "工号 employee_id"),
report unknown and missing columns, and hand back the data rows with their row numbers as Excel
shows them. Blank rows are skipped; every other row comes back, so nothing is silently dropped.
The ``parse_*`` helpers turn one cell into a typed value or raise an ``InputError`` that names the
file, sheet, row and column, what was expected, and how to fix it.

Workbooks are read with python-calamine (fast, and it gives dates and times as Python values).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from rosterkit.errors import InputError, Location
from rosterkit.labels import aliases, t

HEADER_SEARCH_ROWS = 10
_SEPARATORS = re.compile(r"[\s/|()（）\[\]【】:：*_\-]+")
LIST_SPLIT = re.compile(r"[,，、;；\s]+")
EXCEL_EPOCH = datetime(1899, 12, 30)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", str(text).strip().lower())


def header_matches(header: str, key: str) -> bool:
    """Whether a header cell names the label ``key`` in English, Chinese, or both side by side."""
    h = _norm(header)
    if not h:
        return False
    en, zh = (_norm(a) for a in aliases(key))
    if h in (en, zh):
        return True
    rest = h
    found = False
    for alias in sorted({en, zh}, key=len, reverse=True):
        pattern = rf"(?<![a-z0-9]){re.escape(alias)}(?![a-z0-9])" if alias.isascii() else re.escape(alias)
        rest, n = re.subn(pattern, " ", rest, count=1)
        found = found or n > 0
    return found and not _SEPARATORS.sub("", rest)


def header_text(key: str, lang_first: str = "zh") -> str:
    """A bilingual header as the writers put it: '工号 employee_id' (or English first)."""
    en, zh = aliases(key)
    if en == zh:
        return en
    return f"{zh} {en}" if lang_first == "zh" else f"{en} {zh}"


@dataclass(frozen=True)
class Col:
    """A column a sheet may have: its label key and whether a row needs a value in it."""

    key: str
    required: bool = False


@dataclass
class Row:
    """One data row: cell values by label key, and where they are."""

    number: int  # as Excel shows it
    cells: dict[str, Any]
    file: Path
    sheet: str
    headers: dict[str, str] = field(default_factory=dict)  # label key -> header text in the file

    def where(self, key: str | None = None) -> Location:
        column = None if key is None else self.headers.get(key, aliases(key)[0])
        return Location(file=self.file, sheet=self.sheet, row=self.number, column=column)

    def get(self, key: str) -> Any:
        value = self.cells.get(key)
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value


@dataclass
class Table:
    file: Path
    sheet: str
    header_row: int
    headers: dict[str, str]
    rows: list[Row]


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_table(
    path: Path, sheet: str, cells: Sequence[Sequence[Any]], columns: Sequence[Col], errors: list[InputError]
) -> Table | None:
    """Turn a sheet's cells (rows from A1, as calamine gives them) into a Table of known columns.

    Unknown or missing columns go into ``errors`` (and None is returned when no header was found).
    """
    best, best_hits = -1, 0
    for r, row in enumerate(cells[:HEADER_SEARCH_ROWS]):
        hits = sum(1 for v in row if isinstance(v, str) and any(header_matches(v, c.key) for c in columns))
        if hits > best_hits:
            best, best_hits = r, hits
    known = ", ".join(f"'{header_text(c.key, 'en')}'" for c in columns)
    if best < 0:
        errors.append(
            InputError(
                t("team.err.no_header"),
                where=Location(file=path, sheet=sheet),
                fix=t("team.fix.no_header", known=known),
            )
        )
        return None
    header_cells = cells[best]
    by_index: dict[int, str] = {}
    headers: dict[str, str] = {}
    for ci, value in enumerate(header_cells):
        if is_blank(value):
            continue
        text = str(value).strip().replace("\n", " ")
        match = next((c.key for c in columns if header_matches(text, c.key)), None)
        if match is None:
            errors.append(
                InputError(
                    t("team.err.unknown_column", column=text, known=known),
                    where=Location(file=path, sheet=sheet, row=best + 1, column=text),
                    fix=t("team.fix.unknown_column"),
                )
            )
            continue
        if match in headers:
            errors.append(
                InputError(
                    t("team.err.column_twice", column=text),
                    where=Location(file=path, sheet=sheet, row=best + 1, column=text),
                    fix=t("team.fix.column_twice"),
                )
            )
            continue
        by_index[ci] = match
        headers[match] = text
    for c in columns:
        if c.required and c.key not in headers:
            errors.append(
                InputError(
                    t("team.err.column_missing", column=header_text(c.key, "en")),
                    where=Location(file=path, sheet=sheet, row=best + 1),
                    fix=t("team.fix.column_missing"),
                )
            )
    rows: list[Row] = []
    for r in range(best + 1, len(cells)):
        raw = cells[r]
        if all(is_blank(v) for v in raw):
            continue
        values: dict[str, Any] = {}
        for ci, value in enumerate(raw):
            if is_blank(value):
                continue
            key = by_index.get(ci)
            if key is None:
                if ci < len(header_cells) and not is_blank(header_cells[ci]):
                    continue  # under an unknown column: already reported
                errors.append(
                    InputError(
                        t("team.err.no_header_value", value=repr(value), column=_column_letter(ci)),
                        where=Location(file=path, sheet=sheet, row=r + 1, column=_column_letter(ci)),
                        fix=t("team.fix.no_header_value"),
                    )
                )
                continue
            values[key] = value
        rows.append(Row(number=r + 1, cells=values, file=path, sheet=sheet, headers=headers))
    return Table(file=path, sheet=sheet, header_row=best + 1, headers=headers, rows=rows)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def find_sheet(names: Iterable[str], key: str) -> str | None:
    """The sheet in ``names`` whose name is the label ``key`` in either language."""
    for name in names:
        if header_matches(name, key):
            return name
    return None


def load_workbook_cells(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's cells from A1 (calamine), keeping empty leading rows so row numbers hold."""
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # noqa: BLE001 - any reader failure means the file is not a workbook
        raise InputError(
            t("team.err.not_workbook", detail=f"{type(exc).__name__}: {exc}"),
            where=Location(file=path),
            fix=t("team.fix.not_workbook"),
        ) from None
    out: dict[str, list[list[Any]]] = {}
    for name in wb.sheet_names:
        sheet = wb.get_sheet_by_name(name)
        rows = sheet.to_python(skip_empty_area=False)
        out[name] = [list(r) for r in rows]
    return out


# ---- typed cells -------------------------------------------------------------------------------


def _fail(row: Row, key: str, value: Any, expected: str, fix: str) -> InputError:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return InputError(
        t("team.err.not_expected", value=repr(value), expected=expected), where=row.where(key), fix=fix
    )


def parse_text(row: Row, key: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_int(row: Row, key: str, *, minimum: int | None = 0) -> int | None:
    value = row.get(key)
    if value is None:
        return None
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and re.fullmatch(r"[+-]?\d+(\.0+)?", value):
        number = int(float(value))
    if number is None or (minimum is not None and number < minimum):
        expected = (
            t("team.exp.whole_number_min", minimum=minimum)
            if minimum is not None
            else t("team.exp.whole_number")
        )
        raise _fail(row, key, value, expected, t("team.fix.whole_number"))
    return number


def parse_float(row: Row, key: str, *, minimum: float | None = 0) -> float | None:
    value = row.get(key)
    if value is None:
        return None
    try:
        number = float(value) if not isinstance(value, bool) else None
    except (TypeError, ValueError):
        number = None
    if number is None or (minimum is not None and number < minimum):
        raise _fail(row, key, value, t("team.exp.number"), t("team.fix.number"))
    return number


_DATE_PATTERNS = (
    (re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"), (1, 2, 3)),
    (re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"), (1, 2, 3)),
)


def to_date(value: Any) -> date | None:
    """A date from a cell value (date, datetime, Excel serial, or text like 2026-10-01), else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
        return (EXCEL_EPOCH + timedelta(days=int(value))).date()
    if isinstance(value, str):
        text = value.strip().split(" ")[0].split("T")[0]
        for pattern, (y, m, d) in _DATE_PATTERNS:
            match = pattern.match(text)
            if match:
                try:
                    return date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
                except ValueError:
                    return None
    return None


def parse_date(row: Row, key: str) -> date | None:
    value = row.get(key)
    if value is None:
        return None
    found = to_date(value)
    if found is None:
        raise _fail(row, key, value, t("team.exp.date"), t("team.fix.date"))
    return found


def to_time(value: Any) -> time | None:
    """A wall-clock time from a cell value (time, datetime, day fraction, or text HH:MM), else None."""
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, time):
        return value.replace(microsecond=0)
    if isinstance(value, timedelta):
        seconds = int(round(value.total_seconds())) % 86400
        return time(seconds // 3600, seconds % 3600 // 60)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1:
        minutes = int(round(value * 1440)) % 1440
        return time(minutes // 60, minutes % 60)
    if isinstance(value, str):
        match = re.fullmatch(r"(\d{1,2})[:：](\d{2})(?::(\d{2}))?", value.strip())
        if match:
            hour, minute = int(match.group(1)), int(match.group(2))
            if hour == 24 and minute == 0:
                return time(0, 0)
            if hour < 24 and minute < 60:
                return time(hour, minute)
    return None


def parse_time(row: Row, key: str) -> time | None:
    value = row.get(key)
    if value is None:
        return None
    found = to_time(value)
    if found is None:
        raise _fail(row, key, value, t("team.exp.time"), t("team.fix.time"))
    return found


_TRUE = {"yes", "y", "true", "1", "是", "对", "√", "✓", "x", "on"}
_FALSE = {"no", "n", "false", "0", "否", "不", "×", "off"}


def parse_bool(row: Row, key: str) -> bool | None:
    value = row.get(key)
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    text = str(int(value) if isinstance(value, float) and value.is_integer() else value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _fail(row, key, value, t("team.exp.yes_no"), t("team.fix.yes_no"))


def parse_list(row: Row, key: str) -> list[str]:
    text = parse_text(row, key)
    if not text:
        return []
    return [part for part in LIST_SPLIT.split(text) if part]


def parse_choice(row: Row, key: str, choices: dict[str, Any], what: str) -> Any:
    """One of ``choices`` (lower-cased spellings → value); the error lists the spellings."""
    text = parse_text(row, key)
    if text is None:
        return None
    found = choices.get(text.lower())
    if found is None:
        listed = ", ".join(dict.fromkeys(choices))
        raise _fail(row, key, text, t("team.exp.known", what=what), t("team.fix.one_of", known=listed))
    return found
