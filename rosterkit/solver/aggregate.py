"""The month on the counts alone: how many people on each shift each day.

A small CP-SAT model with integer counts ``n[day, shift]`` instead of one boolean per person. It
keeps the coverage terms of the full model exactly (interval coverage and per-shift demand, same
weights) and only constraints every roster must satisfy (people available that day, no shift the
day after a shift it may not follow under hard minimum rest, at most ``window - days off`` working
days in every window under a hard weekly-rest rule). So it is a relaxation:

- its optimum is a proven lower bound of the full model's coverage cost, which ``solve`` adds to the
  full model as a redundant constraint (the full model's LP bound is far weaker: integrality of the
  counts matters, e.g. 52,503 vs 73,478 on the 60-agent benchmark month);
- its counts are targets for the greedy first roster.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from rosterkit.solver.facts import Facts

COVERAGE_RULES = ("interval_coverage", "shift_demand")


@dataclass
class Aggregate:
    targets: dict[tuple[int, str], int]  # (day index, shift code) -> people
    lower_bound: int  # of the cost of the rules ``rules`` of any roster
    optimal: bool
    rules: frozenset[str] = frozenset(COVERAGE_RULES)
    workdays: dict[str, int] = field(default_factory=dict)  # employee id -> working days (personal)


def coverage_model_applies(facts: Facts) -> bool:
    """The counts model needs soft interval coverage or shift demand rules to say anything."""
    cover_rows = [r for r in facts.settings if r.rule in COVERAGE_RULES]
    return bool(cover_rows) and not any(r.hard for r in facts.rows("interval_coverage"))


def add_counts(m: cp_model.CpModel, facts: Facts) -> tuple[dict[tuple[int, str], cp_model.IntVar], list]:
    """Add the counts ``n[day, shift]``, the constraints on them every roster satisfies, and the
    coverage cost terms (exactly as the full model counts them) to ``m``; returns (n, terms)."""
    f = facts
    codes = [s.code for s in f.shifts]
    people = len(f.employees)
    leave_on, pinned_on, eligible_on = (
        any(r.hard for r in f.rows(k)) for k in ("leave", "pinned", "eligibility")
    )
    avail = []
    for i in range(f.n):
        free = [
            e
            for e in f.employees
            if not (leave_on and (e.id, i) in f.leave_full)
            and not (pinned_on and f.pinned.get((e.id, i), "x") is None)
        ]
        avail.append(
            {c: sum(1 for e in free if not eligible_on or e.may_work(c)) for c in codes} | {"*": len(free)}
        )
    n = {(i, c): m.new_int_var(0, avail[i][c], f"n[{i},{c}]") for i in range(f.n) for c in codes}
    one_a_day = any(r.hard for r in f.rows("one_shift_per_day"))
    if one_a_day:
        for i in range(f.n):
            m.add(sum(n[(i, c)] for c in codes) <= avail[i]["*"])
    rest = [float(r.params.get("hours", 11)) for r in f.rows("min_rest") if r.hard]
    if rest and one_a_day:
        hours = max(rest)
        for i in range(1, f.n):
            for a in codes:
                bad = [b for b in codes if f.rest_minutes(a, b, 1) < hours * 60]
                if bad:
                    m.add(n[(i - 1, a)] + sum(n[(i, b)] for b in bad) <= avail[i]["*"])
    for row in f.rows("weekly_rest"):
        if not row.hard:
            continue
        size = int(row.params.get("window_days", 7))
        allowed = size - int(row.params.get("min_days_off", 1))
        for i in range(0, f.n - size + 1):
            m.add(sum(n[(j, c)] for j in range(i, i + size) for c in codes) <= allowed * people)
    terms = []
    for row in f.rows("interval_coverage"):
        under_w = int(row.params.get("under_weight", 100)) * row.weight
        over_w = int(row.params.get("over_weight", 1)) * row.weight
        for iv, pairs in zip(f.intervals, f.coverers, strict=True):
            known = sum(1 for di, c in pairs if di < 0 for e in f.employees if f.history_on(e.id, -1) == c)
            on = sum(n[(di, c)] for di, c in pairs if di >= 0) + known
            if under_w and iv.required:
                u = m.new_int_var(0, iv.required, "")
                m.add(on + u >= iv.required)
                terms.append(under_w * u)
            if over_w:
                o = m.new_int_var(0, people + known, "")
                m.add(on - o <= iv.required)
                terms.append(over_w * o)
    for row in f.rows("shift_demand"):
        w = row.weight
        for i in range(f.n):
            for c in codes:
                d = f.demand_row(i, c)
                if d is None:
                    continue
                for kind, bound, weight in (
                    ("min", d.min, d.under_weight * w),
                    ("max", d.max, d.over_weight * w),
                ):
                    if bound is None:
                        continue
                    if row.hard:
                        m.add(n[(i, c)] >= bound if kind == "min" else n[(i, c)] <= bound)
                    elif weight:
                        v = m.new_int_var(0, people, "")
                        m.add(n[(i, c)] + v >= bound if kind == "min" else n[(i, c)] - v <= bound)
                        terms.append(weight * v)
                if d.target is not None:
                    if d.under_weight * w and d.target:
                        u = m.new_int_var(0, d.target, "")
                        m.add(n[(i, c)] + u >= d.target)
                        terms.append(d.under_weight * w * u)
                    if d.over_weight * w:
                        o = m.new_int_var(0, people, "")
                        m.add(n[(i, c)] - o <= d.target)
                        terms.append(d.over_weight * w * o)
    return n, terms


def solve_counts(facts: Facts, dtime: float = 1.0, seed: int = 0, personal: bool = True) -> Aggregate | None:
    """Solve the counts model within ``dtime`` units of deterministic time (reproducible). With
    ``personal``, each person's least cost by working days (``bound.py``) joins it and the bound
    covers those rules too."""
    if not coverage_model_applies(facts):
        return None
    m = cp_model.CpModel()
    n, terms = add_counts(m, facts)
    rules = set(COVERAGE_RULES)
    workdays: dict = {}
    if personal and any(r.hard for r in facts.rows("one_shift_per_day")):
        from rosterkit.solver.bound import PERSONAL_RULES, add_personal_costs

        personal = add_personal_costs(m, facts, sum(n.values()))
        if personal is not None:
            terms += personal[0]
            workdays = personal[1]
            rules |= set(PERSONAL_RULES)
    m.minimize(sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = dtime
    solver.parameters.max_time_in_seconds = 60 * dtime + 5  # safety net only
    solver.parameters.random_seed = seed
    code = solver.solve(m)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    bound = int(-(-solver.best_objective_bound // 1))
    return Aggregate(
        {k: solver.value(v) for k, v in n.items()},
        bound,
        code == cp_model.OPTIMAL,
        frozenset(rules),
        {eid: solver.value(v) for eid, v in workdays.items()},
    )
