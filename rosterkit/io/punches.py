"""Reading punch exports: the layout is recognised by its header row (see ``punch_formats``).

``read_punches(path)`` returns normalised punches: ``rosterkit.model.columns.PUNCH_COLUMNS``
(employee_id, name, timestamp, direction, source_file, source_row) plus ``problem`` (why a row
holds no usable punch; empty for a good one) and ``format``. Several files are read with
``read_punch_files`` and concatenated; every row keeps its file and Excel row for the accounting.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from rosterkit.errors import InputError, Location
from rosterkit.io.punch_formats import FORMATS, OUTPUT_COLUMNS, PunchFormat, Table
from rosterkit.io.sheet_rows import SheetRows, find_header, iter_sheets, normalise_header
from rosterkit.labels import t

FORMAT = "format"


def _body(sheet: SheetRows, start: int, header_width: int) -> pd.DataFrame:
    """The rows below the header as a frame (columns are positions, the index the row's position
    below the header), blank rows left out."""
    rows = sheet.rows[start:]
    width = max(max((len(r) for r in rows), default=0), header_width)
    body = pd.DataFrame(rows, columns=range(width)) if rows else pd.DataFrame(columns=range(width))
    blank = np.ones(len(body), dtype=bool)
    for col in body.columns:
        values = body[col]
        blank &= (values.isna() | values.eq("")).to_numpy()
    return body[~blank] if blank.any() else body  # a row of spaces stays, and is reported


def detect(sheet: SheetRows) -> tuple[PunchFormat, Table] | None:
    """The first known format whose header appears in the sheet's first rows, with its table."""
    for fmt in FORMATS:
        found = find_header(sheet, fmt.matches)
        if found is None:
            continue
        index, headers, header_rows = found
        body = _body(sheet, index + header_rows, len(headers))
        return fmt, Table(sheet, index, header_rows, headers, body)
    return None


def _closest(sheets: list[SheetRows]) -> str:
    best: tuple[int, str, list[str]] = (0, "", [])
    for sheet in sheets:
        for row in sheet.rows[:30]:
            headers = [normalise_header(v) for v in row]
            for fmt in FORMATS:
                hits = fmt.hits(headers)
                if hits > best[0]:
                    missing = ["/".join(g[:3]) for g in fmt.groups if not set(headers) & set(g)]
                    best = (hits, fmt.name, missing)
    if not best[1]:
        return ""
    if best[2]:
        return t("err.punch.closest_missing", format=best[1], columns=", ".join(repr(m) for m in best[2]))
    return t("err.punch.closest_marks", format=best[1])


def read_punches(path: Path | str) -> pd.DataFrame:
    """The punches of one export file (csv or xlsx; the first sheet with a known header)."""
    path = Path(path)
    sheets: list[SheetRows] = []
    for sheet in iter_sheets(path):
        sheets.append(sheet)
        found = detect(sheet)
        if found is None:
            continue
        fmt, table = found
        punches = fmt.parse(table)[OUTPUT_COLUMNS].reset_index(drop=True)
        punches[FORMAT] = fmt.name
        punches.attrs[FORMAT] = fmt.name
        return punches
    known = "; ".join(f.describe() for f in FORMATS)
    raise InputError(
        t("err.punch.unknown_format", closest=_closest(sheets)),
        where=Location(file=path),
        fix=t("err.punch.unknown_format.fix", known=known),
    )


def read_punch_files(paths: Iterable[Path | str]) -> pd.DataFrame:
    """The punches of several files, one after the other, in the order given."""
    frames = [read_punches(p) for p in paths]
    if not frames:
        raise InputError(t("err.punch.no_file"), fix=t("err.punch.no_file.fix"))
    return pd.concat(frames, ignore_index=True)
