"""What each person's month costs at the least, by how many days they work: a term of the bound.

For one person, ``least_cost(facts, employee)[w]`` is the least cost of the rules that only need
working / not working (the soft minimum of consecutive days off, day-off and day-on requests, the
cost of ``work_hours`` under the minimum or over the maximum, or no month at all when they are
hard), over every sequence of working days of that person with ``w``
working days keeping the hard rules of that kind (weekly rest, maximum consecutive days, leave,
pinned days, history); None when no such sequence exists. A dynamic programme over the days,
judging each rule exactly as the checker does (a run of days off touching either end of what is
known is not judged; hours count every shift at the longest one the person may work below the
minimum and at the shortest above the maximum, which only lowers the cost).

``add_personal_costs`` adds, per person, the working-day count ``w`` and a cost at least the
convex envelope of that table to a counts model, tied to the counts (``sum_p w_p = shifts
worked``). Every roster has, per person, a ``w`` and a cost at least the table's, so the counts
model with these terms is still a relaxation of the full model: its optimum bounds the cost of the
coverage rules plus ``PERSONAL_RULES``.
"""

from __future__ import annotations

import numpy as np
from ortools.sat.python import cp_model

from rosterkit.model import Employee, RequestKind
from rosterkit.solver.facts import Facts

PERSONAL_RULES = ("min_consecutive_days_off", "requests", "work_hours")
INF = 10**12


def _hard(f: Facts, rule: str) -> bool:
    return any(r.hard for r in f.rows(rule))


def hard_windows(f: Facts) -> list[tuple[int, int]]:
    """(window size, most working days in it) of each hard weekly-rest row."""
    return [
        (
            int(r.params.get("window_days", 7)),
            int(r.params.get("window_days", 7)) - int(r.params.get("min_days_off", 1)),
        )
        for r in f.rows("weekly_rest")
        if r.hard
    ]


def fixed_days(f: Facts, eid: str) -> dict[int, bool]:
    """Day index -> working or not, for the days hard leave and hard pinned days decide."""
    fixed: dict[int, bool] = {}
    if _hard(f, "leave"):
        fixed.update({i: False for (e, i) in f.leave_full if e == eid})
    if _hard(f, "pinned"):
        fixed.update({i: code is not None for (e, i), code in f.pinned.items() if e == eid})
    return fixed


def least_cost(facts: Facts, employee: Employee) -> list[int | None]:
    """The least personal cost for each number of working days 0..n (None: impossible)."""
    f, eid = facts, employee.id
    hist = [c is not None for c in f.history_of(eid)]
    h = len(hist)
    windows = hard_windows(f)
    limits = [
        f.limit(employee, "max_consecutive_days", r, "days") for r in f.rows("max_consecutive_days") if r.hard
    ]
    run_limit = min((x for x in limits if x is not None), default=None)
    need, off_weight = 0, 0
    for r in f.rows("min_consecutive_days_off"):
        if r.hard:
            continue  # a hard minimum: left out (a relaxation)
        value = f.limit(employee, "min_consecutive_days_off", r, "days") or 0
        if value > need:
            need, off_weight = value, r.weight
    memory = max([size - 1 for size, _ in windows] + [run_limit or 0, 1])
    day_cost = [[0, 0] for _ in range(f.n)]  # [off, work] cost of requests per day
    for row in f.rows("requests"):
        for r in f.team.requests:
            if r.employee_id != eid or r.date not in f.index or row.hard:
                continue
            i, cost = f.index[r.date], r.weight * row.weight
            if r.kind == RequestKind.SHIFT_ON:
                day_cost[i][0] += cost
            elif r.shift is None:
                day_cost[i][1] += cost
    fixed = fixed_days(f, eid)

    # state: (last `memory` days worked, length of the current run off (capped), run off touches start)
    start_off = 0
    for v in hist:
        start_off = 0 if v else start_off + 1
    touches = h == 0 or not any(hist)
    state0 = (tuple(hist[-memory:]) if h else (), min(start_off, need), touches)
    first = np.full(f.n + 1, INF, dtype=np.int64)
    first[0] = 0
    table: dict[tuple, np.ndarray] = {state0: first}  # state -> least cost by working days so far
    valid: dict[tuple, bool] = {}  # the hard window rules on the last days
    for i in range(f.n):
        nxt: dict[tuple, np.ndarray] = {}
        for (last, off_run, touch), costs in table.items():
            for work in (False, True):
                if i in fixed and fixed[i] != work:
                    continue
                seq = (*last, work)
                if seq not in valid:
                    valid[seq] = not any(
                        len(seq) >= size and sum(seq[-size:]) > allowed for size, allowed in windows
                    ) and not (
                        work and run_limit is not None and len(seq) > run_limit and all(seq[-run_limit - 1 :])
                    )
                if not valid[seq]:
                    continue
                cost = day_cost[i][int(work)]
                if work and 0 < off_run < need and not touch:
                    cost += (need - off_run) * off_weight
                state = (
                    seq[-memory:],
                    0 if work else min(off_run + 1, need),
                    touch and not work,
                )
                moved = costs + cost
                if work:
                    moved = np.concatenate(([INF], moved[:-1]))
                target = nxt.get(state)
                nxt[state] = moved if target is None else np.minimum(target, moved)
        table = nxt
    best = np.min(np.stack(list(table.values())), axis=0) if table else np.full(f.n + 1, INF)
    hours = _hours_cost(f, employee)
    costs = [None if best[w] >= INF else hours(w) for w in range(f.n + 1)]
    return [None if c is None else int(best[w]) + c for w, c in enumerate(costs)]


def _hours_cost(f: Facts, employee: Employee):
    """The work_hours cost by working days: under the minimum with every shift at the longest the
    person may work, over the maximum with every shift at the shortest (both at most the truth);
    None for a count of days that breaks a hard row even so."""
    everything = not _hard(f, "eligibility")
    minutes = [f.work_minutes(s.code) for s in f.shifts if everything or f.eligible(employee, s.code)]
    longest, shortest = max(minutes, default=0), min(minutes, default=0)
    rows = [(r, *f.hours_bounds(employee, r)) for r in f.rows("work_hours")]

    def cost(w: int) -> int | None:
        total = 0
        for r, low, high in rows:
            short = -(-(low - longest * w) // 60) if low and longest * w < low else 0
            over = -(-(shortest * w - high) // 60) if high and shortest * w > high else 0
            if r.hard and (short or over):
                return None  # no month of w working days keeps the hard hours
            total += r.weight * (short + over)
        return total

    return cost


def convex_envelope(values: list[int | None]) -> list[tuple[int, int]]:
    """The vertices (w, cost) of the lower convex envelope of the defined points."""
    hull: list[tuple[int, int]] = []
    for p in [(w, c) for w, c in enumerate(values) if c is not None]:
        while len(hull) >= 2:
            (x1, y1), (x2, y2) = hull[-2], hull[-1]
            if (y2 - y1) * (p[0] - x1) >= (p[1] - y1) * (x2 - x1):
                hull.pop()
            else:
                break
        hull.append(p)
    return hull


def add_personal_costs(m: cp_model.CpModel, facts: Facts, shifts_worked) -> tuple[list, dict] | None:
    """Per person a working-day count and a cost at least the convex envelope of ``least_cost``;
    the counts sum to ``shifts_worked``. Returns the cost terms and the counts by employee id, or
    None if someone has no feasible month (the counts model then says nothing of it)."""
    tables: dict[tuple, list[int | None]] = {}
    terms, total, counts = [], [], {}
    for e in facts.employees:
        key = _personal_key(facts, e)
        if key not in tables:
            tables[key] = least_cost(facts, e)
        values = tables[key]
        hull = convex_envelope(values)
        if not hull:
            return None
        w = m.new_int_var(hull[0][0], hull[-1][0], f"w[{e.id}]")
        top = max(c for _, c in hull)
        cost = m.new_int_var(0, max(0, top), f"personal[{e.id}]")
        for (x1, y1), (x2, y2) in zip(hull, hull[1:], strict=False):
            # (x2 - x1) * cost >= (x2 - x1) * y1 + (y2 - y1) * (w - x1)
            m.add((x2 - x1) * cost >= (x2 - x1) * y1 + (y2 - y1) * (w - x1))
        if len(hull) == 1:
            m.add(cost >= hull[0][1])
        total.append(w)
        terms.append(cost)
        counts[e.id] = w
    m.add(sum(total) == shifts_worked)
    return terms, counts


def _personal_key(f: Facts, e: Employee) -> tuple:
    """People with the same key have the same table (no leave, request, pinned day or history)."""
    own = (
        e.id in {r.employee_id for r in f.team.requests}
        or any(x == e.id for x, _ in f.leave_full)
        or any(x == e.id for x, _ in f.pinned)
        or bool(f.history_of(e.id))
    )
    return (e.id,) if own else ("plain", e.model_dump_json(exclude={"id", "name", "team", "skills"}))
