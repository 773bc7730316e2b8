"""rosterkit: forecast call volume, staff it with Erlang C/A, solve the monthly duty roster with
OR-Tools CP-SAT, check it, and reconcile attendance punches against it."""

__version__ = "0.1.0"
