"""One employee's working days that keep every hard rule judged on working / not working.

CP-SAT can take a long time to find any month for one employee whose hard rules leave few
patterns: Curtois–Qu 22, employee I, must work 232 to 234 of 364 days, in runs of 2 to 5 days,
with at least 2 days off at a time, at most 26 weekends and 36 days off fixed: one CP-SAT worker
needed 6.4 units of deterministic time (about 20 s) for the whole one-person model and found
nothing in 30 s on the working days alone. A dynamic programme over the days settles it at once:
for each state (the current run of working days or days off, whether it touches the start of what
is known, the last days for the weekly-rest windows, whether this weekend is already worked) and
each count of working days so far, the fewest weekends worked. ``working_days`` then walks back
from a count the hours allow.

The rules judged exactly as the checker judges them (each only when hard): leave, pinned days,
maximum consecutive working days, minimum consecutive working days and days off (a run touching
either end of what is known is not judged), weekly rest, maximum weekends, and the number of
working days that work hours and shift caps allow (hours at the longest shift the employee may
work for the minimum, at the shortest for the maximum). Shift types (successions, rest between
shifts, runs of one type, caps per type) are left to the solve that follows with these days fixed.
"""

from __future__ import annotations

import numpy as np

from rosterkit.model import Employee
from rosterkit.solver.bound import fixed_days, hard_windows
from rosterkit.solver.facts import Facts

INF = 1 << 30

State = tuple[
    int, bool, tuple[bool, ...], bool
]  # (run: +work / -off / 0 none, touches start, last days, weekend worked)


def _hard_rows(f: Facts, rule: str) -> list:
    return [r for r in f.rows(rule) if r.hard]


def _least_limit(f: Facts, e: Employee, rule: str, param: str) -> int | None:
    values = [f.limit(e, rule, r, param) for r in _hard_rows(f, rule)]
    return min((v for v in values if v), default=None)


def _most_limit(f: Facts, e: Employee, rule: str, param: str) -> int | None:
    values = [f.limit(e, rule, r, param) for r in _hard_rows(f, rule)]
    return max((v for v in values if v), default=None)


def count_range(f: Facts, e: Employee) -> tuple[int, int]:
    """The numbers of working days the hard work hours and shift caps allow (a necessary range)."""
    codes = [s.code for s in f.shifts if not _hard_rows(f, "eligibility") or f.eligible(e, s.code)]
    minutes = [f.work_minutes(c) for c in codes]
    if not minutes:
        return 0, 0
    low, high = 0, f.n
    for r in _hard_rows(f, "work_hours"):
        least, most = f.hours_bounds(e, r)
        if least and max(minutes) > 0:
            low = max(low, -(-least // max(minutes)))
        if most and min(minutes) > 0:
            high = min(high, most // min(minutes))
    rows = _hard_rows(f, "max_shifts_per_type")
    if rows:
        specific = f.specific_shift_rows()
        caps: dict[str, int] = {}
        for r in rows:
            for code, cap in f.shift_limits(e, r, specific).items():
                caps[code] = min(cap, caps.get(code, cap))
        if all(c in caps for c in codes):
            high = min(high, sum(caps[c] for c in codes))
    return low, high


def working_days(facts: Facts, employee: Employee) -> list[bool] | None:
    """Working (True) or not for each day of the horizon, keeping the hard day-level rules (see the
    module docstring), with a count of working days nearest the middle of what the hours allow and
    the fewest weekends; None when no such pattern exists."""
    f, eid = facts, employee.id
    max_run = _least_limit(f, employee, "max_consecutive_days", "days")
    min_work = _most_limit(f, employee, "min_consecutive_days", "days")
    min_off = _most_limit(f, employee, "min_consecutive_days_off", "days")
    weekend_cap = _least_limit(f, employee, "max_weekends", "weekends")
    windows = hard_windows(f)
    memory = max([size - 1 for size, _ in windows] + [0])
    work_cap = max(max_run or 0, min_work or 0, 1)
    off_cap = max(min_off or 0, 1)
    fixed = fixed_days(f, eid)
    first_of_weekend = {days[0] for days in f.weekends if days} if weekend_cap is not None else set()
    in_weekend = {i for days in f.weekends for i in days} if weekend_cap is not None else set()

    hist = [c is not None for c in f.history_of(eid)]
    run, touch = 0, True
    for k, v in enumerate(hist):
        if run == 0 or (run > 0) != v:
            run, touch = (1 if v else -1), k == 0
        else:
            run = min(run + 1, work_cap) if v else max(run - 1, -off_cap)
    last = tuple(hist[-memory:]) if memory else ()
    if len(last) < memory:
        last = (False,) * (memory - len(last)) + last  # days before anything known: not worked
    # the fewest weekends worked, by state and count of working days so far
    start = np.full(f.n + 1, INF, dtype=np.int64)
    start[0] = 0
    tables: list[dict[State, np.ndarray]] = [{(run, touch, last, False): start}]

    def step(state: State, i: int, work: bool) -> tuple[State, int] | None:
        run, touch, last, counted = state
        if i in fixed and fixed[i] != work:
            return None
        if work:
            if run < 0 and min_off and -run < min_off and not touch:
                return None
            new_run, new_touch = (min(run + 1, work_cap), touch) if run > 0 else (1, False)
            if max_run is not None and run >= max_run:
                return None
        else:
            if run > 0 and min_work and run < min_work and not touch:
                return None
            new_run, new_touch = (max(run - 1, -off_cap), touch) if run < 0 else (-1, False)
        seq = (*last, work)
        for size, allowed in windows:
            if sum(seq[-size:]) > allowed:
                return None
        counted = counted and i not in first_of_weekend
        cost = int(work and i in in_weekend and not counted)
        counted = (counted or cost > 0) and i in in_weekend  # forgotten between weekends: fewer states
        return (new_run, new_touch, seq[len(seq) - memory :] if memory else (), counted), cost

    for i in range(f.n):
        nxt: dict[State, np.ndarray] = {}
        for state, values in tables[-1].items():
            for work in (False, True):
                moved = step(state, i, work)
                if moved is None:
                    continue
                target, cost = moved
                shifted = values + cost
                if work:
                    shifted = np.concatenate(([INF], shifted[:-1]))
                known = nxt.get(target)
                nxt[target] = shifted if known is None else np.minimum(known, shifted)
        if not nxt:
            return None
        tables.append(nxt)
    return _walk_back(tables, step, f.n, *count_range(f, employee), weekend_cap)


def _walk_back(tables, step, n: int, low: int, high: int, weekend_cap: int | None) -> list[bool] | None:
    """The days of a pattern ending in the best final (state, count): nearest the middle of
    ``[low, high]`` with at most ``weekend_cap`` weekends."""
    cap = INF - 1 if weekend_cap is None else weekend_cap
    middle = (low + min(high, n)) / 2
    best = None
    for state, values in tables[-1].items():
        for count in range(low, min(high, n) + 1):
            if values[count] <= cap:
                key = (abs(count - middle), values[count], count)
                if best is None or key < best[0]:
                    best = (key, state, count)
    if best is None:
        return None
    _, state, count = best
    days: list[bool] = []
    for i in range(n - 1, -1, -1):
        value = tables[i + 1][state][count]
        for before, values in tables[i].items():
            found = False
            for work in (False, True):
                moved = step(before, i, work)
                if moved is None or moved[0] != state:
                    continue
                previous = count - int(work)
                if previous >= 0 and values[previous] + moved[1] == value:
                    days.append(work)
                    state, count, found = before, previous, True
                    break
            if found:
                break
        else:
            raise AssertionError("the working-day table has no way back")  # cannot happen
    return days[::-1]
