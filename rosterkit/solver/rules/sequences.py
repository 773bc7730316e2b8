"""Sequence rules of one employee: runs of working days, days off, and shifts of one type.

Encodings that propagate well (see OR-Tools ``shift_scheduling_sat.py``, done as clauses):

- a maximum run of ``M``: every window of ``M + 1`` consecutive days holds a day that breaks the run;
- a minimum run of ``m``: for each short length ``k < m``, the pattern "break, k days, break" is
  forbidden wherever it can occur;
- "``d`` days off in every ``W``": a sliding-window sum.

History days (the previous month) are known constants in front of the horizon. Where no history is
known, a minimum-length rule does not judge a run touching the first or the last day, and a maximum
rule counts only days inside (the Curtois–Qu convention). Soft costs: a maximum rule costs its weight
for each day beyond the limit, a minimum rule its weight x (m - k) for a run of k days, the window rule
its weight for each day worked beyond ``W - d`` in a window.
"""

from __future__ import annotations

from collections.abc import Callable

from rosterkit.labels import t
from rosterkit.model import RuleSetting
from rosterkit.solver.context import ModelContext, Penalty, Seq


def _is_const(v: object) -> bool:
    return isinstance(v, bool)


def add_max_run(
    ctx: ModelContext, setting: RuleSetting, eid: str, seq: Seq, hist: int, limit: int | None, what: str
) -> list[Penalty]:
    """At most ``limit`` consecutive true positions of ``seq`` (``hist`` history positions in front)."""
    out: list[Penalty] = []
    if not limit:
        return out
    size = limit + 1
    for start in range(0, len(seq) - size + 1):
        end = start + size - 1
        window = seq[start : end + 1]
        if end < hist or any(v is False for v in window):
            continue
        lits = [v for v in window if not _is_const(v)]
        room = len(lits) - 1  # the known days of the window are all true: the rest may not all be
        if setting.hard:
            ct = ctx.model.add(sum(lits) <= room)  # linear, so that the LP sees it
            ctx.require(ct, setting, eid, t("what.max_run", limit=limit, what=what))
        elif setting.weight:
            day = ctx.facts.days[end - hist]
            msg = f"{ctx.facts.who(eid)}: more than {limit} {what} in a row up to {day}"
            var, rec = ctx.penalty(setting, eid, end - hist, 1, setting.weight, msg)
            ctx.model.add(sum(lits) - var <= room)
            out.append(rec)
    return out


def add_min_run(
    ctx: ModelContext, setting: RuleSetting, eid: str, seq: Seq, hist: int, limit: int | None, what: str
) -> list[Penalty]:
    """Every run of true positions judged is at least ``limit`` long."""
    out: list[Penalty] = []
    total = len(seq)
    for k in range(1, limit or 0):
        for a in range(1, total - k):
            b = a + k - 1
            before, after, block = seq[a - 1], seq[a + k], seq[a : a + k]
            # a block ending on the last history day is judged too: the first day decides its length
            if b < hist - 1 or before is True or after is True or any(v is False for v in block):
                continue
            lits = [v for v in (before, after) if not _is_const(v)]
            lits += [v.Not() for v in block if not _is_const(v)]
            if setting.hard:
                ctx.require(
                    ctx.model.add_bool_or(lits), setting, eid, t("what.min_run", limit=limit, what=what)
                )
            elif setting.weight:
                first = ctx.facts.days[max(a - hist, 0)]
                msg = f"{ctx.facts.who(eid)}: only {k} {what} in a row from {first} (at least {limit})"
                var, rec = ctx.penalty(setting, eid, a - hist, 1, setting.weight * (limit - k), msg)
                ctx.model.add_bool_or([*lits, var])
                out.append(rec)
    return out


def _each_employee(
    ctx: ModelContext, setting: RuleSetting, field: str, param: str, series: str, add: Callable, what: str
) -> list[Penalty]:
    """Apply a run rule (``add_max_run`` / ``add_min_run``) to every employee's ``series`` ("work" or
    "off"), the limit being the employee's own ``field`` or else the rule's ``param``."""
    out: list[Penalty] = []
    for e in ctx.facts.employees:
        limit = ctx.facts.limit(e, field, setting, param)
        seq, hist = ctx.series(e.id, series)
        out += add(ctx, setting, e.id, seq, hist, limit, what)
    return out


def max_consecutive_days(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """At most ``days`` working days in a row (an employee's own ``max_consecutive_days`` overrides)."""
    return _each_employee(
        ctx, setting, "max_consecutive_days", "days", "work", add_max_run, t("word.working_days")
    )


def min_consecutive_days(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """At least ``days`` working days in a row (own ``min_consecutive_days`` overrides)."""
    return _each_employee(
        ctx, setting, "min_consecutive_days", "days", "work", add_min_run, t("word.working_days")
    )


def min_consecutive_days_off(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """At least ``days`` days off in a row (own ``min_consecutive_days_off`` overrides)."""
    return _each_employee(
        ctx, setting, "min_consecutive_days_off", "days", "off", add_min_run, t("word.days_off")
    )


def _each_employee_on_shift(ctx: ModelContext, setting: RuleSetting, add: Callable) -> list[Penalty]:
    """Apply a run rule to every employee's runs of the shift type named by the ``shift`` parameter,
    the limit being the ``days`` parameter (an unknown shift code: nothing to judge)."""
    code = str(setting.params.get("shift", ""))
    limit = int(setting.params.get("days", 0) or 0)
    if code not in ctx.facts.shift_by_code:
        return []
    out: list[Penalty] = []
    for e in ctx.facts.employees:
        seq, hist = ctx.series(e.id, "shift", code)
        out += add(ctx, setting, e.id, seq, hist, limit, t("word.shifts_of", code=code))
    return out


def max_consecutive_shift(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """At most ``days`` shifts of type ``shift`` in a row (e.g. nights)."""
    return _each_employee_on_shift(ctx, setting, add_max_run)


def min_consecutive_shift(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """At least ``days`` shifts of type ``shift`` in a row."""
    return _each_employee_on_shift(ctx, setting, add_min_run)


def weekly_rest(ctx: ModelContext, setting: RuleSetting) -> list[Penalty]:
    """At least ``min_days_off`` days off in every ``window_days`` consecutive days (labour law: one
    day off in every 7), history included."""
    size = int(setting.params.get("window_days", 7))
    off = int(setting.params.get("min_days_off", 1))
    allowed = size - off
    out: list[Penalty] = []
    for e in ctx.facts.employees:
        seq, hist = ctx.series(e.id, "work")
        for start in range(0, len(seq) - size + 1):
            end = start + size - 1
            if end < hist:
                continue
            window = seq[start : end + 1]
            known = sum(1 for v in window if v is True)
            lits = [v for v in window if not _is_const(v)]
            if known + len(lits) <= allowed:
                continue
            if setting.hard:
                what = t("what.weekly_rest", off=off, size=size)
                ctx.require(ctx.model.add(sum(lits) <= allowed - known), setting, e.id, what)
            elif setting.weight:
                day = ctx.facts.days[end - hist]
                msg = f"{ctx.facts.who(e.id)}: fewer than {off} day(s) off in the {size} days up to {day}"
                var, rec = ctx.penalty(setting, e.id, end - hist, size, setting.weight, msg)
                ctx.model.add(sum(lits) + known - allowed <= var)
                out.append(rec)
    return out
