"""``roster.csv`` (spec section 2): ``employee_id,date,shift,start,end``, one row per employee per day.

``shift`` is the shift code, empty on a day off, or the leave code (``LeaveType`` value) on leave;
``start``/``end`` are the shift's timestamps (``end`` on the next date for a shift crossing midnight),
empty on days without a shift.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

from rosterkit.errors import InputError, Location
from rosterkit.io.atomic import write_text
from rosterkit.io.csv_text import decode_csv
from rosterkit.io.sheet_rows import normalise_header
from rosterkit.labels import t
from rosterkit.model import Roster, ShiftType
from rosterkit.model import columns as C
from rosterkit.model.leave import parse_leave_type

HEADER_NAMES: dict[str, tuple[str, ...]] = {
    C.EMPLOYEE_ID: (C.EMPLOYEE_ID, "id", "工号", "员工编号"),
    C.DATE: (C.DATE, "日期"),
    C.SHIFT: (C.SHIFT, "班次", "班次代码"),
    C.START: (C.START, "开始", "开始时间"),
    C.END: (C.END, "结束", "结束时间"),
}
OFF_WORDS = {"", "off", "休", "休息", "-", "/"}


def roster_rows(roster: Roster, shifts: dict[str, ShiftType]) -> list[list[str]]:
    rows = []
    for eid in roster.employee_ids:
        for day in roster.days:
            code = roster.shift(eid, day)
            if code is not None and code in shifts:
                start, end = shifts[code].span(day)
                rows.append([eid, day.isoformat(), code, f"{start:%Y-%m-%d %H:%M}", f"{end:%Y-%m-%d %H:%M}"])
            elif code is not None:
                rows.append([eid, day.isoformat(), code, "", ""])
            else:
                lt = roster.leave.get((eid, day))
                rows.append([eid, day.isoformat(), lt.value if lt is not None else "", "", ""])
    return rows


def write_roster_csv(path: Path | str, roster: Roster, shifts: dict[str, ShiftType]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(C.ROSTER_COLUMNS)
    writer.writerows(roster_rows(roster, shifts))
    return write_text(path, buffer.getvalue())


def read_roster_csv(path: Path | str, known_codes: set[str] | None = None) -> Roster:
    """A roster from ``roster.csv`` (headers in English or Chinese). With ``known_codes``, a shift
    code that is neither one of them nor a leave code is an error naming the row."""
    path = Path(path)
    if not path.exists():
        raise InputError(t("err.io.not_found"), where=Location(file=path), fix=t("err.roster.not_found.fix"))
    rows = list(csv.reader(io.StringIO(decode_csv(path))))
    if not rows:
        raise InputError(
            t("err.roster.empty_file"),
            where=Location(file=path),
            fix=t("err.roster.empty_file.fix"),
        )
    header = [normalise_header(h) for h in rows[0]]
    position: dict[str, int] = {}
    for key, names in HEADER_NAMES.items():
        wanted = {normalise_header(n) for n in names}
        for k, h in enumerate(header):
            if h in wanted:
                position[key] = k
                break
    missing = [k for k in (C.EMPLOYEE_ID, C.DATE, C.SHIFT) if k not in position]
    if missing:
        raise InputError(
            t("err.roster.lacks_columns", missing=", ".join(missing)),
            where=Location(file=path, row=1),
            fix=t("err.roster.lacks_columns.fix", columns=",".join(C.ROSTER_COLUMNS)),
        )
    ids: list[str] = []
    shifts: dict[tuple[str, date], str] = {}
    leave = {}
    days: set[date] = set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(key: str, row=row) -> str:
            k = position[key]
            return row[k].strip() if k < len(row) else ""

        eid = cell(C.EMPLOYEE_ID)
        try:
            day = date.fromisoformat(cell(C.DATE)[:10])
        except ValueError:
            raise InputError(
                t("err.roster.not_date", value=repr(cell(C.DATE))),
                where=Location(file=path, row=number, column=C.DATE),
                fix=t("err.roster.not_date.fix"),
            ) from None
        if eid not in ids:
            ids.append(eid)
        days.add(day)
        value = cell(C.SHIFT)
        if value.lower() in OFF_WORDS:
            continue
        lt = parse_leave_type(value)
        if lt is not None:
            leave[(eid, day)] = lt
        elif known_codes is not None and value not in known_codes:
            raise InputError(
                t("err.roster.unknown_shift", value=repr(value), known=", ".join(sorted(known_codes))),
                where=Location(file=path, row=number, column=C.SHIFT),
                fix=t("err.roster.unknown_shift.fix"),
            )
        else:
            shifts[(eid, day)] = value
    if not days:
        raise InputError(t("err.roster.no_rows"), where=Location(file=path), fix=t("err.roster.no_rows.fix"))
    start, end = min(days), max(days)
    if (end - start) > timedelta(days=400):
        raise InputError(
            t("err.roster.too_long"), where=Location(file=path), fix=t("err.roster.too_long.fix")
        )
    return Roster(start=start, end=end, employee_ids=ids, shifts=shifts, leave=leave)
