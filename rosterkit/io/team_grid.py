"""The day grid: History (and Pinned) as a supervisor keeps them, one row per employee and one column
per date, the shift code in the cell.

    工号 employee_id | 姓名 name | 2026-09-24 | 2026-09-25 | ...
    1001             | 赵刚宇     | A          |            | ...

A sheet is read as a grid when its header row holds an employee column and at least one date. In
History an empty cell is a day off; in Pinned an empty cell pins nothing, and a day off is pinned
with ``休`` / ``off`` / ``-``. The long layout (employee, date, shift per row) is read by the
ordinary table reader.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from rosterkit.errors import InputError, Location
from rosterkit.io.excel import set_cell
from rosterkit.io.sheet_reader import HEADER_SEARCH_ROWS, header_matches, header_text, is_blank, to_date
from rosterkit.io.team_build import Record
from rosterkit.labels import t
from rosterkit.model import Assignment

GRID_SECTIONS = ("history", "pinned")
OFF_WORDS = {"休", "休息", "off", "-", "/"}
EXTRA_KEYS = ("team.col.name", "team.col.team", "team.col.note")


def _date_header(value: Any) -> date | None:
    if isinstance(value, str) and len(value.strip()) < 8:
        return None  # "9/24" has no year: not a date header
    return to_date(value) if not is_blank(value) else None


def find_grid(cells: list[list[Any]]) -> tuple[int, int, dict[int, date]] | None:
    """(header row index, employee column, date columns) when the sheet is a day grid, else None."""
    for r, row in enumerate(cells[:HEADER_SEARCH_ROWS]):
        emp = next(
            (i for i, v in enumerate(row) if isinstance(v, str) and header_matches(v, "team.col.employee")),
            None,
        )
        if emp is None:
            continue
        dates = {i: d for i, v in enumerate(row) if i != emp and (d := _date_header(v)) is not None}
        if dates:
            return r, emp, dates
    return None


def grid_records(
    path: Path, sheet: str, section: str, cells: list[list[Any]], errors: list[InputError]
) -> list[Record] | None:
    """The sheet's assignments as records (one per employee and date), or None if it is no grid."""
    found = find_grid(cells)
    if found is None:
        return None
    header_row, emp_col, dates = found
    header = cells[header_row]
    for i, value in enumerate(header):
        if i == emp_col or i in dates or is_blank(value):
            continue
        if not any(header_matches(str(value), key) for key in EXTRA_KEYS):
            errors.append(
                InputError(
                    t("team.err.unknown_column", column=value, known=t("team.grid.known")),
                    where=Location(file=path, sheet=sheet, row=header_row + 1, column=str(value)),
                    fix=t("team.fix.unknown_column"),
                )
            )
    emp_header = str(header[emp_col])
    records: list[Record] = []
    for r in range(header_row + 1, len(cells)):
        row = cells[r]
        if all(is_blank(v) for v in row):
            continue
        emp = row[emp_col] if emp_col < len(row) else None
        if is_blank(emp):
            errors.append(
                InputError(
                    t("team.err.required"),
                    where=Location(file=path, sheet=sheet, row=r + 1, column=emp_header),
                    fix=t("team.fix.cell"),
                )
            )
            continue
        emp_id = str(int(emp)) if isinstance(emp, float) and emp.is_integer() else str(emp).strip()
        for col, day in dates.items():
            value = row[col] if col < len(row) else None
            text = "" if is_blank(value) else str(value).strip()
            if section == "pinned" and not text:
                continue
            shift = None if (not text or text.lower() in OFF_WORDS) else text
            where = Location(file=path, sheet=sheet, row=r + 1, column=str(header[col]))
            records.append(
                Record(
                    values={"employee_id": emp_id, "date": day, "shift": shift},
                    where=where,
                    columns={"employee_id": emp_header, "date": str(header[col]), "shift": str(header[col])},
                )
            )
    return records


def grid_ready(assignments: tuple[Assignment, ...]) -> bool:
    """History can be written as a grid when it gives every (employee, date) pair once."""
    pairs = {(a.employee_id, a.date) for a in assignments}
    people = {a.employee_id for a in assignments}
    days = {a.date for a in assignments}
    return bool(assignments) and len(pairs) == len(assignments) == len(people) * len(days)


def write_grid(
    ws: Any,
    assignments: tuple[Assignment, ...],
    names: dict[str, str],
    lang_first: str,
    colors: dict[str, str] | None = None,
) -> None:
    """History as a day grid (``grid_ready`` assignments): employees down, dates across."""
    days = sorted({a.date for a in assignments})
    order = list(dict.fromkeys(a.employee_id for a in assignments))
    shift = {(a.employee_id, a.date): a.shift for a in assignments}
    heads = [header_text("team.col.employee", lang_first), header_text("team.col.name", lang_first)]
    for ci, label in enumerate(heads, start=1):
        set_cell(ws, 1, ci, label).font = Font(bold=True)
    for ci, day in enumerate(days, start=3):
        cell = set_cell(ws, 1, ci, day)
        cell.number_format = "yyyy-mm-dd"
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
        ws.column_dimensions[get_column_letter(ci)].width = 11
    for ri, emp_id in enumerate(order, start=2):
        set_cell(ws, ri, 1, emp_id)
        set_cell(ws, ri, 2, names.get(emp_id) or None)
        for ci, day in enumerate(days, start=3):
            code = shift[(emp_id, day)]
            if code:
                cell = set_cell(ws, ri, ci, code)
                cell.alignment = Alignment(horizontal="center")
                if colors and colors.get(code):
                    cell.fill = PatternFill("solid", fgColor=colors[code])
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 12
    ws.freeze_panes = "C2"
