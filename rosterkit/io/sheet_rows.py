"""Reading any table a user hands us (csv in UTF-8 / UTF-8 with BOM / GB18030, or xlsx) as rows,
and finding its header row below any title rows, merged header cells included.

xlsx is read with python-calamine (Rust): a 200,000-row punch export reads in seconds, where
openpyxl takes half a minute.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rosterkit.errors import InputError, Location
from rosterkit.io.csv_text import decode_csv
from rosterkit.labels import t

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
HEADER_SEARCH_ROWS = 30


@dataclass
class SheetRows:
    """The raw rows of one sheet (or a whole csv file): cell values as the file holds them."""

    file: Path
    sheet: str | None
    rows: list[list]

    def where(self, row: int | None = None, column: str | None = None) -> Location:
        return Location(file=self.file, sheet=self.sheet, row=row, column=column)


def normalise_header(value: object) -> str:
    """A header cell as compared with the known names: no whitespace inside, ASCII in lower case."""
    if value is None:
        return ""
    text = str(value)
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    return re.sub(r"\s+", "", text).lower()


def iter_sheets(path: Path | str) -> Iterator[SheetRows]:
    """Every sheet of a workbook (or the one table of a csv file), first sheet first."""
    path = Path(path)
    if not path.exists():
        raise InputError(t("err.io.not_found"), where=Location(file=path), fix=t("err.fix.check_path"))
    if path.suffix.lower() in EXCEL_SUFFIXES:
        from python_calamine import CalamineWorkbook

        try:
            workbook = CalamineWorkbook.from_path(str(path))
        except Exception as exc:  # noqa: BLE001 - any reader failure is a bad file for the user
            raise InputError(
                t("err.io.bad_workbook", detail=exc),
                where=Location(file=path),
                fix=t("err.io.bad_workbook.fix"),
            ) from exc
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            yield SheetRows(path, name, sheet.to_python(skip_empty_area=False))
        return
    text = decode_csv(path)
    rows = list(csv.reader(io.StringIO(text)))
    yield SheetRows(path, None, rows)


def combined_header(top: list, below: list) -> list[str]:
    """Two header rows made one: a merged cell's text (written in its first cell only) is carried
    over the cells it spans, and joined with the sub-header below it (``上班1`` + ``打卡时间``)."""
    width = max(len(top), len(below))
    names: list[str] = []
    carried = ""
    for i in range(width):
        t = normalise_header(top[i]) if i < len(top) else ""
        b = normalise_header(below[i]) if i < len(below) else ""
        if t:
            carried = t
        elif not b:
            carried = ""
        if b and carried and b != carried:
            names.append(carried + b)
        else:
            names.append(b or carried)
    return names


def find_header(sheet: SheetRows, accepts: Callable[[list[str]], bool]) -> tuple[int, list[str], int] | None:
    """The first row (0-based) whose headers ``accepts``, the header names, and how many header rows
    (1, or 2 for a merged two-row header). None if no row in the first rows qualifies."""
    rows = sheet.rows
    for i in range(min(len(rows), HEADER_SEARCH_ROWS)):
        single = [normalise_header(v) for v in rows[i]]
        if not any(single):
            continue
        if i + 1 < len(rows):
            double = combined_header(rows[i], rows[i + 1])
            if accepts(double) and not accepts(single):
                return i, double, 2
        if accepts(single):
            return i, single, 1
    return None


@dataclass
class KeyedTable:
    """A table whose columns were found by name: ``frame`` has one column per key found, and
    ``excel_rows`` gives each row's number as Excel shows it."""

    sheet: SheetRows
    frame: object  # pandas.DataFrame (typed loosely to keep pandas out of the import of this module)
    excel_rows: list[int]
    headers: dict[str, str]  # key -> header as written

    def where(self, position: int, key: str | None = None) -> Location:
        return self.sheet.where(row=self.excel_rows[position], column=self.headers.get(key) if key else None)


def read_keyed_table(
    path: Path | str, columns: dict[str, tuple[str, ...]], required: tuple[str, ...], what: str
) -> KeyedTable:
    """Read the first sheet that has a header row naming every ``required`` key (by any of its
    names in ``columns``); title rows above the header are skipped, blank rows dropped. ``what`` is
    the catalogue key of the kind of file (e.g. ``err.what.roster``), named when no header is found."""
    import pandas as pd

    names = {key: {normalise_header(n) for n in spellings} for key, spellings in columns.items()}

    def has_all(headers: list[str]) -> bool:
        present = set(headers)
        return all(present & names[key] for key in required)

    first: SheetRows | None = None
    for sheet in iter_sheets(path):
        first = first or sheet
        found = find_header(sheet, has_all)
        if found is None:
            continue
        index, headers, header_rows = found
        raw = sheet.rows[index]
        positions = {}
        written = {}
        for key in columns:
            for col, header in enumerate(headers):
                if header in names[key]:
                    positions[key] = col
                    written[key] = str(raw[col]).strip() if col < len(raw) else header
                    break
        body_rows = sheet.rows[index + header_rows :]
        data = {
            key: [row[col] if col < len(row) else None for row in body_rows] for key, col in positions.items()
        }
        frame = pd.DataFrame(data)
        excel_rows = [index + header_rows + 1 + i for i in range(len(body_rows))]
        empty_text = frame.astype(str).apply(lambda c: c.str.strip().eq("")).astype(bool)  # bool if no rows
        blank = frame.isna() | empty_text
        keep = ~blank.all(axis=1).to_numpy() if len(frame.columns) else []
        frame = frame[keep].reset_index(drop=True)
        excel_rows = [r for r, k in zip(excel_rows, keep, strict=True) if k]
        return KeyedTable(sheet, frame, excel_rows, written)
    missing = []
    if first is not None:
        best = max(
            (set(normalise_header(v) for v in row) for row in first.rows[:HEADER_SEARCH_ROWS]),
            key=lambda hs: sum(1 for key in required if hs & names[key]),
            default=set(),
        )
        missing = [key for key in required if not best & names[key]]
    wanted = ", ".join(
        t("err.io.column_or", column=key, names="/".join(columns[key][1:3])) for key in (missing or required)
    )
    raise InputError(
        t("err.io.no_header", what=t(what), wanted=wanted),
        where=Location(file=path),
        fix=t("err.io.no_header.fix", columns=", ".join(columns)),
    )
