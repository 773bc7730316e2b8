"""Totals of one employee over the horizon: working hours, shifts of each type, weekends worked."""

from __future__ import annotations

from ortools.sat.python import cp_model

from rosterkit.labels import t
from rosterkit.model import RuleSetting
from rosterkit.solver.context import ModelContext, Penalty


def work_hours(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """Total paid minutes (shift less break) between the contract's minimum and maximum (employee
    ``min/max_work_minutes``, else the row's ``min_hours``/``max_hours``; 'standard' = 21.75 days x
    8 h a month). Leave counts ``leave_day_hours`` a day towards the minimum. Soft: weight per started
    hour short or over."""
    f = ctx.facts
    out: list[Penalty] = []
    minutes = {c: f.work_minutes(c) for c in f.shift_by_code}
    most = f.n * max(minutes.values(), default=0)
    for e in f.employees:
        low, high = f.hours_bounds(e, setting)
        if not low and not high:
            continue
        cells = [(ctx.x[(e.id, i, c)], m) for i in range(f.n) for c, m in minutes.items() if m]
        total = cp_model.LinearExpr.weighted_sum([v for v, _ in cells], [m for _, m in cells])
        if setting.hard:
            if low:
                ctx.require(
                    ctx.model.add(total >= low), setting, e.id, t("what.hours_min", hours=f"{low / 60:g}")
                )
            if high:
                ctx.require(
                    ctx.model.add(total <= high), setting, e.id, t("what.hours_max", hours=f"{high / 60:g}")
                )
            continue
        if low:
            msg = f"{f.who(e.id)}: fewer than {low / 60:g} h over the month"
            var, rec = ctx.penalty(setting, e.id, None, -(-low // 60), setting.weight, msg)
            ctx.model.add(60 * var >= low - total)
            out.append(rec)
        if high:
            msg = f"{f.who(e.id)}: more than {high / 60:g} h over the month"
            var, rec = ctx.penalty(setting, e.id, None, -(-most // 60) + 1, setting.weight, msg)
            ctx.model.add(60 * var >= total - high)
            out.append(rec)
    return out


def max_shifts_per_type(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """At most ``max`` shifts of type ``shift`` (the employee's own ``max_shifts`` overrides). Soft:
    weight per shift over."""
    f = ctx.facts
    specific = f.specific_shift_rows()
    out: list[Penalty] = []
    for e in f.employees:
        for code, cap in f.shift_limits(e, setting, specific).items():
            total = sum(ctx.x[(e.id, i, code)] for i in range(f.n))
            if cap >= f.n:
                continue
            if setting.hard:
                ctx.require(
                    ctx.model.add(total <= cap), setting, e.id, t("what.max_shifts", cap=cap, code=code)
                )
            elif setting.weight:
                msg = f"{f.who(e.id)}: more than {cap} {code} shifts"
                var, rec = ctx.penalty(setting, e.id, None, f.n, setting.weight, msg)
                ctx.model.add(total - cap <= var)
                out.append(rec)
    return out


def max_weekends(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """At most ``weekends`` weekends worked (a weekend counts when Saturday or Sunday is worked; the
    employee's own ``max_weekends`` overrides). Soft: weight per weekend over."""
    f = ctx.facts
    out: list[Penalty] = []
    for e in f.employees:
        cap = f.limit(e, "max_weekends", setting, "weekends")
        if cap is None or cap >= len(f.weekends):
            continue
        worked = []
        for days in f.weekends:
            w = ctx.model.new_bool_var(f"weekend[{e.id},{f.days[days[0]]}]")
            ctx.model.add_max_equality(w, [ctx.work(e.id, i) for i in days])
            worked.append(w)
        if setting.hard:
            ctx.require(ctx.model.add(sum(worked) <= cap), setting, e.id, t("what.max_weekends", cap=cap))
        elif setting.weight:
            msg = f"{f.who(e.id)}: more than {cap} weekends worked"
            var, rec = ctx.penalty(setting, e.id, None, len(worked), setting.weight, msg)
            ctx.model.add(sum(worked) - cap <= var)
            out.append(rec)
    return out
