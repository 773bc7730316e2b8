"""Coverage rules of the team: interval coverage, per-shift daily demand, skill cover."""

from __future__ import annotations

from ortools.sat.python import cp_model

from rosterkit.labels import t
from rosterkit.model import RuleSetting
from rosterkit.solver.context import ModelContext, Penalty


def _history_count(ctx: ModelContext, code: str, employees=None) -> int:
    """People whose last history day was ``code`` (their night shift runs into the 1st)."""
    people = ctx.facts.employees if employees is None else employees
    return sum(1 for e in people if ctx.facts.history_on(e.id, -1) == code)


def _soft_target(
    ctx: ModelContext,
    setting: RuleSetting,
    day_index: int,
    count: cp_model.LinearExprT,
    target: int,
    under_weight: int,
    over_weight: int,
    most_over: int,
    under_message: str,
    over_message: str,
) -> list[Penalty]:
    """Soft penalties for ``count`` people against ``target``: ``under_weight`` per person short,
    ``over_weight`` per person over (at most ``most_over``). A zero weight (or target, for under)
    adds nothing."""
    out: list[Penalty] = []
    if under_weight and target:
        var, rec = ctx.penalty(setting, None, day_index, target, under_weight, under_message)
        ctx.model.add(count + var >= target)
        out.append(rec)
    if over_weight:
        var, rec = ctx.penalty(setting, None, day_index, most_over, over_weight, over_message)
        ctx.model.add(count - var <= target)
        out.append(rec)
    return out


def interval_coverage(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """Agents on duty in each interval of ``requirements.csv`` against ``agents_scheduled``: each
    agent short costs ``under_weight``, each agent over ``over_weight`` (x the row weight). A shift
    covers an interval when on duty (break excluded) for at least half of it. Hard: never short."""
    f = ctx.facts
    under_w = int(setting.params.get("under_weight", 100)) * setting.weight
    over_w = int(setting.params.get("over_weight", 1)) * setting.weight
    n_people = len(f.employees)
    out: list[Penalty] = []
    for iv, pairs in zip(f.intervals, f.coverers, strict=True):
        known = sum(_history_count(ctx, code) for di, code in pairs if di < 0)
        on_duty = sum(ctx.count(di, code) for di, code in pairs if di >= 0) + known
        i = (iv.start.date() - f.team.start).days
        stamp = iv.start.strftime("%Y-%m-%d %H:%M")
        if setting.hard:
            what = t("what.coverage", n=iv.required, when=stamp)
            ctx.require(ctx.model.add(on_duty >= iv.required), setting, None, what)
        out += _soft_target(
            ctx,
            setting,
            i,
            on_duty,
            iv.required,
            0 if setting.hard else under_w,
            over_w,
            n_people + known,
            f"{stamp}: fewer agents on duty than the {iv.required} required",
            f"{stamp}: more agents on duty than the {iv.required} required",
        )
    return out


def shift_demand(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """People per shift per day (``ShiftDemand``, the most specific row): ``min``/``max`` hard (soft
    with the row's under/over weights when the rule is soft); ``target`` soft, each person short
    costing ``under_weight`` and each person over ``over_weight`` (x the rule row's weight)."""
    f = ctx.facts
    out: list[Penalty] = []
    n_people = len(f.employees)
    for i, day in enumerate(f.days):
        for s in f.shifts:
            row = f.demand_row(i, s.code)
            if row is None:
                continue
            count = ctx.count(i, s.code)
            under, over = row.under_weight * setting.weight, row.over_weight * setting.weight
            bounds = [("min", row.min, under), ("max", row.max, over)]
            for kind, bound, weight in bounds:
                if bound is None:
                    continue
                ct = count >= bound if kind == "min" else count <= bound
                if setting.hard:
                    word = "at least" if kind == "min" else "at most"
                    ctx.require(
                        ctx.model.add(ct),
                        setting,
                        None,
                        t(f"what.demand_{kind}", n=bound, code=s.code, date=day),
                    )
                elif weight:
                    word = "fewer" if kind == "min" else "more"
                    msg = f"{day} {s.code}: {word} than the {kind} of {bound} people"
                    var, rec = ctx.penalty(setting, None, i, n_people, weight, msg)
                    ctx.model.add(count + var >= bound if kind == "min" else count - var <= bound)
                    out.append(rec)
            if row.target is not None:
                out += _soft_target(
                    ctx,
                    setting,
                    i,
                    count,
                    row.target,
                    under,
                    over,
                    n_people,
                    f"{day} {s.code}: fewer than the {row.target} people wanted",
                    f"{day} {s.code}: more than the {row.target} people wanted",
                )
    return out


def skill_cover(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """At least ``min_people`` with a skill on duty: on every staffed shift (or the one named), or in
    every interval of a daily window; on the given weekdays. Each ``SkillCover`` row is hard or soft
    (weight per person short) by itself; a soft rule row makes them all soft."""
    f = ctx.facts
    out: list[Penalty] = []
    for c in f.team.skill_cover:
        skilled = [e for e in f.employees if c.skill in e.skills]
        hard = c.hard and setting.hard
        weight = c.weight * setting.weight
        for i, day in enumerate(f.days):
            if c.weekdays and day.weekday() not in c.weekdays:
                continue
            if c.window_start is not None and c.window_end is not None:
                minutes = f.intervals[0].minutes if f.intervals else f.team.interval_minutes
                for iv in f.window_intervals(i, c.window_start, c.window_end, minutes):
                    base = (iv.start.date() - f.team.start).days
                    terms, known = [], 0
                    for di in (base - 1, base):
                        for s in f.shifts:
                            if not (-1 <= di < f.n) or not f.covers(s.code, di, iv):
                                continue
                            if di < 0:
                                known += _history_count(ctx, s.code, skilled)
                            else:
                                terms += [ctx.x[(e.id, di, s.code)] for e in skilled]
                    stamp = iv.start.strftime("%Y-%m-%d %H:%M")
                    if hard:
                        ct = ctx.model.add(sum(terms) + known >= c.min_people)
                        ctx.require(
                            ct, setting, None, t("what.skill", n=c.min_people, skill=c.skill, when=stamp)
                        )
                    elif weight:
                        msg = f"{stamp}: fewer than {c.min_people} on duty with skill {c.skill}"
                        var, rec = ctx.penalty(setting, None, i, c.min_people, weight, msg)
                        ctx.model.add(sum(terms) + known + var >= c.min_people)
                        out.append(rec)
                continue
            for s in f.shifts if c.shift is None else [f.shift_by_code[c.shift]]:
                count = ctx.count(i, s.code)
                staffed = ctx.model.new_bool_var(f"staffed[{day},{s.code}]")
                ctx.model.add(count <= len(f.employees) * staffed)
                have = sum(ctx.x[(e.id, i, s.code)] for e in skilled)
                if hard:
                    ct = ctx.model.add(have >= c.min_people * staffed)
                    what = t("what.skill", n=c.min_people, skill=c.skill, when=f"{s.code} {day}")
                    ctx.require(ct, setting, None, what)
                elif weight:
                    msg = f"{day} {s.code}: fewer than {c.min_people} with skill {c.skill}"
                    var, rec = ctx.penalty(setting, None, i, c.min_people, weight, msg)
                    ctx.model.add(have + var >= c.min_people * staffed)
                    out.append(rec)
    return out
