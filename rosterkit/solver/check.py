"""The independent checker: recounts every rule and its cost on a finished roster, in plain Python.

It never touches the CP model: it walks the roster day by day, finds runs, windows and totals, and
prices each breach the way the rule's documentation says. ``rosterkit check`` runs it on any roster
(the tool's own, or one edited by hand); every roster ``roster`` hands out goes through it, and the
tests assert that its cost equals the solver's objective.

    report = check(roster, team)
    report.violations   # hard rules broken, as named records in plain words
    report.penalties    # soft costs
    report.cost         # their sum: the objective of this roster
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from rosterkit.labels import get_language, t
from rosterkit.model import LeaveType, RequestKind, Roster, RuleSetting, Team
from rosterkit.model.leave import LEAVE_NAMES_ZH
from rosterkit.solver.facts import FAIR_SCALE, Facts, succession_cost

Grid = dict[str, list[str | None]]  # employee id -> shift code per day (None: not working)


def leave_name(lt: LeaveType) -> str:
    return LEAVE_NAMES_ZH[lt] if get_language() == "zh" else lt.value


@dataclass(frozen=True)
class Finding:
    """One breach of a rule: hard (a violation) or soft (a penalty with its cost)."""

    rule: str
    employee_id: str | None
    date: date | None
    cost: int
    message: str
    hard: bool = False

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "employee_id": self.employee_id,
            "date": self.date.isoformat() if self.date else None,
            "cost": self.cost,
            "message": self.message,
        }


@dataclass
class CheckReport:
    violations: list[Finding] = field(default_factory=list)
    penalties: list[Finding] = field(default_factory=list)

    @property
    def cost(self) -> int:
        return sum(p.cost for p in self.penalties)

    @property
    def hard_violations(self) -> int:
        return len(self.violations)


class _Judge:
    """Turns breaches of one rule row into findings (hard, or soft with a cost)."""

    def __init__(self, facts: Facts, setting: RuleSetting) -> None:
        self.facts = facts
        self.setting = setting
        self.found: list[Finding] = []

    def breach(self, eid: str | None, day: int | date | None, message: str, cost: int = 0, hard=None) -> None:
        hard = self.setting.hard if hard is None else hard
        if isinstance(day, int):
            day = self.facts.days[day] if 0 <= day < self.facts.n else None
        if hard:
            self.found.append(Finding(self.setting.rule, eid, day, 0, message, True))
        elif cost:
            self.found.append(Finding(self.setting.rule, eid, day, cost, message, False))


# ---- per day ------------------------------------------------------------------------------------
def _one_shift_per_day(j: _Judge, grid: Grid) -> None:
    """A roster holds one code per employee and day, so this rule cannot break in one; readers reject
    a cell holding two shifts."""


def _eligibility(j: _Judge, grid: Grid) -> None:
    for e in j.facts.employees:
        for i, code in enumerate(grid[e.id]):
            if code is not None and not e.may_work(code):
                j.breach(
                    e.id, i, t("msg.eligibility", who=j.facts.who(e.id), code=code, date=j.facts.days[i])
                )


def _leave(j: _Judge, grid: Grid) -> None:
    f = j.facts
    for (eid, i), lt in f.leave_full.items():
        if grid[eid][i] is not None:
            j.breach(
                eid,
                i,
                t("msg.leave", who=f.who(eid), leave=leave_name(lt), date=f.days[i], code=grid[eid][i]),
            )
    for (eid, i), (half, _type) in f.leave_half.items():
        code = grid[eid][i]
        if code is not None and f.clashes_with_half_day(code, half):
            j.breach(
                eid,
                i,
                t("msg.half_leave", who=f.who(eid), half=t(f"word.{half.value}"), date=f.days[i], code=code),
            )


def _pinned(j: _Judge, grid: Grid) -> None:
    f = j.facts
    for (eid, i), code in f.pinned.items():
        if grid[eid][i] != code:
            want = code or t("word.day_off")
            j.breach(
                eid,
                i,
                t(
                    "msg.pinned",
                    who=f.who(eid),
                    want=want,
                    date=f.days[i],
                    have=grid[eid][i] or t("word.day_off"),
                ),
            )


def _requests(j: _Judge, grid: Grid) -> None:
    f = j.facts
    for r in f.team.requests:
        if r.date not in f.index:
            continue
        code = grid[r.employee_id][f.index[r.date]]
        hit = code is not None if r.shift is None else code == r.shift
        granted = hit if r.kind == RequestKind.SHIFT_ON else not hit
        if not granted:
            key = "msg.request_on" if r.kind == RequestKind.SHIFT_ON else "msg.request_off"
            msg = t(key, who=f.who(r.employee_id), what=r.shift or t("word.that_day"), date=r.date)
            j.breach(r.employee_id, r.date, msg, r.weight * j.setting.weight)


# ---- between shifts ------------------------------------------------------------------------------
def _code_at(f: Facts, grid: Grid, eid: str, i: int) -> str | None:
    return grid[eid][i] if i >= 0 else f.history_on(eid, i)


def _min_rest(j: _Judge, grid: Grid) -> None:
    f = j.facts
    hours = float(j.setting.params.get("hours", 11))
    for e in f.employees:
        for gap in (1, 2):
            for i in range(-gap, f.n - gap):
                a, b = _code_at(f, grid, e.id, i), grid[e.id][i + gap]
                if a is None or b is None:
                    continue
                rest = f.rest_minutes(a, b, gap)
                if rest < hours * 60:
                    msg = t(
                        "msg.min_rest",
                        who=f.who(e.id),
                        rest=f"{rest / 60:g}",
                        first=a,
                        second=b,
                        date=f.days[i + gap],
                        hours=f"{hours:g}",
                    )
                    j.breach(e.id, i + gap, msg, j.setting.weight)


def _shift_succession(j: _Judge, grid: Grid) -> None:
    f = j.facts
    for s in f.team.successions:
        hard = s.hard and j.setting.hard
        for e in f.employees:
            for i in range(-1, f.n - 1):
                if _code_at(f, grid, e.id, i) == s.first and grid[e.id][i + 1] == s.second:
                    msg = t(
                        "msg.succession", who=f.who(e.id), second=s.second, date=f.days[i + 1], first=s.first
                    )
                    j.breach(e.id, i + 1, msg, succession_cost(s, j.setting), hard=hard)


# ---- sequences -----------------------------------------------------------------------------------
def _series(f: Facts, grid: Grid, eid: str, test: Callable[[str | None], bool]) -> tuple[list[bool], int]:
    hist = f.history_of(eid)
    return [test(c) for c in hist] + [test(c) for c in grid[eid]], len(hist)


def _runs(values: list[bool]) -> list[tuple[int, int]]:
    runs, start = [], None
    for k, v in enumerate([*values, False]):
        if v and start is None:
            start = k
        elif not v and start is not None:
            runs.append((start, k - 1))
            start = None
    return runs


def _max_run(j: _Judge, eid: str, values: list[bool], hist: int, limit: int | None, what: str) -> None:
    """Each day of a run beyond ``limit`` that lies inside the horizon is one breach."""
    if not limit:
        return
    f = j.facts
    for a, b in _runs(values):
        for p in range(max(a + limit, hist), b + 1):
            msg = t("msg.max_run", who=f.who(eid), what=what, k=p - a + 1, date=f.days[p - hist], limit=limit)
            j.breach(eid, p - hist, msg, j.setting.weight)


def _min_run(j: _Judge, eid: str, values: list[bool], hist: int, limit: int | None, what: str) -> None:
    """A run shorter than ``limit``, not touching either end of what is known, costs weight x days
    missing."""
    if not limit:
        return
    f = j.facts
    for a, b in _runs(values):
        length = b - a + 1
        if a >= 1 and b <= len(values) - 2 and b >= hist - 1 and length < limit:
            first = f.days[max(a - hist, 0)]
            msg = t("msg.min_run", who=f.who(eid), length=length, what=what, date=first, limit=limit)
            j.breach(eid, a - hist, msg, j.setting.weight * (limit - length))


def _max_consecutive_days(j: _Judge, grid: Grid) -> None:
    for e in j.facts.employees:
        values, hist = _series(j.facts, grid, e.id, lambda c: c is not None)
        limit = j.facts.limit(e, "max_consecutive_days", j.setting, "days")
        _max_run(j, e.id, values, hist, limit, t("word.working"))


def _min_consecutive_days(j: _Judge, grid: Grid) -> None:
    for e in j.facts.employees:
        values, hist = _series(j.facts, grid, e.id, lambda c: c is not None)
        limit = j.facts.limit(e, "min_consecutive_days", j.setting, "days")
        _min_run(j, e.id, values, hist, limit, t("word.working_days"))


def _min_consecutive_days_off(j: _Judge, grid: Grid) -> None:
    for e in j.facts.employees:
        values, hist = _series(j.facts, grid, e.id, lambda c: c is None)
        limit = j.facts.limit(e, "min_consecutive_days_off", j.setting, "days")
        _min_run(j, e.id, values, hist, limit, t("word.days_off"))


def _shift_rule(j: _Judge, grid: Grid, runner: Callable) -> None:
    code = str(j.setting.params.get("shift", ""))
    limit = int(j.setting.params.get("days", 0) or 0)
    if code not in j.facts.shift_by_code:
        return
    for e in j.facts.employees:
        values, hist = _series(j.facts, grid, e.id, lambda c: c == code)
        runner(j, e.id, values, hist, limit, t("word.shifts_of", code=code) if runner is _min_run else code)


def _max_consecutive_shift(j: _Judge, grid: Grid) -> None:
    _shift_rule(j, grid, _max_run)


def _min_consecutive_shift(j: _Judge, grid: Grid) -> None:
    _shift_rule(j, grid, _min_run)


def _weekly_rest(j: _Judge, grid: Grid) -> None:
    f = j.facts
    size = int(j.setting.params.get("window_days", 7))
    off = int(j.setting.params.get("min_days_off", 1))
    for e in f.employees:
        values, hist = _series(f, grid, e.id, lambda c: c is not None)
        for start in range(0, len(values) - size + 1):
            end = start + size - 1
            if end < hist:
                continue
            excess = sum(values[start : end + 1]) - (size - off)
            if excess > 0:
                msg = t("msg.weekly_rest", who=f.who(e.id), off=off, size=size, date=f.days[end - hist])
                j.breach(e.id, end - hist, msg, j.setting.weight * excess)


# ---- totals --------------------------------------------------------------------------------------
def _work_hours(j: _Judge, grid: Grid) -> None:
    f = j.facts
    for e in f.employees:
        low, high = f.hours_bounds(e, j.setting)
        total = sum(f.work_minutes(c) for c in grid[e.id] if c is not None)
        if low and total < low:
            msg = t("msg.hours_under", who=f.who(e.id), total=f"{total / 60:g}", low=f"{low / 60:g}")
            j.breach(e.id, None, msg, j.setting.weight * -(-(low - total) // 60))
        if high and total > high:
            msg = t("msg.hours_over", who=f.who(e.id), total=f"{total / 60:g}", high=f"{high / 60:g}")
            j.breach(e.id, None, msg, j.setting.weight * -(-(total - high) // 60))


def _max_shifts_per_type(j: _Judge, grid: Grid) -> None:
    f = j.facts
    specific = f.specific_shift_rows()
    for e in f.employees:
        for code, cap in f.shift_limits(e, j.setting, specific).items():
            worked = sum(1 for c in grid[e.id] if c == code)
            if worked > cap:
                msg = t("msg.max_shifts", who=f.who(e.id), worked=worked, code=code, cap=cap)
                j.breach(e.id, None, msg, j.setting.weight * (worked - cap))


def _weekends_worked(f: Facts, grid: Grid, eid: str) -> int:
    return sum(1 for days in f.weekends if any(grid[eid][i] is not None for i in days))


def _max_weekends(j: _Judge, grid: Grid) -> None:
    f = j.facts
    for e in f.employees:
        cap = f.limit(e, "max_weekends", j.setting, "weekends")
        worked = _weekends_worked(f, grid, e.id)
        if cap is not None and worked > cap:
            msg = t("msg.max_weekends", who=f.who(e.id), worked=worked, cap=cap)
            j.breach(e.id, None, msg, j.setting.weight * (worked - cap))


# ---- team ----------------------------------------------------------------------------------------
def _on_duty(f: Facts, grid: Grid, pairs: list[tuple[int, str]], people=None) -> int:
    total = 0
    for e in f.employees if people is None else people:
        for di, code in pairs:
            if _code_at(f, grid, e.id, di) == code:
                total += 1
    return total


def _interval_coverage(j: _Judge, grid: Grid) -> None:
    f = j.facts
    under_w = int(j.setting.params.get("under_weight", 100)) * j.setting.weight
    over_w = int(j.setting.params.get("over_weight", 1)) * j.setting.weight
    for iv, pairs in zip(f.intervals, f.coverers, strict=True):
        have = _on_duty(f, grid, pairs)
        stamp = iv.start.strftime("%Y-%m-%d %H:%M")
        day = iv.start.date()
        if have < iv.required:
            msg = t("msg.coverage", stamp=stamp, have=have, required=iv.required)
            j.breach(None, day, msg, under_w * (iv.required - have))
        if have > iv.required:
            msg = t("msg.coverage", stamp=stamp, have=have, required=iv.required)
            j.breach(None, day, msg, over_w * (have - iv.required), hard=False)


def _shift_demand(j: _Judge, grid: Grid) -> None:
    f = j.facts
    w = j.setting.weight
    for i, day in enumerate(f.days):
        for s in f.shifts:
            row = f.demand_row(i, s.code)
            if row is None:
                continue
            have = sum(1 for e in f.employees if grid[e.id][i] == s.code)
            if row.min is not None and have < row.min:
                j.breach(
                    None,
                    i,
                    t("msg.demand_min", date=day, code=s.code, have=have, bound=row.min),
                    row.under_weight * w * (row.min - have),
                )
            if row.max is not None and have > row.max:
                j.breach(
                    None,
                    i,
                    t("msg.demand_max", date=day, code=s.code, have=have, bound=row.max),
                    row.over_weight * w * (have - row.max),
                )
            if row.target is not None and have < row.target:
                msg = t("msg.demand_target", date=day, code=s.code, have=have, bound=row.target)
                j.breach(None, i, msg, row.under_weight * w * (row.target - have), hard=False)
            if row.target is not None and have > row.target:
                msg = t("msg.demand_target", date=day, code=s.code, have=have, bound=row.target)
                j.breach(None, i, msg, row.over_weight * w * (have - row.target), hard=False)


def _skill_cover(j: _Judge, grid: Grid) -> None:
    f = j.facts
    for c in f.team.skill_cover:
        skilled = [e for e in f.employees if c.skill in e.skills]
        hard = c.hard and j.setting.hard
        weight = c.weight * j.setting.weight
        for i, day in enumerate(f.days):
            if c.weekdays and day.weekday() not in c.weekdays:
                continue
            if c.window_start is not None and c.window_end is not None:
                minutes = f.intervals[0].minutes if f.intervals else f.team.interval_minutes
                for iv in f.window_intervals(i, c.window_start, c.window_end, minutes):
                    base = (iv.start.date() - f.team.start).days
                    pairs = [
                        (di, s.code)
                        for di in (base - 1, base)
                        if -1 <= di < f.n
                        for s in f.shifts
                        if f.covers(s.code, di, iv)
                    ]
                    have = _on_duty(f, grid, pairs, skilled)
                    if have < c.min_people:
                        stamp = iv.start.strftime("%Y-%m-%d %H:%M")
                        msg = t("msg.skill", when=stamp, have=have, skill=c.skill, need=c.min_people)
                        j.breach(None, i, msg, weight * (c.min_people - have), hard=hard)
                continue
            for s in f.shifts if c.shift is None else [f.shift_by_code[c.shift]]:
                staffed = [e for e in f.employees if grid[e.id][i] == s.code]
                have = sum(1 for e in staffed if c.skill in e.skills)
                if staffed and have < c.min_people:
                    msg = t("msg.skill", when=f"{day} {s.code}", have=have, skill=c.skill, need=c.min_people)
                    j.breach(None, i, msg, weight * (c.min_people - have), hard=hard)


def fairness_value(f: Facts, grid: Grid, eid: str, unit: str) -> int:
    """An employee's count of a fairness measure (hours: in minutes)."""
    row = grid[eid]
    if unit == "nights":
        return sum(1 for c in row if c is not None and f.is_night(c))
    if unit == "holidays":
        return sum(1 for i in f.holidays if row[i] is not None)
    if unit == "weekends":
        return _weekends_worked(f, grid, eid)
    return sum(f.work_minutes(c) for c in row if c is not None)


def _fairness(j: _Judge, grid: Grid) -> None:
    f = j.facts
    unit, people = f.fairness_values(str(j.setting.params.get("measure", "nights")))
    factors = f.fairness_factors(people)  # pro rata to the days not on leave
    people = [e for e in people if e.id in factors]
    if len(people) < 2:
        return
    values = {e.id: fairness_value(f, grid, e.id, unit) * factors[e.id] for e in people}
    spread = max(values.values()) - min(values.values())
    scale = (60 if unit == "hours" else 1) * FAIR_SCALE
    most = max(values, key=values.__getitem__)
    least = min(values, key=values.__getitem__)
    shown = f"{spread / scale:.3g} h" if unit == "hours" else f"{spread / scale:.3g} {t('unit.' + unit)}"
    key = "msg.fairness" if len({factors[e.id] for e in people}) == 1 else "msg.fairness_pro_rata"
    msg = t(key, unit=t("unit." + unit), most=f.who(most), shown=shown, least=f.who(least))
    if j.setting.hard:
        if spread > int(j.setting.params.get("max_spread", 1)) * scale:
            j.breach(None, None, msg)
    elif spread:
        j.breach(None, None, msg, j.setting.weight * -(-spread // scale))


CHECKS: dict[str, Callable[[_Judge, Grid], None]] = {
    "interval_coverage": _interval_coverage,
    "shift_demand": _shift_demand,
    "skill_cover": _skill_cover,
    "one_shift_per_day": _one_shift_per_day,
    "eligibility": _eligibility,
    "leave": _leave,
    "pinned": _pinned,
    "requests": _requests,
    "min_rest": _min_rest,
    "shift_succession": _shift_succession,
    "max_consecutive_days": _max_consecutive_days,
    "min_consecutive_days": _min_consecutive_days,
    "min_consecutive_days_off": _min_consecutive_days_off,
    "max_consecutive_shift": _max_consecutive_shift,
    "min_consecutive_shift": _min_consecutive_shift,
    "weekly_rest": _weekly_rest,
    "work_hours": _work_hours,
    "max_shifts_per_type": _max_shifts_per_type,
    "max_weekends": _max_weekends,
    "fairness": _fairness,
}


def grid_of(facts: Facts, roster: Roster) -> Grid:
    grid: Grid = {e.id: [None] * facts.n for e in facts.employees}
    for (eid, day), code in roster.shifts.items():
        if eid in grid and day in facts.index:
            grid[eid][facts.index[day]] = code
    return grid


def check(
    roster: Roster,
    team: Team | Facts,
    *,
    only: set[str] | None = None,
    previous: Roster | None = None,
    repair_from: date | None = None,
    change_weight: int = 0,
) -> CheckReport:
    """Every rule in force (or ``only`` those named) recounted on ``roster``. With ``previous`` and
    ``repair_from`` (repair mode), each day from ``repair_from`` on that differs from ``previous``
    also costs ``change_weight``."""
    facts = team if isinstance(team, Facts) else Facts(team)
    grid = grid_of(facts, roster)
    report = check_grid(facts, grid, only)
    if previous is not None and repair_from is not None and change_weight:
        report.penalties += repair_changes(facts, grid, previous, repair_from, change_weight)
    return report


def check_grid(facts: Facts, grid: Grid, only: set[str] | None = None) -> CheckReport:
    """``check`` on a grid (employee id -> code per day) rather than a roster."""
    report = CheckReport()
    for setting in facts.settings:
        if only is not None and setting.rule not in only:
            continue
        judge = _Judge(facts, setting)
        CHECKS[setting.rule](judge, grid)
        for finding in judge.found:
            (report.violations if finding.hard else report.penalties).append(finding)
    return report


REPAIR_RULE = "repair_changes"


def repair_changes(facts: Facts, grid: Grid, previous: Roster, start: date, weight: int) -> list[Finding]:
    """Each employee-day from ``start`` on whose shift differs from ``previous``."""
    out = []
    for e in facts.employees:
        for i, day in enumerate(facts.days):
            if day < start:
                continue
            before, now = previous.shift(e.id, day), grid[e.id][i]
            if before != now:
                msg = t(
                    "msg.repair",
                    who=facts.who(e.id),
                    date=day,
                    before=before or t("word.off"),
                    now=now or t("word.off"),
                )
                out.append(Finding(REPAIR_RULE, e.id, day, weight, msg))
    return out
