"""A first roster built one employee at a time, for teams whose hard rules each bind one employee.

When every rule that ties employees together (cover of shifts and intervals, skill cover, fairness)
is soft, any combination of rosters that each keep their own employee's hard rules is a roster of
the team. Then a first roster can be built the way a supervisor fills a plan: take the employees one
after another, and give each the month that is best for the team as it stands: a small CP-SAT model
of that employee alone (the ordinary model of a one-person team, every rule in force but the cross-
employee ones) whose objective is the employee's own penalties (requests, soft rules) plus the
change in the cover penalties their shifts make, given the people already placed. One more person
on a shift changes a cover term by one unit, so that change is linear in the employee's shifts and
exact (a shift short of its target gains the under weight, one at or above it pays the over weight).

The cover penalties priced here are those of ``shift_demand`` (min, max, target rows) and
``interval_coverage``; skill cover and fairness are not priced (the search that follows sees them).
Everything is deterministic: one worker per employee, deterministic-time limits, employees in team
order (``workers`` at a time).

Measured (Curtois–Qu, 2 workers, a shared 2-core machine): a first roster of instance 20 (50 staff,
26 weeks) in about 25 s, of 21 (100 staff, 26 weeks) in about 50 s, where the full model found none
in 60 s. A one-person year with hard minimum and maximum minutes two shifts apart (Curtois 22,
employee I) has no roster from one CP-SAT worker in 15 s; its working days from the dynamic
programme of ``pattern.py``, then the shifts for those days, take a fraction of a second. When the
whole model fails for most employees, that comes first for everyone: Curtois 22-24 get a first
roster (24, 150 staff over a year: 100-130 s; slow, but the only roster found). Working days
first for everyone is worse where the whole model succeeds (Curtois 20: 74,272 vs 12,160 after the
search; 21: 156,705 vs 42,013): the days are chosen without the cover prices.

    if per_employee_hard(facts):
        worked = construct_roster(facts, time_limit_s=10, seed=0)   # (employee, day, shift) triples
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from ortools.sat.python import cp_model

from rosterkit.solver.facts import Facts
from rosterkit.solver.search.pattern import working_days

# Deterministic time per wall second of a one-employee solve (measured on Curtois 20-21: the LP
# search of a one-person model runs at about a quarter of the LNS's rate).
DTIME_PER_SECOND = 0.25  # one worker on a one-person model (measured with the search's old rate 1.0 / 4)

Triple = tuple[str, int, str]

RETRIES = 2
# Least deterministic time of one employee's solve: a one-person half year on Curtois 21 needs
# 0.04-0.1 to its first roster (about 0.4 s of wall time on this machine, whatever the limit).
LEAST_DTIME = 0.1
SWITCH_AFTER = 4  # employees tried before the construction may switch to working days first
CROSS_EMPLOYEE = frozenset({"interval_coverage", "shift_demand", "skill_cover", "fairness"})


def _has_rows(facts: Facts, rule: str) -> bool:
    """Whether a cross-employee rule has anything to judge in this team."""
    if rule == "shift_demand":
        return bool(facts.team.demand)
    if rule == "interval_coverage":
        return bool(facts.team.requirements)
    if rule == "skill_cover":
        return bool(facts.team.skill_cover)
    return True


def per_employee_hard(facts: Facts) -> bool:
    """True when every hard rule in force binds one employee at a time (each cross-employee rule is
    soft or has nothing to judge): then employee-by-employee rosters make a roster of the team."""
    return not any(s.hard and s.rule in CROSS_EMPLOYEE and _has_rows(facts, s.rule) for s in facts.settings)


class CoverPrices:
    """The cover terms of the soft cover rules and the people placed so far; ``price(day, code)`` is
    what one more person on that shift changes in the team's cover penalties."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        codes = [s.code for s in facts.shifts]
        self.count = {(i, c): 0 for i in range(facts.n) for c in codes}
        # (day, code) -> [(min, max, target, under weight, over weight)] of shift demand
        self.demand: dict[tuple[int, str], list[tuple[int | None, int | None, int | None, int, int]]] = {}
        for setting in facts.settings:
            if setting.rule != "shift_demand" or setting.hard:
                continue
            for i in range(facts.n):
                for c in codes:
                    row = facts.demand_row(i, c)
                    if row is None:
                        continue
                    terms = self.demand.setdefault((i, c), [])
                    under, over = row.under_weight * setting.weight, row.over_weight * setting.weight
                    terms.append((row.min, row.max, row.target, under, over))
        # interval k: people on duty so far (history included) and its rows' weights
        self.on_duty: list[int] = []
        self.interval_terms: list[list[tuple[int, int, int]]] = []  # (required, under, over)
        self.covering: dict[tuple[int, str], list[int]] = {}
        cover_rows = [s for s in facts.settings if s.rule == "interval_coverage" and not s.hard]
        if cover_rows and facts.team.requirements:
            for k, (iv, pairs) in enumerate(zip(facts.intervals, facts.coverers, strict=True)):
                known = sum(
                    1
                    for di, code in pairs
                    if di < 0
                    for e in facts.employees
                    if facts.history_on(e.id, -1) == code
                )
                self.on_duty.append(known)
                self.interval_terms.append(
                    [
                        (
                            iv.required,
                            int(s.params.get("under_weight", 100)) * s.weight,
                            int(s.params.get("over_weight", 1)) * s.weight,
                        )
                        for s in cover_rows
                    ]
                )
                for di, code in pairs:
                    if di >= 0:
                        self.covering.setdefault((di, code), []).append(k)

    def price(self, i: int, code: str) -> int:
        """The change in cover penalties from one more person on ``code`` on day ``i``."""
        c = self.count[(i, code)]
        delta = 0
        for low, high, target, under, over in self.demand.get((i, code), ()):
            if low is not None and c < low:
                delta -= under
            if high is not None and c >= high:
                delta += over
            if target is not None:
                if c < target:
                    delta -= under if target else 0
                else:
                    delta += over
        for k in self.covering.get((i, code), ()):
            on = self.on_duty[k]
            for required, under, over in self.interval_terms[k]:
                delta += -under if on < required else over
        return delta

    def place(self, i: int, code: str, sign: int = 1) -> None:
        """Count one more (``sign`` -1: one fewer) person on ``code`` on day ``i``."""
        self.count[(i, code)] += sign
        for k in self.covering.get((i, code), ()):
            self.on_duty[k] += sign


def one_employee_facts(facts: Facts, employee_id: str) -> Facts:
    """The facts of a team of one: that employee, their own leave, requests, pinned days and history,
    and the team's rules in force except the cross-employee ones."""
    team = facts.team
    alone = team.model_copy(
        update={
            "employees": tuple(e for e in team.employees if e.id == employee_id),
            "leave": tuple(x for x in team.leave if x.employee_id == employee_id),
            "requests": tuple(x for x in team.requests if x.employee_id == employee_id),
            "pinned": tuple(x for x in team.pinned if x.employee_id == employee_id),
            "history": tuple(x for x in team.history if x.employee_id == employee_id),
            "demand": (),
            "skill_cover": (),
            "requirements": (),
        }
    )
    one = Facts(alone)
    one.settings = [s for s in facts.settings if s.rule not in CROSS_EMPLOYEE]
    return one


def _solver(dtime: float, seed: int) -> cp_model.CpSolver:
    """One worker with the full LP relaxation (a single employee's month with hard minimum and
    maximum minutes: the default one-worker search found no roster in 5 s on Curtois 20, this one
    in 0.1-0.4 s), stopped by deterministic time ``dtime``."""
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.num_workers = 1
    params.linearization_level = 2
    params.random_seed = seed
    params.max_deterministic_time = dtime
    params.max_time_in_seconds = max(1.0, 10 * dtime / DTIME_PER_SECOND)
    return solver


def _fix_days(built: object, pattern: list[bool]) -> cp_model.CpModel:
    """A copy of the one-employee model with the working days of ``pattern`` fixed."""
    fixed = built.model.clone()  # type: ignore[attr-defined]
    by_day: dict[int, list] = {}
    for (_eid, i, _code), var in built.x.items():  # type: ignore[attr-defined]
        by_day.setdefault(i, []).append(fixed.get_bool_var_from_proto_index(var.index))
    for i, work in enumerate(pattern):
        fixed.add(sum(by_day.get(i, [])) == int(work))
    return fixed


def _solve_one(
    built: object,
    dtime: float,
    seed: int,
    days: Callable[[], list[bool] | None] | None = None,
    days_first: bool = False,
) -> tuple[set[tuple[int, str]] | None, bool, float]:
    """The (day, shift) pairs of one employee's best month found (None: none), whether the first
    try of the whole model found nothing, and the deterministic time the tries used.

    Tries, in order: the whole model (``dtime``), again with four times the time; the model with
    the working days of ``days()`` fixed (see ``pattern.py``: chosen without the cover prices, so
    worse when the whole model succeeds) and four times the time, since choosing shifts to fit the
    hours may need it (Curtois 23, employee O: 0.4 where the whole model needed 1.6); the whole
    model with sixteen times the time. With ``days_first`` the fixed days come first (a year of 32
    shift types, Curtois 24: the whole model finds nothing with 0.4, the fixed days are optimal in
    about 0.5 s)."""
    x: dict = built.x  # type: ignore[attr-defined]
    tries: list[tuple[str, float]] = [("whole", dtime * 4**k) for k in range(RETRIES + 1)]
    if days is not None:
        tries.insert(0 if days_first else 2, ("days", dtime * 4))
    whole_failed = False
    used = 0.0
    for kind, limit in tries:
        model = built.model  # type: ignore[attr-defined]
        if kind == "days":
            pattern = days()
            if pattern is None:
                continue
            model = _fix_days(built, pattern)
        solver = _solver(limit, seed)
        status = solver.solve(model)
        used += solver.deterministic_time
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return (
                {(i, code) for (_eid, i, code), var in x.items() if solver.boolean_value(var)},
                whole_failed,
                used,
            )
        if kind == "whole":
            if status != cp_model.UNKNOWN:
                return None, True, used  # the employee's own rules have no month
            whole_failed = whole_failed or limit == dtime
    return None, whole_failed, used


def _priced(built: object, prices: CoverPrices) -> object:
    """Set the one-employee model's objective: its own penalties plus the cover change of its shifts."""
    cells = [(var, prices.price(i, code)) for (_eid, i, code), var in built.x.items()]  # type: ignore[attr-defined]
    cells = [(v, p) for v, p in cells if p]
    extra = cp_model.LinearExpr.weighted_sum([v for v, _ in cells], [p for _, p in cells])
    built.model.minimize(built.objective + extra)  # type: ignore[attr-defined]
    return built


def construct_roster(
    facts: Facts,
    *,
    time_limit_s: float,
    seed: int = 0,
    workers: int = 1,
    wall_limit_s: float | None = None,
    build: Callable[[Facts], object] | None = None,
    days_first: bool | None = None,
    work: list[float] | None = None,
) -> set[Triple] | None:
    """A roster of the team built employee by employee (see the module docstring), or None when
    one employee's own rules have no roster in their share of the time (or none at all).

    ``workers`` employees are solved at once (one CP-SAT worker each, in threads), each priced on
    the team as it stood before the batch. Each solve has an equal share of ``time_limit_s``,
    converted to deterministic time (at least ``LEAST_DTIME``), so the result depends only on the
    team, the seed and the workers; the wall clock stops the construction (None) only past
    ``wall_limit_s`` (default and at least three times ``time_limit_s`` plus 10 s): a large team
    or an overloaded machine. ``days_first``: each employee's working days (``pattern.py``) come
    before the whole one-employee model; None (the default): once the whole model has found nothing
    in its first try for more than half of at least ``SWITCH_AFTER`` employees (a year of 32 shift
    types, Curtois 24, where none succeeds), the others start from their working days. ``work``, when
    given, gets the deterministic time the solves used (summed over the workers) appended."""
    if build is None:
        from rosterkit.solver.build import build_model

        def build(one: Facts) -> object:
            return build_model(one, symmetry=False)

    t0 = time.perf_counter()
    prices = CoverPrices(facts)
    parallel = max(1, workers)
    dtime = max(LEAST_DTIME, time_limit_s * parallel / max(1, len(facts.employees)) * DTIME_PER_SECOND)
    wall = max(3 * time_limit_s + 10, wall_limit_s or 0.0)
    worked: set[Triple] = set()
    employees = list(facts.employees)
    adapt, days_first, tried, failed = days_first is None, bool(days_first), 0, 0
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        for first in range(0, len(employees), parallel):
            batch = employees[first : first + parallel]
            models = [_priced(build(one_employee_facts(facts, e.id)), prices) for e in batch]
            patterns = [lambda e=e: working_days(facts, e) for e in batch]
            first_days = [days_first] * len(batch)
            found = list(
                pool.map(lambda m, p, d: _solve_one(m, dtime, seed, p, d), models, patterns, first_days)
            )
            for e, (mine, whole_failed, used) in zip(batch, found, strict=True):
                if work is not None:
                    work.append(used)
                if mine is None:
                    return None
                tried += 1
                failed += whole_failed
                days_first = days_first or (adapt and tried >= SWITCH_AFTER and 2 * failed > tried)
                for i, code in sorted(mine):
                    worked.add((e.id, i, code))
                    prices.place(i, code)
            if time.perf_counter() - t0 > wall:
                return None
    return worked
