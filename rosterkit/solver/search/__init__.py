"""Search strategies on top of the roster model: explicit CP-SAT parameters and a large-neighbourhood
search (``lns.py``), deterministic for a fixed seed and worker count.

``run(built, options, cpsat)`` is the hook ``rosterkit.solver.solve`` calls when ``options.use_lns``
is on: it solves the full model for a share of the budget and improves the incumbent by relaxing a
few employees or a window of days at a time for the rest.
"""

from rosterkit.solver.search.hook import run

__all__ = ["run"]
