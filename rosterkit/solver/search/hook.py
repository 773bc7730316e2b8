"""The adapter between ``rosterkit.solver.solve`` and the search: cells and costs from the built model,
a rolling-horizon first roster for long horizons, progress reports, and the result in the solve
module's terms."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ortools.sat.python import cp_model

from rosterkit.solver.search import columns
from rosterkit.solver.search.construct import DTIME_PER_SECOND, construct_roster, per_employee_hard
from rosterkit.solver.search.exchange import Exchanger
from rosterkit.solver.search.lns import (
    FULL_SOLVE_SHARE,
    FULL_SOLVE_SHARE_INTERVALS,
    CostTerm,
    LnsProblem,
    solve_with_lns,
)
from rosterkit.solver.search.params import SUBSOLVE, SUBSOLVE_INTERVALS, set_solver_parameters
from rosterkit.solver.search.reroster import polish, triples, windowed
from rosterkit.solver.search.rolling import rolling_roster
from rosterkit.solver.solve import wall_net

# Above this many days the first roster comes from the rolling horizon (at 56, Curtois 19 got none).
LONG_HORIZON_DAYS = 84
ROLLING_SHARE = 0.8  # of the budget, for the rolling horizon
CONSTRUCT_SHARE = 0.25  # of the budget, for the employee-by-employee first roster
CONSTRUCT_WALL_TIMES = 3  # its wall-clock limit, in times the run's limit
POLISH_SHARE = 0.15  # of the run's limit, the most one re-rostering may be charged
# Column generation (columns.py) on a team tied only by per-shift demand: its share of what is left
# for the search, the share of what is left after it for the CP-SAT solve restricted to the cells it
# found, and the work units (columns.CALL_WORK) pricing does per worker-second (fitted on Curtois-Qu
# 7, 8, 12, 14 on 2026-12-05: 0.68; the 0.75 fitted before charged calls twice what they now take,
# so 12 stopped at 28 s of its 60 with nothing left for the search). Share 0.6 against 0.4, reproducible 60 s runs: 8 1503 / 1619, 9 439 / 539,
# 12 7022 / 6610; 5, 10 and 11 the same (1143, 4928, 3449).
COLUMNS_SHARE = 0.6
# Below this many shift cells (employees x days x shifts) CP-SAT's full search proves the optimum in
# a second or two where the relaxation's bound has a gap (Curtois-Qu 1, 112 cells: LP 558 against
# 607; the old path proved 607 in 1 s), so small teams keep the full solve and the LNS.
COLUMNS_MIN_CELLS = 500
RESTRICTED_SHARE = 0.5
PRICING_PER_SECOND = 0.68


def values_of(
    built: Any, worked: set[tuple[str, int, str]], time_limit_s: float
) -> tuple[list[int], float] | None:
    """Every model variable's value for the roster ``worked`` (shift variables fixed, the rest settled
    by the solver), with its objective; None if the roster breaks a hard rule of the whole horizon.
    ``time_limit_s`` only guards against a hang: with every shift fixed the solve is presolve and
    propagation, but on a year of 150 staff that is seconds, and a limit cut from what the search
    had left lost the first roster (Curtois 24 in the parallel mode)."""
    model = built.model.clone()
    model.clear_hints()
    variables = model.proto.variables
    for key, var in built.x.items():
        value = 1 if key in worked else 0
        domain = variables[var.index].domain
        if len(domain) != 2 or not domain[0] <= value <= domain[1]:
            return None
        domain[0] = value
        domain[1] = value
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = max(1.0, time_limit_s)
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return list(solver.response_proto.solution), solver.objective_value


def model_hint(model: cp_model.CpModel) -> tuple[list[int], float] | None:
    """The model's hint as a solution (every variable's value by index) with its objective, when it
    gives every variable a value; else None."""
    proto = model.proto
    hint = proto.solution_hint
    if len(hint.vars) != len(proto.variables):
        return None
    value = dict(zip(hint.vars, hint.values, strict=True))
    objective = proto.objective
    total = sum(c * value[v] for v, c in zip(objective.vars, objective.coeffs, strict=True))
    return [value[i] for i in range(len(proto.variables))], (total + objective.offset) * (
        objective.scaling_factor or 1.0
    )


def problem_of(built: Any) -> LnsProblem:
    """The LNS's view of a ``BuiltModel``: decision cells per (employee, day) and the cost terms."""
    facts = built.facts
    index = {e.id: i for i, e in enumerate(facts.employees)}
    cells: dict[tuple[int, int], list] = {}
    for (eid, day, _code), var in built.x.items():
        cells.setdefault((index[eid], day), []).append(var)
    day_index = {day: i for i, day in enumerate(facts.days)}
    costs = [
        CostTerm(p.var, p.cost, index.get(p.employee_id or ""), day_index.get(p.date))
        for p in built.penalties
        if p.cost > 0
    ]
    subsolve = SUBSOLVE_INTERVALS if facts.covers_intervals else SUBSOLVE
    return LnsProblem(built.model, cells, len(facts.employees), facts.n, costs, subsolve)


def polisher(built: Any, symmetry: bool, limit_s: float) -> Callable:
    """``LnsProblem.polish`` for ``built``: the incumbent's roster re-rostered one person at a time
    (``reroster.polish``), then days exchanged between pairs of people (``exchange.py``), back as
    the model's values, with the seconds it is charged (by the work done, so that the charge, and a
    reproducible run, does not depend on the load)."""
    facts = built.facts
    exchanger = Exchanger(facts)  # kept between calls: it remembers the pairs it has settled

    def run(values: list[int], passes: int) -> tuple[tuple[list[int], float] | None, float]:
        grid: dict[str, list[str | None]] = {e.id: [None] * facts.n for e in facts.employees}
        for (eid, day, code), var in built.x.items():
            if values[var.index]:
                grid[eid][day] = code
        done = polish(facts, grid, passes, limit_s=POLISH_SHARE * limit_s)
        swapped = exchanger.sweep(done.grid, limit_s=POLISH_SHARE * limit_s)
        charged = done.charged_s + swapped.charged_s
        if not done.kept and not swapped.kept:
            return None, charged
        worked = triples(swapped.grid)
        if symmetry:
            from rosterkit.solver.solve import order_for_symmetry

            worked = order_for_symmetry(facts, worked)
        return values_of(built, worked, limit_s), charged

    return run


def restricted(
    built: Any,
    support: set[tuple[str, int, str]],
    start: tuple[list[int], float],
    options: Any,
    limit_s: float,
) -> tuple[cp_model.CpModel, tuple[list[int], float]]:
    """The full model with every shift outside ``support`` fixed off, solved from ``start`` (a
    solution inside the support) for ``limit_s``: that model, and the better of its best solution
    and ``start``."""
    model = built.model.clone()
    model.clear_hints()
    variables = model.proto.variables
    for key, var in built.x.items():
        if key not in support:
            domain = variables[var.index].domain
            domain[0] = 0
            domain[1] = 0
    model.proto.solution_hint.vars.extend(range(len(start[0])))
    model.proto.solution_hint.values.extend(start[0])
    solver = cp_model.CpSolver()
    set_solver_parameters(
        solver,
        time_limit_s=limit_s,
        workers=options.workers,
        seed=options.seed,
        deterministic=options.deterministic,
    )
    status = solver.solve(model)
    model.clear_hints()
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and solver.objective_value < start[1]:
        return model, (list(solver.response_proto.solution), solver.objective_value)
    return model, start


def _from_relaxation(
    built: Any,
    options: Any,
    start: tuple[list[int], float],
    t0: float,
    charged: float,
    report: Callable[[float, float], None],
) -> tuple[tuple[list[int], float], float | None, float, cp_model.CpModel | None]:
    """Column generation from the roster ``start`` (columns.py), then the full model restricted to the
    cells the relaxation uses, solved from the better of ``start`` and the relaxation's dive (a
    roster of one column per employee). Returns the roster reached, the relaxation's proven lower
    bound (None unless it converged), the seconds charged so far (reproducible mode: by the work
    done, never by the wall clock) and the restricted model, which the LNS then searches (Curtois-Qu
    12, 60 s: 5412 with it, 7382 when the LNS searched the whole model after a longer restricted
    solve; 9 and 10: 439 and 4732 against 439 and 4733). The model is None when the generation could
    not afford its rounds, or did not converge and the restricted model held nothing better than
    ``start`` (a large team: Curtois-Qu 13); the full solve and the LNS then go on from the roster.
    """
    facts = built.facts
    workers = max(1, options.workers)
    left = options.time_limit_s - _spent(t0, charged, options)
    net = wall_net(options.time_limit_s) if options.deterministic else options.time_limit_s
    if options.deterministic:
        budget, wall = COLUMNS_SHARE * left * PRICING_PER_SECOND * workers, net - (time.perf_counter() - t0)
    else:
        budget, wall = float("inf"), COLUMNS_SHARE * left
    worked = {key for key, var in built.x.items() if start[0][var.index]}
    generated = columns.generate(
        facts, worked, work_budget=budget, workers=workers, seed=options.seed, wall_limit_s=wall
    )
    charged += generated.work / (PRICING_PER_SECOND * workers)
    if not generated.affordable:  # the first roster goes on to the full solve and the LNS
        return start, None, charged, None
    support, dived = generated.support, generated.rounded
    if options.symmetry:  # interchangeable people's months may be swapped into the symmetry order
        from rosterkit.solver.build import interchangeable_groups
        from rosterkit.solver.solve import order_for_symmetry

        for group in interchangeable_groups(facts):
            cells = {(i, code) for eid, i, code in support if eid in group}
            support = support | {(eid, i, code) for eid in group for i, code in cells}
        dived = order_for_symmetry(facts, dived)
    diving = values_of(built, dived, options.whole_limit_s)
    if diving is not None and diving[1] < start[1]:
        start = diving
    left = options.time_limit_s - _spent(t0, charged, options)
    model, reached = restricted(built, support, start, options, RESTRICTED_SHARE * left)
    charged += RESTRICTED_SHARE * left
    if reached[1] < start[1]:
        report(time.perf_counter() - t0, reached[1])
    if not generated.converged and reached[1] >= start[1]:
        return reached, None, charged, None  # a few rounds' cells held nothing better
    return reached, generated.bound(), charged, model


def _spent(t0: float, charged: float, options: Any) -> float:
    """Seconds of the budget used so far: in reproducible mode what the steps are charged (never the
    wall clock, which depends on the load), else the wall time."""
    return charged if options.deterministic else time.perf_counter() - t0


def run(built: Any, options: Any, cpsat: Callable[[Any, Any], Any], hinted: float | None = None) -> Any:
    """Solve ``built`` (a ``BuiltModel``) under ``options`` (``SolveOptions``); returns a ``RawSolution``.
    ``cpsat`` (the plain run) is not needed: the LNS runs its own full solve first. ``hinted``: the
    objective of the model's hint when that hint is a whole roster keeping every hard rule (None: the
    hint, if any, is not known to be one)."""
    from rosterkit.solver.build import build_model
    from rosterkit.solver.solve import Progress, RawSolution

    t0 = time.perf_counter()
    facts = built.facts
    problem = problem_of(built)
    if facts.covers_intervals and not windowed(facts):
        problem.polish = polisher(built, options.symmetry, options.whole_limit_s)

    def report(seconds: float, objective: float) -> None:
        if options.log is not None:
            options.log(Progress(objective, float("-inf"), seconds))

    initial = None
    first_s = None
    constructed = None
    charged = 0.0  # seconds of the budget the first-roster steps are charged (reproducible mode)
    if per_employee_hard(facts):
        work: list[float] = []
        worked = construct_roster(
            facts,
            time_limit_s=options.time_limit_s * CONSTRUCT_SHARE,
            seed=options.seed,
            workers=options.workers,
            # slow (a year of 150 staff: ~110 s) but the only way to a roster there: sized from the
            # whole run, so that the time the first steps took (more in the parallel mode) does not
            # end it (Curtois 24 had no roster in the parallel mode)
            wall_limit_s=CONSTRUCT_WALL_TIMES * options.whole_limit_s,
            work=work,
        )
        # charged by the work done (a month of 20 people: a fraction of a second), at most its share
        charged += min(
            options.time_limit_s * CONSTRUCT_SHARE, sum(work) / (DTIME_PER_SECOND * max(1, options.workers))
        )
        if worked is not None:
            if options.symmetry:
                from rosterkit.solver.solve import order_for_symmetry

                worked = order_for_symmetry(facts, worked)
            constructed = values_of(built, worked, options.whole_limit_s)
            if constructed is not None:
                first_s = time.perf_counter() - t0
                report(first_s, constructed[1])
                if hinted is not None and hinted < constructed[1]:
                    constructed = None  # the checked roster the model is hinted with is better
    long_horizon = facts.n > LONG_HORIZON_DAYS
    if long_horizon and constructed is not None:
        initial, constructed = constructed, None
    elif long_horizon and not facts.team.history and _spent(t0, charged, options) < options.time_limit_s / 2:
        charged += options.time_limit_s * ROLLING_SHARE
        worked = rolling_roster(
            facts.team,
            lambda team: build_model(team, symmetry=False),
            time_limit_s=options.time_limit_s * ROLLING_SHARE,
            workers=options.workers,
            seed=options.seed,
        )
        if worked is not None:
            initial = values_of(built, worked, options.whole_limit_s)
            if initial is not None:
                first_s = time.perf_counter() - t0
                report(first_s, initial[1])
    if constructed is None and initial is None and hinted is not None:
        # the checked roster the model is hinted with (greedy, counts-first): the LNS starts from it
        # when the full solve finds nothing in its share (its presolve alone may use it up, e.g. on
        # the sample centre), rather than the whole budget going to CP-SAT's portfolio
        constructed = model_hint(built.model)
    bound = None
    relax = len(built.x) >= COLUMNS_MIN_CELLS and not long_horizon and columns.applies(facts)
    if constructed is not None and relax:
        reached, bound, charged, model = _from_relaxation(built, options, constructed, t0, charged, report)
        if model is not None:
            initial, constructed = reached, None
            problem = replace(problem, model=model)  # the LNS searches the restricted model too
        else:  # the relaxation did not help: the full solve from the first roster, then the LNS
            constructed = reached
    left = options.time_limit_s - _spent(t0, charged, options)
    # the safety net of the whole run, not of the search alone: a slow first roster (a year of 150
    # staff, ~100 s) leaves the search less wall time rather than pushing the end further out
    net = wall_net(options.time_limit_s) if options.deterministic else options.time_limit_s
    result = solve_with_lns(
        problem,
        time_limit_s=max(0.5, left),
        workers=options.workers,
        seed=options.seed,
        on_solution=report,
        initial=initial,
        bound=bound,
        deterministic=options.deterministic,
        hint=constructed,
        full_share=FULL_SOLVE_SHARE_INTERVALS if facts.covers_intervals else FULL_SOLVE_SHARE,
        wall_limit_s=max(0.5, net - (time.perf_counter() - t0)),
    )
    if result.values is None:
        return RawSolution(result.status, None, None, result.bound)
    worked = {key for key, var in built.x.items() if result.values[var.index]}
    first = first_s if first_s is not None else result.first_solution_s
    return RawSolution(result.status, worked, result.objective, result.bound, first)
