"""``roster.xlsx``: the duty roster (排班表) as supervisors draw it, and reading it back after edits.

Sheets: the roster (employees x days, shift codes coloured, weekends and holidays shaded, totals per
employee, people per shift per day against demand, frozen panes, landscape print on one page wide),
the coverage per interval (required vs scheduled, with a chart), the violations in plain words, and
a legend. ``RosterBook`` holds everything to draw; the solver fills it (``rosterkit.solver.report``),
so this module only lays it out.

``read_roster_workbook(path)`` reads the roster sheet back (a supervisor's hand edits included):
shift codes, leave codes or names, empty cells as days off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from rosterkit.errors import InputError, Location
from rosterkit.io.atomic import atomic_path
from rosterkit.io.excel import print_landscape_fit_width, set_cell
from rosterkit.labels import aliases, t
from rosterkit.model import Roster, ShiftType
from rosterkit.model.leave import LEAVE_NAMES_ZH, LeaveType, parse_leave_type

PALETTE = ("FFF2CC", "E2EFDA", "DDEBF7", "E4DFEC", "FCE4D6", "D9E1F2", "EDEDED", "FFE699", "C6E0B4", "BDD7EE")
WEEKEND_FILL = "F2F2F2"
HOLIDAY_FILL = "F8CBAD"
MAKEUP_FILL = "FFFFFF"
LEAVE_FILL = "D0CECE"
SHORT_FILL = "FFC7CE"
OFF_WORDS = {"", "off", "休", "休息", "-", "/"}
FIRST_DAY_COLUMN = 4  # A: id, B: name, C: team


@dataclass
class EmployeeTotals:
    hours: float
    shifts: int
    nights: int
    weekends: int
    holidays: int


@dataclass
class RosterBook:
    """Everything the roster workbook shows, computed by the caller."""

    roster: Roster
    shifts: list[ShiftType]
    names: dict[str, tuple[str, str]]  # employee id -> (name, team)
    day_kinds: list[str]  # per day: workday | rest | holiday | makeup
    totals: dict[str, EmployeeTotals]
    counts: dict[str, list[tuple[int, int | None]]]  # shift code -> per day (on duty, wanted)
    coverage: list[tuple[datetime, int, int]] = field(default_factory=list)  # (interval, required, on duty)
    findings: list[tuple[bool, str, str, str, int, str]] = field(default_factory=list)
    # (hard, rule label, employee id, date, cost, message)
    status_line: str = ""


def _fill(color: str):
    from openpyxl.styles import PatternFill

    return PatternFill("solid", start_color=color, end_color=color)


def shift_colors(shifts: list[ShiftType]) -> dict[str, str]:
    return {s.code: (s.color or PALETTE[k % len(PALETTE)]).upper() for k, s in enumerate(shifts)}


def leave_text(lt: LeaveType, lang: str | None = None) -> str:
    from rosterkit.labels import get_language

    return LEAVE_NAMES_ZH[lt] if (lang or get_language()) == "zh" else lt.value


def write_roster_workbook(path: Path | str, book: RosterBook) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = t("sheet.roster")
    _roster_sheet(ws, book)
    _coverage_sheet(wb.create_sheet(t("sheet.coverage")), book)
    _violations_sheet(wb.create_sheet(t("sheet.violations")), book)
    _legend_sheet(wb.create_sheet(t("sheet.legend")), book)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return Path(path)


def _roster_sheet(ws, book: RosterBook) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    roster = book.roster
    days = roster.days
    colors = shift_colors(book.shifts)
    thin = Side(style="thin", color="BFBFBF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center")
    bold = Font(bold=True)
    kind_fill = {"rest": _fill(WEEKEND_FILL), "holiday": _fill(HOLIDAY_FILL)}

    title = t("roster.title", start=roster.start.isoformat(), end=roster.end.isoformat())
    set_cell(ws, 1, 1, title).font = Font(bold=True, size=14)
    headers = [t("col.employee_id"), t("col.name"), t("col.team")]
    for k, h in enumerate(headers, start=1):
        c = set_cell(ws, 2, k, h)
        c.font, c.alignment, c.border = bold, centre, border
        set_cell(ws, 3, k, None).border = border
    last_day_col = FIRST_DAY_COLUMN + len(days) - 1
    if book.status_line:
        set_cell(ws, 1, last_day_col + 1, book.status_line).font = Font(italic=True, color="595959")
    for k, day in enumerate(days):
        col = FIRST_DAY_COLUMN + k
        c = set_cell(ws, 2, col, day)
        c.number_format = "d"
        c.font, c.alignment, c.border = bold, centre, border
        w = set_cell(ws, 3, col, t(f"weekday.{day.weekday()}"))
        w.alignment, w.border = centre, border
        fill = kind_fill.get(book.day_kinds[k])
        if fill is not None:
            c.fill = fill
            w.fill = fill
        ws.column_dimensions[get_column_letter(col)].width = 4.6
    total_headers = ["col.hours", "col.shifts", "col.nights", "col.weekends", "col.holidays"]
    for k, key in enumerate(total_headers):
        c = set_cell(ws, 2, last_day_col + 1 + k, t(key))
        c.font, c.alignment, c.border = bold, centre, border
        ws.column_dimensions[get_column_letter(last_day_col + 1 + k)].width = 10
    row = 4
    leave_fill = _fill(LEAVE_FILL)
    for eid in roster.employee_ids:
        name, team = book.names.get(eid, ("", ""))
        for k, v in enumerate((eid, name, team), start=1):
            set_cell(ws, row, k, v).border = border
        for k, day in enumerate(days):
            col = FIRST_DAY_COLUMN + k
            code = roster.shift(eid, day)
            lt = roster.leave.get((eid, day))
            value = code if code is not None else (leave_text(lt) if lt is not None else None)
            c = set_cell(ws, row, col, value)
            c.alignment, c.border = centre, border
            if code is not None:
                c.fill = _fill(colors.get(code, "FFFFFF"))
            elif lt is not None:
                c.fill = leave_fill
                c.font = Font(size=7)
                c.alignment = Alignment(horizontal="center", vertical="center", shrink_to_fit=True)
            elif book.day_kinds[k] in kind_fill:
                c.fill = kind_fill[book.day_kinds[k]]
        tot = book.totals.get(eid)
        if tot is not None:
            values = (round(tot.hours, 2), tot.shifts, tot.nights, tot.weekends, tot.holidays)
            for k, v in enumerate(values):
                set_cell(ws, row, last_day_col + 1 + k, v).border = border
        row += 1
    row += 1  # a blank row ends the employees (the reader stops there)
    short = _fill(SHORT_FILL)
    for code, per_day in book.counts.items():
        set_cell(ws, row, 1, t("roster.count_row", code=code)).font = bold
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        for k, (have, wanted) in enumerate(per_day):
            c = set_cell(ws, row, FIRST_DAY_COLUMN + k, have if wanted is None else f"{have}/{wanted}")
            c.alignment, c.border = centre, border
            c.font = Font(size=8)
            if wanted is not None and have < wanted:
                c.fill = short
        row += 1
    ws.column_dimensions["A"].width = 9
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 8
    ws.freeze_panes = ws.cell(row=4, column=FIRST_DAY_COLUMN)
    print_landscape_fit_width(ws, title_rows="2:3")
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.3


def _header(ws, values: list[str]) -> None:
    from openpyxl.styles import Font

    for k, v in enumerate(values, start=1):
        set_cell(ws, 1, k, v).font = Font(bold=True)
    ws.freeze_panes = "A2"


def _coverage_sheet(ws, book: RosterBook) -> None:
    from openpyxl.chart import LineChart, Reference

    _header(ws, [t("col.interval"), t("col.required"), t("col.scheduled"), t("col.difference")])
    short = _fill(SHORT_FILL)
    for r, (start, required, have) in enumerate(book.coverage, start=2):
        set_cell(ws, r, 1, start).number_format = "yyyy-mm-dd hh:mm"
        set_cell(ws, r, 2, required)
        set_cell(ws, r, 3, have)
        c = set_cell(ws, r, 4, have - required)
        if have < required:
            c.fill = short
    ws.column_dimensions["A"].width = 17
    for col in "BCD":
        ws.column_dimensions[col].width = 11
    if book.coverage:
        chart = LineChart()
        chart.title = t("roster.chart")
        chart.height, chart.width = 9, 28
        n = len(book.coverage) + 1
        chart.add_data(Reference(ws, min_col=2, max_col=3, min_row=1, max_row=n), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=n))
        chart.x_axis.number_format = "mm-dd hh:mm"
        chart.x_axis.tickLblSkip = max(1, (n - 1) // 16)
        ws.add_chart(chart, "F2")
    print_landscape_fit_width(ws, title_rows="1:1")


def _violations_sheet(ws, book: RosterBook) -> None:
    from openpyxl.styles import Alignment

    _header(
        ws,
        [t("col.kind"), t("col.rule"), t("col.employee_id"), t("col.date"), t("col.cost"), t("col.message")],
    )
    hard_fill = _fill(SHORT_FILL)
    for r, (hard, rule, eid, day, cost, message) in enumerate(book.findings, start=2):
        values = (t("hard") if hard else t("soft"), rule, eid, day, cost, message)
        for k, v in enumerate(values, start=1):
            c = set_cell(ws, r, k, v)
            if hard:
                c.fill = hard_fill
        ws.cell(row=r, column=6).alignment = Alignment(wrap_text=True)
    for col, width in zip("ABCDEF", (9, 26, 10, 12, 8, 90), strict=True):
        ws.column_dimensions[col].width = width
    print_landscape_fit_width(ws, title_rows="1:1")


def _legend_sheet(ws, book: RosterBook) -> None:
    headers = [
        t("col.code"),
        t("col.name"),
        t("col.start"),
        t("col.end"),
        t("col.break"),
        t("col.paid_hours"),
    ]
    _header(ws, headers)
    colors = shift_colors(book.shifts)
    r = 2
    for s in book.shifts:
        values = (
            s.code,
            s.name,
            s.start.strftime("%H:%M"),
            s.end.strftime("%H:%M"),
            s.break_minutes,
            round(s.work_minutes / 60, 2),
        )
        for k, v in enumerate(values, start=1):
            set_cell(ws, r, k, v)
        ws.cell(row=r, column=1).fill = _fill(colors[s.code])
        r += 1
    r += 1
    for key, color in (
        ("legend.off", None),
        ("legend.leave", LEAVE_FILL),
        ("legend.weekend", WEEKEND_FILL),
        ("legend.holiday", HOLIDAY_FILL),
        ("legend.makeup", MAKEUP_FILL),
    ):
        c = set_cell(ws, r, 1, "")
        if color:
            c.fill = _fill(color)
        set_cell(ws, r, 2, t(key))
        r += 1
    codes = ", ".join(f"{lt.value} ({zh})" for lt, zh in LEAVE_NAMES_ZH.items())
    set_cell(ws, r + 1, 1, f"{t('legend.leave')}: {codes}")
    ws.column_dimensions["B"].width = 28


# ---- reading back --------------------------------------------------------------------------------
def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _open(path: Path):
    from openpyxl import load_workbook

    if not path.exists():
        raise InputError(
            t("err.io.not_found"), where=Location(file=path), fix=t("err.roster.workbook_not_found.fix")
        )
    try:
        return load_workbook(path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the user's file problem
        raise InputError(
            t("err.roster.bad_workbook", detail=type(exc).__name__),
            where=Location(file=path),
            fix=t("err.roster.bad_workbook.fix"),
        ) from None


def _roster_ws(wb):
    names = set(aliases("sheet.roster"))
    for ws in wb.worksheets:
        if ws.title in names:
            return ws
    return wb.worksheets[0]


def read_roster_workbook(path: Path | str, known_codes: set[str] | None = None) -> Roster:
    """The roster of a roster workbook, after any hand edits. Cells: a shift code, a leave code or
    its Chinese name, or empty (休 / off / -) for a day off. With ``known_codes``, any other text is
    an error naming the sheet, row and column."""
    from openpyxl.utils import get_column_letter

    path = Path(path)
    wb = _open(path)
    ws = _roster_ws(wb)
    id_names = {a.strip().lower() for a in aliases("col.employee_id")} | {"employee_id", "id", "工号"}
    header_row = None
    for r in range(1, min(ws.max_row, 12) + 1):
        value = ws.cell(row=r, column=1).value
        if isinstance(value, str) and value.strip().lower() in id_names:
            header_row = r
            break
    if header_row is None:
        raise InputError(
            t("err.roster.no_header", column=t("col.employee_id")),
            where=Location(file=path, sheet=ws.title),
            fix=t("err.roster.no_header.fix"),
        )
    day_cols: list[tuple[int, date]] = []
    for c in range(2, ws.max_column + 1):
        d = _as_date(ws.cell(row=header_row, column=c).value)
        if d is not None:
            day_cols.append((c, d))
    if not day_cols:
        raise InputError(
            t("err.roster.no_dates"),
            where=Location(file=path, sheet=ws.title, row=header_row),
            fix=t("err.roster.no_dates.fix"),
        )
    ids: list[str] = []
    shifts: dict[tuple[str, date], str] = {}
    leave: dict[tuple[str, date], LeaveType] = {}
    r = header_row + 1
    while r <= ws.max_row:
        raw_id = ws.cell(row=r, column=1).value
        if r == header_row + 1 and (raw_id is None or str(raw_id).strip() == ""):
            r += 1  # the weekday row
            continue
        if raw_id is None or str(raw_id).strip() == "":
            break
        eid = str(raw_id).strip()
        if eid.endswith(".0") and eid[:-2].isdigit():
            eid = eid[:-2]
        ids.append(eid)
        for c, day in day_cols:
            value = ws.cell(row=r, column=c).value
            text = "" if value is None else str(value).strip()
            if text.lower() in OFF_WORDS:
                continue
            lt = parse_leave_type(text)
            if lt is not None:
                leave[(eid, day)] = lt
            elif known_codes is not None and text not in known_codes:
                raise InputError(
                    t("err.roster.bad_code", value=repr(text), known=", ".join(sorted(known_codes))),
                    where=Location(
                        file=path, sheet=ws.title, row=r, column=f"{get_column_letter(c)} ({day})"
                    ),
                    fix=t("err.roster.bad_code.fix"),
                )
            else:
                shifts[(eid, day)] = text
        r += 1
    days = [d for _c, d in day_cols]
    return Roster(start=min(days), end=max(days), employee_ids=ids, shifts=shifts, leave=leave)


def read_shift_legend(path: Path | str) -> dict[str, tuple[str, str]]:
    """Shift code -> (start HH:MM, end HH:MM) from the legend sheet of a roster workbook."""
    wb = _open(Path(path))
    names = set(aliases("sheet.legend"))
    ws = next((w for w in wb.worksheets if w.title in names), None)
    found: dict[str, tuple[str, str]] = {}
    if ws is None:
        return found
    for r in range(2, ws.max_row + 1):
        code, start, end = (ws.cell(row=r, column=k).value for k in (1, 3, 4))
        if code and start and end:
            found[str(code).strip()] = (str(start)[:5], str(end)[:5])
    return found


def read_roster_table(path: Path | str):
    """The roster workbook as the attendance table (``rosterkit.io.roster_table``): employee_id, date,
    shift ("" off), start, end (NaT without a shift), leave_type. Shift times come from the legend."""
    import pandas as pd

    roster = read_roster_workbook(path)
    legend = read_shift_legend(path)
    unknown = sorted({c for c in roster.shifts.values() if c not in legend})
    if unknown:
        raise InputError(
            t("err.roster.not_in_legend", codes=", ".join(unknown)),
            where=Location(file=path, sheet=t("sheet.legend")),
            fix=t("err.roster.not_in_legend.fix"),
        )
    rows = []
    for eid in roster.employee_ids:
        for day in roster.days:
            code = roster.shift(eid, day)
            lt = roster.leave.get((eid, day))
            start = end = pd.NaT
            if code is not None:
                s, e = legend[code]
                start = pd.Timestamp(f"{day} {s}")
                end = pd.Timestamp(f"{day} {e}")
                if end <= start:
                    end += pd.Timedelta(days=1)
            rows.append(
                {
                    "employee_id": eid,
                    "date": pd.Timestamp(day),
                    "shift": code or (lt.value if lt is not None else ""),
                    "start": start,
                    "end": end,
                    "leave_type": lt.value if lt is not None and code is None else "",
                }
            )
    frame = pd.DataFrame(rows)
    for column in ("date", "start", "end"):  # the csv reader's resolution, whatever pandas infers
        frame[column] = frame[column].astype("datetime64[ns]")
    return frame
