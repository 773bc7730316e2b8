"""Explicit CP-SAT parameters (STYLE.md point 8): time limit, workers, seed, nothing implicit.

Reproducibility: CP-SAT with several workers is only deterministic in its interleaved mode, where
the workers run in fixed batches and the limit that counts is deterministic time. ``solver_parameters``
therefore sets ``interleave_search`` when ``deterministic`` is asked for, and a deterministic-time
limit next to the wall-clock one (the wall clock is only a safety net on a loaded machine).
"""

from __future__ import annotations

from ortools.sat.python import cp_model

# Deterministic time units CP-SAT counts per wall second on one core of this class of machine
# (measured on the Curtois–Qu month instances; used to turn a wall budget into a reproducible one).
DETERMINISTIC_PER_SECOND = 1.0


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
        if workers > 1:
            params.interleave_search = True


def set_subsolve_parameters(solver: cp_model.CpSolver, *, dtime_limit: float, seed: int) -> None:
    """Set the parameters of one neighbourhood solve of the LNS: one worker, a deterministic-time limit."""
    params = solver.parameters
    params.num_workers = 1
    params.random_seed = seed
    params.max_deterministic_time = max(0.01, dtime_limit)
    params.max_time_in_seconds = max(0.05, 4 * dtime_limit / DETERMINISTIC_PER_SECOND)
