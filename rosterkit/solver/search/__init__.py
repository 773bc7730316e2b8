"""Search strategies on top of the roster model: explicit CP-SAT parameters (``params.py``), a
large-neighbourhood search (``lns.py``), a first roster built employee by employee when every hard
rule binds one employee (``construct.py``), and a rolling-horizon first roster for long horizons
(``rolling.py``).

``run(built, options, cpsat, hinted)`` (``hook.py``) is the hook ``rosterkit.solver.solve`` calls when
``options.use_lns`` is on: it solves the full model for a share of the budget and improves the
incumbent by relaxing a few employees or a window of days at a time for the rest. When the team's
hard rules each bind one employee, an employee-by-employee roster hints the full solve (or, over 12
weeks, starts the LNS); otherwise, over 12 weeks, a roster is first built window by window. The
checked roster the model is hinted with (greedy, counts-first) is where the LNS starts when the full
solve finds nothing better.
"""

from rosterkit.solver.search.hook import run

__all__ = ["run"]
