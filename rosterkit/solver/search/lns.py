"""A large-neighbourhood search (LNS) over the roster model.

The search works on any built roster model that says which decision literals belong to each
(employee, day) cell: it never looks at the rules. It

1. solves the full model for a share of the budget (CP-SAT's interleaved search when
   ``deterministic``, else its parallel portfolio; either may prove optimality and gives the bound);
2. then repeats: pick a neighbourhood (a few employees over the whole horizon, a window of days for
   everyone, a few employees over a window, or the people and days around a penalty the incumbent
   pays), fix every other cell to the incumbent, re-solve
   that small model with the incumbent as hint under a short deterministic-time limit, and keep the
   result when it is no worse. Neighbourhood sizes adapt: a neighbourhood solved to optimality grows
   the next one of its kind, one that runs out of time shrinks it.

With ``workers`` > 1, that many neighbourhoods are solved at once (one CP-SAT worker each, in
threads: CP-SAT releases the GIL) and the best is kept, ties to the first, so the sequence of
incumbents depends only on the seed, the worker count and the deterministic budget (reproducible
mode: the wall clock is a safety net that ends the search early on a loaded machine, and then the
result may differ). In the parallel mode there is no deterministic budget: the wall clock ends it.

How one neighbourhood is solved (its limit, presolve or not) is the problem's ``subsolve``
(``params.py``): on a month with interval coverage CP-SAT's presolve of a neighbourhood cost more
than its whole limit, so it is off there.

A problem may also bring a ``polish`` (on a call-centre month: re-rostering one person at a time by
dynamic programming, ``reroster.py``, then exchanging days between two people, ``exchange.py``), run
on the incumbent at ``POLISH_AT`` shares of the budget.
CP-SAT could not solve even a one-person neighbourhood of the 60-agent month in its limit (its LP
over the month's coverage is weak), the programme solves it exactly in 20 ms; the two take turns:
the programme to a local optimum, CP-SAT's neighbourhoods over several people out of it. Its work
is charged to the deterministic budget at measured rates, so the run stays reproducible.

Measured (Curtois–Qu, 2 workers, a loaded 2-core machine): the LNS phase took instance 5 from 1354
to 1242 and instance 9 (interleaved start) from about 1800 to 683 in 30 s; on small instances
CP-SAT's full search does better (instance 3: 1001 with 90 % of the budget for it, 1004 with 50 %),
hence ``FULL_SOLVE_SHARE``; on call-centre months the LNS does better (``FULL_SOLVE_SHARE_INTERVALS``;
the example centre, 60 s: 59,953 against a bound of 58,559, 240 s in the parallel mode 59,441;
with the re-rostering, 60 s: 59,450).
On a team tied only by per-shift demand (the Curtois–Qu months) the hook first solves the whole-month
relaxation by column generation (``columns.py``) and hands this search the model restricted to the
cells it uses, started from that restricted model's best roster; see ``hook.py``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from rosterkit.solver.search.params import (
    SUBSOLVE,
    Subsolve,
    set_solver_parameters,
    set_subsolve_parameters,
)
from rosterkit.solver.solve import wall_net

Cell = tuple[int, int]  # (employee index, day index)

# On a month with interval coverage (a call centre) the full solve gains little on the counts-first
# roster and the LNS does better with the time (example centre, 60 s, 2 workers: share 0.05 -> 63,075
# reproducible / 63,158 parallel; 0.2 -> 63,647; 0.8 -> 64,248 / 63,674; the sample centre 76,407 at
# 0.05 vs 76,427 at 0.8).
FULL_SOLVE_SHARE_INTERVALS = 0.05
FULL_SOLVE_SHARE = 0.8  # of the budget, for the first full solve (0.4 gave Curtois 5 1238 vs 1261 and 10 5166 vs 5265 in one run each, but 3 then missed 1001 in 30 s: 1005)
# Measured with the re-rostering and not kept (example centre, 60 s, seeds 0-2, mean 59,417 with
# these): a kind around one person's penalty with random others (59,501) or with the people off on
# the days next to it (59,539), "costly" in place of "block" (59,471).
KINDS = ("employees", "days", "block", "costly")
# When (share of the LNS's budget used) the incumbent is re-rostered one person at a time, and how
# many passes over the team each time (see reroster.py and LnsProblem.polish)
# (example centre, reproducible, 60 s: at 0, 1/3, 2/3 59,534-59,657; at 0, 1/4, 1/2, 3/4 59,450; at 0
# and 1/2 with 3 passes 59,485; none 59,953)
POLISH_AT = (0.0, 0.25, 0.5, 0.75)
POLISH_PASSES = 2


@dataclass(frozen=True)
class CostTerm:
    """One penalty of the objective: its variable, its cost per unit, and whom / when it concerns
    (None: the whole team / the whole horizon). Guides the "costly" neighbourhood."""

    var: cp_model.IntVar
    cost: int
    employee: int | None
    day: int | None


@dataclass
class LnsProblem:
    """A built roster model and its decision cells. ``cells[(e, d)]`` lists the literals that decide
    employee ``e``'s day ``d`` (one per shift it may work there; empty when the day is fixed)."""

    model: cp_model.CpModel
    cells: Mapping[Cell, Sequence[cp_model.IntVar]]
    n_employees: int
    n_days: int
    costs: Sequence[CostTerm] = ()
    subsolve: Subsolve = SUBSOLVE  # how one neighbourhood is solved (params.py)
    # re-rostering one person at a time (reroster.py): incumbent values and passes -> the values and
    # objective it reached (None: nothing better) and the seconds it is charged
    polish: Callable[[list[int], int], tuple[tuple[list[int], float] | None, float]] | None = None


@dataclass
class LnsResult:
    status: str  # optimal | feasible | infeasible | unknown
    values: list[int] | None  # the value of every model variable in the best solution, by proto index
    objective: float | None
    bound: float | None
    seconds: float
    first_solution_s: float | None
    iterations: int = 0
    improvements: int = 0
    trace: list[tuple[float, float]] = field(default_factory=list)  # (seconds, objective) per new best


@dataclass
class _Sizes:
    """Adaptive share of employees / days relaxed per neighbourhood kind. On the example centre the
    shares fall to about a half of these within 20 s (employees 0.03-0.04, days 0.07-0.1, block 0.03,
    costly 0.1-0.17 at the end); starting there was measured and not kept (60 s, seeds 0-5: median
    59,150 against 59,148, the seeds moving by up to 44 either way)."""

    share: dict[str, float] = field(
        default_factory=lambda: {"employees": 0.15, "days": 0.2, "block": 0.3, "costly": 0.2}
    )

    def update(self, kind: str, solved: bool) -> None:
        factor = 1.2 if solved else 0.85
        self.share[kind] = min(0.95, max(0.02, self.share[kind] * factor))


def _costly(problem: LnsProblem, incumbent: list[int], share: float, rng: random.Random) -> set[Cell] | None:
    """Around one penalty the incumbent pays (drawn by its cost): a window of days around its day for
    a share of the employees, plus its employee over the whole horizon. None when nothing costs."""
    paying = [(t, t.cost * incumbent[t.var.index]) for t in problem.costs if incumbent[t.var.index] > 0]
    if not paying:
        return None
    pick = rng.uniform(0, sum(w for _, w in paying))
    term = paying[-1][0]
    for t, w in paying:
        pick -= w
        if pick <= 0:
            term = t
            break
    n_e, n_d = problem.n_employees, problem.n_days
    free: set[Cell] = set()
    if term.day is not None:
        width = max(3, round(share * n_d))
        first = min(max(0, term.day - rng.randrange(width)), max(0, n_d - width))
        people = rng.sample(range(n_e), max(1, min(n_e, round(min(1.0, 3 * share) * n_e))))
        free |= {(e, d) for e in people for d in range(first, min(n_d, first + width))}
    if term.employee is not None:
        others = rng.sample(range(n_e), max(0, min(n_e - 1, round(share * n_e / 2))))
        free |= {(e, d) for e in {term.employee, *others} for d in range(n_d)}
    return free or None


def _neighbourhood(
    problem: LnsProblem, kind: str, share: float, rng: random.Random, incumbent: list[int]
) -> set[Cell]:
    """The cells relaxed by one neighbourhood of ``kind`` and size ``share``."""
    n_e, n_d = problem.n_employees, problem.n_days
    if kind == "costly":
        free = _costly(problem, incumbent, share, rng)
        if free is not None:
            return free
        kind = "block"
    if kind == "employees":
        chosen = rng.sample(range(n_e), max(1, min(n_e, round(share * n_e))))
        return {(e, d) for e in chosen for d in range(n_d)}
    if kind == "days":
        width = max(2, min(n_d, round(share * n_d)))
        first = rng.randrange(0, n_d - width + 1)
        return {(e, d) for e in range(n_e) for d in range(first, first + width)}
    # block: more employees over a window of a few weeks
    width = min(n_d, 14)
    first = rng.randrange(0, n_d - width + 1)
    chosen = rng.sample(range(n_e), max(1, min(n_e, round(share * n_e * 2))))
    return {(e, d) for e in chosen for d in range(first, first + width)}


def _solve_neighbourhood(
    problem: LnsProblem, incumbent: list[int], free: set[Cell], dtime: float, seed: int
) -> tuple[int, list[int] | None, float | None, float]:
    """Fix every cell outside ``free`` to the incumbent and re-solve.
    Returns (status, values, objective, deterministic time used)."""
    sub = problem.model.clone()
    sub.clear_hints()  # the model may carry a hint of its own (e.g. the greedy roster)
    variables = sub.proto.variables
    for cell, literals in problem.cells.items():
        if cell in free:
            continue
        for literal in literals:
            index = literal.index
            value = incumbent[index]
            domain = variables[index].domain
            domain[0] = value
            domain[1] = value
    hint = sub.proto.solution_hint
    hint.vars.extend(range(len(incumbent)))
    hint.values.extend(incumbent)
    solver = cp_model.CpSolver()
    set_subsolve_parameters(solver, dtime_limit=dtime, seed=seed, how=problem.subsolve)
    status = solver.solve(sub)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return status, list(solver.response_proto.solution), solver.objective_value, solver.deterministic_time
    return status, None, None, solver.deterministic_time


class _Tracker(cp_model.CpSolverSolutionCallback):
    def __init__(self, t0: float, on_solution: Callable[[float, float], None] | None) -> None:
        super().__init__()
        self.t0 = t0
        self.first: float | None = None
        self.trace: list[tuple[float, float]] = []
        self.on_solution = on_solution

    def on_solution_callback(self) -> None:
        now = time.perf_counter() - self.t0
        if self.first is None:
            self.first = now
        self.trace.append((now, self.objective_value))
        if self.on_solution is not None:
            self.on_solution(now, self.objective_value)


def solve_with_lns(
    problem: LnsProblem,
    *,
    time_limit_s: float,
    workers: int = 2,
    seed: int = 0,
    full_share: float = FULL_SOLVE_SHARE,
    on_solution: Callable[[float, float], None] | None = None,
    initial: tuple[list[int], float] | None = None,
    dtime_budget: float | None = None,
    deterministic: bool = True,
    hint: tuple[list[int], float] | None = None,
    wall_limit_s: float | None = None,
    bound: float | None = None,
) -> LnsResult:
    """Full solve for ``full_share`` of the budget, then LNS for the rest (see the module docstring).
    ``on_solution(seconds, objective)`` is called on every new best (for progress lines). With
    ``initial`` (a solution's values and objective, e.g. from a rolling horizon), the full solve is
    skipped and the LNS starts from it. ``dtime_budget`` fixes the LNS's deterministic-time budget
    (the search is then reproducible as long as the wall clock does not end it first).
    ``deterministic`` runs the full solve in CP-SAT's interleaved mode (reproducible); off, CP-SAT's
    ordinary parallel portfolio, which finds better rosters on some instances (e.g. Curtois–Qu 9)
    but not the same ones twice. The LNS phase is reproducible from a given incumbent either way.
    ``hint`` (a solution's values and objective, e.g. the employee-by-employee roster) is the full
    solve's hint, and the LNS starts from it when the full solve finds nothing better. ``bound``: a
    proven lower bound known beforehand (e.g. column generation's), which the LNS from ``initial``
    stops at."""
    t0 = time.perf_counter()
    if deterministic and dtime_budget is None:
        # the LNS's share in deterministic time, fixed in advance: nothing depends on the wall clock
        share = 1.0 if (initial is not None or (hint is not None and full_share <= 0)) else 1.0 - full_share
        dtime_budget = time_limit_s * share * problem.subsolve.per_second * max(1, workers)
    net = wall_net(time_limit_s) if deterministic else time_limit_s
    wall_limit_s = net if wall_limit_s is None else min(net, wall_limit_s)

    def improve_from(start: tuple[Sequence[int], float], bound: float | None) -> LnsResult:
        return _improve(
            problem,
            list(start[0]),
            start[1],
            bound,
            t0,
            0.0,
            [],
            wall_limit_s,
            workers,
            seed,
            on_solution,
            dtime_budget,
        )

    if hint is not None and full_share <= 0:
        initial = hint
    if initial is not None:
        return improve_from(initial, bound)
    tracker = _Tracker(t0, on_solution)
    if hint is not None:
        problem.model.clear_hints()
        problem.model.proto.solution_hint.vars.extend(range(len(hint[0])))
        problem.model.proto.solution_hint.values.extend(hint[0])
    solver = cp_model.CpSolver()
    set_solver_parameters(
        solver,
        time_limit_s=time_limit_s * full_share,
        workers=workers,
        seed=seed,
        deterministic=deterministic,
    )
    solver.parameters.max_time_in_seconds = min(
        solver.parameters.max_time_in_seconds, max(0.01, wall_limit_s)
    )
    status = solver.solve(problem.model, tracker)
    bound = solver.best_objective_bound if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None
    if status == cp_model.OPTIMAL:
        return LnsResult(
            "optimal",
            list(solver.response_proto.solution),
            solver.objective_value,
            bound,
            time.perf_counter() - t0,
            tracker.first,
            trace=tracker.trace,
        )
    if status == cp_model.INFEASIBLE:
        return LnsResult("infeasible", None, None, None, time.perf_counter() - t0, None)
    if hint is not None and (status != cp_model.FEASIBLE or solver.objective_value > hint[1]):
        return improve_from(hint, bound)
    if status != cp_model.FEASIBLE:
        # No roster yet: search the full model for the rest of the budget with CP-SAT's parallel
        # portfolio (finds first rosters where the interleaved search does not, e.g. Curtois 12).
        solver = cp_model.CpSolver()
        left = max(0.01, time_limit_s - (time.perf_counter() - t0))
        set_solver_parameters(solver, time_limit_s=left, workers=workers, seed=seed, deterministic=False)
        status = solver.solve(problem.model, tracker)
        name = {cp_model.OPTIMAL: "optimal", cp_model.INFEASIBLE: "infeasible"}.get(status, "feasible")
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            name = "infeasible" if status == cp_model.INFEASIBLE else "unknown"
            return LnsResult(name, None, None, None, time.perf_counter() - t0, None)
        return LnsResult(
            name,
            list(solver.response_proto.solution),
            solver.objective_value,
            solver.best_objective_bound,
            time.perf_counter() - t0,
            tracker.first,
            trace=tracker.trace,
        )

    return _improve(
        problem,
        list(solver.response_proto.solution),
        solver.objective_value,
        bound,
        t0,
        tracker.first,
        list(tracker.trace),
        wall_limit_s,
        workers,
        seed,
        on_solution,
        dtime_budget,
    )


def _improve(
    problem: LnsProblem,
    incumbent: list[int],
    best: float,
    bound: float | None,
    t0: float,
    first_solution_s: float | None,
    trace: list[tuple[float, float]],
    time_limit_s: float,
    workers: int,
    seed: int,
    on_solution: Callable[[float, float], None] | None,
    dtime_budget: float | None = None,
) -> LnsResult:
    """The LNS loop from an incumbent until the budget is spent or the bound is reached. The budget
    is deterministic time (None: none, the wall clock ``time_limit_s`` ends the loop); with one, the
    wall clock only stops the loop early on a loaded machine."""
    rng = random.Random(seed)
    sizes = _Sizes()
    iterations = improvements = 0
    parallel = max(1, workers)
    # without a deterministic budget (the parallel mode) the wall clock alone ends the loop: the
    # neighbourhoods of a call-centre month use deterministic time about twice as fast as estimated,
    # and a budget converted from seconds ended a 60 s run after 33 s
    remaining_dtime = float("inf") if dtime_budget is None else dtime_budget
    polishes = list(POLISH_AT) if problem.polish is not None else []
    start_s = time.perf_counter() - t0

    def spent() -> float:
        """The share of the LNS's budget used (deterministic time, else the wall clock)."""
        if dtime_budget:
            return 1.0 - remaining_dtime / dtime_budget
        return (time.perf_counter() - t0 - start_s) / max(1e-9, time_limit_s - start_s)

    with ThreadPoolExecutor(max_workers=parallel) as pool:
        while remaining_dtime > 0 and time.perf_counter() - t0 < time_limit_s - 0.05:
            if bound is not None and best <= bound + 1e-9:
                break
            if polishes and spent() >= polishes[0]:
                polishes.pop(0)
                found, charged = problem.polish(incumbent, POLISH_PASSES)  # type: ignore[misc]
                remaining_dtime -= charged * problem.subsolve.per_second * parallel
                if found is not None and found[1] < best - 1e-9:
                    incumbent, best = list(found[0]), found[1]
                    improvements += 1
                    trace.append((time.perf_counter() - t0, best))
                    if on_solution is not None:
                        on_solution(time.perf_counter() - t0, best)
                continue
            jobs = []
            for _ in range(parallel):
                kind = KINDS[rng.randrange(len(KINDS))]
                free = _neighbourhood(problem, kind, sizes.share[kind], rng, incumbent)
                dtime = min(problem.subsolve.dtime, max(0.01, remaining_dtime / parallel))
                sub_seed = rng.randrange(1 << 30)
                jobs.append(
                    (kind, pool.submit(_solve_neighbourhood, problem, incumbent, free, dtime, sub_seed))
                )
            results = [(kind, future.result()) for kind, future in jobs]
            iterations += len(results)
            chosen: tuple[list[int], float] | None = None
            for kind, (status, values, objective, used) in results:
                remaining_dtime -= max(used, 0.005)
                sizes.update(kind, status == cp_model.OPTIMAL)
                if values is None or objective is None or objective > best + 1e-9:
                    continue
                if chosen is None or objective < chosen[1] - 1e-9:
                    chosen = (values, objective)
            if chosen is not None:
                if chosen[1] < best - 1e-9:
                    improvements += 1
                    trace.append((time.perf_counter() - t0, chosen[1]))
                    if on_solution is not None:
                        on_solution(time.perf_counter() - t0, chosen[1])
                incumbent, best = chosen
    status_name = "optimal" if bound is not None and best <= bound + 1e-9 else "feasible"
    return LnsResult(
        status_name,
        incumbent,
        best,
        bound,
        time.perf_counter() - t0,
        first_solution_s,
        iterations=iterations,
        improvements=improvements,
        trace=trace,
    )
