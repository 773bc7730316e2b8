"""The CP-SAT model under construction, as the rule functions see it.

A rule function receives a ``ModelContext`` and one rule row (``RuleSetting``); it adds constraints
through ``require`` (hard: so that infeasibility can be explained, every hard constraint belongs to a
named rule instance) and returns ``Penalty`` records for its soft terms. The objective is assembled
once, in ``build``, from the records of every rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ortools.sat.python import cp_model

from rosterkit.model import RuleSetting
from rosterkit.solver.facts import Facts

Seq = list  # positions -H..n-1: each a literal or a Python bool (known from history)


@dataclass
class Penalty:
    """One soft term: ``cost`` x ``var`` enters the objective. Named with who and when, so a result
    can explain itself."""

    rule: str
    employee_id: str | None
    date: date | None
    var: cp_model.IntVar
    cost: int
    message: str


@dataclass
class RuleInstance:
    """A named group of hard constraints (one rule for one employee, or for one day): the unit an
    infeasibility diagnosis talks about."""

    rule: str
    employee_id: str | None
    what: str
    literal: cp_model.IntVar


class ModelContext:
    def __init__(self, facts: Facts, *, explain: bool = False, one_shift_a_day: bool = True) -> None:
        self.facts = facts
        self.one_shift_a_day = one_shift_a_day
        self.model = cp_model.CpModel()
        self.explain = explain
        self.instances: dict[tuple, RuleInstance] = {}
        self.x: dict[tuple[str, int, str], cp_model.IntVar] = {}
        new_bool_var, x = self.model.new_bool_var, self.x
        day_names = [str(d) for d in facts.days]  # formatted once, not once per employee and shift
        codes = [s.code for s in facts.shifts]
        for e in facts.employees:
            for i, d in enumerate(day_names):
                for code in codes:
                    x[(e.id, i, code)] = new_bool_var(f"x[{e.id},{d},{code}]")
        self._work: dict[tuple[str, int], cp_model.IntVar] = {}
        self._count: dict[tuple[int, str], cp_model.IntVar] = {}

    # ---- derived variables ----------------------------------------------------------------------
    def shifts_of(self, employee_id: str, day_index: int) -> list[cp_model.IntVar]:
        return [self.x[(employee_id, day_index, s.code)] for s in self.facts.shifts]

    def work(self, employee_id: str, day_index: int) -> cp_model.IntVar:
        """1 when the employee works any shift on the day. With at most one shift a day in force it is
        their sum (a linear equality the LP relaxation sees in full), else their OR."""
        key = (employee_id, day_index)
        if key not in self._work:
            b = self.model.new_bool_var(f"work[{employee_id},{self.facts.days[day_index]}]")
            xs = self.shifts_of(employee_id, day_index)
            if self.one_shift_a_day:
                self.model.add(b == cp_model.LinearExpr.sum(xs))
            else:
                self.model.add_max_equality(b, xs)
            self._work[key] = b
        return self._work[key]

    def count(self, day_index: int, code: str) -> cp_model.IntVar:
        """People on shift ``code`` on a day."""
        key = (day_index, code)
        if key not in self._count:
            n = len(self.facts.employees)
            v = self.model.new_int_var(0, n, f"count[{self.facts.days[day_index]},{code}]")
            self.model.add(
                v == cp_model.LinearExpr.sum([self.x[(e.id, day_index, code)] for e in self.facts.employees])
            )
            self._count[key] = v
        return self._count[key]

    def series(self, employee_id: str, kind: str, code: str | None = None) -> tuple[Seq, int]:
        """A day series for sequence rules and the number H of history days in front of it: position
        k of the list is day k - H. ``kind``: 'work', 'off' or 'shift' (with ``code``)."""
        hist = self.facts.history_of(employee_id)
        seq: Seq = []
        for h in hist:
            if kind == "work":
                seq.append(h is not None)
            elif kind == "off":
                seq.append(h is None)
            else:
                seq.append(h == code)
        for i in range(self.facts.n):
            if kind == "work":
                seq.append(self.work(employee_id, i))
            elif kind == "off":
                seq.append(self.work(employee_id, i).Not())
            else:
                seq.append(self.x[(employee_id, i, code)])
        return seq, len(hist)

    # ---- hard constraints and penalties ----------------------------------------------------------
    def require(
        self, constraint: cp_model.Constraint, setting: RuleSetting, employee_id: str | None, what: str
    ) -> None:
        """Mark ``constraint`` as part of a hard rule instance. When explaining, it is enforced by
        that instance's literal (an assumption of the infeasibility search)."""
        if not self.explain:
            return
        key = (id(setting), setting.rule, employee_id, what)
        inst = self.instances.get(key)
        if inst is None:
            lit = self.model.new_bool_var(f"rule[{setting.rule},{employee_id},{what}]")
            inst = self.instances[key] = RuleInstance(setting.rule, employee_id, what, lit)
        constraint.only_enforce_if(inst.literal)

    def penalty(
        self,
        setting: RuleSetting,
        employee_id: str | None,
        day_index: int | None,
        upper: int,
        cost: int,
        message: str,
    ) -> tuple[cp_model.IntVar, Penalty]:
        """A new penalty variable in [0, upper] and its record (cost per unit)."""
        day = self.facts.days[day_index] if day_index is not None and 0 <= day_index < self.facts.n else None
        name = f"{setting.rule}[{employee_id or '-'},{day or '-'}]"
        var = self.model.new_bool_var(name) if upper == 1 else self.model.new_int_var(0, upper, name)
        return var, Penalty(setting.rule, employee_id, day, var, cost, message)
