"""Exchange days between two people: moves that leave the cover as it is, the best for a pair found by
dynamic programming.

When two people swap what they do on a day (one's shift goes to the other, the other's shift or day
off comes back), every count of the roster stays as it was: interval coverage, per-shift demand.
Only their two months change: runs of days off and of shifts, successions, hours, requests. For a
pair, every set of days they could swap is searched at once: a dynamic programme over the days
whose states are both people's sequence states (``sequences.py``) and the units of work the first
has done (the pair's total does not change, so the second's follows), each day's choice being to
keep or to swap.

Why: what is left on a call-centre month after the search is mostly lone days off, and the
one-person re-rostering (``reroster.py``) cannot remove one when the day next to it is needed by
the cover: someone else has to work that day and give up another, two people at once. The CP-SAT
neighbourhoods of the LNS find such moves, slowly (a neighbourhood of a few people over the month is
rarely solved in its limit). Measured on the example centre (reproducible, 60 s, 2 workers): one
sweep over the pairs took a 60 s roster from 59,347 to 59,191 in 2.4 s; run after each re-rostering
of the search, the 60 s run (seed 0) ends at 59,147 instead of 59,479 on the same clock, and at
59,137 / 59,157 / 59,188 for seeds 0-2 on the clock of 0.4 units a worker-second (bound 58,559).

Measured and not kept (2026-12-05, example centre, 60 s): coverage-neutral permutations among three
or four people solved by CP-SAT (no improvement in 20-30 tries from a 60 s roster); an exchange sweep
after every improvement of the LNS instead of after each re-rostering (59,167 / 59,147 / 59,188);
re-rostering eight times (59,147 / 59,167 / 59,165); no counts-first phase and no full solve
(59,041 / 59,151 / 59,175: one seed much better, the others not, so the change was not taken).
Measured, not yet built in: the fairness spreads (72 of the example centre's cost: 15 people with no
night, 4 with 8) sit on a plateau, as an exchange lowers a spread only when it moves the last
person at the top or bottom. Pair exchanges between the top and the bottom of each measure, each
night / weekend / holiday moved priced 3, kept when the checked cost is no higher and the sum of
squared deviations lower, took a 60 s roster from 59,137 to 59,112 (fairness 72 -> 67) in 9 s: a
gain only if made several times cheaper (fewer pairs, the programme's states kept between pairs).

What the programme does not see is judged by the checker, as in ``reroster.polish``: a swap that
would leave a shift without a skill its cover needs is not offered, and an exchange is kept only
when the checked roster has fewer hard breaches, or as many and a lower cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rosterkit.solver.check import Grid, check_grid
from rosterkit.solver.facts import Facts
from rosterkit.solver.search.reroster import CELL_CHECK_S, Polished, Rerosterer
from rosterkit.solver.sequences import OFF, Sequences

# What one step of the programme (a state and a choice of a day) is charged, in seconds: measured
# on the example centre on a quiet machine (2026-12-05): 1.1-1.3 us a step.
STEP_S = 1.3e-6


@dataclass
class Exchanger:
    """Sweeps of pair exchanges over a team's rosters; remembers the pairs whose months it found no
    better exchange for, so that a later sweep only looks at pairs one of whose months changed."""

    facts: Facts
    settled: set[tuple] = field(default_factory=set)

    def __post_init__(self) -> None:
        f = self.facts
        empty: Grid = {e.id: [OFF] * f.n for e in f.employees}
        self.worker = Rerosterer(f, empty)  # its sequences, hours and request prices
        self.people = {e.id: e for e in f.employees}
        self.days = {e.id: self.worker.day_costs(e, cover=False) for e in f.employees}
        size = 1 + f.n * max((f.work_minutes(s.code) for s in f.shifts), default=0) // self.worker.unit
        self.hours = {e.id: self.worker.hours_cost(e, 2 * size) for e in f.employees}
        self.units = {s.code: f.work_minutes(s.code) // self.worker.unit for s in f.shifts} | {OFF: 0}
        self.moves: dict[tuple, tuple | None] = {}
        self.steps = 0

    def _move(self, seq: Sequences, state: tuple, x: str | None) -> tuple | None:
        key = (id(seq), state, x)
        if key not in self.moves:
            self.moves[key] = seq.move(state, x)
        return self.moves[key]

    def _skill_counts(self, grid: Grid) -> dict[tuple[int, str, str], int]:
        """(day, shift, skill) -> people with the skill on it."""
        counts: dict[tuple[int, str, str], int] = {}
        for eid, row in grid.items():
            for i, code in enumerate(row):
                if code is not OFF:
                    for skill in self.people[eid].skills:
                        counts[(i, code, skill)] = counts.get((i, code, skill), 0) + 1
        return counts

    def _keeps_skills(
        self, counts: dict, i: int, a: str | None, b: str | None, first: str, second: str
    ) -> bool:
        """Whether swapping ``first`` (on ``a``) and ``second`` (on ``b``) on day ``i`` keeps the
        cover of each skill on both shifts where it was kept (a cover over a window of the day is
        left to the checker)."""
        one, two = self.people[first].skills, self.people[second].skills
        if set(one) == set(two):
            return True
        for c in self.worker.skill_rows:
            if c.window_start is not None and c.window_end is not None:
                continue
            if c.weekdays and self.facts.days[i].weekday() not in c.weekdays:
                continue
            for code, leaves, joins in ((a, one, two), (b, two, one)):
                if code is OFF or (c.shift is not None and c.shift != code):
                    continue
                change = (c.skill in joins) - (c.skill in leaves)
                have = counts.get((i, code, c.skill), 0)
                if change < 0 and have + change < c.min_people:
                    return False
        return True

    def best(self, grid: Grid, counts: dict, first: str, second: str) -> tuple[list, list] | None:
        """The two months after the pair's best exchange, when it is better than what they have by
        the programme's reckoning; else None."""
        f, w = self.facts, self.worker
        rows = grid[first], grid[second]
        seqs = w.sequences_of(self.people[first]), w.sequences_of(self.people[second])
        days = self.days[first], self.days[second]
        total = sum(self.units[x] for x in rows[0]) + sum(self.units[x] for x in rows[1])
        start = (seqs[0].start_of(f.history_of(first)), seqs[1].start_of(f.history_of(second)), 0)
        layer: dict[tuple, int] = {start: 0}
        back: list[dict[tuple, tuple]] = []
        for i in range(f.n):
            a, b = rows[0][i], rows[1][i]
            choices = [(a, b)]
            if (
                a != b
                and a in days[1][i]
                and b in days[0][i]
                and self._keeps_skills(counts, i, a, b, first, second)
            ):
                choices.append((b, a))
            nxt: dict[tuple, int] = {}
            came: dict[tuple, tuple] = {}
            for (s1, s2, k), cost in layer.items():
                for x1, x2 in choices:
                    self.steps += 1
                    m1 = self._move(seqs[0], s1, x1)
                    if m1 is None:
                        continue
                    m2 = self._move(seqs[1], s2, x2)
                    if m2 is None:
                        continue
                    value = cost + m1[1] + m2[1] + days[0][i][x1] + days[1][i][x2]
                    key = (m1[0], m2[0], k + self.units[x1])
                    if key not in nxt or value < nxt[key]:
                        nxt[key] = value
                        came[key] = ((s1, s2, k), x1, x2)
            back.append(came)
            layer = nxt
        ends = [
            (cost + self.hours[first][key[2]] + self.hours[second][total - key[2]], key)
            for key, cost in layer.items()
        ]
        if not ends:
            return None
        value, key = min(ends, key=lambda end: end[0])
        now = w.price(self.people[first], seqs[0], days[0], rows[0])
        now += w.price(self.people[second], seqs[1], days[1], rows[1])
        if value >= now:
            return None
        one: list[str | None] = [OFF] * f.n
        two: list[str | None] = [OFF] * f.n
        for i in range(f.n - 1, -1, -1):
            key, one[i], two[i] = back[i][key]
        return one, two

    def sweep(self, grid: Grid, limit_s: float | None = None) -> Polished:
        """Each person who pays a penalty of their own, paired with everyone else in turn: the pair's
        best exchange, kept when the checked roster is better (see the module docstring). Stops
        once the work is charged more than ``limit_s``. Deterministic."""
        f = self.facts
        grid = {eid: list(row) for eid, row in grid.items()}
        soft = not any(r.hard for r in f.rows("interval_coverage"))
        # an exchange leaves the interval coverage as it is: the checker judges the other rules
        rest = {s.rule for s in f.settings} - {"interval_coverage"} if soft else None
        cells = len(grid) * f.n
        report = check_grid(f, grid, rest)
        cost, hard = report.cost, report.hard_violations
        paying = {p.employee_id for p in report.penalties if p.employee_id is not None}
        counts = self._skill_counts(grid)
        kept, checks, steps0 = 0, 1, self.steps

        def charged() -> float:
            return (self.steps - steps0) * STEP_S + checks * cells * CELL_CHECK_S

        for first in [e.id for e in f.employees if e.id in paying]:
            for second in self.people:
                if second == first or (limit_s is not None and charged() > limit_s):
                    continue
                key = (first, second, tuple(grid[first]), tuple(grid[second]))
                if key in self.settled:
                    continue
                found = self.best(grid, counts, first, second)
                if found is None:
                    self.settled.add(key)
                    continue
                old = grid[first], grid[second]
                grid[first], grid[second] = list(found[0]), list(found[1])
                report = check_grid(f, grid, rest)
                checks += 1
                if (report.hard_violations, report.cost) < (hard, cost):
                    cost, hard = report.cost, report.hard_violations
                    kept += 1
                    counts = self._skill_counts(grid)
                    # the pair's best exchange is made: nothing better for these two months
                    self.settled.add((first, second, tuple(grid[first]), tuple(grid[second])))
                else:
                    grid[first], grid[second] = old
                    self.settled.add(key)
        total = check_grid(f, grid)
        checks += 1
        return Polished(grid, total.cost, total.hard_violations, kept, self.steps - steps0, checks, charged())
