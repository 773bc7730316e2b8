"""Solve a team's month with CP-SAT: explicit parameters, a solution hint, progress, a typed result.

    from rosterkit.solver.solve import SolveOptions, solve
    result = solve(team, SolveOptions(time_limit_s=30, workers=2, seed=0))
    result.status, result.objective, result.roster

``solve`` never raises for an infeasible team: the status says it (``make_roster`` raises with a
diagnosis instead). The objective reported is the model's cost of the returned roster, with every
penalty variable tight; tests assert it equals the independent checker's cost.

Before the search (when every rule in force is in the model): the counts model (aggregate.py) gives
targets for a greedy first roster and a proven bound, added as a redundant constraint; with a time
limit of at least ``COUNTS_FIRST_MIN_S``, the counts model with each person's costs (bound.py)
tightens that bound, and the counts-first roster (counts_first.py) replaces the hint when it is
better. On a call-centre month whose greedy roster breaks a hard rule (e.g. two days off in a row
made hard), a first roster is built one person at a time by re-rostering (search/reroster.py)
before the counts-first one, which must then beat it. The search gets what is left of the time
limit.

Search hook: when ``options.use_lns`` is true and a module ``rosterkit.solver.search`` exists with
``run(built, options, cpsat, hinted) -> RawSolution``, ``solve`` hands the search to it; ``cpsat(built,
options)`` is this module's plain CP-SAT run, which the hook may call with its own options;
``hinted`` is the objective of the model's hint when that hint is a checked roster.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ortools.sat.python import cp_model

from rosterkit.model import Roster, Team
from rosterkit.solver.build import BuiltModel, build_model, interchangeable_groups, roster_from, symmetry_key
from rosterkit.solver.context import Penalty
from rosterkit.solver.facts import Facts

Triple = tuple[str, int, str]  # (employee_id, day_index, shift_code)

OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN = "optimal", "feasible", "infeasible", "unknown"


@dataclass(frozen=True)
class Progress:
    """One progress report: the best roster's cost so far, the proven bound, the gap, seconds."""

    objective: float
    bound: float
    seconds: float

    @property
    def gap(self) -> float:
        """Relative gap (0 = proven optimal)."""
        if self.objective == 0:
            return 0.0 if self.bound >= 0 else 1.0
        return max(0.0, (self.objective - self.bound) / abs(self.objective))


@dataclass(frozen=True)
class SolveOptions:
    """Explicit solver settings. The same team, seed and workers give the same roster when
    ``deterministic`` is on (CP-SAT's interleaved search, stopped by deterministic time)."""

    time_limit_s: float = 30.0
    workers: int = 2
    seed: int = 0
    deterministic: bool = True
    hint: Roster | None = None  # e.g. last month's or a previous roster; default: a greedy roster
    log: Callable[[Progress], None] | None = None
    use_lns: bool = True  # hand the search to rosterkit.solver.search when it exists
    symmetry: bool = True
    run_limit_s: float | None = None  # the whole run's limit when these options are for a part of it

    @property
    def whole_limit_s(self) -> float:
        """The limit of the whole run (``time_limit_s`` unless these options are for a part of it)."""
        return self.time_limit_s if self.run_limit_s is None else self.run_limit_s


@dataclass
class RawSolution:
    """What a search returns: status, the triples worked (None: no roster), the solver's objective
    and bound, and when the first roster was found."""

    status: str
    worked: set[Triple] | None
    objective: float | None = None
    best_bound: float | None = None
    first_solution_s: float | None = None


@dataclass
class SolveResult:
    status: str
    roster: Roster | None
    objective: int | None
    best_bound: float | None
    seconds: float
    first_solution_s: float | None
    penalties: list[Penalty] = field(default_factory=list)
    team: Team | None = None  # the team as solved (repair mode: with the days before pinned)

    @property
    def gap(self) -> float | None:
        if self.objective is None or self.best_bound is None:
            return None
        return Progress(self.objective, self.best_bound, self.seconds).gap


_STATUS = {
    cp_model.OPTIMAL: OPTIMAL,
    cp_model.FEASIBLE: FEASIBLE,
    cp_model.INFEASIBLE: INFEASIBLE,
    cp_model.MODEL_INVALID: UNKNOWN,
    cp_model.UNKNOWN: UNKNOWN,
}


# CP-SAT's deterministic time per wall-clock second on this class of machine (2 cores, measured on
# the 60-agent month: 0.13 interleaved, 0.19 in parallel; 0.21 on a 10-agent fortnight). Deterministic
# runs stop on deterministic time, so the same seed and workers give the same roster; the wall clock
# (twice the limit plus 5 s) is only a safety net on an overloaded machine. Measured ratios vary
# with the model and the load (0.07 on the example centre with other jobs running), so 0.1 is a compromise.
DTIME_PER_SECOND = 0.1


def wall_net(time_limit_s: float) -> float:
    """The wall-clock safety net of a reproducible run of ``time_limit_s`` seconds: past it the run
    stops on the wall clock (and is then no longer reproducible)."""
    return 2 * time_limit_s + 5


def set_parameters(solver: cp_model.CpSolver, options: SolveOptions) -> None:
    """CP-SAT parameters from the options, set explicitly (never solver defaults by accident)."""
    p = solver.parameters
    p.num_workers = max(1, options.workers)
    p.random_seed = options.seed
    if options.deterministic:
        p.interleave_search = True
        p.max_deterministic_time = max(0.01, options.time_limit_s * DTIME_PER_SECOND)
        p.max_time_in_seconds = wall_net(options.time_limit_s)
    else:
        p.max_time_in_seconds = options.time_limit_s


class _Callback(cp_model.CpSolverSolutionCallback):
    def __init__(self, log: Callable[[Progress], None] | None) -> None:
        super().__init__()
        self.log = log
        self.first: float | None = None

    def on_solution_callback(self) -> None:
        if self.first is None:
            self.first = self.wall_time
        if self.log is not None:
            self.log(Progress(self.objective_value, self.best_objective_bound, self.wall_time))


def set_hint(built: BuiltModel, worked: set[Triple]) -> None:
    built.model.clear_hints()
    for key, var in built.x.items():
        built.model.add_hint(var, key in worked)


def cpsat(built: BuiltModel, options: SolveOptions) -> RawSolution:
    """One plain CP-SAT run on the built model (its hints as they are)."""
    solver = cp_model.CpSolver()
    set_parameters(solver, options)
    callback = _Callback(options.log)
    code = solver.solve(built.model, callback)
    status = _STATUS.get(code, UNKNOWN)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return RawSolution(status, None)
    worked = {k for k, v in built.x.items() if solver.boolean_value(v)}
    return RawSolution(status, worked, solver.objective_value, solver.best_objective_bound, callback.first)


def _solve_fixed(built: BuiltModel, worked: set[Triple]) -> cp_model.CpSolver | None:
    """Solve with the shift variables fixed to ``worked`` (presolve settles the rest, every penalty
    variable at its least). None if that roster breaks a hard rule."""
    set_hint(built, worked)
    solver = cp_model.CpSolver()
    solver.parameters.fix_variables_to_their_hinted_value = True
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 30
    code = solver.solve(built.model)
    return solver if code in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None


def tight_objective(built: BuiltModel, worked: set[Triple]) -> int | None:
    """The model's cost of a roster with every penalty variable at its least; None if the roster
    breaks a hard rule."""
    solver = _solve_fixed(built, worked)
    return None if solver is None else round(solver.objective_value)


def complete_hint(built: BuiltModel, worked: set[Triple]) -> float | None:
    """Hint every variable of the model (not only the shifts) from a roster, so that CP-SAT starts
    from it at once; returns that roster's objective. No hint at all (and None) when the roster
    breaks a hard rule."""
    solver = _solve_fixed(built, worked)
    if solver is None:
        # A partial hint that breaks hard rules helps little, and CP-SAT 9.15 aborts ("heuristics.
        # fixed_search != nullptr") on an infeasible model searched with interleave_search and a hint.
        built.model.clear_hints()
        return None
    values = solver.response_proto.solution
    model = built.model
    model.clear_hints()
    for index, value in enumerate(values):
        model.add_hint(model.get_int_var_from_proto_index(index), value)
    return solver.objective_value


def hint_triples(facts: Facts, roster: Roster) -> set[Triple]:
    return {
        (eid, facts.index[d], code)
        for (eid, d), code in roster.shifts.items()
        if d in facts.index and code in facts.shift_by_code
    }


def order_for_symmetry(facts: Facts, worked: set[Triple]) -> set[Triple]:
    """Permute interchangeable employees' rows of a hint so that it obeys the symmetry order."""
    rows: dict[str, list[str | None]] = {e.id: [None] * facts.n for e in facts.employees}
    for eid, i, code in worked:
        rows[eid][i] = code
    result = set(worked)
    for group in interchangeable_groups(facts):
        ordered = sorted((rows[eid] for eid in group), key=lambda r: symmetry_key(facts, r), reverse=True)
        for eid in group:
            result -= {(eid, i, c) for i, c in enumerate(rows[eid]) if c is not None}
        for eid, row in zip(group, ordered, strict=True):
            result |= {(eid, i, c) for i, c in enumerate(row) if c is not None}
    return result


# The counts-first roster (counts_first.py) runs when the time limit is at least this long, with
# this share of it; the full search starts from it when it beats the greedy roster.
COUNTS_FIRST_MIN_S = 10.0
COUNTS_FIRST_SHARE = 0.35
# Deterministic time per wall second of the counts-first shift model (working days fixed), measured
# on the 60-agent sample month with 2 workers interleaved: 0.21-0.23 (0.1 stopped it at half its time).
COUNTS_FIRST_DTIME_PER_SECOND = 0.2
# When the greedy roster breaks a hard rule on a month with interval coverage (e.g. two days off in
# a row, or nights in runs of two, made hard), a first roster is built one person at a time by
# re-rostering from an empty month (as many passes, with this share of the time limit), before the
# counts-first roster, which must then beat it. Example centre, two days off in a row hard: 62,220
# after 4 passes in 7 s (mending the greedy roster instead: 63,865); nights in runs of two hard:
# 60,682, where the counts-first roster was 592,776 and the search from it stopped at 150,106 (a
# single person's moves do not leave it). Not as the start of every call-centre month: on the example
# centre as it is, the search then ended at 59,677 over seeds 0-2 (60 s) against 59,417 from the
# greedy roster.
REROSTER_PASSES = 4
REROSTER_SHARE = 0.2
# What deterministic mode charges the first rosters (both counts models, the greedy rosters, their
# hints) against the time limit instead of their wall time, so that the search's deterministic
# budget, and so the roster, does not depend on the machine's load: 3.7-4.4 s measured on the
# 60-agent months with 2 workers.
FIRST_ROSTERS_CHARGE_S = 4.0


def _counts_first(
    built: BuiltModel,
    targets: dict[tuple[int, str], int],
    workdays: dict[str, int],
    options: SolveOptions,
    hinted: float | None,
    spent: list[float],
) -> tuple[set[Triple], float] | None:
    """The counts-first roster, completed as the model's hint, when it beats ``hinted``; else None
    (and the hint left as it was). ``spent`` gets the time limits of its CP-SAT runs."""
    from rosterkit.solver.counts_first import counts_first_roster

    found = counts_first_roster(
        built.facts,
        targets,
        workdays,
        time_limit_s=options.time_limit_s * COUNTS_FIRST_SHARE,
        workers=options.workers,
        seed=options.seed,
        deterministic=options.deterministic,
        dtime_per_second=COUNTS_FIRST_DTIME_PER_SECOND,
        beat=hinted,
        spent=spent,
    )
    if found is None or (hinted is not None and found[1] >= hinted):
        return None
    worked = order_for_symmetry(built.facts, found[0]) if options.symmetry else found[0]
    saved = list(built.model.proto.solution_hint.vars), list(built.model.proto.solution_hint.values)
    objective = complete_hint(built, worked)
    if objective is None:  # cannot happen for a roster of the same rules; keep the old hint then
        built.model.clear_hints()
        for index, value in zip(*saved, strict=True):
            built.model.add_hint(built.model.get_int_var_from_proto_index(index), value)
        return None
    return worked, objective


def _rerostered(
    built: BuiltModel, options: SolveOptions, spent: list[float], first: Callable[[float], None]
) -> tuple[set[Triple], float] | None:
    """A roster built one person at a time from an empty month: each person's best month, everyone
    else as they stand, by the programme of ``search/reroster.py``, in passes over the team (its
    states keep the rules of runs, rest and successions, e.g. two days off in a row made hard, that
    a greedy roster breaks); completed as the model's hint, with its objective, when it keeps every
    hard rule; else None. ``first`` hears the checked cost of the first pass that keeps them (the
    first roster, reported before the passes that improve it); ``spent`` gets the seconds the work
    is charged."""
    from rosterkit.solver.search.reroster import polish

    facts = built.facts
    reported: list[int] = []

    def after_pass(cost: int, hard: int) -> None:
        if not hard and not reported:
            reported.append(cost)
            first(cost)

    empty: dict[str, list[str | None]] = {e.id: [None] * facts.n for e in facts.employees}
    done = polish(facts, empty, REROSTER_PASSES, REROSTER_SHARE * options.time_limit_s, after_pass)
    spent.append(done.charged_s)
    if done.hard:
        return None
    worked = order_for_symmetry(facts, done.worked()) if options.symmetry else done.worked()
    objective = complete_hint(built, worked)
    return (worked, objective) if objective is not None else None


def _add_bound(built: BuiltModel, agg) -> float:
    """Add the counts model's proven bound (a relaxation, see aggregate.py) to the model as a
    redundant constraint on the cost of the rules it covers; returns it (0: nothing added)."""
    cover = [(p.var, p.cost) for p in built.penalties if p.rule in agg.rules]
    if agg.lower_bound <= 0 or not cover:
        return 0.0
    built.model.add(sum(c * v for v, c in cover) >= agg.lower_bound)
    return float(agg.lower_bound)


def _greedy(
    built: BuiltModel, targets: dict[tuple[int, str], int] | None, options: SolveOptions
) -> tuple[set[Triple], float | None]:
    """The greedy roster for ``targets``, set as the model's hint; its objective (None: it breaks a
    hard rule, and the model has no hint)."""
    from rosterkit.solver.greedy import greedy_roster

    hint = greedy_roster(built.facts, targets)
    if options.symmetry:
        hint = order_for_symmetry(built.facts, hint)
    return hint, complete_hint(built, hint)


def solve_built(built: BuiltModel, options: SolveOptions) -> SolveResult:
    """Solve an already built model (see ``solve``)."""
    t0 = time.perf_counter()
    facts = built.facts
    hint: set[Triple] | None = None
    if options.hint is not None:
        hint = hint_triples(facts, options.hint)
    targets = None
    workdays: dict[str, int] = {}
    lower_bound = 0.0
    relaxed = built.rules >= {r.rule for r in facts.settings}  # every rule in force is in the model
    roomy = options.time_limit_s >= COUNTS_FIRST_MIN_S
    if relaxed:
        from rosterkit.solver.aggregate import solve_counts

        # with time to spare, the quick counts model first (the first roster comes sooner) and the
        # one with each person's costs after it; otherwise that one alone
        agg = solve_counts(facts, dtime=1.0, seed=options.seed, personal=not roomy)
        if agg is not None:
            targets, workdays = agg.targets, agg.workdays
            lower_bound = _add_bound(built, agg)
    if hint is not None:
        # the given roster without the days it can no longer have (new leave, shifts now ineligible)
        hint = {(e, i, c) for e, i, c in hint if (e, i) not in facts.leave_full}
        if options.symmetry:
            hint = order_for_symmetry(facts, hint)
        hinted = complete_hint(built, hint)
    else:
        hinted = None
    if hinted is None:
        hint, hinted = _greedy(built, targets, options)
    first_s = None
    if hinted is not None:  # the hint is a roster keeping every hard rule: the first one found
        first_s = time.perf_counter() - t0
        if options.log is not None:
            options.log(Progress(hinted, lower_bound, first_s))
    if relaxed and roomy and targets is not None:
        agg = solve_counts(facts, dtime=1.0, seed=options.seed, personal=True)
        if agg is not None and agg.workdays:
            targets, workdays = agg.targets, agg.workdays
            lower_bound = max(lower_bound, _add_bound(built, agg))
            if options.hint is None:
                again, value = _greedy(built, targets, options)
                if value is not None and (hinted is None or value < hinted):
                    hint, hinted = again, value
                    if first_s is None:
                        first_s = time.perf_counter() - t0
                    if options.log is not None:
                        options.log(Progress(hinted, lower_bound, time.perf_counter() - t0))
                elif hinted is not None:
                    complete_hint(built, hint)  # back to the better roster's hint
    spent: list[float] = [FIRST_ROSTERS_CHARGE_S if relaxed and roomy else 0.0]
    if hinted is None and facts.covers_intervals:
        found_at: list[float] = []

        def first(cost: float) -> None:
            found_at.append(time.perf_counter() - t0)
            if options.log is not None:
                options.log(Progress(cost, lower_bound, found_at[0]))

        built_one = _rerostered(built, options, spent, first)
        if built_one is not None:
            hint, hinted = built_one
            first_s = found_at[0] if found_at else time.perf_counter() - t0
            if options.log is not None:
                options.log(Progress(hinted, lower_bound, time.perf_counter() - t0))
    if targets is not None and options.hint is None and roomy:
        better = _counts_first(built, targets, workdays, options, hinted, spent)
        if better is not None:
            hint, hinted = better
            if options.log is not None:
                options.log(Progress(hinted, lower_bound, time.perf_counter() - t0))
    hook = None
    if options.use_lns:
        from rosterkit.solver.search import run as hook  # search imports this module: not at the top
    t_search = time.perf_counter() - t0
    searching = options
    if roomy:  # the search gets what the first rosters left
        used = sum(spent) if options.deterministic else t_search
        searching = replace(
            options, time_limit_s=max(1.0, options.time_limit_s - used), run_limit_s=options.whole_limit_s
        )
    if options.log is not None:  # progress times from the start of solve, not of the search
        log = options.log
        searching = replace(
            searching,
            log=lambda p: log(Progress(p.objective, max(p.bound, lower_bound), p.seconds + t_search)),
        )
    raw = hook(built, searching, cpsat, hinted) if hook is not None else cpsat(built, searching)
    if first_s is None and raw.first_solution_s is not None:
        first_s = t_search + raw.first_solution_s
    if raw.worked is None and hinted is not None and raw.status != INFEASIBLE:
        raw = RawSolution(FEASIBLE, hint, hinted, raw.best_bound, first_s)  # keep the checked hint
    seconds = time.perf_counter() - t0
    if raw.worked is None:
        return SolveResult(raw.status, None, None, raw.best_bound, seconds, None)
    objective = round(raw.objective) if raw.objective is not None else None
    if raw.status != OPTIMAL or objective is None:
        objective = tight_objective(built, raw.worked)
    if hinted is not None and (objective is None or objective > round(hinted)):
        # never hand out a roster worse than the checked starting roster (a search may end worse)
        raw = RawSolution(FEASIBLE, hint, hinted, raw.best_bound, first_s)
        objective = tight_objective(built, hint)
    bound = raw.best_bound
    if bound is None or not math.isfinite(bound):
        bound = lower_bound if lower_bound > 0 else None
    elif bound < lower_bound:
        bound = lower_bound
    status = raw.status
    if objective is not None and bound is not None and bound >= objective - 1e-6:
        status = OPTIMAL
    return SolveResult(
        status,
        roster_from(built.facts, raw.worked),
        objective,
        bound,
        seconds,
        first_s,
        built.penalties,
        built.team,
    )


def solve(team: Team, options: SolveOptions | None = None) -> SolveResult:
    """Build the model of ``team`` and solve it. The status is one of optimal, feasible, infeasible,
    unknown (no roster found in the time limit)."""
    options = options or SolveOptions()
    built = build_model(team, symmetry=options.symmetry)
    return solve_built(built, options)


def make_roster(team: Team, options: SolveOptions | None = None) -> SolveResult:
    """Solve and insist on a roster: ``InfeasibleError`` (exit 3) naming the conflicting rules when
    none exists, ``NoSolutionFoundError`` (exit 3) when the time limit ends first."""
    from rosterkit.errors import NoSolutionFoundError
    from rosterkit.labels import t
    from rosterkit.solver.explain import raise_infeasible

    options = options or SolveOptions()
    result = solve(team, options)
    if result.roster is None:
        if result.status == INFEASIBLE:
            raise_infeasible(team, time_limit_s=max(10.0, options.time_limit_s))
        raise NoSolutionFoundError(t("roster.no_solution", seconds=options.time_limit_s))
    return result
