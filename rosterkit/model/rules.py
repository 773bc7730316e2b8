"""The roster rule catalogue as data: names, parameters, defaults (spec section 4).

The solver (``rosterkit.solver.rules``) implements each rule named here, and the checker
(``rosterkit.solver.check``) recomputes it; a test fails when a rule lacks either. A team's
``RuleSetting`` rows switch rules on, choose hard or soft with a weight, and set parameters; a rule
may appear in several rows with different parameters (e.g. ``max_consecutive_shift`` for N and E).
Per-employee limits on the ``Employee`` model override a rule's team default.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import Field

from rosterkit.model.base import Model

ParamValue = int | float | str | bool


class RuleSetting(Model):
    rule: str
    enabled: bool = True
    hard: bool = True
    weight: int = Field(default=1, ge=0)
    params: dict[str, ParamValue] = Field(default_factory=dict)


@dataclass(frozen=True)
class RuleSpec:
    """What the catalogue knows of a rule: its parameters with defaults, whether it may be soft,
    whether it is on when a team says nothing, and its default weight when soft."""

    name: str
    params: dict[str, ParamValue] = field(default_factory=dict)
    can_be_soft: bool = True
    default_on: bool = False
    default_hard: bool = True
    default_weight: int = 1
    repeatable: bool = False  # may appear in several rows with different parameters


CATALOGUE: dict[str, RuleSpec] = {
    spec.name: spec
    for spec in [
        # coverage
        RuleSpec(
            "interval_coverage", {"under_weight": 100, "over_weight": 1}, default_on=True, default_hard=False
        ),
        RuleSpec("shift_demand", {}, default_on=True, default_hard=False),
        RuleSpec("skill_cover", {}, default_on=True),
        # per employee
        RuleSpec("one_shift_per_day", {}, can_be_soft=False, default_on=True),
        RuleSpec("min_rest", {"hours": 11}, default_on=True, default_weight=50),
        RuleSpec("shift_succession", {}, default_on=True),
        RuleSpec("max_consecutive_days", {"days": 6}, default_on=True, default_weight=20),
        RuleSpec("weekly_rest", {"window_days": 7, "min_days_off": 1}, default_on=True),
        RuleSpec("min_consecutive_days", {"days": 2}, default_weight=10),
        RuleSpec("min_consecutive_days_off", {"days": 2}, default_weight=10),
        RuleSpec("max_consecutive_shift", {"shift": "", "days": 3}, default_weight=10, repeatable=True),
        RuleSpec("min_consecutive_shift", {"shift": "", "days": 2}, default_weight=10, repeatable=True),
        RuleSpec("work_hours", {"min_hours": 0, "max_hours": 0}, default_weight=1),
        RuleSpec("max_shifts_per_type", {"shift": "", "max": 0}, repeatable=True),
        RuleSpec("max_weekends", {"weekends": 0}),
        RuleSpec("leave", {}, can_be_soft=False, default_on=True),
        RuleSpec("pinned", {}, can_be_soft=False, default_on=True),
        RuleSpec("requests", {}, default_on=True, default_hard=False),
        RuleSpec("eligibility", {}, can_be_soft=False, default_on=True),
        # team
        RuleSpec("fairness", {"measure": "nights"}, default_hard=False, default_weight=5, repeatable=True),
    ]
}
