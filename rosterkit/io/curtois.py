"""Reader of the Curtois–Qu nurse-rostering benchmark format (``Instance1.txt`` … ``Instance24.txt``).

The instance becomes an ordinary :class:`~rosterkit.model.Team` using only the ordinary rules and
fields, set so that the ordinary roster objective is exactly the benchmark's:

- shifts keep their codes and lengths (no breaks); start times are assigned (they matter to no rule
  here: minimum rest and weekly rest are switched off, the benchmark has neither);
- "cannot follow" lists become hard :class:`~rosterkit.model.Succession` rows;
- per-employee limits become ``Employee`` fields: ``max_shifts`` per type (a limit of 0 makes the
  shift ineligible, a limit of at least the horizon is dropped as it cannot bind), min/max total
  minutes, max/min consecutive working days, min consecutive days off, max weekends;
- pre-assigned days off become pinned days off (hard);
- shift-on and shift-off requests become weighted soft requests;
- cover becomes one soft ``ShiftDemand`` per day and shift with the instance's under/over weights;
- the horizon starts on Monday 2024-01-01 (every instance starts on a Monday), country ``none`` (no
  holidays), no history, so the no-history boundary convention of spec section 4 applies: min-length
  rules do not judge a block touching the first or last day; max-length rules count only days inside.

``parse_curtois(path)`` returns the team; every malformed line raises ``InputError`` naming the file,
the line and how to fix it, in the chosen language (``err.curtois.*`` in ``labels/errors.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path

from pydantic import ValidationError

from rosterkit.errors import InputError, Location
from rosterkit.io.reasons import reason
from rosterkit.labels import t
from rosterkit.model import (
    Assignment,
    Employee,
    Request,
    RequestKind,
    RuleSetting,
    ShiftDemand,
    ShiftType,
    Succession,
    Team,
)

START = date(2024, 1, 1)  # a Monday
SECTIONS = (
    "SECTION_HORIZON",
    "SECTION_SHIFTS",
    "SECTION_STAFF",
    "SECTION_DAYS_OFF",
    "SECTION_SHIFT_ON_REQUESTS",
    "SECTION_SHIFT_OFF_REQUESTS",
    "SECTION_COVER",
)
REQUIRED = ("SECTION_HORIZON", "SECTION_SHIFTS", "SECTION_STAFF", "SECTION_COVER")

# The rules that make the ordinary objective the benchmark's (everything else off).
RULES: tuple[RuleSetting, ...] = (
    RuleSetting(rule="interval_coverage", enabled=False),
    RuleSetting(rule="shift_demand", hard=False, weight=1),
    RuleSetting(rule="skill_cover", enabled=False),
    RuleSetting(rule="one_shift_per_day"),
    RuleSetting(rule="min_rest", enabled=False),
    RuleSetting(rule="shift_succession"),
    RuleSetting(rule="max_consecutive_days"),
    RuleSetting(rule="weekly_rest", enabled=False),
    RuleSetting(rule="min_consecutive_days"),
    RuleSetting(rule="min_consecutive_days_off"),
    RuleSetting(rule="work_hours"),
    RuleSetting(rule="max_shifts_per_type"),
    RuleSetting(rule="max_weekends"),
    RuleSetting(rule="leave"),
    RuleSetting(rule="pinned"),
    RuleSetting(rule="requests", hard=False, weight=1),
    RuleSetting(rule="eligibility"),
)


@dataclass
class _Line:
    number: int  # 1-based line number in the file
    fields: list[str]


@dataclass
class _Raw:
    path: Path
    sections: dict[str, list[_Line]] = field(default_factory=dict)

    def error(self, line: _Line | int | None, problem: str, fix: str) -> InputError:
        number = line.number if isinstance(line, _Line) else line
        return InputError(problem, where=Location(file=self.path, row=number), fix=fix)


def _read_sections(path: Path) -> _Raw:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(
            t("err.io.not_found"), where=Location(file=path), fix=t("err.curtois.not_found.fix")
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            t("err.curtois.unreadable", detail=exc),
            where=Location(file=path),
            fix=t("err.curtois.unreadable.fix"),
        ) from None
    raw = _Raw(path)
    current: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("SECTION_"):
            if stripped not in SECTIONS:
                raise raw.error(
                    number,
                    t("err.curtois.unknown_section", section=repr(stripped)),
                    t("err.curtois.unknown_section.fix", sections=", ".join(SECTIONS)),
                )
            if stripped in raw.sections:
                raise raw.error(
                    number,
                    t("err.curtois.section_twice", section=stripped),
                    t("err.curtois.section_twice.fix"),
                )
            current = stripped
            raw.sections[current] = []
            continue
        if current is None:
            raise raw.error(
                number,
                t("err.curtois.before_header", text=repr(stripped[:40])),
                t("err.curtois.before_header.fix"),
            )
        raw.sections[current].append(_Line(number, [f.strip() for f in stripped.split(",")]))
    missing = [s for s in REQUIRED if s not in raw.sections]
    if missing:
        raise InputError(
            t("err.curtois.missing_sections", missing=", ".join(missing)),
            where=Location(file=path),
            fix=t("err.curtois.missing_sections.fix", sections=", ".join(SECTIONS), hint=_format_hint()),
        )
    return raw


def _format_hint() -> str:
    """Where the format is described (the end of several fixes), in the current language."""
    return t("err.curtois.format_hint")


def _int(raw: _Raw, line: _Line, index: int, what: str, minimum: int = 0) -> int:
    """Field ``index`` of ``line`` as a whole number of at least ``minimum``. ``what`` names it in
    messages: the instance's own field name (``MaxTotalMinutes``) or a ``t("err.curtois.what.*")``."""
    if index >= len(line.fields) or line.fields[index] == "":
        raise raw.error(
            line,
            t("err.curtois.field_missing", what=what, field=index + 1),
            t("err.curtois.field_missing.fix", hint=_format_hint()),
        )
    text = line.fields[index]
    try:
        value = int(text)
    except ValueError:
        raise raw.error(
            line, t("err.curtois.not_whole", what=what, value=repr(text)), t("err.curtois.not_whole.fix")
        ) from None
    if value < minimum:
        raise raw.error(
            line,
            t("err.curtois.too_small", what=what, minimum=minimum, value=value),
            t("err.curtois.too_small.fix"),
        )
    return value


def _expect_fields(raw: _Raw, line: _Line, count: int, header: str) -> None:
    if len(line.fields) < count:
        raise raw.error(
            line,
            t("err.curtois.fields", count=count, header=header, found=len(line.fields)),
            t("err.curtois.fields.fix"),
        )


def _start_times(codes: list[str]) -> dict[str, time]:
    """Staggered start times 06:00 onwards in file order (no rule of the benchmark uses them)."""
    step = max(15, (18 * 60 // max(1, len(codes))) // 15 * 15)
    return {
        code: time(((6 * 60 + i * step) % 1440) // 60, ((6 * 60 + i * step) % 1440) % 60)
        for i, code in enumerate(codes)
    }


def _day(raw: _Raw, line: _Line, index: int, horizon: int) -> date:
    what = t("err.curtois.what.day")
    value = _int(raw, line, index, what)
    if value >= horizon:
        raise raw.error(
            line,
            t("err.curtois.outside_horizon", what=what, value=value, horizon=horizon, last=horizon - 1),
            t("err.curtois.outside_horizon.fix"),
        )
    return START + timedelta(days=value)


def _shift_ref(raw: _Raw, line: _Line, code: str, codes: set[str]) -> str:
    if code not in codes:
        raise raw.error(
            line,
            t("err.curtois.unknown_shift", code=repr(code), known=", ".join(sorted(codes))),
            t("err.curtois.unknown_shift.fix"),
        )
    return code


def _employee_ref(raw: _Raw, line: _Line, emp: str, employees: dict[str, Employee]) -> str:
    if emp not in employees:
        raise raw.error(
            line,
            t("err.curtois.unknown_employee", id=repr(emp)),
            t("err.curtois.unknown_employee.fix"),
        )
    return emp


def parse_curtois(path: Path | str) -> Team:
    """The Curtois–Qu instance at ``path`` as an ordinary team (see the module docstring)."""
    path = Path(path)
    raw = _read_sections(path)

    horizon_lines = raw.sections["SECTION_HORIZON"]
    if len(horizon_lines) != 1:
        at = horizon_lines[1] if horizon_lines else None
        raise raw.error(at, t("err.curtois.horizon_lines"), t("err.curtois.horizon_lines.fix"))
    horizon = _int(raw, horizon_lines[0], 0, t("err.curtois.what.horizon"), minimum=1)
    days = [START + timedelta(days=i) for i in range(horizon)]

    shift_lines = raw.sections["SECTION_SHIFTS"]
    if not shift_lines:
        raise raw.error(None, t("err.curtois.no_shifts"), t("err.curtois.no_shifts.fix"))
    codes = [ln.fields[0] for ln in shift_lines]
    code_set = set(codes)
    starts = _start_times(codes)
    shifts: list[ShiftType] = []
    successions: list[Succession] = []
    header = "ShiftID, Length in mins, Shifts which cannot follow"
    for ln in shift_lines:
        _expect_fields(raw, ln, 2, header)
        code = ln.fields[0]
        length = _int(raw, ln, 1, t("err.curtois.what.shift_length"), minimum=1)
        if length >= 1440:
            raise raw.error(
                ln, t("err.curtois.shift_too_long", length=length), t("err.curtois.shift_too_long.fix")
            )
        begin = starts[code]
        end_minutes = (begin.hour * 60 + begin.minute + length) % 1440
        try:
            shifts.append(ShiftType(code=code, start=begin, end=time(end_minutes // 60, end_minutes % 60)))
        except ValidationError as exc:
            raise raw.error(
                ln,
                t("err.curtois.bad_shift", code=repr(code), reason=reason(exc.errors()[0])),
                t("err.curtois.bad_shift.fix"),
            ) from None
        follow = ln.fields[2] if len(ln.fields) > 2 else ""
        for second in filter(None, (s.strip() for s in follow.split("|"))):
            successions.append(Succession(first=code, second=_shift_ref(raw, ln, second, code_set)))

    employees: dict[str, Employee] = {}
    header = (
        "ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, "
        "MinConsecutiveDaysOff, MaxWeekends"
    )
    for ln in raw.sections["SECTION_STAFF"]:
        _expect_fields(raw, ln, 8, header)
        emp = ln.fields[0]
        if emp in employees:
            raise raw.error(
                ln, t("err.curtois.employee_twice", id=repr(emp)), t("err.curtois.employee_twice.fix")
            )
        max_shifts: dict[str, int] = {}
        forbidden: set[str] = set()
        for item in filter(None, ln.fields[1].split("|")):
            code, sep, limit = item.partition("=")
            if not sep or not limit.strip().isdigit():
                raise raw.error(
                    ln,
                    t("err.curtois.max_shifts_item", item=repr(item)),
                    t("err.curtois.max_shifts_item.fix"),
                )
            code = _shift_ref(raw, ln, code.strip(), code_set)
            count = int(limit)
            if count == 0:
                forbidden.add(code)
            elif count < horizon:
                max_shifts[code] = count
        max_minutes = _int(raw, ln, 2, "MaxTotalMinutes")
        min_minutes = _int(raw, ln, 3, "MinTotalMinutes")
        if min_minutes > max_minutes:
            raise raw.error(
                ln,
                t("err.curtois.min_above_max", min=min_minutes, max=max_minutes),
                t("err.curtois.min_above_max.fix"),
            )
        employees[emp] = Employee(
            id=emp,
            forbidden_shifts=frozenset(forbidden),
            max_shifts=max_shifts,
            max_work_minutes=max_minutes,
            min_work_minutes=min_minutes,
            max_consecutive_days=_int(raw, ln, 4, "MaxConsecutiveShifts", minimum=1),
            min_consecutive_days=_int(raw, ln, 5, "MinConsecutiveShifts", minimum=1),
            min_consecutive_days_off=_int(raw, ln, 6, "MinConsecutiveDaysOff", minimum=1),
            max_weekends=_int(raw, ln, 7, "MaxWeekends"),
        )
    if not employees:
        raise raw.error(None, t("err.curtois.no_staff"), t("err.curtois.no_staff.fix", header=header))

    pinned: list[Assignment] = []
    seen_off: set[tuple[str, date]] = set()
    for ln in raw.sections.get("SECTION_DAYS_OFF", []):
        _expect_fields(raw, ln, 2, "EmployeeID, DayIndexes")
        emp = _employee_ref(raw, ln, ln.fields[0], employees)
        for index in range(1, len(ln.fields)):
            if ln.fields[index] == "":
                continue
            day = _day(raw, ln, index, horizon)
            if (emp, day) not in seen_off:
                seen_off.add((emp, day))
                pinned.append(Assignment(employee_id=emp, date=day, shift=None))

    requests: list[Request] = []
    for section, kind in (
        ("SECTION_SHIFT_ON_REQUESTS", RequestKind.SHIFT_ON),
        ("SECTION_SHIFT_OFF_REQUESTS", RequestKind.SHIFT_OFF),
    ):
        for ln in raw.sections.get(section, []):
            _expect_fields(raw, ln, 4, "EmployeeID, Day, ShiftID, Weight")
            requests.append(
                Request(
                    employee_id=_employee_ref(raw, ln, ln.fields[0], employees),
                    date=_day(raw, ln, 1, horizon),
                    kind=kind,
                    shift=_shift_ref(raw, ln, ln.fields[2], code_set),
                    weight=_int(raw, ln, 3, t("err.curtois.what.request_weight")),
                )
            )

    demand: list[ShiftDemand] = []
    seen_cover: set[tuple[date, str]] = set()
    for ln in raw.sections["SECTION_COVER"]:
        _expect_fields(raw, ln, 5, "Day, ShiftID, Requirement, Weight for under, Weight for over")
        day = _day(raw, ln, 0, horizon)
        code = _shift_ref(raw, ln, ln.fields[1], code_set)
        if (day, code) in seen_cover:
            raise raw.error(
                ln,
                t("err.curtois.cover_twice", day=ln.fields[0], code=code),
                t("err.curtois.cover_twice.fix"),
            )
        seen_cover.add((day, code))
        demand.append(
            ShiftDemand(
                shift=code,
                date=day,
                target=_int(raw, ln, 2, t("err.curtois.what.cover")),
                under_weight=_int(raw, ln, 3, t("err.curtois.what.under_weight")),
                over_weight=_int(raw, ln, 4, t("err.curtois.what.over_weight")),
            )
        )

    return Team(
        name=path.stem,
        start=days[0],
        end=days[-1],
        country="none",
        employees=tuple(employees.values()),
        shifts=tuple(shifts),
        rules=RULES,
        successions=tuple(successions),
        pinned=tuple(pinned),
        requests=tuple(requests),
        demand=tuple(demand),
    )
