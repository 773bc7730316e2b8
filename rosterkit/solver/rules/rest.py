"""Rules between two shifts of one employee: minimum rest hours and forbidden or penalised successions.

Both look across the month boundary: the last history day counts as the day before the 1st.
"""

from __future__ import annotations

from rosterkit.labels import t
from rosterkit.model import RuleSetting
from rosterkit.solver.context import ModelContext, Penalty
from rosterkit.solver.facts import succession_cost


def _pair_literals(ctx: ModelContext, eid: str, i: int, first: str, gap: int, second: str):
    """Literals (or a known True/False from history) of ``first`` on day i and ``second`` on i+gap."""
    f = ctx.facts
    a = ctx.x[(eid, i, first)] if i >= 0 else f.history_on(eid, i) == first
    b = ctx.x[(eid, i + gap, second)]
    return a, b


def _forbid_pairs(
    ctx: ModelContext, setting: RuleSetting, pairs: list[tuple[str, int, str, int, str]], explain: str = ""
) -> list[Penalty]:
    """Forbid (hard) or penalise (soft, cost each) every (first, gap, second) pair on every day.
    ``pairs``: (first, gap, second, cost, message template)."""
    f = ctx.facts
    out: list[Penalty] = []
    for e in f.employees:
        for first, gap, second, cost, template in pairs:
            for i in range(-gap, f.n - gap):
                a, b = _pair_literals(ctx, e.id, i, first, gap, second)
                if a is False:
                    continue
                lits = [b.Not()] if a is True else [a.Not(), b.Not()]
                if setting.hard:
                    what = explain or t("what.succession", first=first, second=second)
                    ctx.require(ctx.model.add_bool_or(lits), setting, e.id, what)
                elif cost:
                    day = f.days[i + gap]
                    msg = template.format(who=f.who(e.id), date=day)
                    var, rec = ctx.penalty(setting, e.id, i + gap, 1, cost, msg)
                    ctx.model.add_bool_or([*lits, var])
                    out.append(rec)
    return out


def rest_pairs(facts, hours: float) -> list[tuple[str, int, str]]:
    """(first, gap days, second) with less than ``hours`` of rest between them."""
    codes = [s.code for s in facts.shifts]
    return [
        (a, gap, b)
        for a in codes
        for b in codes
        for gap in (1, 2)
        if facts.rest_minutes(a, b, gap) < hours * 60
    ]


def min_rest(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """At least ``hours`` of rest between the end of one shift and the start of the next (covers a
    night followed by a morning)."""
    hours = float(setting.params.get("hours", 11))
    template = f"{{who}}: less than {hours:g} h rest before the shift on {{date}}"
    found = rest_pairs(ctx.facts, hours)
    what = t("what.min_rest", hours=f"{hours:g}")
    if setting.hard and ctx.one_shift_a_day:
        return _forbid_cliques(ctx, setting, found, what)
    pairs = [(a, gap, b, setting.weight, template) for a, gap, b in found]
    return _forbid_pairs(ctx, setting, pairs, what)


def _forbid_cliques(
    ctx: ModelContext, setting: RuleSetting, found: list[tuple[str, int, str]], what: str
) -> list[Penalty]:
    """Hard pairs with one shift a day: shift ``a`` on day d excludes every shift ``b`` listed after
    it ``gap`` days later. First shifts with the same followers share one at-most-one per day
    (``sum(a's on day d) + sum(b's on day d + gap) <= 1``, valid because a day holds one shift):
    one constraint per (follower set, day) instead of a clause per pair and day, and the LP sees the
    clique. Shifts an employee may not work are left out when eligibility is in force (a year of 32
    shifts and 461 forbidden successions took 25 million clauses and three minutes to build)."""
    f = ctx.facts
    followers: dict[tuple[str, int], set[str]] = {}
    for a, gap, b in found:
        followers.setdefault((a, gap), set()).add(b)
    skip_ineligible = f.enabled("eligibility") and not ctx.explain
    order = {s.code: k for k, s in enumerate(f.shifts)}
    for e in f.employees:
        may = {c for c in order if not skip_ineligible or f.eligible(e, c)}
        groups: dict[tuple[int, tuple[str, ...]], list[str]] = {}
        for (a, gap), bs in followers.items():
            later_codes = tuple(sorted((b for b in bs if b in may), key=order.__getitem__))
            if later_codes:
                groups.setdefault((gap, later_codes), []).append(a)
        for (gap, later_codes), firsts in groups.items():
            worked_first = [a for a in firsts if a in may]
            for i in range(-gap, f.n - gap):
                later = [ctx.x[(e.id, i + gap, b)] for b in later_codes]
                if i < 0:
                    if f.history_on(e.id, i) not in firsts:
                        continue
                    ct = ctx.model.add(sum(later) == 0)
                elif not worked_first:
                    continue
                else:
                    ct = ctx.model.add_at_most_one([*(ctx.x[(e.id, i, a)] for a in worked_first), *later])
                ctx.require(ct, setting, e.id, what)
    return []


def shift_succession(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """A listed shift may not (hard) or should not (soft, its weight) follow another the next day. A
    succession row's own ``hard`` decides, unless the whole rule is set soft."""
    pairs_hard, pairs_soft = [], []
    for s in ctx.facts.team.successions:
        template = f"{{who}}: {s.second} on {{date}} right after {s.first}"
        if s.hard and setting.hard:
            pairs_hard.append((s.first, 1, s.second, 0, template))
        else:
            pairs_soft.append((s.first, 1, s.second, succession_cost(s, setting), template))
    if pairs_hard and ctx.one_shift_a_day and not ctx.explain:  # explain names each pair
        found = [(a, gap, b) for a, gap, b, _cost, _template in pairs_hard]
        out = _forbid_cliques(ctx, setting, found, "")
    else:
        out = _forbid_pairs(ctx, setting, pairs_hard) if pairs_hard else []
    if pairs_soft:
        out += _forbid_pairs(ctx, setting.model_copy(update={"hard": False}), pairs_soft)
    return out
