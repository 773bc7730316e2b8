"""Why no roster exists: the conflicting rules in the user's terms (who, which days, which rule).

Every hard constraint of the model belongs to a rule instance (one rule for one employee, or for one
day and shift) with an enforcement literal. A deletion filter (relaxation) then switches instances
off, group by group: first whole rules, then each person's share of them, then single instances;
whatever can be switched off while the model stays infeasible is dropped. What is left is small and
each line names a person, a rule and what it asks. Each trial fixes the literals (rather than
assuming them), so presolve removes the switched-off constraints and the model keeps its strength:
with plain assumptions (``add_assumptions``), CP-SAT's LP sees only big-M relaxations, and a proof
that takes the full model milliseconds took more than 10 s on a 28-day, 2-person team.

    lines = diagnose(team)           # [] when a roster exists
    raise_infeasible(team)           # InfeasibleError with those lines (exit 3)
"""

from __future__ import annotations

import time

from ortools.sat.python import cp_model

from rosterkit.errors import InfeasibleError
from rosterkit.labels import t
from rosterkit.model import Team
from rosterkit.solver.build import build_model
from rosterkit.solver.check import leave_name
from rosterkit.solver.context import RuleInstance

MAX_DELETION_STEPS = 40


class _Trials:
    """Solves of the model with a chosen set of rule instances on and the rest off (their literals
    fixed, so presolve removes them and the model keeps its full strength)."""

    def __init__(self, model: cp_model.CpModel, instances: list[RuleInstance], deadline: float) -> None:
        self.model = model
        self.instances = instances
        self.deadline = deadline

    def infeasible(self, kept: list[RuleInstance], cap_s: float = 5.0) -> bool | None:
        """True when the instances in ``kept`` conflict, False when not, None when out of time."""
        left = self.deadline - time.perf_counter()
        if left <= 0.05:
            return None
        on = {id(k) for k in kept}
        trial = self.model.clone()
        for inst in self.instances:
            var = trial.get_bool_var_from_proto_index(inst.literal.index)
            trial.add(var == (1 if id(inst) in on else 0))
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = min(left, cap_s)
        code = solver.solve(trial)
        if code == cp_model.INFEASIBLE:
            return True
        return False if code in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None


def _drop_groups(trials: _Trials, kept: list[RuleInstance], key) -> list[RuleInstance]:
    """Deletion filter over groups of instances (``key`` names a group): a group whose removal keeps
    the conflict is dropped for good."""
    groups: dict[object, list[RuleInstance]] = {}
    for inst in kept:
        groups.setdefault(key(inst), []).append(inst)
    for name in list(groups):
        if len(groups) == 1:
            break
        trial = [i for g, members in groups.items() if g != name for i in members]
        if trials.infeasible(trial):
            del groups[name]
    return [i for members in groups.values() for i in members]


def conflicting_instances(team: Team, time_limit_s: float = 20.0) -> list[RuleInstance] | None:
    """A small set of hard rule instances that cannot hold together; [] when a roster exists, None
    when the search ran out of time before proving either."""
    built = build_model(team, explain=True)
    built.model.clear_objective()
    trials = _Trials(built.model, built.instances, time.perf_counter() + time_limit_s)
    everything = list(built.instances)
    verdict = trials.infeasible(everything, cap_s=time_limit_s / 2)
    if verdict is None:
        return None
    if not verdict:
        return []
    kept = _drop_groups(trials, everything, key=lambda i: i.rule)  # which rules
    team_level = [i for i in kept if i.employee_id is None]
    for eid in dict.fromkeys(i.employee_id for i in kept if i.employee_id is not None):
        mine = [i for i in kept if i.employee_id == eid]
        if trials.infeasible(team_level + mine):
            kept = team_level + mine  # one person's own rules already conflict
            break
    kept = _drop_groups(trials, kept, key=lambda i: (i.rule, i.employee_id))
    for inst in list(kept)[:MAX_DELETION_STEPS]:
        if len(kept) <= 1:
            break
        trial = [k for k in kept if k is not inst]
        if trials.infeasible(trial, cap_s=2.0):
            kept = trial
    return kept


def _what(team: Team, inst: RuleInstance) -> str:
    """What the instance asks, with a leave named in the user's language (年假 rather than the code
    ``annual`` under --lang zh). The leave rule (solver/rules/daily.py) writes the leave's code into
    its text; the leave record it came from is found again by rendering that text, and the line is
    rendered anew with ``check.leave_name``. Any other text is kept as it is."""
    if inst.employee_id is None:
        return inst.what
    for lv in team.leave:
        if lv.employee_id != inst.employee_id:
            continue
        if lv.half_day is None:
            coded = t("what.leave", leave=lv.type.value, start=lv.start, end=lv.end)
            named = t("err.infeasible.leave", leave=leave_name(lv.type), start=lv.start, end=lv.end)
        else:
            half = t(f"word.{lv.half_day.value}")
            coded = t("what.half_leave", leave=lv.type.value, start=lv.start, half=half)
            named = t("err.infeasible.half_leave", leave=leave_name(lv.type), start=lv.start, half=half)
        if inst.what == coded:
            return named
    return inst.what


def describe(team: Team, inst: RuleInstance) -> str:
    rule = t(f"rule.{inst.rule}")
    what = _what(team, inst)
    if inst.employee_id is None:
        return t("roster.infeasible.team", rule=rule, what=what)
    e = team.employee_by_id.get(inst.employee_id)
    who = f"{inst.employee_id} ({e.name})" if e is not None and e.name else inst.employee_id
    return t("roster.infeasible.item", who=who, rule=rule, what=what)


def diagnose(team: Team, time_limit_s: float = 20.0) -> list[str]:
    """Lines naming the conflicting rules, grouped by person; a single line saying the conflict
    could not be narrowed down when the search runs out of time."""
    found = conflicting_instances(team, time_limit_s)
    if found is None:
        return [t("roster.infeasible.unexplained")]
    lines: list[str] = []
    for inst in sorted(found, key=lambda i: (i.employee_id or "", i.rule, i.what)):
        line = describe(team, inst)
        if line not in lines:
            lines.append(line)
    return lines


def raise_infeasible(team: Team, time_limit_s: float = 20.0) -> None:
    """Raise ``InfeasibleError`` (exit 3) with the diagnosis."""
    raise InfeasibleError(t("roster.infeasible"), diagnosis=diagnose(team, time_limit_s))
