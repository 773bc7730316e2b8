"""The roster rules, one function per rule, grouped by family; ``REGISTRY`` is the table of contents.

Each function has the signature ``rule(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]``:
it adds the rule's constraints for one rule row and returns the penalty records of its soft terms.
"""

from __future__ import annotations

from collections.abc import Callable

from rosterkit.model import RuleSetting
from rosterkit.solver.context import ModelContext, Penalty
from rosterkit.solver.rules import coverage, daily, fairness, rest, sequences, totals

RuleFunction = Callable[[ModelContext, RuleSetting], list[Penalty]]

REGISTRY: dict[str, RuleFunction] = {
    # coverage
    "interval_coverage": coverage.interval_coverage,
    "shift_demand": coverage.shift_demand,
    "skill_cover": coverage.skill_cover,
    # per employee, day by day
    "one_shift_per_day": daily.one_shift_per_day,
    "eligibility": daily.eligibility,
    "leave": daily.leave,
    "pinned": daily.pinned,
    "requests": daily.requests,
    # between shifts
    "min_rest": rest.min_rest,
    "shift_succession": rest.shift_succession,
    # sequences
    "max_consecutive_days": sequences.max_consecutive_days,
    "min_consecutive_days": sequences.min_consecutive_days,
    "min_consecutive_days_off": sequences.min_consecutive_days_off,
    "max_consecutive_shift": sequences.max_consecutive_shift,
    "min_consecutive_shift": sequences.min_consecutive_shift,
    "weekly_rest": sequences.weekly_rest,
    # totals over the horizon
    "work_hours": totals.work_hours,
    "max_shifts_per_type": totals.max_shifts_per_type,
    "max_weekends": totals.max_weekends,
    # team
    "fairness": fairness.fairness,
}
