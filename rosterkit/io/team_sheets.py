"""The team workbook's layout: its sheets, their columns, the model field each column fills, and how
each cell is read (the spellings accepted for leave types, weekdays, yes/no, hard/soft ...).

Shared by the reader (``team_workbook``) and the writer (``team_workbook_write``), so that the two can
never disagree on a column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rosterkit.errors import InputError
from rosterkit.io.sheet_reader import (
    Col,
    Row,
    parse_bool,
    parse_choice,
    parse_date,
    parse_float,
    parse_int,
    parse_list,
    parse_text,
    parse_time,
)
from rosterkit.labels import t
from rosterkit.model import Approver, HalfDay, LeaveType, RequestKind
from rosterkit.model.leave import LEAVE_NAMES_ZH

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
                t("team.err.not_shift_count", part=part),
                where=row.where(key),
                fix=t("team.fix.shift_count"),
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
                t("team.err.not_param", part=part),
                where=row.where(key),
                fix=t("team.fix.params"),
            )
        out[m.group(1)] = _param_value(m.group(2).strip())
    return out


def _weekday(row: Row, key: str) -> int | None:
    return parse_choice(row, key, WEEKDAYS, t("team.what.weekday"))


def _weekdays(row: Row, key: str) -> list[int]:
    found = []
    for part in parse_list(row, key):
        day = WEEKDAYS.get(part.lower())
        if day is None:
            raise InputError(
                t("team.err.not_weekday", part=part),
                where=row.where(key),
                fix=t("team.fix.weekdays"),
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
    "hard_soft": lambda row, key: parse_choice(row, key, HARD_SOFT, t("team.what.hard_soft")),
    "weight": parse_int,
    "params": _params,
    "start_date": parse_date,
    "end_date": parse_date,
    "leave_type": lambda row, key: parse_choice(row, key, LEAVE_TYPES, t("team.what.leave_type")),
    "half_day": lambda row, key: parse_choice(row, key, HALF_DAYS, t("team.what.half_day")),
    "approved_by": lambda row, key: parse_choice(row, key, APPROVERS, t("team.what.approver")),
    "note": parse_text,
    "date": parse_date,
    "kind": lambda row, key: parse_choice(row, key, REQUEST_KINDS, t("team.what.request_kind")),
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
