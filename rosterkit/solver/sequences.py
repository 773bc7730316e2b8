"""The sequence rules of one person as states and priced moves: what the days before a day must tell.

A state is a run of days off and its length, or a run of working days with its length, its last
shift and the length of that shift's run; a move is one day's choice (off, or a shift), priced with
what the checker charges for it or forbidden when a hard rule does. Used by the one-person
re-rostering of the search (``search/reroster.py``).

Kept exactly: a hard maximum of consecutive working days (and a hard weekly rest of one day in
every ``k``, the same rule), hard minima of consecutive working days and days off, hard limits of
consecutive shifts of a type, hard successions
and hard minimum rest between consecutive days, the soft minimum of consecutive days off, the soft maximum and minimum of consecutive shifts of a type,
soft successions, the person's history before the month, and the checker's convention that a run
touching either end of what is known is not judged short. Not seen here (the caller judges them
otherwise): other rules over windows of days, rest over two days, soft maxima of working days.

Measured and not kept (2026-11-23): these states as a flow of alike people inside the counts model
(``aggregate.py``), to tighten its bound with the days-off rules. On the example centre the flow
with runs of working days and days off only proved 58,515 (the counts model alone 58,559: the
coverage optimum has no lone day off in total over the team); with shifts in the states (12,000
integer arcs) CP-SAT found no solution in 10 deterministic units.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rosterkit.model import Employee
from rosterkit.solver.bound import hard_windows
from rosterkit.solver.facts import Facts, succession_cost

OFF = None
START = ("start",)
HARD_RUN = -1  # the weight of a hard limit of consecutive shifts of a type: the move is forbidden


@dataclass(frozen=True)
class Limits:
    """What one person's sequence rules are (people with equal limits share their states)."""

    codes: tuple[str, ...]  # shifts the person may work
    run_cap: int | None  # hard most consecutive working days
    need_off: int  # soft least consecutive days off
    off_weight: int
    runs: tuple[tuple[str, int, int, int, int], ...]  # (code, max, its weight, min, its weight)
    off_hard: int = 0  # hard least consecutive days off
    work_min: int = 0  # hard least consecutive working days


def limits_of(f: Facts, e: Employee) -> Limits:
    hard_eligible = any(r.hard for r in f.rows("eligibility"))
    codes = tuple(s.code for s in f.shifts if not hard_eligible or f.eligible(e, s.code))
    caps = [f.limit(e, "max_consecutive_days", r, "days") for r in f.rows("max_consecutive_days") if r.hard]
    caps += [size - 1 for size, allowed in hard_windows(f) if allowed == size - 1]
    need, weight, off_hard = 0, 0, 0
    for r in f.rows("min_consecutive_days_off"):
        value = f.limit(e, "min_consecutive_days_off", r, "days") or 0
        if r.hard:
            off_hard = max(off_hard, value)
        elif value > need:
            need, weight = value, r.weight
    work_min = max(
        [
            f.limit(e, "min_consecutive_days", r, "days") or 0
            for r in f.rows("min_consecutive_days")
            if r.hard
        ],
        default=0,
    )
    runs: dict[str, list[int]] = {}
    for rule, at in (("max_consecutive_shift", 0), ("min_consecutive_shift", 2)):
        for r in f.rows(rule):
            code, days = str(r.params.get("shift", "")), int(r.params.get("days", 0) or 0)
            if code not in f.shift_by_code or not days:
                continue
            slot = runs.setdefault(code, [0, 0, 0, 0])
            slot[at : at + 2] = [days, HARD_RUN if r.hard else r.weight]
    return Limits(
        codes,
        min((c for c in caps if c is not None), default=None),
        need,
        weight,
        tuple((c, *v) for c, v in sorted(runs.items())),
        off_hard,
        work_min,
    )


class Sequences:
    """The states and priced moves of one person's limits (see ``move``; a run that began before
    anything known is not judged short)."""

    def __init__(self, f: Facts, limits: Limits) -> None:
        self.limits = limits
        self.runs = {c: (mx, mw, mn, nw) for c, mx, mw, mn, nw in limits.runs}
        hours = [float(r.params.get("hours", 11)) * 60 for r in f.rows("min_rest") if r.hard]
        codes = [s.code for s in f.shifts]
        self.forbidden = {
            (a, b) for a in codes for b in codes if hours and f.rest_minutes(a, b, 1) < max(hours)
        }
        self.succ_cost: Counter = Counter()
        for row in f.rows("shift_succession"):
            for s in f.team.successions:
                if s.hard and row.hard:
                    self.forbidden.add((s.first, s.second))
                else:
                    self.succ_cost[(s.first, s.second)] += succession_cost(s, row)

    def _run_cap(self, code: str) -> int:
        mx, _, mn, _ = self.runs.get(code, (0, 0, 0, 0))
        return max(mx, mn, 1)

    def _end_run(self, code: str, m: int, touch: bool) -> int | None:
        """Cost of a run of ``m`` days of ``code`` ending (not touching the month's end); None when
        a hard minimum forbids it."""
        _, _, mn, nw = self.runs.get(code, (0, 0, 0, 0))
        if not mn or m >= mn or touch:
            return 0
        return None if nw == HARD_RUN else (mn - m) * nw

    def move(self, state: tuple, x: str | None, judged: bool = True) -> tuple[tuple, int] | None:
        """The state after a day of ``x`` (None: off) and its cost; None when a hard rule forbids it.
        With ``judged`` False (history), nothing is forbidden or charged. A state is
        ``("off", k, touch)`` or ``("work", r, code, m, touch, run_touch)``: ``touch`` for the run of
        days off or of the shift, ``run_touch`` for the run of working days."""
        lim = self.limits
        longest_off = max(lim.need_off, lim.off_hard, 1)
        cost = 0
        if state == START:
            if x is OFF:
                return ("off", 1, longest_off > 1), 0
            return ("work", 1, x, 1, True, True), 0
        if x is OFF:
            if state[0] == "off":
                k = min(state[1] + 1, longest_off)
                return ("off", k, state[2] and k < longest_off), 0
            _, r, code, m, touch, run_touch = state
            if not judged:
                return ("off", 1, False), 0
            ended = self._end_run(code, m, touch)
            if ended is None or (r < lim.work_min and not run_touch):
                return None  # a run shorter than a hard minimum
            return ("off", 1, False), ended
        if judged and lim.codes and x not in lim.codes:
            return None
        if state[0] == "off":
            _, k, touch = state
            if judged and k < lim.off_hard and not touch:
                return None  # a run of days off shorter than the hard minimum
            if judged and k < lim.need_off and not touch:
                cost += (lim.need_off - k) * lim.off_weight
            return ("work", 1, x, 1, False, False), cost
        _, r, code, m, touch, run_touch = state
        r = r + 1
        if judged and lim.run_cap is not None and r > lim.run_cap:
            return None
        if judged and (code, x) in self.forbidden:
            return None
        if judged:
            cost += self.succ_cost.get((code, x), 0)
        r = min(r, max(lim.run_cap or 1, lim.work_min))
        run_touch = run_touch and r < lim.work_min
        if x == code:
            mx, mw, _, _ = self.runs.get(code, (0, 0, 0, 0))
            if judged and mx and m + 1 > mx:
                if mw == HARD_RUN:
                    return None
                cost += mw
            m2 = min(m + 1, self._run_cap(code))
            mn = self.runs.get(code, (0, 0, 0, 0))[2]
            return ("work", r, x, m2, touch and m2 < mn, run_touch), cost
        if judged:
            ended = self._end_run(code, m, touch)
            if ended is None:
                return None
            cost += ended
        return ("work", r, x, 1, False, run_touch), cost

    def start_of(self, history: list[str | None]) -> tuple:
        state = START
        for x in history:
            state, _ = self.move(state, x, judged=False)
        return state
