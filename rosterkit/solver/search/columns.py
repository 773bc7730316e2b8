"""Column generation: the linear relaxation over whole months, and the shifts it says are worth having.

When the only rule that ties employees together is the soft per-shift demand (the Curtois–Qu
benchmark, and any team whose cover is per shift rather than per interval), the roster problem is
one month per employee, chosen so that the demand penalties are least. Its linear relaxation over
whole months (a "column" is one employee's month that keeps all their own rules) is tight: on
Curtois–Qu 7 it converges to 1054.1 against an optimum of 1056. CP-SAT's own relaxation of the
compact model is far weaker (its bound after a minute: a few hundred), which is why its search and
the LNS's neighbourhoods of a few people stalled 12-80 % above the best known on instances 5-19.

``generate`` solves that relaxation: a master LP (GLOP) over the months found so far, with the
demand penalties as slack variables, gives a price per shift and day (its dual values); each
employee's best month at those prices is their own one-person CP-SAT model (the ordinary model of a
team of one, as ``construct.py`` builds it) with the prices in its objective; a month that costs less
than the employee's dual is a new column, and so are the improving months the pricing search
found on its way to its best (up to ``KEEP_MONTHS``). It stops when no month prices out, or at its
deterministic budget. ``support`` is what the relaxation uses: the (employee, day, shift) cells of the months with
a positive weight. Restricting the full model to those cells (and the incumbent's) leaves CP-SAT a
far smaller search that still holds the good rosters (Curtois–Qu 7 in a prototype: 1063 in 15 s from
that restriction, against 1182 from a 60 s run of the whole model with the LNS).

Deterministic: employees are priced ``workers`` at a time in threads, one CP-SAT worker each under a
deterministic-time limit, results taken in team order; the LP is GLOP's (deterministic). The budget
counts CP-SAT's deterministic time and the LP's simplex iterations (times the master's size), so
where the generation stops does not depend on the machine; ``DIVE_SHARE`` of it is kept for the dive.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model

from rosterkit.solver.facts import Facts
from rosterkit.solver.search.construct import (
    CROSS_EMPLOYEE,
    CoverPrices,
    _has_rows,
    _solver,
    one_employee_facts,
)

Cell = tuple[int, str]  # (day index, shift code)
SCALE = 1000  # prices are fractional: the one-person objective is in thousandths
PRICE_DTIME = 0.5  # the most one month's pricing may take (deterministic units)
# A pricing solve's work: CP-SAT's deterministic time plus this much for the call itself (re-pricing the
# model, its copy and presolve). Fitted on 4,000 timed calls of Curtois-Qu 7, 8, 12 and 14 (2026-12-05):
# a worker's seconds = 1.47 x deterministic time + 19 ms a call (0.013 x 1.47).
CALL_WORK = 0.013
# Every improving month a pricing solve finds on its way is a column, up to this many (its best and the
# ones found just before): measured on Curtois-Qu 7 and 10, 44 and 23 rounds to converge become 33
# and 18, at about the same work a round; 12 (not converged in its share) 4287 -> 4135.
KEEP_MONTHS = 3
# The LP's work per simplex iteration and non-zero of the master (GLOP, one thread while the pricing
# threads wait): 4-10 ns measured on Curtois-Qu 7, 8 and 12 (masters of 300 to 49,000 non-zeros), x 2
# workers idle x 0.68 work units a worker-second. A flat charge per iteration (fitted on 12's master)
# overcharged the small masters 3-fold.
LP_WORK = 5e-9
# The share of the budget kept for the dive (at least: it has whatever the generation left). Unbounded,
# Curtois-Qu 12's dive (one employee fixed per LP solve on a master of 4,000 columns) took 16 s.
DIVE_SHARE = 0.15
MIN_ROUNDS = 10  # fewer rounds than this in the budget, and the generation gives up after its first
EPSILON = 1e-6


def applies(facts: Facts) -> bool:
    """Whether the team is one month per employee tied only by soft per-shift demand: every other
    cross-employee rule (interval coverage, skill cover, fairness) has nothing to judge or is off,
    and no cross-employee rule is hard."""
    in_force = {s.rule for s in facts.settings}
    if "shift_demand" not in in_force or not facts.team.demand:
        return False
    for s in facts.settings:
        if s.rule not in CROSS_EMPLOYEE:
            continue
        if s.rule == "shift_demand":
            if s.hard:
                return False
        elif _has_rows(facts, s.rule):
            return False
    return True


class Master:
    """The master LP: a weight per column, one per employee in all, demand penalties as slacks."""

    def __init__(self, demand: dict[Cell, list[tuple]], employees: int) -> None:
        self.lp = pywraplp.Solver.CreateSolver("GLOP")
        self.objective = self.lp.Objective()
        self.rows: dict[Cell, list[pywraplp.Constraint]] = {}
        infinity = self.lp.infinity()
        for cell, terms in demand.items():
            rows = self.rows.setdefault(cell, [])
            for low, high, target, under, over in terms:
                bounds = []
                if low is not None and under:
                    bounds.append((low, infinity, 1, under))
                if high is not None and over:
                    bounds.append((-infinity, high, -1, over))
                if target is not None and under:
                    bounds.append((target, infinity, 1, under))
                if target is not None and over:
                    bounds.append((-infinity, target, -1, over))
                for lo, hi, sign, weight in bounds:  # count + s >= lo, or count - s <= hi
                    slack = self.lp.NumVar(0, infinity, "")
                    self.objective.SetCoefficient(slack, weight)
                    row = self.lp.Constraint(lo, hi)
                    row.SetCoefficient(slack, sign)
                    rows.append(row)
        self.convexity = [self.lp.Constraint(1, 1) for _ in range(employees)]
        self.columns: list[tuple[int, frozenset[Cell], pywraplp.Variable]] = []
        self.objective.SetMinimization()
        self.nonzeros = 0  # of the columns' rows
        self.work = 0.0  # of every solve so far: LP_WORK an iteration and non-zero (the LP's share)

    def _solve(self) -> bool:
        optimal = self.lp.Solve() == pywraplp.Solver.OPTIMAL
        self.work += LP_WORK * self.lp.iterations() * max(1, self.nonzeros)
        return optimal

    def add(self, employee: int, cells: frozenset[Cell], cost: float) -> None:
        var = self.lp.NumVar(0, 1, "")
        self.objective.SetCoefficient(var, cost)
        self.convexity[employee].SetCoefficient(var, 1)
        for cell in cells:
            for row in self.rows.get(cell, ()):
                row.SetCoefficient(var, 1)
                self.nonzeros += 1
        self.columns.append((employee, cells, var))

    def solve(self) -> tuple[float, dict[Cell, float], list[float]] | None:
        """The LP's value, the price of one more person per (day, shift), and each employee's dual."""
        if not self._solve():
            return None
        prices = {cell: sum(r.dual_value() for r in rows) for cell, rows in self.rows.items()}
        return self.objective.Value(), prices, [c.dual_value() for c in self.convexity]

    def weights(self) -> Iterable[tuple[int, frozenset[Cell], float]]:
        return ((e, cells, var.solution_value()) for e, cells, var in self.columns)

    def dive(self, work_limit: float = float("inf")) -> dict[int, frozenset[Cell]]:
        """A whole roster from the columns found: fix the employees whose month of most weight is
        (nearly) whole, else the one with the heaviest, to that month; solve the LP again; repeat.
        Once the LP's work reaches ``work_limit``, everyone left takes their month of most weight in
        the last solution. The LP is left as it was."""
        fixed: dict[int, frozenset[Cell]] = {}
        pinned: list[pywraplp.Variable] = []
        while len(fixed) < len(self.convexity):
            if not self._solve():
                break
            top: dict[int, tuple[float, frozenset[Cell], pywraplp.Variable]] = {}
            for e, cells, var in self.columns:
                weight = var.solution_value()
                if e not in fixed and (e not in top or weight > top[e][0] + EPSILON):
                    top[e] = (weight, cells, var)
            whole = [e for e, (w, _c, _v) in top.items() if w > 1 - EPSILON]
            if self.work >= work_limit:
                chosen = list(top)
            else:
                chosen = whole or [max(top, key=lambda e: (top[e][0], -e))]
            for e in chosen:
                _w, cells, var = top[e]
                var.SetLb(1)
                pinned.append(var)
                fixed[e] = cells
        for var in pinned:
            var.SetLb(0)
        return fixed


@dataclass
class Generated:
    """What the generation reached: the LP value, the cells the relaxation uses, its columns."""

    value: float | None
    support: set[tuple[str, int, str]]
    columns: int
    rounds: int
    converged: bool  # no month prices out, each proven: ``value`` is a lower bound of the roster's cost
    work: float  # work units spent: pricing (CP-SAT's deterministic time + CALL_WORK a call) and the LP
    affordable: bool = True  # False: one round cost more than a MIN_ROUNDS-th of the budget, it stopped
    # (then ``support`` is the incumbent's cells alone and ``rounded`` empty)
    rounded: set[tuple[str, int, str]] = field(default_factory=set)  # the roster of the LP's dive
    trace: list[float] = field(default_factory=list)  # the LP value per round
    slack: float = 0.0  # how far rounding the prices to SCALE may have hidden a better month, in all

    def bound(self) -> int | None:
        """A proven lower bound of the roster's cost when the generation converged (the LP value, less
        what the rounded prices may have hidden, rounded up: every cost is whole), else None."""
        if not self.converged or self.value is None:
            return None
        return math.ceil(self.value - self.slack - EPSILON)


class _Pricer:
    """One employee's month at given prices: their own one-person model, re-priced each round."""

    def __init__(self, facts: Facts, employee_id: str, build: Callable[[Facts], object]) -> None:
        self.built = build(one_employee_facts(facts, employee_id))
        self.x = [(i, code, var) for (_e, i, code), var in self.built.x.items()]  # type: ignore[attr-defined]
        self.own = [(p.var, p.cost) for p in self.built.penalties]  # type: ignore[attr-defined]

    def price(
        self, prices: dict[Cell, float], dtime: float, seed: int, hint: frozenset[Cell] | None
    ) -> tuple[list[tuple[frozenset[Cell], int, float]], float, bool] | None:
        """The months found (at most ``KEEP_MONTHS``, the best last), each with its cells, its own
        cost and its priced cost; the time used; whether the best is proven the best."""
        model: cp_model.CpModel = self.built.model  # type: ignore[attr-defined]
        terms = [(var, -round(prices.get((i, code), 0.0) * SCALE)) for i, code, var in self.x]
        terms = [(v, c) for v, c in terms if c]
        own = cp_model.LinearExpr.weighted_sum([v for v, _ in self.own], [SCALE * c for _, c in self.own])
        extra = cp_model.LinearExpr.weighted_sum([v for v, _ in terms], [c for _, c in terms])
        model.minimize(own + extra)
        model.clear_hints()
        if hint is not None:
            for i, code, var in self.x:
                model.add_hint(var, (i, code) in hint)
        solver = _solver(dtime, seed)
        months = _Months(self.x, self.own)
        status = solver.solve(model, months)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        best = months.read(solver)
        earlier = [m for m in months.found[-KEEP_MONTHS:] if m[0] != best[0]][-(KEEP_MONTHS - 1) :]
        found = [
            (cells, cost, cost - sum(prices.get(c, 0.0) for c in cells)) for cells, cost in [*earlier, best]
        ]
        return found, solver.deterministic_time, status == cp_model.OPTIMAL


class _Months(cp_model.CpSolverSolutionCallback):
    """The months a pricing solve finds, in order (each better than the one before)."""

    def __init__(self, x: list, own: list) -> None:
        super().__init__()
        self.x, self.own = x, own
        self.found: list[tuple[frozenset[Cell], int]] = []

    def read(
        self, source: cp_model.CpSolverSolutionCallback | cp_model.CpSolver
    ) -> tuple[frozenset[Cell], int]:
        cells = frozenset((i, code) for i, code, var in self.x if source.boolean_value(var))
        return cells, sum(c * source.value(v) for v, c in self.own)

    def on_solution_callback(self) -> None:
        self.found.append(self.read(self))


def generate(
    facts: Facts,
    incumbent: set[tuple[str, int, str]],
    *,
    work_budget: float,
    workers: int = 1,
    seed: int = 0,
    wall_limit_s: float = float("inf"),
    build: Callable[[Facts], object] | None = None,
) -> Generated:
    """Column generation from the months of ``incumbent`` (a roster keeping every hard rule: its
    months are the first columns, so the LP is feasible), until no month prices out or
    ``work_budget`` units of pricing work are spent (or ``wall_limit_s`` passes), or after the first
    round when the budget holds fewer than ``MIN_ROUNDS`` like it (a team of 120 people and 18
    shifts, Curtois-Qu 13: three rounds in a minute's share, the relaxation no better than the first
    roster)."""
    if build is None:
        from rosterkit.solver.build import build_model

        def build(one: Facts) -> object:
            return build_model(one, symmetry=False)

    t0 = time.perf_counter()
    employees = list(facts.employees)
    master = Master(CoverPrices(facts).demand, len(employees))
    pricers = [_Pricer(facts, e.id, build) for e in employees]
    months: dict[str, set[Cell]] = {e.id: set() for e in employees}
    for eid, i, code in incumbent:
        months[eid].add((i, code))
    hints = [frozenset(months[e.id]) for e in employees]  # each pricing solve starts from these
    seen: list[set[frozenset[Cell]]] = [{cells} for cells in hints]
    for k, cells in enumerate(hints):
        master.add(k, cells, _own_cost(pricers[k], cells, seed))
    used = 0.0  # pricing work (the LP's is LP_WORK an iteration, counted by the master)
    rounds = 0
    converged = False
    trace: list[float] = []
    value: float | None = None
    parallel = max(1, workers)
    affordable = True
    stale = False  # columns added since the LP was last solved
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        while used + master.work < (1 - DIVE_SHARE) * work_budget and time.perf_counter() - t0 < wall_limit_s:
            solved = master.solve()
            stale = False
            if solved is None:
                break
            value, prices, duals = solved
            trace.append(value)
            rounds += 1
            left = (1 - DIVE_SHARE) * work_budget - used - master.work
            limit = min(PRICE_DTIME, max(0.01, left / max(1, len(employees))))
            found = list(
                pool.map(
                    lambda k, prices=prices, limit=limit: pricers[k].price(prices, limit, seed, hints[k]),
                    range(len(employees)),
                )
            )
            added = 0
            exact = True
            for k, result in enumerate(found):
                if result is None:
                    exact = False
                    used += CALL_WORK
                    continue
                months, spent, proven = result
                used += spent + CALL_WORK
                exact = exact and proven
                for cells, cost, priced in months:
                    if priced - duals[k] < -EPSILON and cells not in seen[k]:
                        seen[k].add(cells)
                        master.add(k, cells, cost)
                        added += 1
                        stale = True
            if not added:
                converged = exact
                break
            if rounds == 1 and (used + master.work) * MIN_ROUNDS > work_budget:
                affordable = False
                break
    if stale:  # the last round's columns: weigh them too
        solved = master.solve()
        if solved is not None:
            value = solved[0]
            trace.append(value)
    support: set[tuple[str, int, str]] = set(incumbent)
    rounded: set[tuple[str, int, str]] = set()
    if affordable:  # (an unaffordable generation is not used: no dive for it)
        for k, cells, weight in master.weights():
            if weight > EPSILON:
                support |= {(employees[k].id, i, code) for i, code in cells}
        # every column keeps its employee's own rules and nothing else ties them hard: a roster
        dived = master.dive(work_limit=work_budget - used)
        rounded = {(employees[k].id, i, code) for k, cells in dived.items() for i, code in cells}
    return Generated(
        value,
        support,
        len(master.columns),
        rounds,
        converged,
        used + master.work,
        affordable=affordable,
        rounded=rounded,
        trace=trace,
        # each price is off by at most half a SCALE-th; a month has at most one shift a day
        slack=len(employees) * facts.n * 0.5 / SCALE,
    )


def _own_cost(pricer: _Pricer, cells: frozenset[Cell], seed: int) -> int:
    """The employee's own penalties on the month ``cells`` (every cell fixed in a copy of their model)."""
    model: cp_model.CpModel = pricer.built.model.clone()  # type: ignore[attr-defined]
    own = cp_model.LinearExpr.weighted_sum([v for v, _ in pricer.own], [c for _, c in pricer.own])
    model.minimize(own)
    variables = model.proto.variables
    for i, code, var in pricer.x:
        value = int((i, code) in cells)
        domain = variables[var.index].domain
        domain[0] = value
        domain[1] = value
    solver = _solver(PRICE_DTIME, seed)
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise ValueError("the incumbent's month breaks the employee's own hard rules")
    return round(solver.objective_value)
