"""What the rules are about, computed once from a team: plain data shared by the model and the checker.

Nothing here knows CP-SAT. ``Facts`` answers questions like "which days does this employee's leave
cover", "what did they work before the 1st", "which intervals does shift E on day 3 cover", "what is
this employee's limit under this rule row". The model (``build``) turns the answers into constraints;
the checker (``check``) recounts the rules on a finished roster with the same answers, so the two
agree on what a rule means while computing it independently.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property

from rosterkit.calendar import DayKind, WorkCalendar
from rosterkit.errors import InputError, Location
from rosterkit.labels import t
from rosterkit.model import Employee, HalfDay, LeaveType, RuleSetting, ShiftType, Succession, Team
from rosterkit.model.rules import CATALOGUE, EMPLOYEE_OVERRIDES, resolve_rules

STANDARD_MONTH_DAYS = 21.75  # 综合计算工时: the standard month is 21.75 working days of 8 h
STANDARD_DAY_HOURS = 8
NOON = 12 * 60


@dataclass(frozen=True)
class Interval:
    """One requirement interval: its start, length and the agents wanted on duty."""

    start: datetime
    minutes: int
    required: int


def standard_month_minutes(days: int, month_days: int = 30) -> int:
    """Standard working minutes for ``days`` days of a month of ``month_days`` (21.75 x 8 h a month)."""
    return round(STANDARD_MONTH_DAYS * STANDARD_DAY_HOURS * 60 * days / month_days)


def succession_cost(succession: Succession, setting: RuleSetting) -> int:
    """Cost of a soft succession: its own weight, else the rule row's."""
    return succession.weight or setting.weight


def overlap_minutes(a0: datetime, a1: datetime, b0: datetime, b1: datetime) -> int:
    return max(0, int((min(a1, b1) - max(a0, b0)).total_seconds() // 60))


def duty_minutes(shift: ShiftType, day: date, start: datetime, end: datetime) -> int:
    """Minutes of [start, end) spent on duty by someone working ``shift`` on ``day`` (break excluded)."""
    s0, s1 = shift.span(day)
    minutes = overlap_minutes(s0, s1, start, end)
    brk = shift.break_span(day)
    if brk is not None:
        minutes -= overlap_minutes(brk[0], brk[1], max(s0, start), min(s1, end))
    return minutes


FAIR_SCALE = 100  # fairness compares counts scaled to the whole horizon, in hundredths


class Facts:
    """Derived data of one team and horizon. Build once; both the model and the checker read it."""

    def __init__(self, team: Team) -> None:
        self.team = team
        self.days: list[date] = team.days
        self.n = len(self.days)
        self.index = {d: i for i, d in enumerate(self.days)}
        self.employees: list[Employee] = list(team.employees)
        self.shifts: list[ShiftType] = list(team.shifts)
        self.shift_by_code = team.shift_by_code
        self.calendar = WorkCalendar(team.country)
        overridden = {
            rule for e in self.employees for fld, rule in EMPLOYEE_OVERRIDES.items() if getattr(e, fld)
        }
        try:
            self.settings: list[RuleSetting] = resolve_rules(team.rules, overridden)
        except KeyError as exc:
            raise InputError(
                t("err.facts.unknown_rule", rule=repr(exc.args[0])),
                where=Location(sheet=t("team.sheet.rules")),
                fix=t("err.fix.one_of", known=", ".join(CATALOGUE)),
            ) from None
        self._check_codes()

    # ---- validation of references -------------------------------------------------------------
    def _check_codes(self) -> None:
        known = set(self.shift_by_code)
        ids = {e.id for e in self.employees}

        def bad_shift(code: str | None, what: str) -> None:
            if code is not None and code not in known:
                raise InputError(
                    t("err.facts.unknown_shift", what=what, code=repr(code), known=", ".join(sorted(known))),
                    where=Location(sheet=t("team.sheet.shifts")),
                    fix=t("err.facts.unknown_shift.fix"),
                )

        def bad_employee(eid: str, what: str) -> None:
            if eid not in ids:
                raise InputError(
                    t("err.facts.unknown_employee", what=what, id=repr(eid)),
                    where=Location(sheet=t("team.sheet.employees")),
                    fix=t("err.facts.unknown_employee.fix"),
                )

        for a in self.team.pinned:
            bad_employee(a.employee_id, t("err.facts.what.pinned"))
            bad_shift(a.shift, t("err.facts.what.pinned_on", id=a.employee_id, date=a.date))
        for a in self.team.history:
            bad_employee(a.employee_id, t("err.facts.what.history"))
            bad_shift(a.shift, t("err.facts.what.history_on", id=a.employee_id, date=a.date))
        for r in self.team.requests:
            bad_employee(r.employee_id, t("err.facts.what.request"))
            bad_shift(r.shift, t("err.facts.what.request_on", id=r.employee_id, date=r.date))
        for lv in self.team.leave:
            bad_employee(lv.employee_id, t("err.facts.what.leave"))
        for d in self.team.demand:
            bad_shift(d.shift, t("err.facts.what.demand"))
        for s in self.team.successions:
            bad_shift(s.first, t("err.facts.what.succession"))
            bad_shift(s.second, t("err.facts.what.succession"))
        for c in self.team.skill_cover:
            bad_shift(c.shift, t("err.facts.what.skill_cover"))

    # ---- rules in force --------------------------------------------------------------------------
    def rows(self, rule: str) -> list[RuleSetting]:
        return [s for s in self.settings if s.rule == rule]

    def enabled(self, rule: str) -> bool:
        return any(s.rule == rule for s in self.settings)

    @property
    def covers_intervals(self) -> bool:
        """Whether the team has interval requirements and a rule judging them (a call centre)."""
        return bool(self.team.requirements) and self.enabled("interval_coverage")

    # ---- employees and shifts --------------------------------------------------------------------
    def eligible(self, employee: Employee, code: str) -> bool:
        return employee.may_work(code)

    def work_minutes(self, code: str) -> int:
        return self.shift_by_code[code].work_minutes

    def is_night(self, code: str) -> bool:
        return self.shift_by_code[code].is_night

    def day_kind(self, i: int) -> DayKind:
        return self.calendar.kind(self.days[i])

    @cached_property
    def holidays(self) -> list[int]:
        return [i for i in range(self.n) if self.day_kind(i) == DayKind.HOLIDAY]

    @cached_property
    def weekends(self) -> list[list[int]]:
        """Day indexes of each weekend (Saturday and Sunday) touching the horizon."""
        groups: dict[date, list[int]] = {}
        for i, d in enumerate(self.days):
            if d.weekday() >= 5:
                saturday = d - timedelta(days=d.weekday() - 5)
                groups.setdefault(saturday, []).append(i)
        return [groups[k] for k in sorted(groups)]

    # ---- leave, pinned, history ------------------------------------------------------------------
    @cached_property
    def leave_full(self) -> dict[tuple[str, int], LeaveType]:
        found: dict[tuple[str, int], LeaveType] = {}
        for lv in self.team.leave:
            if lv.half_day is None:
                for i, d in enumerate(self.days):
                    if lv.covers(d):
                        found[(lv.employee_id, i)] = lv.type
        return found

    @cached_property
    def leave_half(self) -> dict[tuple[str, int], tuple[HalfDay, LeaveType]]:
        found: dict[tuple[str, int], tuple[HalfDay, LeaveType]] = {}
        for lv in self.team.leave:
            if lv.half_day is not None and lv.start in self.index:
                found[(lv.employee_id, self.index[lv.start])] = (lv.half_day, lv.type)
        return found

    def clashes_with_half_day(self, code: str, half: HalfDay) -> bool:
        """A shift clashes with a morning leave when it is on duty before noon, with an afternoon
        leave when it is on duty after noon (of the day it starts)."""
        shift = self.shift_by_code[code]
        day = date(2000, 1, 1)
        noon = datetime.combine(day, datetime.min.time()) + timedelta(minutes=NOON)
        if half == HalfDay.AM:
            return duty_minutes(shift, day, noon - timedelta(hours=12), noon) > 0
        return duty_minutes(shift, day, noon, noon + timedelta(hours=36)) > 0

    def leave_credit_minutes(self, employee_id: str, hours_per_day: float) -> int:
        full = sum(1 for (e, _i) in self.leave_full if e == employee_id)
        half = sum(1 for (e, _i) in self.leave_half if e == employee_id)
        return round((full + 0.5 * half) * hours_per_day * 60)

    @cached_property
    def pinned(self) -> dict[tuple[str, int], str | None]:
        return {
            (a.employee_id, self.index[a.date]): a.shift for a in self.team.pinned if a.date in self.index
        }

    @cached_property
    def history(self) -> dict[str, list[str | None]]:
        """Per employee, the shifts worked before the horizon (oldest first, None = day off), from the
        earliest history date given for that employee up to the day before the start."""
        by_emp: dict[str, dict[date, str | None]] = {}
        for a in self.team.history:
            if a.date < self.team.start:
                by_emp.setdefault(a.employee_id, {})[a.date] = a.shift
        result: dict[str, list[str | None]] = {}
        for eid, known in by_emp.items():
            first = min(known)
            span = (self.team.start - first).days
            result[eid] = [known.get(first + timedelta(days=k)) for k in range(span)]
        return result

    def history_of(self, employee_id: str) -> list[str | None]:
        return self.history.get(employee_id, [])

    # ---- per-employee limits ---------------------------------------------------------------------
    def limit(
        self, employee: Employee, field_name: str | None, setting: RuleSetting, param: str
    ) -> int | None:
        """The employee's own limit when set, else the rule row's parameter; None = no limit (a team
        parameter of 0 means none; an employee's own 0 is a limit of zero)."""
        own = getattr(employee, field_name) if field_name else None
        if own is not None:
            return int(own)
        value = int(setting.params.get(param, 0) or 0)
        return value or None

    def shift_limits(self, employee: Employee, setting: RuleSetting, specific: set[str]) -> dict[str, int]:
        """Per shift code, the cap of a ``max_shifts_per_type`` row for ``employee``: a row naming a
        shift caps that shift; the generic row (shift "") caps every shift no other row names."""
        code = str(setting.params.get("shift", "") or "")
        team_max = int(setting.params.get("max", 0) or 0)
        codes = [code] if code else [s.code for s in self.shifts if s.code not in specific]
        caps: dict[str, int] = {}
        for c in codes:
            if c in employee.max_shifts:
                caps[c] = employee.max_shifts[c]
            elif team_max:
                caps[c] = team_max
        return caps

    def specific_shift_rows(self) -> set[str]:
        return {str(r.params.get("shift")) for r in self.rows("max_shifts_per_type") if r.params.get("shift")}

    def fairness_values(self, measure: str) -> tuple[str, list[Employee]]:
        """What a fairness row spreads and among whom: (unit, eligible employees)."""
        if measure == "nights":
            nights = [s.code for s in self.shifts if s.is_night]
            return "nights", [e for e in self.employees if any(e.may_work(c) for c in nights)]
        if measure in ("weekends", "holidays", "hours"):
            return measure, [e for e in self.employees if any(e.may_work(s.code) for s in self.shifts)]
        raise InputError(
            t("err.facts.fairness", measure=repr(measure)),
            where=Location(sheet=t("team.sheet.rules")),
            fix=t("err.facts.fairness.fix"),
        )

    def fairness_factors(self, people: list[Employee]) -> dict[str, int]:
        """Each person's factor from their own count of a fairness measure to a whole horizon's, in
        ``FAIR_SCALE`` parts: someone on leave for half the month counts double, so fairness compares
        people pro rata to the days they are there (half-day leave counts half). People on leave the
        whole horizon are left out (no factor)."""
        factors = {}
        for e in people:
            away = sum(2 for i in range(self.n) if (e.id, i) in self.leave_full)
            away += sum(1 for i in range(self.n) if (e.id, i) in self.leave_half)
            present = 2 * self.n - away
            if present > 0:
                factors[e.id] = round(FAIR_SCALE * 2 * self.n / present)
        return factors

    def demand_weekday(self, day_index: int) -> int:
        """The weekday whose demand rows a day follows: a statutory holiday or a day off in lieu on a
        weekday runs like a Sunday, a make-up working day (调休) on a weekend like a Friday."""
        day = self.days[day_index]
        kind = self.day_kind(day_index)
        if day.weekday() < 5 and kind in (DayKind.HOLIDAY, DayKind.REST):
            return 6
        if day.weekday() >= 5 and kind == DayKind.MAKEUP:
            return 4
        return day.weekday()

    @cached_property
    def _demand_index(self) -> dict[tuple[str, str, object], object]:
        """The last ``ShiftDemand`` row per (shift, 'date'|'weekday'|'every', key): ``demand_row``
        looks rows up here instead of scanning every row for every day and shift (a year of 32
        shifts with 11,648 rows took minutes)."""
        index: dict[tuple[str, str, object], object] = {}
        for row in self.team.demand:
            if row.date is not None:
                index[(row.shift, "date", row.date)] = row
            elif row.weekday is not None:
                index[(row.shift, "weekday", row.weekday)] = row
            else:
                index[(row.shift, "every", None)] = row
        return index

    def demand_row(self, day_index: int, code: str):
        """The most specific ``ShiftDemand`` row for a day and shift (a date beats a weekday beats
        every day; among equals the last row wins), or None. Weekday rows follow the calendar
        (``demand_weekday``)."""
        index = self._demand_index
        row = index.get((code, "date", self.days[day_index]))
        if row is None:
            row = index.get((code, "weekday", self.demand_weekday(day_index)))
        if row is None:
            row = index.get((code, "every", None))
        return row

    def hours_bounds(self, employee: Employee, setting: RuleSetting) -> tuple[int, int]:
        """(min, max) work minutes over the horizon for ``employee`` (0 = no bound); the minimum is
        reduced by leave credited at ``leave_day_hours`` per day."""

        def team_minutes(param: str) -> int:
            value = setting.params.get(param, 0)
            if isinstance(value, str) and value.strip().lower() == "standard":
                return standard_month_minutes(self.n)
            try:
                return round(float(value) * 60)
            except (TypeError, ValueError):
                raise InputError(
                    t("err.facts.work_hours", param=param, value=repr(value)),
                    where=Location(sheet=t("team.sheet.rules")),
                    fix=t("err.facts.work_hours.fix"),
                ) from None

        low = (
            employee.min_work_minutes if employee.min_work_minutes is not None else team_minutes("min_hours")
        )
        high = (
            employee.max_work_minutes if employee.max_work_minutes is not None else team_minutes("max_hours")
        )
        if low:
            credit = self.leave_credit_minutes(employee.id, float(setting.params.get("leave_day_hours", 0)))
            low = max(0, low - credit)
        return low, high

    # ---- rest between shifts ---------------------------------------------------------------------
    def rest_minutes(self, first: str, second: str, gap_days: int) -> int:
        """Rest between ``first`` worked on day d and ``second`` on day d + gap_days."""
        a, b = self.shift_by_code[first], self.shift_by_code[second]
        _, end = a.span(date(2000, 1, 1))
        start, _ = b.span(date(2000, 1, 1) + timedelta(days=gap_days))
        return int((start - end).total_seconds() // 60)

    # ---- interval coverage ----------------------------------------------------------------------
    @cached_property
    def intervals(self) -> list[Interval]:
        reqs = sorted(self.team.requirements, key=lambda r: r.interval_start)
        if not reqs:
            return []
        starts = [r.interval_start for r in reqs]
        gaps = [int((b - a).total_seconds() // 60) for a, b in zip(starts, starts[1:], strict=False) if b > a]
        length = min(gaps) if gaps else self.team.interval_minutes
        length = math.gcd(length, 24 * 60) if length > 0 else self.team.interval_minutes
        first, last = (
            datetime.combine(self.days[0], datetime.min.time()),
            datetime.combine(self.days[-1] + timedelta(days=1), datetime.min.time()),
        )
        return [
            Interval(r.interval_start, length, r.agents_scheduled)
            for r in reqs
            if first <= r.interval_start < last
        ]

    def covers(self, code: str, day_index: int, interval: Interval) -> bool:
        """A shift covers an interval when its holder is on duty (break excluded) for at least half
        of it."""
        day = self.team.start + timedelta(days=day_index)
        end = interval.start + timedelta(minutes=interval.minutes)
        return 2 * duty_minutes(self.shift_by_code[code], day, interval.start, end) >= interval.minutes

    @cached_property
    def coverers(self) -> list[list[tuple[int, str]]]:
        """For each interval, the (day index, shift code) pairs that cover it; day -1 is the day before
        the horizon (history)."""
        result: list[list[tuple[int, str]]] = []
        for iv in self.intervals:
            base = (iv.start.date() - self.team.start).days
            pairs = []
            for di in (base - 1, base):
                if -1 <= di < self.n:
                    pairs += [(di, s.code) for s in self.shifts if self.covers(s.code, di, iv)]
            result.append(pairs)
        return result

    def history_on(self, employee_id: str, day_index: int) -> str | None:
        """The history shift of an employee on a day before the horizon (day_index < 0)."""
        hist = self.history_of(employee_id)
        k = len(hist) + day_index
        return hist[k] if 0 <= k < len(hist) else None

    # ---- skill cover windows --------------------------------------------------------------------
    def window_intervals(self, day_index: int, start_t, end_t, minutes: int) -> list[Interval]:
        """The intervals of a daily window (end before start: runs past midnight) on a day."""
        day = self.days[day_index]
        t0 = datetime.combine(day, start_t)
        t1 = datetime.combine(day, end_t)
        if t1 <= t0:
            t1 += timedelta(days=1)
        out = []
        at = t0
        while at < t1:
            out.append(Interval(at, minutes, 0))
            at += timedelta(minutes=minutes)
        return out

    def who(self, employee_id: str) -> str:
        e = self.team.employee_by_id.get(employee_id)
        return f"{employee_id} ({e.name})" if e is not None and e.name else employee_id
