"""Repair mode: someone fell sick on the 12th. Re-solve from a given day with every day before it
pinned to the previous roster, and as few changes as possible from that day on.

    result = repair(team, previous, date(2026, 3, 12), SolveOptions(time_limit_s=20))

Each employee-day from ``start`` on whose shift differs from ``previous`` costs ``change_weight``
(rule ``repair_changes``), on top of the team's own rules; the checker prices it the same way
(``check(..., previous=, repair_from=, change_weight=)``). The previous roster is the solution hint.
"""

from __future__ import annotations

from datetime import date

from rosterkit.errors import InputError, Location
from rosterkit.labels import t
from rosterkit.model import Assignment, Roster, RuleSetting, Team
from rosterkit.solver.build import build_model
from rosterkit.solver.check import REPAIR_RULE
from rosterkit.solver.solve import INFEASIBLE, SolveOptions, SolveResult, solve_built

DEFAULT_CHANGE_WEIGHT = 200


def pinned_before(team: Team, previous: Roster, start: date) -> Team:
    """The team with every day before ``start`` pinned to ``previous`` (a day off where it has none)."""
    if not team.start <= start <= team.end:
        raise InputError(
            t("err.repair.outside", day=start, start=team.start, end=team.end),
            where=Location(column="--repair-from"),
            fix=t("err.repair.outside.fix"),
        )
    known = {s.code for s in team.shifts}
    pins = [a for a in team.pinned if a.date >= start]
    for e in team.employees:
        for day in team.days:
            if day >= start:
                break
            code = previous.shift(e.id, day)
            if code is not None and code not in known:
                raise InputError(
                    t("err.repair.unknown_shift", code=repr(code), id=e.id, day=day),
                    where=Location(column="--previous"),
                    fix=t("err.repair.unknown_shift.fix"),
                )
            pins.append(Assignment(employee_id=e.id, date=day, shift=code))
    return team.model_copy(update={"pinned": tuple(pins)})


def repair(
    team: Team,
    previous: Roster,
    start: date,
    options: SolveOptions | None = None,
    change_weight: int = DEFAULT_CHANGE_WEIGHT,
) -> SolveResult:
    """Re-solve ``team`` from ``start`` with fewest changes to ``previous`` (see the module doc)."""
    from rosterkit.errors import NoSolutionFoundError
    from rosterkit.solver.explain import raise_infeasible

    options = options or SolveOptions()
    fixed = pinned_before(team, previous, start)
    built = build_model(fixed, symmetry=False)
    f = built.facts
    setting = RuleSetting(rule=REPAIR_RULE, hard=False, weight=change_weight)
    for e in f.employees:
        for i, day in enumerate(f.days):
            if day < start:
                continue
            before = previous.shift(e.id, day)
            xs = built.context.shifts_of(e.id, i)
            var, rec = built.context.penalty(setting, e.id, i, 1, change_weight, f"{e.id} on {day}: changed")
            if before is None or before not in f.shift_by_code:
                built.model.add(sum(xs) <= var)
            else:
                built.model.add(1 - built.x[(e.id, i, before)] <= var)
            built.penalties.append(rec)
    built.objective = sum(p.cost * p.var for p in built.penalties)
    built.model.minimize(built.objective)
    result = solve_built(built, _with_hint(options, previous))
    result.team = fixed
    if result.roster is None:
        if result.status == INFEASIBLE:
            raise_infeasible(fixed, time_limit_s=max(10.0, options.time_limit_s))
        raise NoSolutionFoundError(t("roster.no_solution", seconds=options.time_limit_s))
    return result


def _with_hint(options: SolveOptions, previous: Roster) -> SolveOptions:
    from dataclasses import replace

    return replace(options, hint=previous, symmetry=False)
