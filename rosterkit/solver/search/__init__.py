"""Search strategies on top of the roster model: explicit CP-SAT parameters (``params.py``), a
large-neighbourhood search (``lns.py``), and a rolling-horizon first roster for long horizons
(``rolling.py``).

``run(built, options, cpsat)`` (``hook.py``) is the hook ``rosterkit.solver.solve`` calls when
``options.use_lns`` is on: it solves the full model for a share of the budget and improves the
incumbent by relaxing a few employees or a window of days at a time for the rest; for horizons over
12 weeks it first builds a roster window by window.
"""

from rosterkit.solver.search.hook import run

__all__ = ["run"]
