"""The roster solver: CP-SAT model (``build``), search (``solve``), independent checker (``check``),
infeasibility diagnosis (``explain``) and repair mode (``repair``).

Import the submodules directly; this package imports nothing heavy so that ``rosterkit`` starts fast.
"""
