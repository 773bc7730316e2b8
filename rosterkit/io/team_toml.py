"""The team as TOML: the plain-text twin of the team workbook, for automation and version control.

The layout is the domain model itself: the horizon settings at the top level (``name``, ``start``,
``end``, ``country``, ``interval_minutes``), then one array of tables per section with the model's
field names (``[[employees]]``, ``[[shifts]]``, ``[[successions]]``, ``[[rules]]``, ``[[leave]]``,
``[[requests]]``, ``[[pinned]]``, ``[[history]]``, ``[[demand]]``, ``[[skill_cover]]``,
``[[requirements]]``). Minutes are minutes (``min_work_minutes``), dates and times are TOML dates
and times (strings like ``"08:00"`` are accepted too). Errors name the table, the line of its
``[[header]]`` and the field.
"""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date, datetime, time
from enum import Enum
from pathlib import Path
from typing import Any

from rosterkit.errors import InputError, Location, raise_all
from rosterkit.io.atomic import write_text
from rosterkit.io.sheet_reader import to_date, to_time
from rosterkit.io.team_build import SECTION_MODELS, SETTINGS_FIELDS, Record, build_team
from rosterkit.labels import t
from rosterkit.model import Team

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _header_lines(text: str) -> dict[str, list[int]]:
    """Line numbers (1-based) of every ``[[section]]`` header, in order."""
    found: dict[str, list[int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        m = re.match(r"^\s*\[\[\s*([A-Za-z_]+)\s*\]\]", line)
        if m:
            found.setdefault(m.group(1), []).append(number)
    return found


def read_team_toml(path: Path) -> Team:
    """Read a team TOML file (see the module docstring for its layout)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            t("team.err.not_utf8", detail=exc.reason),
            where=Location(file=path),
            fix=t("team.fix.not_utf8"),
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(
            t("team.err.bad_toml", detail=exc),
            where=Location(file=path),
            fix=t("team.fix.bad_toml"),
        ) from None
    lines = _header_lines(text)
    known = set(SETTINGS_FIELDS) | set(SECTION_MODELS)
    errors: list[InputError] = []
    for key in data:
        if key not in known:
            errors.append(
                InputError(
                    t("team.err.unknown_key", name=key, known=", ".join(sorted(known))),
                    where=Location(file=path),
                    fix=t("team.fix.remove_or_rename"),
                )
            )
    raise_all(errors)
    settings = Record(
        values=_lenient({k: data[k] for k in SETTINGS_FIELDS if k in data}),
        where=Location(file=path, sheet="settings"),
    )
    sections: dict[str, list[Record]] = {}
    for section in SECTION_MODELS:
        entries = data.get(section, [])
        if not isinstance(entries, list):
            raise InputError(
                t("team.err.not_array", section=section),
                where=Location(file=path, sheet=section),
                fix=t("team.fix.array", section=section),
            )
        header_rows = lines.get(section, [])
        records = []
        for index, entry in enumerate(entries):
            row = header_rows[index] if index < len(header_rows) else None
            if not isinstance(entry, dict):
                raise InputError(
                    t("team.err.not_table", n=index + 1, section=section),
                    where=Location(file=path, sheet=f"[[{section}]]", row=row),
                    fix=t("team.fix.array", section=section),
                )
            records.append(
                Record(values=_lenient(entry), where=Location(file=path, sheet=f"[[{section}]]", row=row))
            )
        sections[section] = records
    names = {section: f"[[{section}]]" for section in SECTION_MODELS}
    return build_team(settings, sections, names)


TIME_FIELDS = ("start", "end", "break_start", "window_start", "window_end")
DATE_FIELDS = ("start", "end", "date")


def _lenient(entry: dict[str, Any]) -> dict[str, Any]:
    """Times and dates written as text the way people write them ("8:00", "2026/10/1") become values;
    anything else is left for the model to judge (and report)."""
    out = dict(entry)
    for name, value in entry.items():
        if not isinstance(value, str):
            continue
        parsers = [p for fields, p in ((DATE_FIELDS, to_date), (TIME_FIELDS, to_time)) if name in fields]
        for parse in parsers:
            found = parse(value)
            if found is not None:
                out[name] = found
                break
    return out


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Enum):
        return json.dumps(str(v.value), ensure_ascii=False)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, datetime):
        return v.isoformat(timespec="seconds")
    if isinstance(v, (date, time)):
        return v.isoformat()
    if isinstance(v, (set, frozenset)):
        return "[" + ", ".join(_value(x) for x in sorted(v)) + "]"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"cannot write {type(v).__name__} to TOML")


def _key(k: str) -> str:
    return k if _BARE_KEY.match(k) else json.dumps(k, ensure_ascii=False)


def _dump(item: Any) -> dict[str, Any]:
    """The fields of a model that differ from their defaults, as Python values, in field order."""
    return {
        k: getattr(item, k)
        for k in item.__class__.model_fields
        if k in item.model_fields_set
        or getattr(item, k) != item.__class__.model_fields[k].get_default(call_default_factory=True)
    }


def team_to_toml(team: Team) -> str:
    """The TOML text of a team (the inverse of ``read_team_toml``)."""
    out = ["# rosterkit team file (TOML twin of the team workbook). Edit, then: rosterkit roster team.toml"]
    for k in SETTINGS_FIELDS:
        out.append(f"{k} = {_value(getattr(team, k))}")
    for section in SECTION_MODELS:
        for item in getattr(team, section):
            out.append("")
            out.append(f"[[{section}]]")
            for k, v in _dump(item).items():
                if v is None:
                    continue
                out.append(f"{k} = {_value(v)}")
    return "\n".join(out) + "\n"


def write_team_toml(team: Team, path: Path) -> Path:
    """Write ``team`` as TOML to ``path`` (atomically)."""
    return write_text(path, team_to_toml(team))
