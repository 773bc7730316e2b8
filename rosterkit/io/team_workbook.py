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
  History and Pinned may also be a day grid (employees down, dates across; ``team_grid``).

Every sheet but Settings, Employees and Shifts is optional. Every sheet may have a note column.
All problems found are reported together, each with its sheet, row and column.
"""

from __future__ import annotations

import re
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
    parse_date,
    parse_int,
    parse_list,
    parse_text,
    read_table,
    to_date,
)
from rosterkit.io.team_build import Record, build_team
from rosterkit.io.team_grid import GRID_SECTIONS, grid_records
from rosterkit.io.team_sheets import (
    FIELDS,
    IGNORED_SHEETS,
    PARSERS,
    SETTINGS_KEYS,
    SHEETS,
)
from rosterkit.labels import aliases, t
from rosterkit.model import Team
from rosterkit.model.rules import CATALOGUE


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
                    t("team.err.not_succession", part=part),
                    where=row.where(key),
                    fix=t("team.fix.succession"),
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
                    t("team.err.unknown_setting", name=name, known=listed),
                    where=row.where("team.col.setting"),
                    fix=t("team.fix.unknown_setting"),
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
                    t("team.err.no_horizon", which=t(f"team.which.{k}")),
                    where=Location(file=path, sheet=sheet),
                    fix=t("team.fix.no_horizon"),
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
            t("team.err.not_month", value=repr(value)),
            where=row.where("team.col.value"),
            fix=t("team.fix.month"),
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
        if spec.section in GRID_SECTIONS:
            grid = grid_records(path, sheet, spec.section, cells[sheet], errors)
            if grid is not None:
                records.extend(grid)
                continue
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
                    t(
                        "team.err.unknown_sheet",
                        name=name,
                        known=f"{aliases('team.sheet.settings')[0]}, {known}",
                    ),
                    where=Location(file=path, sheet=name),
                    fix=t("team.fix.unknown_sheet"),
                )
            )
    sheet_names["successions"] = sheet_names["shifts"]
    return build_team(settings, sections, sheet_names, errors)


def _missing_sheet(path: Path, key: str, names: list[str]) -> InputError:
    en, zh = aliases(key)
    return InputError(
        t("team.err.missing_sheet", en=en, zh=zh, found=", ".join(names) or t("team.none")),
        where=Location(file=path),
        fix=t("team.fix.missing_sheet"),
    )
