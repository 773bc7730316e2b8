"""Explicit CP-SAT parameters (STYLE.md point 8): time limit, workers, seed, nothing implicit.

Reproducibility: CP-SAT with several workers is only deterministic in its interleaved mode, where
the workers run in fixed batches and the limit that counts is deterministic time. ``solver_parameters``
therefore sets ``interleave_search`` when ``deterministic`` is asked for, and a deterministic-time
limit next to the wall-clock one (the wall clock is only a safety net on a loaded machine).
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Subsolve:
    """How the LNS solves one neighbourhood: its deterministic-time limit, the deterministic time one
    worker counts per wall second (turns a budget in seconds into a reproducible one), and whether
    CP-SAT presolves the neighbourhood's model."""

    dtime: float
    per_second: float
    presolve: bool = True


# Curtois-Qu months and most teams. per_second 0.3 (an early measurement under load) ended a
# reproducible 60 s run of the example centre after 36 s of wall time; 0.7 ends Curtois-Qu months at
# about 50 s (5: 1433 -> 1351, 9: 673 -> 560 against 0.3).
SUBSOLVE = Subsolve(dtime=0.3, per_second=0.7)

# A month with interval coverage (a call centre): presolving a neighbourhood (dominance implications,
# 140,000 of them, then clique merging) used more than the neighbourhood's whole limit, so 68 of 80
# neighbourhood solves of a 60 s run on the example centre ended before their search began
# (62,053). Without presolve, smaller neighbourhoods, and the rate measured for them (a 60 s run
# ends at 58 s): 59,953. Measured on the example centre, reproducible, 60 s: sub dtime 0.3 -> 60,316,
# 0.15 -> 59,953, 0.08 -> 60,032, 0.6 -> 60,724; no LP (linearization 0) 62,057. Not for
# Curtois-Qu: without presolve 9 got 669 (560), 10 5292 (5188), 12 7046 (6582).
# per_second measured again on 2026-12-05 (example centre, 60 s, a quiet machine): 134
# neighbourhoods used 0.12 units each in 0.295 s of a worker, 0.41 a second; the 0.22 measured before
# ended a "60 s" run after 44 s of wall time, a quarter of its time unused. At 0.4 the run takes 58-62 s
# and ends lower (seeds 0-2 with the pair exchanges: 59,137 / 59,157 / 59,188; seed 0 at 0.22: 59,147).
# Presolve on with its costly steps off (one iteration, no probing, SAT presolve, symmetry, inclusion
# or clique merging) was worse: 59,500 and 59,394 on seeds 0-1, and runs took 100-110 s.
SUBSOLVE_INTERVALS = Subsolve(dtime=0.15, per_second=0.4, presolve=False)


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


def set_subsolve_parameters(
    solver: cp_model.CpSolver, *, dtime_limit: float, seed: int, how: Subsolve = SUBSOLVE
) -> None:
    """Set the parameters of one neighbourhood solve of the LNS: one worker, a deterministic-time
    limit, presolve as ``how`` says."""
    params = solver.parameters
    params.num_workers = 1
    params.random_seed = seed
    params.max_deterministic_time = max(0.01, dtime_limit)
    params.max_time_in_seconds = max(1.0, 10 * dtime_limit / how.per_second)  # safety net
    params.cp_model_presolve = how.presolve
