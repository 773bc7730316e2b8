"""A first roster for a long horizon, built month by month (a rolling horizon).

CP-SAT on a whole year of a large team may find no roster at all in a minute. This builds one the
way a supervisor would: solve the first four weeks (plus a week of look-ahead, so that no block is
left too short at the seam), keep the four weeks, hand them to the next window as its history (the
ordinary history rule of spec section 4), and so on. Horizon-wide limits are shared out as the
windows go: after each window the running totals of minutes, shifts of each type and weekends must
stay within the team's limits prorated to the days each employee was available (maxima with slack:
two shifts' minutes, one shift of a type, one weekend, so that a window's range always holds a whole
number of shifts; the last window takes exactly what is left).

Each window is an ordinary ``Team`` solved by the ordinary model (``build_model``), so every rule
applies as it would in a monthly run. The result is a set of (employee, day index, shift) triples,
or None when a window finds no roster in its share of the time.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from datetime import timedelta

from ortools.sat.python import cp_model

from rosterkit.model import Assignment, Employee, RuleSetting, Team
from rosterkit.solver.search.params import set_solver_parameters

Triple = tuple[str, int, str]

WINDOW_DAYS = 14
LOOKAHEAD_DAYS = 7
HISTORY_DAYS = 14
MAX_BACKTRACKS = 4
WINDOW_HOURS_WEIGHT = 200  # per hour short of or over a window's share (a shift's under-cover costs ~100)


def _share(limit: int, done: float, total: float, used: int, slack: int, last: bool, upper: bool) -> int:
    """The part of a horizon-wide ``limit`` one window may use so that, after it, the running total
    stays within ``limit`` prorated to ``done`` of ``total`` available days (± ``slack``; exact at the
    end)."""
    if last:
        return max(0, limit - used)
    prorated = limit * done / total
    if upper:
        return max(0, min(limit, math.ceil(prorated) + slack) - used)
    return max(0, math.floor(prorated) - slack - used)


def _window_team(
    team: Team,
    first: int,
    end: int,
    worked: dict[tuple[str, int], str],
    seam: tuple[Assignment, ...] = (),
    soft_hours: bool = False,
) -> Team:
    """The ordinary team of days [first, end) with its history and its share of the limits (shared
    out by the days each employee is available: not pinned off, not on leave). With ``soft_hours``
    (a window's second try, never the last window), the share of hours is soft with a high weight: a
    window that cannot quite reach it still gives a roster, and the next windows make up the rest. ``seam`` pins the window's first day as
    the window before planned it in its look-ahead: a run that ends at the seam was judged there (the
    history rule does not judge a run lying wholly in the history)."""
    days = team.days
    last = end >= len(days)
    away = {(p.employee_id, p.date) for p in team.pinned if p.shift is None}
    away |= {(lv.employee_id, d) for lv in team.leave if lv.half_day is None for d in days if lv.covers(d)}
    start, stop = days[first], days[end - 1]
    lengths = {s.code: s.work_minutes for s in team.shifts}
    slack_minutes = max(lengths.values(), default=0)
    employees: list[Employee] = []
    for e in team.employees:
        available = [(e.id, d) not in away for d in days]
        total = max(1, sum(available))
        done = sum(available[:end])
        mine = {d: code for (eid, d), code in worked.items() if eid == e.id}
        minutes = sum(lengths[c] for c in mine.values())
        update: dict[str, object] = {}
        if e.max_work_minutes is not None:
            update["max_work_minutes"] = _share(
                e.max_work_minutes, done, total, minutes, 2 * slack_minutes, last, True
            )
        if e.min_work_minutes is not None:
            update["min_work_minutes"] = min(
                _share(e.min_work_minutes, done, total, minutes, 0, last, False),
                update.get("max_work_minutes", 10**9),
            )
        if e.max_shifts:
            update["max_shifts"] = {
                code: _share(cap, done, total, sum(1 for c in mine.values() if c == code), 1, last, True)
                for code, cap in e.max_shifts.items()
            }
        if e.max_weekends is not None:
            weekends = {days[d].isocalendar()[:2] for d in mine if days[d].weekday() >= 5}
            update["max_weekends"] = _share(e.max_weekends, done, total, len(weekends), 1, last, True)
        employees.append(e.model_copy(update=update))
    history = [
        Assignment(employee_id=e.id, date=days[d], shift=worked.get((e.id, d)))
        for e in team.employees
        for d in range(max(0, first - HISTORY_DAYS), first)
    ]
    rules = team.rules
    if soft_hours and not last:
        rules = tuple(r for r in rules if r.rule != "work_hours") + (
            RuleSetting(rule="work_hours", hard=False, weight=WINDOW_HOURS_WEIGHT),
        )
    return team.model_copy(
        update={
            "rules": rules,
            "start": start,
            "end": stop,
            "employees": tuple(employees),
            "history": tuple(history),
            "leave": tuple(lv for lv in team.leave if lv.end >= start and lv.start <= stop),
            "requests": tuple(r for r in team.requests if start <= r.date <= stop),
            "pinned": tuple(p for p in team.pinned if start <= p.date <= stop and p.date != start) + seam
            if seam
            else tuple(p for p in team.pinned if start <= p.date <= stop),
            "demand": tuple(dm for dm in team.demand if dm.date is None or start <= dm.date <= stop),
            "requirements": tuple(
                r for r in team.requirements if start <= r.interval_start.date() <= stop + timedelta(days=1)
            ),
        }
    )


def rolling_roster(
    team: Team,
    build: Callable[[Team], object],
    *,
    time_limit_s: float,
    workers: int,
    seed: int,
) -> set[Triple] | None:
    """A roster of the whole horizon built window by window (see the module docstring). ``build``
    is the ordinary model builder (``rosterkit.solver.build.build_model``)."""
    t0 = time.perf_counter()
    total = len(team.days)
    worked: dict[tuple[str, int], str] = {}
    starts: list[int] = []  # where each kept window began, for backtracking
    first, span, backtracks = 0, WINDOW_DAYS, 0
    seam: tuple[Assignment, ...] = ()
    seams: list[tuple[Assignment, ...]] = []
    while first < total:
        end = min(total, first + span + LOOKAHEAD_DAYS)
        if total - end < WINDOW_DAYS // 2:  # no short last window: take the rest now
            end = total
        windows_left = max(1, math.ceil((total - first) / WINDOW_DAYS))
        budget = (time_limit_s - (time.perf_counter() - t0)) / windows_left * span / WINDOW_DAYS
        for attempt in range(2):  # a window that finds nothing gets a second try, its hours soft
            built = build(_window_team(team, first, end, worked, seam, soft_hours=attempt > 0))
            solver = cp_model.CpSolver()
            limit = max(0.5, budget * (1 + attempt))
            set_solver_parameters(solver, time_limit_s=limit, workers=workers, seed=seed, deterministic=False)
            status = solver.solve(built.model)  # type: ignore[attr-defined]
            if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) or time.perf_counter() - t0 > time_limit_s:
                break
        if status == cp_model.INFEASIBLE and starts and backtracks < MAX_BACKTRACKS:
            # the seam left by the window before cannot be continued: redo both as one window
            first, seam = starts.pop(), seams.pop()
            worked = {(eid, d): c for (eid, d), c in worked.items() if d < first}
            span, backtracks = 2 * WINDOW_DAYS, backtracks + 1
            continue
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        keep = end if end == total else first + span
        planned: dict[str, str] = {}
        for (eid, day, code), var in built.x.items():  # type: ignore[attr-defined]
            if solver.boolean_value(var):
                if first + day < keep:
                    worked[(eid, first + day)] = code
                elif first + day == keep:
                    planned[eid] = code
        starts.append(first)
        seams.append(seam)
        if keep < total:
            seam = tuple(
                Assignment(employee_id=e.id, date=team.days[keep], shift=planned.get(e.id))
                for e in team.employees
            )
        first, span = keep, WINDOW_DAYS
    return {(eid, day, code) for (eid, day), code in worked.items()}
