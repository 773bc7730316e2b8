"""A roster built counts first: days off from the counts model, then shifts by CP-SAT.

    worked = counts_first_roster(facts, targets, time_limit_s=20, workers=2, seed=0)

Stage 1 gives every person one fixed day off a week (the weekday of the weekly-rest window), so
many people off on each weekday as the counts model's daily totals leave free (team leads and
staff who may not work some shifts spread over the week first). Stage 2 solves the full model with
those working days fixed: only the shift of each working day is left, a far smaller search that
CP-SAT often closes (the 60-agent benchmark month: 76,432 in 13 s on 2 workers, against 84,441 from
the full search in 30 s). The result is a starting roster for the full search, which may still move
days off. It applies when a hard weekly-rest rule asks one day off in a window (the usual "a day
off in every 7"); otherwise, or when stage 2 finds no roster in its time, it returns None.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from rosterkit.solver.build import build_model
from rosterkit.solver.facts import Facts
from rosterkit.solver.solve import wall_net

Triple = tuple[str, int, str]


def weekly_days_off(
    facts: Facts, targets: dict[tuple[int, str], int], workdays: dict[str, int] | None = None
) -> dict[str, list[bool]] | None:
    """Each person's working days: one fixed day off per weekly-rest window, as many off on each
    day of the cycle as the counts leave free; leave (half days too) off, pinned days as given;
    then more days off for whoever works more than ``workdays`` (the counts model's per person)
    and more than their maximum of hours allows. None if no hard
    weekly-rest rule of one day off applies."""
    f = facts
    rows = [r for r in f.rows("weekly_rest") if r.hard and int(r.params.get("min_days_off", 1)) == 1]
    if not rows or f.n < 2:
        return None
    size = min(int(r.params.get("window_days", 7)) for r in rows)
    if size < 2:
        return None
    codes = [s.code for s in f.shifts]
    people = [e.id for e in f.employees]
    free = [sum(1 for p in people if (p, i) not in f.leave_full) for i in range(f.n)]
    want = [0.0] * size
    seen = [0] * size
    for i in range(f.n):
        want[i % size] += free[i] - sum(targets.get((i, c), 0) for c in codes)
        seen[i % size] += 1
    want = [max(0.0, want[k] / seen[k]) for k in range(size)]
    scale = len(people) / sum(want) if sum(want) > 0 else 0.0
    want = [w * scale for w in want] if scale else [len(people) / size] * size
    # rarer people first: skilled groups (leads) spread evenly over the cycle, other groups in
    # proportion to the days off still wanted, the largest group last fills what is left
    groups: dict[tuple, list] = {}
    for e in f.employees:
        groups.setdefault((tuple(sorted(e.skills)), tuple(sorted(e.forbidden_shifts))), []).append(e.id)
    ordered = sorted(groups.items(), key=lambda kv: (not kv[0][0], len(kv[1])))
    allowed = {p: _first_days_off(f, p, size) for p in people}
    taken = [0] * size
    off_slot: dict[str, int] = {}
    for (skills, _forbidden), group in ordered:
        left = [max(0.0, want[k] - taken[k]) for k in range(size)]
        if skills or sum(left) <= 0:
            quota = [len(group) / size] * size
        else:
            quota = [len(group) * x / sum(left) for x in left]
        mine = [0] * size
        for p in sorted(group, key=lambda p: len(allowed[p])):
            k = max(allowed[p], key=lambda k: (quota[k] - mine[k], left[k]))
            off_slot[p] = k
            taken[k] += 1
            mine[k] += 1
    works: dict[str, list[bool]] = {}
    for p in people:
        days = []
        for i in range(f.n):
            if (p, i) in f.pinned:
                days.append(f.pinned[(p, i)] is not None)
            else:
                away = (p, i) in f.leave_full or (p, i) in f.leave_half
                days.append(i % size != off_slot[p] and not away)
        works[p] = _break_long_runs(f, p, days, size)
    if workdays:
        _trim_to_workdays(f, works, targets, workdays)
    return works


def _most_days_in_hours(f: Facts) -> dict[str, int]:
    """Per person with a maximum of hours (work_hours), the most working days within it when every
    shift is the longest they may work."""
    result: dict[str, int] = {}
    for row in f.rows("work_hours"):
        for e in f.employees:
            _low, high = f.hours_bounds(e, row)
            longest = max((f.work_minutes(s.code) for s in f.shifts if f.eligible(e, s.code)), default=0)
            if high and longest:
                result[e.id] = min(result.get(e.id, f.n), high // longest)
    return result


def _trim_to_workdays(
    f: Facts, works: dict[str, list[bool]], targets: dict[tuple[int, str], int], workdays: dict[str, int]
) -> None:
    """Extra days off for whoever works more days than both the counts model gives them and their
    maximum of hours allows, one at a time in turn: on the day with the most people beyond the counts,
    next to a day off where that ties (two days off together)."""
    codes = [s.code for s in f.shifts]
    surplus = [
        sum(works[p][i] for p in works) - sum(targets.get((i, c), 0) for c in codes) for i in range(f.n)
    ]
    most = _most_days_in_hours(f)
    excess = {
        p: sum(days) - max(workdays[p], most[p]) for p, days in works.items() if p in workdays and p in most
    }
    while any(x > 0 for x in excess.values()):
        for p in [p for p, x in excess.items() if x > 0]:
            days = works[p]
            free = [i for i in range(f.n) if days[i] and (p, i) not in f.pinned]
            if not free:
                excess[p] = 0
                continue

            def score(i: int, days: list[bool] = days) -> tuple:
                beside = (i > 0 and not days[i - 1]) or (i + 1 < f.n and not days[i + 1])
                return (surplus[i] + (1 if beside else 0), beside, -i)

            i = max(free, key=score)
            days[i] = False
            surplus[i] -= 1
            excess[p] -= 1


def _break_long_runs(f: Facts, eid: str, days: list[bool], size: int) -> list[bool]:
    """A pinned working day on the day off (or last month's run) can leave ``size`` working days in
    a row: the last free day of such a run becomes a day off."""
    run = 0
    for code in reversed(f.history_of(eid)):
        if code is None:
            break
        run += 1
    days = list(days)
    for i in range(f.n):
        run = run + 1 if days[i] else 0
        if run >= size:
            free = [j for j in range(i, max(-1, i - run), -1) if (eid, j) not in f.pinned]
            if free:
                days[free[0]] = False
                run = i - free[0]
    return days


def _first_days_off(f: Facts, eid: str, size: int) -> list[int]:
    """Days of the first cycle that may be the person's day off: after a run of working days at
    the end of last month, the first day off must come before the weekly-rest window closes."""
    run = 0
    for code in reversed(f.history_of(eid)):
        if code is None:
            break
        run += 1
    return list(range(max(1, size - run)))


# Stage 2 first runs this share of its time as a probe; when the probe has not beaten the roster in
# hand (``beat``), the days off are judged worse than that roster's and the rest of the time is left
# to the search. The example centre: stage 2 ends near 94,000 against the greedy 64,316, so most of
# the counts-first time goes back to the search; the sample centre beats the greedy 97,719 early.
PROBE_SHARE = 0.3


def _stage2_solver(workers: int, seed: int, deterministic: bool, seconds: float, rate: float):
    solver = cp_model.CpSolver()
    p = solver.parameters
    p.num_workers = max(1, workers)
    p.random_seed = seed
    if deterministic:
        p.interleave_search = workers > 1
        p.max_deterministic_time = max(0.01, seconds * rate)
        p.max_time_in_seconds = wall_net(seconds)
    else:
        p.max_time_in_seconds = max(0.1, seconds)
    return solver


def shifts_for_days(
    facts: Facts,
    works: dict[str, list[bool]],
    *,
    time_limit_s: float,
    workers: int,
    seed: int,
    deterministic: bool,
    dtime_per_second: float,
    beat: float | None = None,
    spent: list[float] | None = None,
) -> tuple[set[Triple], float] | None:
    """Stage 2: the full model (every rule, no symmetry order) with the working days fixed; the best
    roster found in the time and its objective, or None. With ``beat`` (the cost of a roster in
    hand), a probe of ``PROBE_SHARE`` of the time runs first and None comes back early when it finds
    nothing cheaper than ``beat``; otherwise stage 2 runs again from the start for the whole time (the
    same run as without a probe: continuing from the probe's roster in a second solve ended worse, the
    sample centre 77,278 against 76,427). ``spent`` gets the time limit of each CP-SAT run (what a
    deterministic caller charges for them, whatever the wall clock says)."""
    built = build_model(facts, symmetry=False)
    cells: dict[tuple[str, int], list] = {}
    for (eid, i, _code), var in built.x.items():
        cells.setdefault((eid, i), []).append(var)
    for (eid, i), variables in cells.items():
        if (eid, i) in facts.leave_full:
            continue
        built.model.add(sum(variables) == (1 if works[eid][i] else 0))
    if beat is not None:
        probe = _stage2_solver(workers, seed, deterministic, time_limit_s * PROBE_SHARE, dtime_per_second)
        code = probe.solve(built.model)
        if spent is not None:
            spent.append(time_limit_s * PROBE_SHARE)
        if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE) or probe.objective_value >= beat:
            return None
        if code == cp_model.OPTIMAL:
            return {key for key, v in built.x.items() if probe.boolean_value(v)}, probe.objective_value
    solver = _stage2_solver(workers, seed, deterministic, time_limit_s, dtime_per_second)
    code = solver.solve(built.model)
    if spent is not None:
        spent.append(time_limit_s)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return {key for key, v in built.x.items() if solver.boolean_value(v)}, solver.objective_value


def counts_first_roster(
    facts: Facts,
    targets: dict[tuple[int, str], int],
    workdays: dict[str, int] | None = None,
    *,
    time_limit_s: float,
    workers: int = 2,
    seed: int = 0,
    deterministic: bool = True,
    dtime_per_second: float = 0.1,
    beat: float | None = None,
    spent: list[float] | None = None,
) -> tuple[set[Triple], float] | None:
    """Stages 1 and 2 (see the module text); None when it does not apply or finds nothing (or,
    with ``beat``, when its probe finds nothing cheaper than ``beat``)."""
    works = weekly_days_off(facts, targets, workdays)
    if works is None:
        return None
    return shifts_for_days(
        facts,
        works,
        time_limit_s=time_limit_s,
        workers=workers,
        seed=seed,
        deterministic=deterministic,
        dtime_per_second=dtime_per_second,
        beat=beat,
        spent=spent,
    )
