"""Explicit CP-SAT parameters (STYLE.md point 8): time limit, workers, seed, nothing implicit.

Reproducibility: CP-SAT with several workers is only deterministic in its interleaved mode, where
the workers run in fixed batches and the limit that counts is deterministic time. ``solver_parameters``
therefore sets ``interleave_search`` when ``deterministic`` is asked for, and a deterministic-time
limit next to the wall-clock one (the wall clock is only a safety net on a loaded machine).
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from rosterkit.solver.solve import wall_net

# Deterministic time units CP-SAT counts per wall second with 2 interleaved workers on this class of
# machine, used to turn a budget in seconds into a reproducible one. Measured on a quiet machine:
# 0.94-1.31 on Curtois-Qu 3, 7 and 12, 0.46 on the 60-agent call-centre month (interval coverage
# makes propagation heavier). 0.7 keeps Curtois-Qu 3 at its optimum in a 30 s run (0.5 did not) and
# makes a reproducible 60 s run of the call-centre month take about 75 s of wall time. Under load it
# takes longer; the wall clock (``wall_net``) is only a safety net, and a run it cuts short is no
# longer reproducible.
DETERMINISTIC_PER_SECOND = 0.7


# The same for one neighbourhood solve of the LNS (one worker). 0.3 (an early measurement under load)
# ended a reproducible 60 s run of the example centre after 36 s of wall time; 0.5 after 47 s, 0.7
# after 63 s (62,053 vs 63,075 at 0.3); on Curtois-Qu months it ends runs at about 50 s (5: 1433 ->
# 1351, 9: 673 -> 560).
SUBSOLVE_PER_SECOND = 0.7


def set_solver_parameters(
    solver: cp_model.CpSolver,
    *,
    time_limit_s: float,
    workers: int,
    seed: int,
    deterministic: bool = True,
    log: bool = False,
) -> None:
    """Set the parameters of a full solve of the roster model on ``solver``."""
    params = solver.parameters
    params.max_time_in_seconds = max(0.01, time_limit_s)
    params.num_workers = max(1, workers)
    params.random_seed = seed
    params.log_search_progress = log
    if deterministic:
        params.max_deterministic_time = max(0.01, time_limit_s * DETERMINISTIC_PER_SECOND)
        params.max_time_in_seconds = wall_net(time_limit_s)
        if workers > 1:
            params.interleave_search = True


def set_subsolve_parameters(solver: cp_model.CpSolver, *, dtime_limit: float, seed: int) -> None:
    """Set the parameters of one neighbourhood solve of the LNS: one worker, a deterministic-time limit."""
    params = solver.parameters
    params.num_workers = 1
    params.random_seed = seed
    params.max_deterministic_time = max(0.01, dtime_limit)
    params.max_time_in_seconds = max(1.0, 10 * dtime_limit / SUBSOLVE_PER_SECOND)  # safety net
