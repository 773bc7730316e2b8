"""Re-roster one person at a time, everyone else held: a best month by dynamic programming.

Given the rest of the roster, one person's month is a shortest path: each day's choice (off, or a
shift) changes the coverage by an amount known in advance (the cover the others leave at each
interval and shift), and the sequence rules are the states of ``sequences.py`` (runs of days off,
of working days, of a shift). A dynamic programme over days x states x minutes worked (for the
contract hours) finds the person's best month against the coverage, shift demand, skill cover of
each shift, requests and those rules exactly (a test compares its price of every month of a person
with the checker's). The CP-SAT neighbourhoods of the LNS struggle with exactly this: a
neighbourhood of one person's month of the 60-agent centre is not solved in its 0.15 deterministic
units (its LP over the whole month's coverage is weak), where this takes about 20 ms. A hard cap of
shifts of a type is kept by raising that shift's price until the month keeps it (not exact); a
hard cap of weekends worked, and a hard weekly rest of more than one day in ``k``, by raising the
price of working the days they count, then lowering all those prices together, by bisection, as
far as the month still keeps them. What the programme does not see (fairness, soft maximum
weekends, rest over two days, skill cover over a window) is judged by the checker: a new month is
kept only when the whole roster has fewer hard breaches, or as many and a lower checked cost. So
the result never breaks a rule the roster kept, its cost is the checker's, and from a roster that
breaks hard rules (or an empty month) it builds one that keeps them where it can: ``solve`` uses
that for the first roster when the greedy one breaks a hard rule.

Two people at once, the cover left as it is, is ``exchange.py`` (any set of days swapped, by a
programme over both people's states; an earlier exchange of a few days around a lone day off only
gained 59,450 -> 59,417). Measured and not kept: ruin and recreate (clear 3 or 6 people's months,
re-roster them in turn; nothing found in 20 s from a 60 s roster); ejection chains (a person's lone
day off joined to the day next to it by re-rostering them with that day off, then each person off
on that day re-rostered against the result, kept when the checked roster is better): from a 60 s
roster of the example centre 59,167 -> 59,057 (12 chains), but in 150 s, about 4,200 re-rosterings
at 35 ms, slower than the LNS at that point; a bound on what the second person can gain (from the
coverage changed by the first) pruned only a tenth of them. A programme several times faster (or
kept between calls) would make them pay.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from rosterkit.model import Employee, RequestKind
from rosterkit.solver.bound import fixed_days, hard_windows
from rosterkit.solver.check import Grid, check_grid
from rosterkit.solver.facts import Facts
from rosterkit.solver.sequences import OFF, Sequences, limits_of

INF = 10**15
WEEKENDS = "weekends"  # the key of a cap of weekends worked
CAP_STEP, CAP_ROUNDS = 200, 8  # the first price on what breaks a hard cap, and how often it doubles
BISECT = 4  # steps of the search for the lowest prices that still keep the caps
HARD = 10**9  # a hard coverage or demand rule, priced high: the checker has the last word


class Coverage:
    """The interval and per-shift cover of the roster, kept up to date as rows change."""

    def __init__(self, facts: Facts, grid: Grid) -> None:
        f = self.facts = facts
        self.spans: dict[tuple[int, str], list[int]] = {}
        self.count = np.zeros(len(f.intervals), dtype=np.int64)
        for t, pairs in enumerate(f.coverers):
            for di, code in pairs:
                if di >= 0:
                    self.spans.setdefault((di, code), []).append(t)
                else:
                    self.count[t] += sum(1 for e in f.employees if f.history_on(e.id, di) == code)
        self.required = np.array([iv.required for iv in f.intervals], dtype=np.int64)
        self.on = {(i, s.code): 0 for i in range(f.n) for s in f.shifts}
        for row in grid.values():
            self.add(row, 1)
        rows = f.rows("interval_coverage")
        self.under = sum(
            int(r.params.get("under_weight", 100)) * (HARD if r.hard else r.weight) for r in rows
        )
        self.over = sum(int(r.params.get("over_weight", 1)) * (HARD if r.hard else r.weight) for r in rows)
        self.demand_weight = sum(HARD if r.hard else r.weight for r in f.rows("shift_demand"))

    def cost(self) -> int:
        """The interval coverage cost of the roster (as the checker prices it, for soft rows)."""
        return int(self._interval_cost(self.count, self.required).sum())

    def add(self, row: list[str | None], sign: int) -> None:
        for i, code in enumerate(row):
            if code is not None:
                self.on[(i, code)] += sign
                for t in self.spans.get((i, code), ()):
                    self.count[t] += sign

    def _interval_cost(self, have: np.ndarray, need: np.ndarray) -> np.ndarray:
        return self.under * np.maximum(0, need - have) + self.over * np.maximum(0, have - need)

    def delta(self, i: int, code: str) -> int:
        """What one more person on ``code`` on day ``i`` changes in the coverage cost."""
        total = 0
        t = self.spans.get((i, code))
        if t:
            have, need = self.count[t], self.required[t]
            total += int((self._interval_cost(have + 1, need) - self._interval_cost(have, need)).sum())
        row = self.facts.demand_row(i, code) if self.demand_weight else None
        if row is not None:
            have = self.on[(i, code)]
            total += self.demand_weight * (_demand_cost(row, have + 1) - _demand_cost(row, have))
        return total


def _raised(days: list[dict], extra: dict[str, int], surcharge: list[int], scale: float) -> list[dict]:
    """The day costs with ``scale`` times the prices on capped shifts and crowded days added."""
    return [
        {x: v + (0 if x is OFF else round(scale * (extra.get(x, 0) + surcharge[i]))) for x, v in d.items()}
        for i, d in enumerate(days)
    ]


def _demand_cost(row, have: int) -> int:
    cost = 0
    for bound, weight, under in (
        (row.min, row.under_weight, True),
        (row.target, row.under_weight, True),
        (row.max, row.over_weight, False),
        (row.target, row.over_weight, False),
    ):
        if bound is not None:
            cost += weight * max(0, (bound - have) if under else (have - bound))
    return cost


class Rerosterer:
    """Best months for one person at a time against the rest of a roster (see the module docstring)."""

    def __init__(self, facts: Facts, grid: Grid) -> None:
        self.facts = facts
        self.grid = grid
        self.cover = Coverage(facts, grid)
        self.sequences: dict = {}
        self.moves = 0  # moves the programme has priced: its work, for charging it to a budget
        self.cache: dict = {}
        f = facts
        minutes = [f.work_minutes(s.code) for s in f.shifts]
        self.unit = math.gcd(*[m for m in minutes if m > 0]) if any(m > 0 for m in minutes) else 1
        self.hard_eligible = any(r.hard for r in f.rows("eligibility"))
        self.weekend_days = {i for days in f.weekends for i in days}
        self.windows = [(size, allowed) for size, allowed in hard_windows(f) if allowed < size - 1]
        self.hard_leave = any(r.hard for r in f.rows("leave"))
        self.request_rows = [r for r in f.rows("requests") if not r.hard]
        skill = f.rows("skill_cover")
        self.skill_rows = list(f.team.skill_cover) if skill else []
        self.skill_hard = any(r.hard for r in skill)
        self.skill_weight = sum(r.weight for r in skill)

    def sequences_of(self, e: Employee) -> Sequences:
        limits = limits_of(self.facts, e)
        if limits not in self.sequences:
            self.sequences[limits] = Sequences(self.facts, limits)
        return self.sequences[limits]

    def day_costs(self, e: Employee, cover: bool = True) -> list[dict[str | None, int]]:
        """Per day, what each allowed choice costs (coverage and skill cover with the others,
        requests; without ``cover``, requests alone); a choice left out is forbidden (leave,
        pinned days, eligibility)."""
        f = self.facts
        fixed = fixed_days(f, e.id)
        costs: list[dict[str | None, int]] = []
        for i in range(f.n):
            allowed: dict[str | None, int] = {OFF: 0}
            if fixed.get(i) is not False:
                for s in f.shifts:
                    if self.hard_eligible and not f.eligible(e, s.code):
                        continue
                    half = f.leave_half.get((e.id, i)) if self.hard_leave else None
                    if half is not None and f.clashes_with_half_day(s.code, half[0]):
                        continue
                    allowed[s.code] = self.cover.delta(i, s.code) if cover else 0
            if fixed.get(i) is True:
                code = f.pinned.get((e.id, i))
                allowed = {code: allowed.get(code, 0)} if code is not None else allowed
                allowed.pop(OFF, None)
            costs.append(allowed)
        for row in self.request_rows:
            for r in f.team.requests:
                if r.employee_id != e.id or r.date not in f.index:
                    continue
                day = costs[f.index[r.date]]
                cost = r.weight * row.weight
                for x in day:
                    hit = x is not OFF if r.shift is None else x == r.shift
                    if hit != (r.kind == RequestKind.SHIFT_ON):
                        day[x] += cost
        if cover:
            self._skill(e, costs)
        return costs

    def _skill(self, e: Employee, costs: list[dict[str | None, int]]) -> None:
        """Price the skill cover of each shift the person may join or leave (a shift with nobody on
        it is not judged; a cover over a window of the day is left to the checker)."""
        f, grid = self.facts, self.grid
        for c in self.skill_rows:
            if c.window_start is not None and c.window_end is not None:
                continue
            weight = HARD if c.hard and self.skill_hard else c.weight * self.skill_weight
            mine = int(c.skill in e.skills)
            for i, day in enumerate(f.days):
                if c.weekdays and day.weekday() not in c.weekdays:
                    continue
                for s in f.shifts if c.shift is None else [f.shift_by_code[c.shift]]:
                    if s.code not in costs[i]:
                        continue
                    others = [x for x in f.employees if x.id != e.id and grid[x.id][i] == s.code]
                    have = sum(1 for x in others if c.skill in x.skills)
                    without = weight * max(0, c.min_people - have) if others else 0
                    costs[i][s.code] += weight * max(0, c.min_people - have - mine) - without

    def hours_cost(self, e: Employee, size: int) -> np.ndarray:
        """Cost of the work_hours rules by minutes worked (in units)."""
        f = self.facts
        total = np.zeros(size, dtype=np.int64)
        minutes = np.arange(size, dtype=np.int64) * self.unit
        for r in f.rows("work_hours"):
            low, high = f.hours_bounds(e, r)
            weight = HARD if r.hard else r.weight
            if low:
                total += weight * -(-np.maximum(0, low - minutes) // 60)
            if high:
                total += weight * -(-np.maximum(0, minutes - high) // 60)
        return total

    def best_row(self, e: Employee) -> tuple[list[str | None], int, int] | None:
        """The person's best month with everyone else as they are, its cost by the programme's
        reckoning and that of the month the person has now (None: no month keeps the rules the
        programme knows)."""
        seq = self.sequences_of(e)
        self.cover.add(self.grid[e.id], -1)  # the cover the others give
        days = self.day_costs(e)
        self.cover.add(self.grid[e.id], 1)
        found = self._shortest(e, seq, days)
        caps, extra, surcharge = self._caps(e), {}, [0] * self.facts.n
        for _ in range(CAP_ROUNDS):
            if found is None:
                break
            crowded, over = self._breaches(e, found[0], caps)
            if not crowded and not over:
                break
            # a hard cap (shifts of a type, weekends) or a window with too few days off: priced by
            # raising the cost of the shifts or days it counts until the month keeps it (counts or
            # windows in the states would multiply their number)
            for c in over:
                if c == WEEKENDS:
                    crowded.append(sorted(self.weekend_days))
                else:
                    extra[c] = max(2 * extra.get(c, 0), CAP_STEP)
            for i in {i for window in crowded for i in window}:
                surcharge[i] = max(2 * surcharge[i], CAP_STEP)
            found = self._shortest(e, seq, _raised(days, extra, surcharge, 1.0))
        if found is None or not self._keeps(e, found[0], caps):
            return None
        best = found[0], self.price(e, seq, days, found[0])
        # the doubling overshoots on days (a month that keeps a weekly rest with days to spare): the
        # lowest fraction of the prices that still keeps the rules, by bisection. Not on caps of
        # shifts alone: on the example centre (cap of 8 nights) it cost 59,417 -> 59,606 over seeds
        # 0-2 in 60 s, the cheaper months spending the nights others needed
        low, high = 0.0, 1.0
        for _ in range(BISECT if any(surcharge) else 0):
            mid = (low + high) / 2
            found = self._shortest(e, seq, _raised(days, extra, surcharge, mid))
            if found is None or not self._keeps(e, found[0], caps):
                low = mid
                continue
            high = mid
            price = self.price(e, seq, days, found[0])
            if price < best[1]:
                best = found[0], price
        return best[0], best[1], self.price(e, seq, days, self.grid[e.id])

    def _keeps(self, e: Employee, row: list[str | None], caps: dict[str, int]) -> bool:
        """Whether ``row`` keeps the hard caps and windows that the states leave out."""
        crowded, over = self._breaches(e, row, caps)
        return not crowded and not over

    def _breaches(
        self, e: Employee, row: list[str | None], caps: dict[str, int]
    ) -> tuple[list[list[int]], list[str]]:
        """The crowded windows of ``row`` (``_crowded``) and the caps it goes over."""
        return self._crowded(e, row), [c for c, cap in caps.items() if self._count(row, c) > cap]

    def _crowded(self, e: Employee, row: list[str | None]) -> list[list[int]]:
        """The days (in the horizon) of each window of a hard weekly rest that ``row`` works too many
        days of; a rest of one day in ``k`` is the states' run limit and not looked at here."""
        found = []
        history = [x is not None for x in self.facts.history_of(e.id)]
        worked = history + [x is not None for x in row]
        for size, allowed in self.windows:
            for end in range(max(len(history), size - 1), len(worked)):
                if sum(worked[end - size + 1 : end + 1]) > allowed:
                    found.append(
                        [i - len(history) for i in range(end - size + 1, end + 1) if i >= len(history)]
                    )
        return found

    def _count(self, row: list[str | None], what: str) -> int:
        if what == WEEKENDS:
            return sum(1 for days in self.facts.weekends if any(row[i] is not None for i in days))
        return row.count(what)

    def _caps(self, e: Employee) -> dict[str, int]:
        """The person's hard caps: of shifts per type (by code), of weekends worked (``WEEKENDS``)."""
        f, caps = self.facts, {}
        specific = f.specific_shift_rows()
        for r in f.rows("max_shifts_per_type"):
            if r.hard:
                for code, cap in f.shift_limits(e, r, specific).items():
                    caps[code] = min(cap, caps.get(code, cap))
        for r in f.rows("max_weekends"):
            cap = f.limit(e, "max_weekends", r, "weekends")
            if r.hard and cap is not None:
                caps[WEEKENDS] = min(cap, caps.get(WEEKENDS, cap))
        return caps

    def price(self, e: Employee, seq: Sequences, days: list[dict], row: list[str | None]) -> int:
        """The programme's cost of ``row`` (INF when it breaks what the programme knows)."""
        state, total, minutes = seq.start_of(self.facts.history_of(e.id)), 0, 0
        for i, x in enumerate(row):
            moved = seq.move(state, x)
            if moved is None or x not in days[i]:
                return INF
            state, cost = moved
            total += cost + days[i][x]
            minutes += 0 if x is OFF else self.facts.work_minutes(x)
        return total + int(self.hours_cost(e, minutes // self.unit + 1)[-1])

    def _shortest(self, e: Employee, seq: Sequences, days: list[dict]) -> tuple[list[str | None], int] | None:
        """The programme: a layer of states per day, each a row of least costs by minutes worked."""
        f = self.facts
        size = (
            1 + sum(max((f.work_minutes(x) for x in d if x is not OFF), default=0) for d in days) // self.unit
        )
        states = [seq.start_of(f.history_of(e.id))]
        table = np.full((1, size), INF, dtype=np.int64)
        table[0, 0] = 0
        back: list[tuple[list, list, np.ndarray, list]] = []  # per day: states, moves, pick, shifts
        for i in range(f.n):
            moves: list[tuple[int, str | None, tuple, int]] = []  # (from, choice, to state, cost)
            for k, state in enumerate(states):
                for x, after, cost in self._moves(seq, state):
                    if x in days[i]:
                        moves.append((k, x, after, cost + days[i][x]))
            if not moves:
                return None
            self.moves += len(moves)
            moves.sort(key=lambda m: m[2])
            nxt = sorted({m[2] for m in moves})
            where = {state: k for k, state in enumerate(nxt)}
            steps = [0 if m[1] is OFF else f.work_minutes(m[1]) // self.unit for m in moves]
            values = np.full((len(moves), size), INF, dtype=np.int64)
            for step in set(steps):
                rows = np.array([r for r, st in enumerate(steps) if st == step])
                source = table[[moves[r][0] for r in rows]] + np.array([moves[r][3] for r in rows])[:, None]
                values[rows, step:] = source[:, : size - step]
            np.minimum(values, INF, out=values)
            group = np.array([where[m[2]] for m in moves])
            starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
            table = np.minimum.reduceat(values, starts, axis=0)
            ids = np.where(values == table[group], np.arange(len(moves))[:, None], len(moves))
            pick = np.minimum.reduceat(ids, starts, axis=0)
            back.append((states, moves, pick, steps))
            states = nxt
        total = table + self.hours_cost(e, size)[None, :]
        at_state, at = np.unravel_index(int(np.argmin(total)), total.shape)
        best = int(total[at_state, at])
        if best >= INF:
            return None
        row: list[str | None] = [None] * f.n
        k, at = int(at_state), int(at)
        for i in range(f.n - 1, -1, -1):
            _, moves, pick, steps = back[i]
            r = int(pick[k, at])
            k, row[i] = moves[r][0], moves[r][1]
            at -= steps[r]
        return row, best

    def _moves(self, seq: Sequences, state: tuple) -> list[tuple[str | None, tuple, int]]:
        """Every move from ``state`` the sequence rules allow (cached: they do not depend on the day)."""
        key = (id(seq), state)
        if key not in self.cache:
            found = []
            for x in (OFF, *(s.code for s in self.facts.shifts)):
                moved = seq.move(state, x)
                if moved is not None:
                    found.append((x, *moved))
            self.cache[key] = found
        return self.cache[key]

    def replace(self, e: Employee, row: list[str | None]) -> None:
        self.cover.add(self.grid[e.id], -1)
        self.grid[e.id] = list(row)
        self.cover.add(row, 1)


def windowed(facts: Facts) -> bool:
    """Whether a hard weekly rest asks more than one day off in its window: the programme then
    searches for prices that keep it (each month several shortest paths, about five times the
    work). Polishing between the LNS's neighbourhoods does not pay there: the example centre with
    two days off in every 7, 60 s, ended at 75,199 with it, 72,070 with one polish, 71,427 without."""
    return any(allowed < size - 1 for size, allowed in hard_windows(facts))


# What re-rostering is charged (seconds): per move the programme prices, and per cell of each
# whole-roster check. Measured on the example centre, as it is and with two hard rule changes, on a
# quiet machine: 2.8-4.5 us a move, 16-17 us a cell (6 and 20 before: a polish was charged 1.3-2.5
# times its time, which the search lost; the example centre's seeds 0-2 end the same, 59,421 vs 59,417)
MOVE_S = 4e-6
CELL_CHECK_S = 17e-6


@dataclass
class Polished:
    grid: Grid
    cost: int  # checked
    hard: int  # hard breaches, checked
    kept: int  # months kept
    moves: int  # moves the programme priced
    checks: int  # whole-roster checks
    charged_s: float  # the work in seconds at the measured rates

    def worked(self) -> set[tuple[str, int, str]]:
        return triples(self.grid)


def triples(grid: Grid) -> set[tuple[str, int, str]]:
    """The roster as (employee, day index, shift) triples, the model's hint form."""
    return {(eid, i, c) for eid, row in grid.items() for i, c in enumerate(row) if c is not None}


def polish(
    facts: Facts,
    grid: Grid,
    passes: int = 3,
    limit_s: float | None = None,
    after_pass: Callable[[int, int], None] | None = None,
) -> Polished:
    """Re-roster each person in turn (the order of the team), ``passes`` times or until a pass keeps
    nothing; a new month is kept only when the checked roster has fewer hard breaches, or as many
    and a lower cost (so a roster that breaks hard rules, e.g. a greedy one, is repaired first).
    Stops early once the work done is charged more than ``limit_s`` (a team with many shifts and
    long runs has many states). ``after_pass`` hears the checked cost and hard breaches after each
    pass. Deterministic."""
    grid = {eid: list(row) for eid, row in grid.items()}
    worker = Rerosterer(facts, grid)
    # the interval coverage (most of a check's time) is recounted here, the other rules by the checker
    soft = not any(r.hard for r in facts.rows("interval_coverage"))
    rest = {s.rule for s in facts.settings} - {"interval_coverage"} if soft else None
    cells = len(grid) * facts.n

    def judged() -> tuple[int, int]:
        report = check_grid(facts, grid, rest)
        return report.cost + (worker.cover.cost() if soft else 0), report.hard_violations

    def charged() -> float:
        return worker.moves * MOVE_S + checks * cells * CELL_CHECK_S

    cost, hard = judged()
    kept, checks = 0, 1
    for _ in range(passes):
        changed = 0
        for e in facts.employees:
            if limit_s is not None and charged() > limit_s:
                break
            found = worker.best_row(e)
            if found is None or found[1] >= found[2]:
                continue
            old = list(grid[e.id])
            worker.replace(e, found[0])
            new_cost, new_hard = judged()
            checks += 1
            if (new_hard, new_cost) < (hard, cost):
                cost, hard = new_cost, new_hard
                changed += 1
            else:
                worker.replace(e, old)
        kept += changed
        if after_pass is not None:
            after_pass(cost, hard)
        if not changed or (limit_s is not None and charged() > limit_s):
            break
    return Polished(grid, cost, hard, kept, worker.moves, checks, charged())
