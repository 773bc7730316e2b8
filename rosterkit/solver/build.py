"""Build the CP-SAT model of a team's month: ``x[employee, day, shift]`` booleans, the enabled rules,
and the objective assembled once from every rule's penalty records.

    built = build_model(team)                 # every rule in force for the team
    built = build_model(team, only={"one_shift_per_day", "min_rest"})   # a rule under test
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from rosterkit.model import Roster, Team
from rosterkit.solver.context import ModelContext, Penalty, RuleInstance
from rosterkit.solver.facts import Facts
from rosterkit.solver.rules import REGISTRY


@dataclass
class BuiltModel:
    """A built model and what a search needs to read a solution back."""

    model: cp_model.CpModel
    x: dict[tuple[str, int, str], cp_model.IntVar]  # (employee_id, day_index, shift_code)
    penalties: list[Penalty]
    objective: cp_model.LinearExpr
    facts: Facts
    context: ModelContext
    instances: list[RuleInstance] = field(default_factory=list)  # hard rule instances (explain mode)
    rules: set[str] = field(default_factory=set)  # the rules built into the model

    @property
    def team(self) -> Team:
        return self.facts.team

    def roster(self, value) -> Roster:
        """The roster of a solution; ``value(var) -> int`` reads a variable (e.g. ``solver.value``)."""
        return roster_from(self.facts, {k for k, v in self.x.items() if value(v)})


def roster_from(facts: Facts, worked: Iterable[tuple[str, int, str]]) -> Roster:
    """A roster from the (employee, day index, shift) triples worked, with the team's leave filled in."""
    roster = Roster(start=facts.team.start, end=facts.team.end, employee_ids=[e.id for e in facts.employees])
    for eid, i, code in worked:
        roster.shifts[(eid, facts.days[i])] = code
    for (eid, i), lt in facts.leave_full.items():
        if (eid, facts.days[i]) not in roster.shifts:
            roster.leave[(eid, facts.days[i])] = lt
    for (eid, i), (_half, lt) in facts.leave_half.items():
        if (eid, facts.days[i]) not in roster.shifts:
            roster.leave[(eid, facts.days[i])] = lt
    return roster


def build_model(
    team: Team | Facts,
    *,
    only: set[str] | None = None,
    explain: bool = False,
    symmetry: bool = True,
) -> BuiltModel:
    """The CP-SAT model of ``team`` with the rules in force (or ``only`` those named). ``explain``
    puts every hard constraint under its rule instance's literal (for ``explain.diagnose``);
    ``symmetry`` orders interchangeable employees."""
    facts = team if isinstance(team, Facts) else Facts(team)
    one_a_day = facts.enabled("one_shift_per_day") and (only is None or "one_shift_per_day" in only)
    ctx = ModelContext(facts, explain=explain, one_shift_a_day=one_a_day)
    penalties: list[Penalty] = []
    rules: set[str] = set()
    for setting in facts.settings:
        if only is not None and setting.rule not in only:
            continue
        penalties += REGISTRY[setting.rule](ctx, setting)
        rules.add(setting.rule)
    if symmetry and not explain:
        break_symmetry(ctx)
    objective = cp_model.LinearExpr.weighted_sum([p.var for p in penalties], [p.cost for p in penalties])
    ctx.model.minimize(objective)
    return BuiltModel(ctx.model, ctx.x, penalties, objective, facts, ctx, list(ctx.instances.values()), rules)


def interchangeable_groups(facts: Facts) -> list[list[str]]:
    """Employees no rule can tell apart: same attributes, and no leave, request, pinned day or
    history of their own. Any roster with two of them swapped costs the same."""
    personal = {a.employee_id for a in facts.team.pinned} | {a.employee_id for a in facts.team.history}
    personal |= {r.employee_id for r in facts.team.requests} | {lv.employee_id for lv in facts.team.leave}
    groups: dict[str, list[str]] = {}
    for e in facts.employees:
        if e.id in personal:
            continue
        key = e.model_dump_json(exclude={"id", "name"})
        groups.setdefault(key, []).append(e.id)
    return [g for g in groups.values() if len(g) > 1]


SYMMETRY_DAYS = 3


def symmetry_key(facts: Facts, shift_of_day: list[str | None]) -> int:
    """The number the symmetry order sorts interchangeable employees by: their first few days' shifts
    read as digits (a lexicographic order on the start of the month)."""
    codes = [s.code for s in facts.shifts]
    base = len(codes) + 1
    key = 0
    for d in range(min(SYMMETRY_DAYS, facts.n)):
        c = shift_of_day[d]
        key = key * base + (0 if c is None else codes.index(c) + 1)
    return key


def break_symmetry(ctx: ModelContext) -> None:
    """Interchangeable employees are ordered by ``symmetry_key`` (non-increasing)."""
    f = ctx.facts
    base = len(f.shifts) + 1
    for group in interchangeable_groups(f):
        keys = []
        for eid in group:
            expr = 0
            for d in range(min(SYMMETRY_DAYS, f.n)):
                day_code = sum((k + 1) * ctx.x[(eid, d, s.code)] for k, s in enumerate(f.shifts))
                expr = expr * base + day_code
            keys.append(expr)
        for a, b in zip(keys, keys[1:], strict=False):
            ctx.model.add(a >= b)
