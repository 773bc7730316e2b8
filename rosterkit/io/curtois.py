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
the line and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path

from pydantic import ValidationError

from rosterkit.errors import InputError, Location
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
FORMAT_HINT = "See the format description in the instance's own comment lines (Curtois–Qu benchmark)."

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
            "file not found.",
            where=Location(file=path),
            fix="Give the path of a Curtois–Qu instance file (e.g. Instance1.txt).",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"cannot read the file ({exc}).",
            where=Location(file=path),
            fix="Give a plain-text Curtois–Qu instance file.",
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
                    f"unknown section {stripped!r}.",
                    f"Use one of: {', '.join(SECTIONS)}.",
                )
            if stripped in raw.sections:
                raise raw.error(number, f"section {stripped} appears twice.", "Keep one of them.")
            current = stripped
            raw.sections[current] = []
            continue
        if current is None:
            raise raw.error(
                number,
                f"data line {stripped[:40]!r} before any SECTION_ header.",
                "Start the file with SECTION_HORIZON (a line of its own).",
            )
        raw.sections[current].append(_Line(number, [f.strip() for f in stripped.split(",")]))
    missing = [s for s in REQUIRED if s not in raw.sections]
    if missing:
        raise InputError(
            f"missing section(s) {', '.join(missing)}.",
            where=Location(file=path),
            fix=f"A Curtois–Qu instance has sections {', '.join(SECTIONS)}. {FORMAT_HINT}",
        )
    return raw


def _int(raw: _Raw, line: _Line, index: int, what: str, minimum: int = 0) -> int:
    if index >= len(line.fields) or line.fields[index] == "":
        raise raw.error(line, f"{what} is missing (field {index + 1}).", f"Add it. {FORMAT_HINT}")
    text = line.fields[index]
    try:
        value = int(text)
    except ValueError:
        raise raw.error(
            line, f"{what} must be a whole number, found {text!r}.", "Write a whole number."
        ) from None
    if value < minimum:
        raise raw.error(line, f"{what} must be at least {minimum}, found {value}.", "Correct the value.")
    return value


def _expect_fields(raw: _Raw, line: _Line, count: int, header: str) -> None:
    if len(line.fields) < count:
        raise raw.error(
            line,
            f"expected {count} comma-separated fields ({header}), found {len(line.fields)}.",
            "Complete the line.",
        )


def _start_times(codes: list[str]) -> dict[str, time]:
    """Staggered start times 06:00 onwards in file order (no rule of the benchmark uses them)."""
    step = max(15, (18 * 60 // max(1, len(codes))) // 15 * 15)
    return {
        code: time(((6 * 60 + i * step) % 1440) // 60, ((6 * 60 + i * step) % 1440) % 60)
        for i, code in enumerate(codes)
    }


def _day(raw: _Raw, line: _Line, index: int, horizon: int, what: str = "day index") -> date:
    value = _int(raw, line, index, what)
    if value >= horizon:
        raise raw.error(
            line,
            f"{what} {value} is outside the horizon of {horizon} days (0..{horizon - 1}).",
            "Correct the day index.",
        )
    return START + timedelta(days=value)


def _shift_ref(raw: _Raw, line: _Line, code: str, codes: set[str]) -> str:
    if code not in codes:
        raise raw.error(
            line,
            f"shift {code!r} is not defined in SECTION_SHIFTS (defined: {', '.join(sorted(codes))}).",
            "Add it there or correct the code.",
        )
    return code


def _employee_ref(raw: _Raw, line: _Line, emp: str, employees: dict[str, Employee]) -> str:
    if emp not in employees:
        raise raw.error(
            line,
            f"employee {emp!r} is not defined in SECTION_STAFF.",
            "Add the employee there or correct the id.",
        )
    return emp


def parse_curtois(path: Path | str) -> Team:
    """The Curtois–Qu instance at ``path`` as an ordinary team (see the module docstring)."""
    path = Path(path)
    raw = _read_sections(path)

    horizon_lines = raw.sections["SECTION_HORIZON"]
    if len(horizon_lines) != 1:
        at = horizon_lines[1] if horizon_lines else None
        raise raw.error(
            at, "SECTION_HORIZON must hold exactly one number (days).", "Write one line, e.g. 28."
        )
    horizon = _int(raw, horizon_lines[0], 0, "horizon length in days", minimum=1)
    days = [START + timedelta(days=i) for i in range(horizon)]

    shift_lines = raw.sections["SECTION_SHIFTS"]
    if not shift_lines:
        raise raw.error(
            None, "SECTION_SHIFTS is empty.", "Define at least one shift: ID, length, follow list."
        )
    codes = [ln.fields[0] for ln in shift_lines]
    code_set = set(codes)
    starts = _start_times(codes)
    shifts: list[ShiftType] = []
    successions: list[Succession] = []
    header = "ShiftID, Length in mins, Shifts which cannot follow"
    for ln in shift_lines:
        _expect_fields(raw, ln, 2, header)
        code = ln.fields[0]
        length = _int(raw, ln, 1, "shift length in minutes", minimum=1)
        if length >= 1440:
            raise raw.error(ln, f"shift length {length} min is a day or longer.", "Use under 1440 minutes.")
        begin = starts[code]
        end_minutes = (begin.hour * 60 + begin.minute + length) % 1440
        try:
            shifts.append(ShiftType(code=code, start=begin, end=time(end_minutes // 60, end_minutes % 60)))
        except ValidationError as exc:
            raise raw.error(
                ln, f"shift {code!r} is not valid: {exc.errors()[0]['msg']}.", "Correct it."
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
            raise raw.error(ln, f"employee {emp!r} is defined twice.", "Keep one line per employee.")
        max_shifts: dict[str, int] = {}
        forbidden: set[str] = set()
        for item in filter(None, ln.fields[1].split("|")):
            code, sep, limit = item.partition("=")
            if not sep or not limit.strip().isdigit():
                raise raw.error(
                    ln,
                    f"max-shifts item {item!r} is not of the form SHIFT=COUNT.",
                    "Write e.g. D=14|N=4.",
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
                ln, f"MinTotalMinutes {min_minutes} is above MaxTotalMinutes {max_minutes}.", "Correct them."
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
        raise raw.error(None, "SECTION_STAFF is empty.", f"Add one line per employee: {header}.")

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
                    weight=_int(raw, ln, 3, "request weight"),
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
                ln, f"cover for day {ln.fields[0]} shift {code} is given twice.", "Keep one line."
            )
        seen_cover.add((day, code))
        demand.append(
            ShiftDemand(
                shift=code,
                date=day,
                target=_int(raw, ln, 2, "cover requirement"),
                under_weight=_int(raw, ln, 3, "weight for under-cover"),
                over_weight=_int(raw, ln, 4, "weight for over-cover"),
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
