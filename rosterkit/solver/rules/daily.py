"""Rules about single days of one employee: one shift a day, eligibility, leave, pinned days, requests."""

from __future__ import annotations

from rosterkit.labels import t
from rosterkit.model import RequestKind, RuleSetting
from rosterkit.solver.context import ModelContext, Penalty


def one_shift_per_day(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """At most one shift a day; a shift crossing midnight belongs to the day it starts on."""
    for e in ctx.facts.employees:
        for i in range(ctx.facts.n):
            ctx.model.add_at_most_one(ctx.shifts_of(e.id, i))
    return []


def eligibility(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """Nobody works a shift they may not work (``forbidden_shifts`` / ``allowed_shifts``)."""
    for e in ctx.facts.employees:
        banned = [s.code for s in ctx.facts.shifts if not ctx.facts.eligible(e, s.code)]
        for code in banned:
            xs = [ctx.x[(e.id, i, code)] for i in range(ctx.facts.n)]
            ctx.require(ctx.model.add(sum(xs) == 0), setting, e.id, t("what.eligibility", code=code))
    return []


def leave(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """No shift on a day of leave; on a half day of leave, no shift on duty in that half."""
    f = ctx.facts
    for lv in f.team.leave:
        days = [i for i, d in enumerate(f.days) if lv.covers(d)]
        what = t("what.leave", leave=lv.type.value, start=lv.start, end=lv.end)
        if lv.half_day is not None:
            what = t(
                "what.half_leave", leave=lv.type.value, start=lv.start, half=t(f"word.{lv.half_day.value}")
            )
        for i in days:
            if lv.half_day is None:
                xs = ctx.shifts_of(lv.employee_id, i)
            else:
                xs = [
                    ctx.x[(lv.employee_id, i, s.code)]
                    for s in f.shifts
                    if f.clashes_with_half_day(s.code, lv.half_day)
                ]
            if xs:
                ctx.require(ctx.model.add(sum(xs) == 0), setting, lv.employee_id, what)
    return []


def pinned(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """Pinned assignments hold: the given shift, or a day off."""
    for (eid, i), code in ctx.facts.pinned.items():
        xs = ctx.shifts_of(eid, i)
        target = sum(xs) if code is None else ctx.x[(eid, i, code)]
        want = 0 if code is None else 1
        what = t("what.pinned", want=code or t("word.day_off"), date=ctx.facts.days[i])
        ctx.require(ctx.model.add(target == want), setting, eid, what)
    return []


def requests(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """Shift-on, shift-off and day-off requests: each one not granted costs its weight (x the row's
    weight); as a hard rule, every request is granted."""
    f = ctx.facts
    out: list[Penalty] = []
    for r in f.team.requests:
        if r.date not in f.index:
            continue
        i = f.index[r.date]
        lit = ctx.work(r.employee_id, i) if r.shift is None else ctx.x[(r.employee_id, i, r.shift)]
        what = r.shift or "work"
        if r.kind == RequestKind.SHIFT_ON:
            granted, text = lit, f"{f.who(r.employee_id)} asked to work {what} on {r.date}"
        else:
            granted, text = lit.Not(), f"{f.who(r.employee_id)} asked not to work {what} on {r.date}"
        if setting.hard:
            ctx.require(ctx.model.add_bool_or([granted]), setting, r.employee_id, text)
        elif r.weight * setting.weight:
            var, rec = ctx.penalty(setting, r.employee_id, i, 1, r.weight * setting.weight, text)
            ctx.model.add_bool_or([granted, var])
            out.append(rec)
    return out
