"""The adapter between ``rosterkit.solver.solve`` and the LNS: cells from the built model, progress
reports, and the result in the solve module's terms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rosterkit.solver.search.lns import LnsProblem, solve_with_lns


def run(built: Any, options: Any, cpsat: Callable[[Any, Any], Any]) -> Any:
    """Solve ``built`` (a ``BuiltModel``) with the options of ``SolveOptions``; returns a ``RawSolution``.
    ``cpsat`` (the plain run) is not needed: the LNS runs its own full solve first."""
    from rosterkit.solver.solve import Progress, RawSolution

    facts = built.facts
    index = {e.id: i for i, e in enumerate(facts.employees)}
    cells: dict[tuple[int, int], list] = {}
    for (eid, day, _code), var in built.x.items():
        cells.setdefault((index[eid], day), []).append(var)
    problem = LnsProblem(built.model, cells, len(facts.employees), facts.n)

    best_bound: list[float] = [float("-inf")]

    def report(seconds: float, objective: float) -> None:
        if options.log is not None:
            options.log(Progress(objective, best_bound[0], seconds))

    result = solve_with_lns(
        problem,
        time_limit_s=options.time_limit_s,
        workers=options.workers,
        seed=options.seed,
        on_solution=report,
    )
    if result.values is None:
        return RawSolution(result.status, None, None, result.bound)
    worked = {key for key, var in built.x.items() if result.values[var.index]}
    return RawSolution(result.status, worked, result.objective, result.bound, result.first_solution_s)
