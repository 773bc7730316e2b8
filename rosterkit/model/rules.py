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
        # min/max_hours: 0 = no team limit; "standard" = 21.75 days x 8 h a month (综合工时), prorated.
        # leave_day_hours: hours each full day of leave counts towards the minimum (half for half a day).
        RuleSpec(
            "work_hours",
            {"min_hours": 0, "max_hours": 0, "leave_day_hours": 8},
            default_on=True,
            default_weight=1,
        ),
        # shift "" with max 0: only the employees' own per-shift limits (Employee.max_shifts).
        RuleSpec("max_shifts_per_type", {"shift": "", "max": 0}, default_on=True, repeatable=True),
        RuleSpec("max_weekends", {"weekends": 0}, default_on=True),
        RuleSpec("leave", {}, can_be_soft=False, default_on=True),
        RuleSpec("pinned", {}, can_be_soft=False, default_on=True),
        RuleSpec("requests", {}, default_on=True, default_hard=False),
        RuleSpec("eligibility", {}, can_be_soft=False, default_on=True),
        # team
        # measure: nights | weekends | holidays | hours; cost = weight x (max - min) among those eligible
        # (hours: per started hour of difference).
        RuleSpec("fairness", {"measure": "nights"}, default_hard=False, default_weight=5, repeatable=True),
    ]
}

# Which rule an Employee field overrides: a per-employee limit switches its rule on for that employee
# even when the team left the rule off (but not when the team switched it off explicitly).
EMPLOYEE_OVERRIDES: dict[str, str] = {
    "max_consecutive_days": "max_consecutive_days",
    "min_consecutive_days": "min_consecutive_days",
    "min_consecutive_days_off": "min_consecutive_days_off",
    "max_weekends": "max_weekends",
    "min_work_minutes": "work_hours",
    "max_work_minutes": "work_hours",
    "max_shifts": "max_shifts_per_type",
}


def resolve_rules(
    rows: tuple[RuleSetting, ...] | list[RuleSetting], overridden: set[str] | frozenset[str] = frozenset()
) -> list[RuleSetting]:
    """The rule rows in force: the team's rows (catalogue parameters filled in) plus a default row for
    every rule the team did not mention that the catalogue switches on by default or that an employee's
    own limit names (``overridden``, see ``EMPLOYEE_OVERRIDES``). Rows switched off are dropped; a rule
    that cannot be soft is made hard. An unknown rule name raises ``KeyError``."""
    mentioned: dict[str, list[RuleSetting]] = {}
    for row in rows:
        if row.rule not in CATALOGUE:
            raise KeyError(row.rule)
        mentioned.setdefault(row.rule, []).append(row)
    resolved: list[RuleSetting] = []
    for name, spec in CATALOGUE.items():
        team_rows = mentioned.get(name)
        if team_rows is None:
            on = spec.default_on or name in overridden
            team_rows = [
                RuleSetting(rule=name, enabled=on, hard=spec.default_hard, weight=spec.default_weight)
            ]
        for row in team_rows:
            if row.enabled:
                params = {**spec.params, **row.params}
                resolved.append(
                    row.model_copy(update={"params": params, "hard": row.hard or not spec.can_be_soft})
                )
    return resolved


def explicitly_off(rows: tuple[RuleSetting, ...] | list[RuleSetting], rule: str) -> bool:
    """True when the team has rows for ``rule`` and all of them are switched off."""
    mine = [r for r in rows if r.rule == rule]
    return bool(mine) and not any(r.enabled for r in mine)
