"""Fairness across the team: nights, weekends, statutory holidays or hours spread evenly."""

from __future__ import annotations

from rosterkit.labels import t
from rosterkit.model import RuleSetting
from rosterkit.solver.context import ModelContext, Penalty
from rosterkit.solver.facts import FAIR_SCALE


def fairness(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """Spread a ``measure`` (nights, weekends, holidays, hours) among the employees who may work it,
    pro rata to the days each is not on leave (a count scaled to the whole horizon): soft, weight x
    (most - least), per started unit of difference (hours: per started hour); hard: the spread is at
    most ``max_spread`` (default 1; hours: in hours)."""
    f = ctx.facts
    measure = str(setting.params.get("measure", "nights"))
    unit, people = f.fairness_values(measure)
    factors = f.fairness_factors(people)
    people = [e for e in people if e.id in factors]
    if len(people) < 2:
        return []
    values, top = [], 0
    for e in people:
        if unit == "nights":
            terms = [ctx.x[(e.id, i, s.code)] for i in range(f.n) for s in f.shifts if s.is_night]
            upper = f.n
        elif unit == "holidays":
            terms = [ctx.work(e.id, i) for i in f.holidays]
            upper = len(f.holidays)
        elif unit == "weekends":
            terms = []
            for days in f.weekends:
                w = ctx.model.new_bool_var(f"fair_weekend[{e.id},{f.days[days[0]]}]")
                ctx.model.add_max_equality(w, [ctx.work(e.id, i) for i in days])
                terms.append(w)
            upper = len(f.weekends)
        else:
            terms = [f.work_minutes(s.code) * ctx.x[(e.id, i, s.code)] for i in range(f.n) for s in f.shifts]
            upper = f.n * max(f.work_minutes(s.code) for s in f.shifts)
        k = factors[e.id]  # pro rata to the days not on leave (see Facts.fairness_factors)
        v = ctx.model.new_int_var(0, upper * k, f"fair_{unit}[{e.id}]")
        ctx.model.add(v == k * sum(terms))
        values.append(v)
        top = max(top, upper * k)
    most = ctx.model.new_int_var(0, top, f"fair_{unit}_max")
    least = ctx.model.new_int_var(0, top, f"fair_{unit}_min")
    ctx.model.add_max_equality(most, values)
    ctx.model.add_min_equality(least, values)
    scale = (60 if unit == "hours" else 1) * FAIR_SCALE
    if setting.hard:
        spread = int(setting.params.get("max_spread", 1)) * scale
        ctx.require(
            ctx.model.add(most - least <= spread), setting, None, t("what.fairness", unit=t("unit." + unit))
        )
        return []
    if not setting.weight:
        return []
    msg = f"{unit} are spread unevenly among {len(people)} people"
    var, rec = ctx.penalty(setting, None, None, -(-top // scale), setting.weight, msg)
    ctx.model.add(scale * var >= most - least)
    return [rec]
