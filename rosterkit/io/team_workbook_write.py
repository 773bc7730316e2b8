"""Writing the team workbook: a filled one from a ``Team``, laid out as ``team_workbook`` reads it.

Every sheet has a bilingual header row (frozen), sized columns, and dropdown lists (data validation)
for shift codes, employee ids, leave types, yes/no, hard/soft, weekdays, request kinds, approvers and
rule names; the lists live on a hidden 'Lists' sheet or point at the Shifts / Employees columns, so a
shift added by the user appears in the dropdowns. A README sheet explains each sheet and lists the
rule catalogue. Interval requirements are not part of the workbook (they come from requirements.csv).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from rosterkit.io.atomic import atomic_path
from rosterkit.io.excel import set_cell
from rosterkit.io.sheet_reader import header_text
from rosterkit.io.team_grid import grid_ready, write_grid
from rosterkit.io.team_sheets import SHEETS
from rosterkit.labels import CATALOGUE as CATALOGUE_LABELS
from rosterkit.labels import get_language, t
from rosterkit.model import Team
from rosterkit.model.leave import LEAVE_NAMES_ZH, LeaveType
from rosterkit.model.rules import CATALOGUE

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
VALIDATION_ROWS = 500
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "hh:mm"


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else t("yes") if value else t("no")


def _leave_type(value: LeaveType) -> str:
    return LEAVE_NAMES_ZH[value] if get_language() == "zh" else value.value


def _join(values: Sequence[str] | frozenset[str]) -> str | None:
    return ", ".join(sorted(values)) or None


def _hours(minutes: int | None) -> float | int | None:
    if minutes is None:
        return None
    hours = minutes / 60
    return int(hours) if hours.is_integer() else round(hours, 4)


def _params(params: dict[str, Any]) -> str | None:
    return "; ".join(f"{k}={str(v).lower() if isinstance(v, bool) else v}" for k, v in params.items()) or None


def _not_followed_by(team: Team, code: str) -> str | None:
    parts = [s.second if s.hard else f"{s.second}({s.weight})" for s in team.successions if s.first == code]
    return ", ".join(parts) or None


def _weekdays(days: frozenset[int]) -> str | None:
    return ", ".join(t(f"weekday.{d}") for d in sorted(days)) or None


# per section: (label key without "team.col.", how to get the cell value from an item)
Getter = Callable[[Any], Any]


def _columns(team: Team) -> dict[str, list[tuple[str, Getter]]]:
    assignment_columns: list[tuple[str, Getter]] = [  # Pinned and History: both assignments
        ("employee", lambda a: a.employee_id),
        ("date", lambda a: a.date),
        ("shift", lambda a: a.shift),
        ("note", lambda a: None),
    ]
    return {
        "employees": [
            ("employee", lambda e: e.id),
            ("name", lambda e: e.name or None),
            ("team", lambda e: e.team or None),
            ("skills", lambda e: _join(e.skills)),
            ("allowed_shifts", lambda e: _join(e.allowed_shifts)),
            ("forbidden_shifts", lambda e: _join(e.forbidden_shifts)),
            ("min_hours", lambda e: _hours(e.min_work_minutes)),
            ("max_hours", lambda e: _hours(e.max_work_minutes)),
            ("max_consecutive_days", lambda e: e.max_consecutive_days),
            ("min_consecutive_days", lambda e: e.min_consecutive_days),
            ("min_consecutive_days_off", lambda e: e.min_consecutive_days_off),
            ("max_weekends", lambda e: e.max_weekends),
            ("max_shifts", lambda e: ", ".join(f"{k}={v}" for k, v in e.max_shifts.items()) or None),
            ("note", lambda e: None),
        ],
        "shifts": [
            ("code", lambda s: s.code),
            ("shift_name", lambda s: s.name or None),
            ("start", lambda s: s.start),
            ("end", lambda s: s.end),
            ("break_minutes", lambda s: s.break_minutes),
            ("break_start", lambda s: s.break_start),
            ("night", lambda s: _yes_no(s.night)),
            ("color", lambda s: s.color),
            ("not_followed_by", lambda s: _not_followed_by(team, s.code)),
            ("note", lambda s: None),
        ],
        "rules": [
            ("rule", lambda r: r.rule),
            ("enabled", lambda r: _yes_no(r.enabled)),
            ("hard_soft", lambda r: t("hard") if r.hard else t("soft")),
            ("weight", lambda r: r.weight),
            ("params", lambda r: _params(r.params)),
            ("note", lambda r: None),
        ],
        "leave": [
            ("employee", lambda lv: lv.employee_id),
            ("start_date", lambda lv: lv.start),
            ("end_date", lambda lv: lv.end),
            ("leave_type", lambda lv: _leave_type(lv.type)),
            ("half_day", lambda lv: t(f"team.val.{lv.half_day.value}") if lv.half_day else None),
            ("approved_by", lambda lv: t(f"team.val.{lv.approved_by.value}") if lv.approved_by else None),
            ("note", lambda lv: lv.note or None),
        ],
        "requests": [
            ("employee", lambda r: r.employee_id),
            ("date", lambda r: r.date),
            ("kind", lambda r: t(f"team.val.{r.kind.value}")),
            ("shift", lambda r: r.shift),
            ("weight", lambda r: r.weight),
            ("note", lambda r: None),
        ],
        "pinned": assignment_columns,
        "history": assignment_columns,
        "demand": [
            ("shift", lambda d: d.shift),
            ("date", lambda d: d.date),
            ("weekday", lambda d: None if d.weekday is None else t(f"weekday.{d.weekday}")),
            ("min", lambda d: d.min),
            ("target", lambda d: d.target),
            ("max", lambda d: d.max),
            ("under_weight", lambda d: d.under_weight),
            ("over_weight", lambda d: d.over_weight),
            ("note", lambda d: None),
        ],
        "skill_cover": [
            ("skill", lambda c: c.skill),
            ("min_people", lambda c: c.min_people),
            ("shift", lambda c: c.shift),
            ("window_start", lambda c: c.window_start),
            ("window_end", lambda c: c.window_end),
            ("weekdays", lambda c: _weekdays(c.weekdays)),
            ("hard", lambda c: _yes_no(c.hard)),
            ("weight", lambda c: c.weight),
            ("note", lambda c: None),
        ],
    }


def _lists() -> dict[str, list[str]]:
    """The value lists offered by the dropdowns, in the current language."""
    return {
        "yes_no": [t("yes"), t("no")],
        "hard_soft": [t("hard"), t("soft")],
        "weekday": [t(f"weekday.{d}") for d in range(7)],
        "leave_type": [_leave_type(lt) for lt in LeaveType],
        "half_day": [t("team.val.am"), t("team.val.pm")],
        "approver": [t("team.val.team_lead"), t("team.val.manager")],
        "kind": [t("team.val.on"), t("team.val.off")],
        "rule": list(CATALOGUE),
    }


# which dropdown each column gets
DROPDOWNS: dict[str, str] = {
    "employee": "employee_ids",
    "shift": "shift_codes",
    "night": "yes_no",
    "enabled": "yes_no",
    "hard": "yes_no",
    "hard_soft": "hard_soft",
    "weekday": "weekday",
    "leave_type": "leave_type",
    "half_day": "half_day",
    "approved_by": "approver",
    "kind": "kind",
    "rule": "rule",
}
NUMBER_FORMATS = {date: DATE_FORMAT, time: TIME_FORMAT}


def _width(text: Any) -> int:
    if text is None:
        return 0
    if isinstance(text, (date, time)):
        return 10
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(text))


def _write_table(
    ws: Any, keys: list[str], rows: list[list[Any]], required: set[str], lang_first: str
) -> None:
    widths = []
    for ci, key in enumerate(keys, start=1):
        label = header_text(f"team.col.{key}", lang_first)
        cell = set_cell(ws, 1, ci, label)
        cell.font = Font(bold=True)
        cell.fill = REQUIRED_FILL if key in required else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        widths.append(max(9, min(30, int(_width(label) * 0.7) + 2)))
    for ri, values in enumerate(rows, start=2):
        for ci, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = set_cell(ws, ri, ci, value)
            for kind, fmt in NUMBER_FORMATS.items():
                if isinstance(value, kind):
                    cell.number_format = fmt
            widths[ci - 1] = max(widths[ci - 1], min(40, _width(value) + 2))
    for ci, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(ci)].width = w
    ws.row_dimensions[1].height = 32
    ws.freeze_panes = "A2"


def _add_dropdowns(ws: Any, section: str, keys: list[str], sources: dict[str, str]) -> None:
    for ci, key in enumerate(keys, start=1):
        source = DROPDOWNS.get(key)
        if source is None or (section == "employees" and key == "employee"):
            continue
        letter = get_column_letter(ci)
        dv = DataValidation(type="list", formula1=sources[source], allow_blank=True)
        dv.error = t("team.readme.lists")
        dv.showErrorMessage = source not in ("employee_ids", "shift_codes")  # new codes may be typed in
        dv.add(f"{letter}2:{letter}{VALIDATION_ROWS}")
        ws.add_data_validation(dv)


# numeric columns: the kind of number and its least value, checked by Excel as the user types
NUMBERS: dict[str, tuple[str, str]] = {
    **{k: ("whole", "0") for k in ("max_weekends", "break_minutes", "weight", "min", "target", "max")},
    **{k: ("whole", "0") for k in ("under_weight", "over_weight")},
    **{
        k: ("whole", "1")
        for k in ("max_consecutive_days", "min_consecutive_days", "min_consecutive_days_off")
    },
    "min_people": ("whole", "1"),
    "min_hours": ("decimal", "0"),
    "max_hours": ("decimal", "0"),
}


def _add_number_checks(ws: Any, keys: list[str]) -> None:
    for ci, key in enumerate(keys, start=1):
        if key not in NUMBERS:
            continue
        kind, least = NUMBERS[key]
        letter = get_column_letter(ci)
        dv = DataValidation(type=kind, operator="greaterThanOrEqual", formula1=least, allow_blank=True)
        dv.error = t("team.exp.whole_number_min", minimum=least) if kind == "whole" else t("team.fix.number")
        dv.showErrorMessage = True
        dv.add(f"{letter}2:{letter}{VALIDATION_ROWS}")
        ws.add_data_validation(dv)


def _add_grid_dropdowns(ws: Any, items: Any, sources: dict[str, str]) -> None:
    days = len({a.date for a in items})
    dv = DataValidation(type="list", formula1=sources["shift_codes"], allow_blank=True)
    dv.showErrorMessage = False
    dv.add(f"C2:{get_column_letter(2 + days)}{VALIDATION_ROWS}")
    ws.add_data_validation(dv)


def _sheet_title(key: str) -> str:
    return t(key)


def build_workbook(team: Team) -> Workbook:
    """The team workbook of ``team`` as an openpyxl Workbook (not yet saved)."""
    lang_first = "zh" if get_language() == "zh" else "en"
    wb = Workbook()
    readme = wb.active
    readme.title = _sheet_title("team.sheet.readme")
    settings = wb.create_sheet(_sheet_title("team.sheet.settings"))
    _write_settings(settings, team, lang_first)

    lists_ws = wb.create_sheet(_sheet_title("team.sheet.lists"))
    sources: dict[str, str] = {}
    for ci, (name, values) in enumerate(_lists().items(), start=1):
        set_cell(lists_ws, 1, ci, name)
        for ri, value in enumerate(values, start=2):
            set_cell(lists_ws, ri, ci, value)
        letter = get_column_letter(ci)
        sources[name] = f"{quote_sheetname(lists_ws.title)}!${letter}$2:${letter}${len(values) + 1}"
    shifts_title = _sheet_title("team.sheet.shifts")
    employees_title = _sheet_title("team.sheet.employees")
    sources["shift_codes"] = f"{quote_sheetname(shifts_title)}!$A$2:$A${VALIDATION_ROWS}"
    sources["employee_ids"] = f"{quote_sheetname(employees_title)}!$A$2:$A${VALIDATION_ROWS * 4}"

    columns = _columns(team)
    for spec in SHEETS:
        ws = wb.create_sheet(_sheet_title(spec.sheet_key))
        keys = [key for key, _ in columns[spec.section]]
        items = getattr(team, spec.section)
        if spec.section == "history" and grid_ready(items):
            colors = {sh.code: sh.color for sh in team.shifts if sh.color}
            write_grid(ws, items, {e.id: e.name for e in team.employees}, lang_first, colors)
            _add_grid_dropdowns(ws, items, sources)
            continue
        rows = [[get(item) for _, get in columns[spec.section]] for item in items]
        required = {c.key.removeprefix("team.col.") for c in spec.columns if c.required}
        _write_table(ws, keys, rows, required, lang_first)
        _add_dropdowns(ws, spec.section, keys, sources)
        _add_number_checks(ws, keys)
        if spec.section == "shifts":
            for ri, shift in enumerate(team.shifts, start=2):
                if shift.color:
                    ws.cell(row=ri, column=1).fill = PatternFill("solid", fgColor=shift.color)
    wb.move_sheet(lists_ws, offset=len(wb.sheetnames))
    lists_ws.sheet_state = "hidden"
    _write_readme(readme)
    for ws in wb.worksheets:
        _fit_page(ws)
    return wb


def _fit_page(ws: Any) -> None:
    """Print (and render to PDF) landscape, one page wide."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _write_settings(ws: Any, team: Team, lang_first: str) -> None:
    whole_month = (
        team.start.day == 1 and (team.end + timedelta(days=1)).day == 1 and team.start.month == team.end.month
    )
    rows: list[tuple[str, Any]] = [("name", team.name or None)]
    if whole_month:
        rows.append(("month", f"{team.start:%Y-%m}"))
    else:
        rows += [("start", team.start), ("end", team.end)]
    rows += [("country", team.country), ("interval_minutes", team.interval_minutes)]
    for ci, key in enumerate(("team.col.setting", "team.col.value"), start=1):
        cell = set_cell(ws, 1, ci, header_text(key, lang_first))
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for ri, (key, value) in enumerate(rows, start=2):
        set_cell(ws, ri, 1, header_text(f"team.set.{key}", lang_first))
        if value is not None:
            cell = set_cell(ws, ri, 2, value)
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 22
    ws.freeze_panes = "A2"


def _write_readme(ws: Any) -> None:
    set_cell(ws, 1, 1, t("team.readme.title")).font = Font(bold=True, size=14)
    set_cell(ws, 2, 1, t("team.readme.intro"))
    for ci, key in enumerate(("team.readme.sheet", "team.readme.what"), start=1):
        cell = set_cell(ws, 4, ci, t(key))
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    sheets = ["settings"] + [s.section for s in SHEETS] + ["lists"]
    for ri, section in enumerate(sheets, start=5):
        set_cell(ws, ri, 1, t(f"team.sheet.{section}"))
        set_cell(ws, ri, 2, t(f"team.readme.{section}"))
    row = len(sheets) + 6
    keys = ("team.col.rule", "team.readme.what", "team.col.params", "team.col.hard_soft")
    for ci, key in enumerate(keys, start=1):
        label = (
            header_text(key, "zh" if get_language() == "zh" else "en")
            if key != "team.readme.what"
            else t(key)
        )
        cell = set_cell(ws, row, ci, label)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for ri, spec in enumerate(CATALOGUE.values(), start=row + 1):
        set_cell(ws, ri, 1, spec.name)
        set_cell(ws, ri, 2, t(f"rule.{spec.name}") if f"rule.{spec.name}" in CATALOGUE_LABELS else "")
        set_cell(ws, ri, 3, _params(spec.params) or "")
        can = f"{t('hard')}/{t('soft')}" if spec.can_be_soft else t("hard")
        set_cell(ws, ri, 4, can)
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 44
    ws.column_dimensions["D"].width = 16


def write_team_workbook(team: Team, path: Path) -> Path:
    """Write ``team`` as a team workbook at ``path`` (atomically)."""
    wb = build_workbook(team)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return Path(path)
