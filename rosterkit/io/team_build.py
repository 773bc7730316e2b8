"""Build a validated ``Team`` from raw records, whatever file they came from.

Both team readers (workbook and TOML) turn their input into ``Record``s: the values of one row (or
one TOML table) keyed by model field, with the location of the row and the column each field came
from. ``build_team`` validates every record into its model, checks every cross-reference (shift
codes, employee ids, rule names and parameters, duplicates), and reports all the problems it found
together, each with file, sheet, row and column, never as raw pydantic text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError, create_model

from rosterkit.errors import InputError, Location, raise_all
from rosterkit.io.reasons import reason
from rosterkit.labels import t
from rosterkit.model import (
    Assignment,
    Employee,
    IntervalRequirement,
    Leave,
    Request,
    RuleSetting,
    ShiftDemand,
    ShiftType,
    SkillCover,
    Succession,
    Team,
)
from rosterkit.model.base import Model
from rosterkit.model.rules import CATALOGUE

# section name (a Team field) -> model of one entry
SECTION_MODELS: dict[str, type[BaseModel]] = {
    "employees": Employee,
    "shifts": ShiftType,
    "successions": Succession,
    "rules": RuleSetting,
    "leave": Leave,
    "requests": Request,
    "pinned": Assignment,
    "history": Assignment,
    "demand": ShiftDemand,
    "skill_cover": SkillCover,
    "requirements": IntervalRequirement,
}
SETTINGS_FIELDS = ("name", "start", "end", "country", "interval_minutes")
# the horizon settings alone, validated even when other rows have errors
SETTINGS_MODEL: type[BaseModel] = create_model(  # type: ignore[call-overload]
    "Settings",
    __base__=Model,
    **{k: (Team.model_fields[k].annotation, Team.model_fields[k]) for k in SETTINGS_FIELDS},
)


@dataclass
class Record:
    """One input row: values by model field, where the row is, and which column each field came from."""

    values: dict[str, Any]
    where: Location
    columns: dict[str, str] = field(default_factory=dict)
    invalid: bool = False  # a cell already failed to parse (and was reported): do not validate again
    rows: dict[str, int] = field(default_factory=dict)  # a field's own row (key/value sheets)

    def at(self, field_name: str | None) -> Location:
        """The location of one field of this record (the row itself when the field is unknown)."""
        if field_name is None:
            return self.where
        where = replace(self.where, column=self.columns.get(field_name, field_name))
        if field_name in self.rows:
            where = replace(where, row=self.rows[field_name])
        return where


def _message(err: dict[str, Any], model: type[BaseModel] | None) -> str:
    msg = reason(err)
    if err.get("type") == "extra_forbidden":
        known = ", ".join(model.model_fields) if model is not None else "-"
        return t("team.err.unknown_field", field=".".join(map(str, err.get("loc", ()))), known=known)
    value = err.get("input")
    if err.get("type") == "missing":
        return t("team.err.required")
    if err.get("type") == "string_pattern_mismatch":
        pattern = str((err.get("ctx") or {}).get("pattern", ""))
        msg = t("team.err.bad_colour") if "A-Fa-f" in pattern else t("team.err.bad_code")
    if isinstance(value, (str, int, float, date)) and not isinstance(value, bool):
        return t("team.err.invalid", value=repr(value), reason=msg)
    return msg


def validation_errors(
    exc: ValidationError, record: Record, model: type[BaseModel] | None = None
) -> list[InputError]:
    """Render a pydantic error as one InputError per problem, located at the offending column."""
    found: list[InputError] = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        column = loc[0] if loc else None
        found.append(
            InputError(
                t("err.sentence", text=_message(err, model)),
                where=record.at(column),
                fix=(
                    t("team.fix.remove_or_rename")
                    if err.get("type") == "extra_forbidden"
                    else t("team.fix.cell")
                    if column
                    else t("team.fix.row")
                ),
            )
        )
    return found


def _validate(model: type[BaseModel], record: Record, errors: list[InputError]) -> Any:
    try:
        return model.model_validate(record.values)
    except ValidationError as exc:
        errors.extend(validation_errors(exc, record, model))
        return None


def _listing(names: Any) -> str:
    names = sorted(str(n) for n in names)
    return ", ".join(names) if names else t("team.none")


class _Refs:
    """Cross-reference checks against the defined shift codes, employee ids and skills."""

    def __init__(self, shifts_sheet: str, employees_sheet: str, errors: list[InputError]) -> None:
        self.shift_codes: set[str] = set()
        self.employee_ids: set[str] = set()
        self.skills: set[str] = set()
        self.shifts_sheet = shifts_sheet
        self.employees_sheet = employees_sheet
        self.errors = errors

    def shift(self, code: str | None, record: Record, field_name: str) -> None:
        if code is None or code == "" or code in self.shift_codes:
            return
        self.errors.append(
            InputError(
                t(
                    "team.err.unknown_shift",
                    code=code,
                    sheet=self.shifts_sheet,
                    known=_listing(self.shift_codes),
                ),
                where=record.at(field_name),
                fix=t("team.fix.unknown_shift"),
            )
        )

    def employee(self, emp_id: str, record: Record, field_name: str = "employee_id") -> None:
        if emp_id in self.employee_ids:
            return
        known = sorted(self.employee_ids)
        shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
        self.errors.append(
            InputError(
                t(
                    "team.err.unknown_employee",
                    id=emp_id,
                    sheet=self.employees_sheet,
                    known=shown or t("team.none"),
                ),
                where=record.at(field_name),
                fix=t("team.fix.unknown_employee"),
            )
        )

    def skill(self, skill: str, record: Record) -> None:
        if skill in self.skills:
            return
        self.errors.append(
            InputError(
                t(
                    "team.err.unknown_skill",
                    skill=skill,
                    sheet=self.employees_sheet,
                    known=_listing(self.skills),
                ),
                where=record.at("skill"),
                fix=t("team.fix.unknown_skill"),
            )
        )


PEOPLE_SECTIONS = ("leave", "requests", "pinned", "history")


def _names_to_ids(sections: dict[str, list[Record]], employees_sheet: str, errors: list[InputError]) -> None:
    """Where a row names its employee by name (张三) instead of id, use the id of the one employee
    with that name; a name two employees share is reported, never guessed."""
    employees = sections.get("employees", [])
    ids = _raw_keys(employees, "id")
    by_name: dict[str, list[str]] = {}
    for r in employees:
        name, emp_id = r.values.get("name"), r.values.get("id")
        if name and emp_id is not None:
            by_name.setdefault(str(name).strip(), []).append(str(emp_id).strip())
    for section in PEOPLE_SECTIONS:
        for record in sections.get(section, []):
            given = record.values.get("employee_id")
            if given is None or str(given) in ids or str(given) not in by_name:
                continue
            found = by_name[str(given)]
            if len(found) == 1:
                record.values["employee_id"] = found[0]
            else:
                record.invalid = True
                errors.append(
                    InputError(
                        t("team.err.ambiguous_name", name=given, sheet=employees_sheet, ids=", ".join(found)),
                        where=record.at("employee_id"),
                        fix=t("team.fix.ambiguous_name"),
                    )
                )


def _raw_keys(records: list[Record], field_name: str) -> set[str]:
    return {str(r.values[field_name]).strip() for r in records if r.values.get(field_name) not in (None, "")}


def _duplicates(
    items: list[tuple[Record, Any]], key: Callable[[Any], Any], what: str, errors: list[InputError], col: str
) -> None:
    seen: dict[Any, Record] = {}
    for record, item in items:
        k = key(item)
        if k in seen:
            first = seen[k].where
            errors.append(
                InputError(
                    t("team.err.duplicate", what=t(what), name=k, row=first.row),
                    where=record.at(col),
                    fix=t("team.fix.duplicate", what=t(what)),
                )
            )
        else:
            seen[k] = record


def _check_rule(rule: RuleSetting, record: Record, refs: _Refs, errors: list[InputError]) -> None:
    spec = CATALOGUE.get(rule.rule)
    if spec is None:
        errors.append(
            InputError(
                t("team.err.unknown_rule", rule=rule.rule, known=", ".join(CATALOGUE)),
                where=record.at("rule"),
                fix=t("team.fix.unknown_rule"),
            )
        )
        return
    unknown = sorted(set(rule.params) - set(spec.params))
    if unknown:
        errors.append(
            InputError(
                t(
                    "team.err.unknown_param",
                    rule=rule.rule,
                    params=", ".join(repr(u) for u in unknown),
                    known=_listing(spec.params),
                ),
                where=record.at("params"),
                fix=t("team.fix.params"),
            )
        )
    if "shift" in rule.params and rule.params["shift"] != "":
        refs.shift(str(rule.params["shift"]), record, "params")
    if not rule.hard and not spec.can_be_soft:
        errors.append(
            InputError(
                t("team.err.only_hard", rule=rule.rule),
                where=record.at("hard"),
                fix=t("team.fix.only_hard"),
            )
        )


def build_team(
    settings: Record,
    sections: dict[str, list[Record]],
    sheet_names: dict[str, str],
    errors: list[InputError] | None = None,
) -> Team:
    """Validate every record and cross-reference; return the Team or raise all problems together.

    ``sheet_names`` maps a section to the name the user sees (sheet or TOML table) for messages;
    ``errors`` are problems the reader already found (reported together with these).
    """
    errors = list(errors or [])
    _names_to_ids(sections, sheet_names.get("employees", "employees"), errors)
    parsed: dict[str, list[tuple[Record, Any]]] = {}
    for section, records in sections.items():
        model = SECTION_MODELS[section]
        items = []
        for record in records:
            if record.invalid:
                continue
            item = _validate(model, record, errors)
            if item is not None:
                items.append((record, item))
        parsed[section] = items

    refs = _Refs(sheet_names.get("shifts", "shifts"), sheet_names.get("employees", "employees"), errors)
    shifts = parsed.get("shifts", [])
    employees = parsed.get("employees", [])
    _duplicates(shifts, lambda s: s.code, "team.what.shift_code", errors, "code")
    _duplicates(employees, lambda e: e.id, "team.what.employee_id", errors, "id")
    # codes and ids of rows that failed validation still count as defined: their own error is
    # reported, and every reference to them would only repeat it
    refs.shift_codes = _raw_keys(sections.get("shifts", []), "code")
    refs.employee_ids = _raw_keys(sections.get("employees", []), "id")
    refs.skills = {skill for _, e in employees for skill in e.skills}

    for record, emp in employees:
        for code in sorted(emp.allowed_shifts):
            refs.shift(code, record, "allowed_shifts")
        for code in sorted(emp.forbidden_shifts):
            refs.shift(code, record, "forbidden_shifts")
        for code in sorted(emp.max_shifts):
            refs.shift(code, record, "max_shifts")
    for record, succ in parsed.get("successions", []):
        refs.shift(succ.first, record, "first")
        refs.shift(succ.second, record, "second")
    for section in ("leave", "requests", "pinned", "history"):
        for record, item in parsed.get(section, []):
            refs.employee(item.employee_id, record)
            if section != "leave":
                refs.shift(item.shift, record, "shift")
    for record, item in parsed.get("demand", []):
        refs.shift(item.shift, record, "shift")
    for record, item in parsed.get("skill_cover", []):
        refs.shift(item.shift, record, "shift")
        refs.skill(item.skill, record)
    rule_rows = parsed.get("rules", [])
    for record, rule in rule_rows:
        _check_rule(rule, record, refs, errors)
    single = [(r, x) for r, x in rule_rows if x.rule in CATALOGUE and not CATALOGUE[x.rule].repeatable]
    _duplicates(single, lambda x: x.rule, "team.what.rule", errors, "rule")

    team = None
    values = {k: v for k, v in settings.values.items() if v is not None}
    settings_record = Record(values, settings.where, settings.columns, rows=settings.rows)
    _validate(SETTINGS_MODEL, settings_record, errors)
    _check_country(values.get("country"), settings_record, errors)
    if not errors:
        try:
            team = Team.model_validate(
                {**values, **{section: [item for _, item in items] for section, items in parsed.items()}}
            )
        except ValidationError as exc:
            errors.extend(validation_errors(exc, settings, Team))
    if team is not None:
        _check_dates(team, parsed, errors)
    raise_all(errors)
    assert team is not None
    return team


def _check_country(country: Any, record: Record, errors: list[InputError]) -> None:
    if not isinstance(country, str) or not country:
        return
    from rosterkit.calendar import WorkCalendar

    try:
        WorkCalendar(country)
    except ValueError:
        errors.append(
            InputError(
                t("team.err.country", country=country), where=record.at("country"), fix=t("team.fix.country")
            )
        )


def _check_dates(team: Team, parsed: dict[str, list[tuple[Record, Any]]], errors: list[InputError]) -> None:
    for record, item in parsed.get("history", []):
        if item.date >= team.start:
            errors.append(
                InputError(
                    t("team.err.history_date", date=item.date, start=team.start),
                    where=record.at("date"),
                    fix=t("team.fix.history_date"),
                )
            )
    for section in ("pinned", "requests"):
        for record, item in parsed.get(section, []):
            if not team.start <= item.date <= team.end:
                errors.append(
                    InputError(
                        t("team.err.outside_horizon", date=item.date, start=team.start, end=team.end),
                        where=record.at("date"),
                        fix=t("team.fix.outside_horizon"),
                    )
                )
