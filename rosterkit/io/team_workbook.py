"""Reading the team workbook: the Excel file a call-centre supervisor fills in.

Sheets (names and headers in English or Chinese; see ``rosterkit template`` for a fillable one):

- Settings 设置: two columns, setting / value: team name, month (YYYY-MM) or start date and end
  date, holiday country (CN; ``none`` for weekends only), interval minutes.
- Employees 员工: employee_id, name, team, skills (comma separated), allowed / forbidden shifts,
  min / max hours over the horizon, max / min consecutive days, min consecutive days off, max
  weekends, max shifts per type (``N=8, E=10``).
- Shifts 班次: code, shift name, start, end (before start: crosses midnight), break minutes, break
  start, night (yes/no, blank: crosses midnight), colour (hex), not followed by (codes that may not
  be worked the next day; ``E(5)`` makes that succession soft with weight 5).
- Rules 规则: rule (from the catalogue), enabled, hard/soft, weight, parameters (``days=6; shift=N``).
- Leave 请假, Requests 申请, Pinned 固定排班, History 上月排班, Demand 班次需求, SkillCover 技能覆盖.

Every sheet but Settings, Employees and Shifts is optional. Every sheet may have a note column.
All problems found are reported together, each with its sheet, row and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rosterkit.errors import InputError, Location
from rosterkit.io.sheet_reader import (
    Col,
    Row,
    find_sheet,
    header_matches,
    is_blank,
    load_workbook_cells,
    parse_bool,
    parse_choice,
    parse_date,
    parse_float,
    parse_int,
    parse_list,
    parse_text,
    parse_time,
    read_table,
    to_date,
)
from rosterkit.io.team_build import Record, build_team
from rosterkit.labels import aliases
from rosterkit.model import Approver, HalfDay, LeaveType, RequestKind, Team
from rosterkit.model.leave import LEAVE_NAMES_ZH
from rosterkit.model.rules import CATALOGUE

# ---- value spellings accepted in cells ---------------------------------------------------------


def _spellings(pairs: dict[str, Any]) -> dict[str, Any]:
    return {k.lower(): v for k, v in pairs.items()}


LEAVE_TYPES = _spellings(
    {**{lt.value: lt for lt in LeaveType}, **{zh: lt for lt, zh in LEAVE_NAMES_ZH.items()}}
)
HALF_DAYS = _spellings({"am": HalfDay.AM, "pm": HalfDay.PM, "上午": HalfDay.AM, "下午": HalfDay.PM})
APPROVERS = _spellings(
    {
        "team_lead": Approver.TEAM_LEAD,
        "team lead": Approver.TEAM_LEAD,
        "班长": Approver.TEAM_LEAD,
        "manager": Approver.MANAGER,
        "中心经理": Approver.MANAGER,
        "经理": Approver.MANAGER,
    }
)
REQUEST_KINDS = _spellings(
    {
        "on": RequestKind.SHIFT_ON,
        "off": RequestKind.SHIFT_OFF,
        "上班": RequestKind.SHIFT_ON,
        "休息": RequestKind.SHIFT_OFF,
    }
)
HARD_SOFT = _spellings(
    {"hard": True, "soft": False, "硬约束": True, "软约束": False, "硬": True, "软": False}
)
_WEEKDAY_WORDS = [
    ("mon", "monday", "周一", "星期一"),
    ("tue", "tuesday", "周二", "星期二"),
    ("wed", "wednesday", "周三", "星期三"),
    ("thu", "thursday", "周四", "星期四"),
    ("fri", "friday", "周五", "星期五"),
    ("sat", "saturday", "周六", "星期六"),
    ("sun", "sunday", "周日", "星期日"),
]
WEEKDAYS = {word: i for i, words in enumerate(_WEEKDAY_WORDS) for word in words} | {"星期天": 6, "周天": 6}

# ---- sheet layouts -----------------------------------------------------------------------------

SETTINGS_KEYS = ("name", "month", "start", "end", "country", "interval_minutes")


@dataclass(frozen=True)
class SheetSpec:
    section: str  # the Team field the rows become
    sheet_key: str
    columns: tuple[Col, ...]
    required_sheet: bool = False


def _c(key: str, required: bool = False) -> Col:
    return Col(f"team.col.{key}", required)


SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        "employees",
        "team.sheet.employees",
        tuple(
            [_c("employee", True)]
            + [_c(k) for k in ("name", "team", "skills", "allowed_shifts", "forbidden_shifts", "min_hours")]
            + [_c(k) for k in ("max_hours", "max_consecutive_days", "min_consecutive_days")]
            + [_c(k) for k in ("min_consecutive_days_off", "max_weekends", "max_shifts", "note")]
        ),
        required_sheet=True,
    ),
    SheetSpec(
        "shifts",
        "team.sheet.shifts",
        tuple(
            [_c("code", True), _c("shift_name"), _c("start", True), _c("end", True)]
            + [_c(k) for k in ("break_minutes", "break_start", "night", "color", "not_followed_by", "note")]
        ),
        required_sheet=True,
    ),
    SheetSpec(
        "rules",
        "team.sheet.rules",
        (_c("rule", True), _c("enabled"), _c("hard_soft"), _c("weight"), _c("params"), _c("note")),
    ),
    SheetSpec(
        "leave",
        "team.sheet.leave",
        (
            _c("employee", True),
            _c("start_date", True),
            _c("end_date"),
            _c("leave_type", True),
            _c("half_day"),
            _c("approved_by"),
            _c("note"),
        ),
    ),
    SheetSpec(
        "requests",
        "team.sheet.requests",
        (_c("employee", True), _c("date", True), _c("kind", True), _c("shift"), _c("weight"), _c("note")),
    ),
    SheetSpec(
        "pinned", "team.sheet.pinned", (_c("employee", True), _c("date", True), _c("shift"), _c("note"))
    ),
    SheetSpec(
        "history", "team.sheet.history", (_c("employee", True), _c("date", True), _c("shift"), _c("note"))
    ),
    SheetSpec(
        "demand",
        "team.sheet.demand",
        tuple(
            [_c("shift", True), _c("date"), _c("weekday")]
            + [_c(k) for k in ("min", "target", "max", "under_weight", "over_weight", "note")]
        ),
    ),
    SheetSpec(
        "skill_cover",
        "team.sheet.skill_cover",
        tuple(
            [_c("skill", True), _c("min_people", True), _c("shift"), _c("window_start"), _c("window_end")]
            + [_c(k) for k in ("weekdays", "hard", "weight", "note")]
        ),
    ),
)
SHEET_BY_SECTION = {s.section: s for s in SHEETS}
IGNORED_SHEETS = ("team.sheet.readme", "team.sheet.lists")

# label key (without "team.col.") -> model field, per section; the rest is converted by hand below
FIELDS: dict[str, dict[str, str]] = {
    "employees": {
        "employee": "id",
        "name": "name",
        "team": "team",
        "skills": "skills",
        "allowed_shifts": "allowed_shifts",
        "forbidden_shifts": "forbidden_shifts",
        "min_hours": "min_work_minutes",
        "max_hours": "max_work_minutes",
        "max_consecutive_days": "max_consecutive_days",
        "min_consecutive_days": "min_consecutive_days",
        "min_consecutive_days_off": "min_consecutive_days_off",
        "max_weekends": "max_weekends",
        "max_shifts": "max_shifts",
    },
    "shifts": {
        "code": "code",
        "shift_name": "name",
        "start": "start",
        "end": "end",
        "break_minutes": "break_minutes",
        "break_start": "break_start",
        "night": "night",
        "color": "color",
    },
    "rules": {
        "rule": "rule",
        "enabled": "enabled",
        "hard_soft": "hard",
        "weight": "weight",
        "params": "params",
    },
    "leave": {
        "employee": "employee_id",
        "start_date": "start",
        "end_date": "end",
        "leave_type": "type",
        "half_day": "half_day",
        "approved_by": "approved_by",
        "note": "note",
    },
    "requests": {
        "employee": "employee_id",
        "date": "date",
        "kind": "kind",
        "shift": "shift",
        "weight": "weight",
    },
    "pinned": {"employee": "employee_id", "date": "date", "shift": "shift"},
    "history": {"employee": "employee_id", "date": "date", "shift": "shift"},
    "demand": {
        "shift": "shift",
        "date": "date",
        "weekday": "weekday",
        "min": "min",
        "target": "target",
        "max": "max",
        "under_weight": "under_weight",
        "over_weight": "over_weight",
    },
    "skill_cover": {
        "skill": "skill",
        "min_people": "min_people",
        "shift": "shift",
        "window_start": "window_start",
        "window_end": "window_end",
        "weekdays": "weekdays",
        "hard": "hard",
        "weight": "weight",
    },
}


def _hours_to_minutes(row: Row, key: str) -> int | None:
    hours = parse_float(row, key)
    return None if hours is None else int(round(hours * 60))


def _key_values(row: Row, key: str) -> dict[str, int]:
    """``N=8, E=10`` (also ``N:8``) → {"N": 8, "E": 10}."""
    out: dict[str, int] = {}
    for part in parse_list(row, key):
        m = re.fullmatch(r"([^=:：＝]+)[=:：＝](\d+)", part)
        if not m:
            raise InputError(
                f"'{part}' is not shift=count.",
                where=row.where(key),
                fix="Write shift codes with their maximum, e.g. N=8, E=10.",
            )
        out[m.group(1)] = int(m.group(2))
    return out


def _param_value(text: str) -> int | float | str | bool:
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d*\.\d+", text):
        return float(text)
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


def _params(row: Row, key: str) -> dict[str, Any]:
    """``days=6; shift=N`` → {"days": 6, "shift": "N"}."""
    text = parse_text(row, key)
    out: dict[str, Any] = {}
    for part in re.split(r"[;；,，\n]+", text or ""):
        part = part.strip()
        if not part:
            continue
        m = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)\s*[=:：＝]\s*(.*)", part)
        if not m:
            raise InputError(
                f"'{part}' is not name=value.",
                where=row.where(key),
                fix="Write parameters as name=value separated by ';', e.g. days=6; shift=N.",
            )
        out[m.group(1)] = _param_value(m.group(2).strip())
    return out


def _weekday(row: Row, key: str) -> int | None:
    return parse_choice(row, key, WEEKDAYS, "weekday (Mon..Sun or 周一..周日)")


def _weekdays(row: Row, key: str) -> list[int]:
    found = []
    for part in parse_list(row, key):
        day = WEEKDAYS.get(part.lower())
        if day is None:
            raise InputError(
                f"'{part}' is not a weekday.",
                where=row.where(key),
                fix="Write weekdays like Mon, Tue (or 周一, 周二), separated by commas; blank means every day.",
            )
        found.append(day)
    return found


def _color(row: Row, key: str) -> str | None:
    text = parse_text(row, key)
    return text.lstrip("#") if text else None


Parser = Callable[[Row, str], Any]
PARSERS: dict[str, Parser] = {
    "employee": parse_text,
    "name": parse_text,
    "team": parse_text,
    "skills": parse_list,
    "allowed_shifts": parse_list,
    "forbidden_shifts": parse_list,
    "min_hours": _hours_to_minutes,
    "max_hours": _hours_to_minutes,
    "max_consecutive_days": parse_int,
    "min_consecutive_days": parse_int,
    "min_consecutive_days_off": parse_int,
    "max_weekends": parse_int,
    "max_shifts": _key_values,
    "code": parse_text,
    "shift_name": parse_text,
    "start": parse_time,
    "end": parse_time,
    "break_minutes": parse_int,
    "break_start": parse_time,
    "night": parse_bool,
    "color": _color,
    "rule": parse_text,
    "enabled": parse_bool,
    "hard_soft": lambda row, key: parse_choice(row, key, HARD_SOFT, "hard/soft"),
    "weight": parse_int,
    "params": _params,
    "start_date": parse_date,
    "end_date": parse_date,
    "leave_type": lambda row, key: parse_choice(row, key, LEAVE_TYPES, "leave type"),
    "half_day": lambda row, key: parse_choice(row, key, HALF_DAYS, "half day (am/pm, 上午/下午)"),
    "approved_by": lambda row, key: parse_choice(
        row, key, APPROVERS, "approver (team_lead/manager, 班长/中心经理)"
    ),
    "note": parse_text,
    "date": parse_date,
    "kind": lambda row, key: parse_choice(row, key, REQUEST_KINDS, "request kind (on/off, 上班/休息)"),
    "shift": parse_text,
    "weekday": _weekday,
    "min": parse_int,
    "target": parse_int,
    "max": parse_int,
    "under_weight": parse_int,
    "over_weight": parse_int,
    "skill": parse_text,
    "min_people": parse_int,
    "window_start": parse_time,
    "window_end": parse_time,
    "weekdays": _weekdays,
    "hard": parse_bool,
}


def _row_values(section: str, row: Row, errors: list[InputError]) -> tuple[dict[str, Any], dict[str, str]]:
    """The model values of one row (blank cells left out so model defaults apply) and their headers."""
    values: dict[str, Any] = {}
    columns: dict[str, str] = {}
    for short, field_name in FIELDS[section].items():
        key = f"team.col.{short}"
        columns[field_name] = row.headers.get(key, aliases(key)[0])
        if key not in row.cells:
            continue
        try:
            value = PARSERS[short](row, key)
        except InputError as exc:
            errors.append(exc)
            values[field_name] = _INVALID
            continue
        if value is None or value == [] or value == {}:
            continue
        values[field_name] = value
    return values, columns


class _Invalid:
    """A cell that failed to parse: already reported, so the row is not validated again."""


_INVALID = _Invalid()


def _successions(row: Row, code: str | None, errors: list[InputError]) -> list[Record]:
    """The 'not followed by' cell of a Shifts row: ``D, E(5)`` → hard N→D, soft N→E weight 5."""
    key = "team.col.not_followed_by"
    records = []
    for part in parse_list(row, key):
        m = re.fullmatch(r"([^()（）]+)(?:[(（](\d+)[)）])?", part)
        if not m or code is None:
            errors.append(
                InputError(
                    f"'{part}' is not a shift code or code(weight).",
                    where=row.where(key),
                    fix="List the shifts that may not be worked the next day, e.g. D, E or E(5) for a soft one.",
                )
            )
            continue
        values: dict[str, Any] = {"first": code, "second": m.group(1)}
        if m.group(2) is not None:
            values.update(hard=False, weight=int(m.group(2)))
        column = row.headers.get(key, aliases(key)[0])
        records.append(
            Record(
                values=values,
                where=row.where(),
                columns={"first": column, "second": column, "weight": column},
            )
        )
    return records


def _apply_rule_defaults(values: dict[str, Any]) -> None:
    """Blank hard/soft and weight cells take the catalogue's defaults for the rule."""
    spec = CATALOGUE.get(values.get("rule", ""))
    if spec is None:
        return
    values.setdefault("hard", spec.default_hard)
    values.setdefault("weight", spec.default_weight)


def _settings(path: Path, sheet: str, cells: list[list[Any]], errors: list[InputError]):
    table = read_table(
        path, sheet, cells, (Col("team.col.setting", True), Col("team.col.value", True)), errors
    )
    values: dict[str, Any] = {}
    columns: dict[str, str] = {}
    rows: dict[str, int] = {}
    if table is None:
        return Record(values=values, where=Location(file=path, sheet=sheet))
    known = {k: f"team.set.{k}" for k in SETTINGS_KEYS}
    month: date | None = None
    for row in table.rows:
        name = parse_text(row, "team.col.setting")
        key = next((k for k, label in known.items() if name and _same(name, label)), None)
        if key is None:
            listed = ", ".join(f"'{aliases(label)[0]}'" for label in known.values())
            errors.append(
                InputError(
                    f"unknown setting '{name}' (known settings: {listed}).",
                    where=row.where("team.col.setting"),
                    fix="Correct the setting name or delete the row.",
                )
            )
            continue
        try:
            if key == "month":
                month = _month(row)
            elif key in ("start", "end"):
                values[key] = parse_date(row, "team.col.value")
            elif key == "interval_minutes":
                values[key] = parse_int(row, "team.col.value")
            else:
                values[key] = parse_text(row, "team.col.value")
        except InputError as exc:
            errors.append(exc)
        columns[key] = row.headers.get("team.col.value", "value")
        rows[key] = row.number
    if month is not None:
        values.setdefault("start", month)
        nxt = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        values.setdefault("end", date.fromordinal(nxt.toordinal() - 1))
    for k in ("start", "end"):
        if values.get(k) is None:
            values.pop(k, None)
            errors.append(
                InputError(
                    f"the roster {k} date is not given.",
                    where=Location(file=path, sheet=sheet),
                    fix="Give the setting 'month' (e.g. 2026-10) or both 'start date' and 'end date'.",
                )
            )
    values = {k: v for k, v in values.items() if v is not None}
    if month is not None:
        for k in ("start", "end"):
            rows.setdefault(k, rows.get("month", 0))
            columns.setdefault(k, columns.get("month", "value"))
    return Record(values=values, where=Location(file=path, sheet=sheet), columns=columns, rows=rows)


def _same(text: str, label_key: str) -> bool:
    return header_matches(text, label_key)


def _month(row: Row) -> date:
    value = row.get("team.col.value")
    found = to_date(value)
    if found is None and isinstance(value, str):
        m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})月?", value.strip())
        if m and 1 <= int(m.group(2)) <= 12:
            found = date(int(m.group(1)), int(m.group(2)), 1)
    if found is None:
        raise InputError(
            f"{value!r} is not a month.",
            where=row.where("team.col.value"),
            fix="Write the month as YYYY-MM, e.g. 2026-10.",
        )
    return found.replace(day=1)


def read_team_workbook(path: Path) -> Team:
    """Read a team workbook into a validated Team (all problems reported together)."""
    path = Path(path)
    cells = load_workbook_cells(path)
    errors: list[InputError] = []
    names = list(cells)
    used: set[str] = set()

    settings_sheet = find_sheet(names, "team.sheet.settings")
    if settings_sheet is None:
        errors.append(_missing_sheet(path, "team.sheet.settings", names))
        settings = Record(values={}, where=Location(file=path))
    else:
        used.add(settings_sheet)
        settings = _settings(path, settings_sheet, cells[settings_sheet], errors)

    sections: dict[str, list[Record]] = {"successions": []}
    sheet_names: dict[str, str] = {}
    for spec in SHEETS:
        sheet = find_sheet(names, spec.sheet_key)
        sheet_names[spec.section] = sheet or aliases(spec.sheet_key)[0]
        records: list[Record] = []
        sections[spec.section] = records
        if sheet is None:
            if spec.required_sheet:
                errors.append(_missing_sheet(path, spec.sheet_key, names))
            continue
        used.add(sheet)
        if not spec.required_sheet and all(is_blank(v) for r in cells[sheet] for v in r):
            continue  # an optional sheet left empty
        table = read_table(path, sheet, cells[sheet], spec.columns, errors)
        if table is None:
            continue
        for row in table.rows:
            values, columns = _row_values(spec.section, row, errors)
            if spec.section == "shifts":
                code = values.get("code")
                sections["successions"].extend(
                    _successions(row, code if isinstance(code, str) else None, errors)
                )
            invalid = any(v is _INVALID for v in values.values())
            if invalid:
                values = {k: v for k, v in values.items() if v is not _INVALID}
            if spec.section == "rules":
                _apply_rule_defaults(values)
            if spec.section == "leave" and "start" in values:
                values.setdefault("end", values["start"])
            records.append(Record(values=values, where=row.where(), columns=columns, invalid=invalid))
    for name in names:
        if name not in used and not any(find_sheet([name], k) for k in IGNORED_SHEETS):
            known = ", ".join(aliases(s.sheet_key)[0] for s in SHEETS)
            errors.append(
                InputError(
                    f"unknown sheet '{name}' (known sheets: {aliases('team.sheet.settings')[0]}, {known}).",
                    where=Location(file=path, sheet=name),
                    fix="Rename it to one of the known sheets, or delete it.",
                )
            )
    sheet_names["successions"] = sheet_names["shifts"]
    return build_team(settings, sections, sheet_names, errors)


def _missing_sheet(path: Path, key: str, names: list[str]) -> InputError:
    en, zh = aliases(key)
    return InputError(
        f"the sheet '{en}' ({zh}) is missing (sheets found: {', '.join(names) or 'none'}).",
        where=Location(file=path),
        fix="Add it, or start from `rosterkit template -o team.xlsx`.",
    )
