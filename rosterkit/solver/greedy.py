"""A quick greedy roster used as CP-SAT's solution hint (a starting point, not a promise).

Day by day, it keeps adding the (shift, employee) that covers most of what is still missing — the
per-shift target/min of ``shift_demand`` and the shortfall of ``interval_coverage`` — choosing among
the employees who may take the shift without breaking the main hard rules (leave, eligibility,
pinned, rest, successions, consecutive days, weekly rest, hours and shift caps), those with the
fewest minutes so far first. Rules it does not model are left to the solver to repair.
"""

from __future__ import annotations

from rosterkit.solver.facts import Facts

Triple = tuple[str, int, str]


def greedy_roster(facts: Facts, targets: dict[tuple[int, str], int] | None = None) -> set[Triple]:
    f = facts
    on = {r.rule for r in f.settings if r.hard}
    rest_h = next((float(r.params.get("hours", 11)) for r in f.rows("min_rest") if r.hard), None)
    banned_next = (
        {(s.first, s.second) for s in f.team.successions if s.hard} if "shift_succession" in on else set()
    )
    max_run = {e.id: None for e in f.employees}
    for row in f.rows("max_consecutive_days"):
        for e in f.employees:
            max_run[e.id] = f.limit(e, "max_consecutive_days", row, "days")
    shift_runs = {
        str(r.params.get("shift")): int(r.params.get("days", 0) or 0)
        for r in f.rows("max_consecutive_shift")
        if r.hard and r.params.get("shift")
    }
    window = next(
        (
            (int(r.params.get("window_days", 7)), int(r.params.get("min_days_off", 1)))
            for r in f.rows("weekly_rest")
            if r.hard
        ),
        None,
    )
    hours_row = next(iter(f.rows("work_hours")), None)
    high = {e.id: (f.hours_bounds(e, hours_row)[1] if hours_row else 0) for e in f.employees}
    caps = {e.id: {} for e in f.employees}
    specific = f.specific_shift_rows()
    for row in f.rows("max_shifts_per_type"):
        for e in f.employees:
            caps[e.id].update(f.shift_limits(e, row, specific))

    shifts = {e.id: [None] * f.n for e in f.employees}  # type: dict[str, list[str | None]]
    minutes = {e.id: 0 for e in f.employees}
    used = {e.id: {} for e in f.employees}  # type: dict[str, dict[str, int]]
    worked: set[Triple] = set()

    def assign(eid: str, i: int, code: str) -> None:
        shifts[eid][i] = code
        minutes[eid] += f.work_minutes(code)
        used[eid][code] = used[eid].get(code, 0) + 1
        worked.add((eid, i, code))

    def previous(eid: str, i: int) -> str | None:
        return shifts[eid][i - 1] if i > 0 else f.history_on(eid, -1)

    def code_at(eid: str, j: int) -> str | None:
        return shifts[eid][j] if j >= 0 else f.history_on(eid, j)

    def run_before(eid: str, i: int, code: str | None = None) -> int:
        k, j = 0, i - 1
        while True:
            c = code_at(eid, j)
            if c is None or (code is not None and c != code) or j < -len(f.history_of(eid)):
                return k
            k, j = k + 1, j - 1

    min_off = 0
    for row in f.rows("min_consecutive_days_off"):
        min_off = max(min_off, int(row.params.get("days", 0) or 0))

    def off_before(eid: str, i: int) -> int:
        k, j = 0, i - 1
        while j >= -len(f.history_of(eid)) and code_at(eid, j) is None:
            k, j = k + 1, j - 1
        return k if j >= -len(f.history_of(eid)) else 99  # a break touching the start is not judged

    def priority(eid: str, i: int) -> tuple:
        """Who takes a slot first: not someone whose short break would end too soon (a day off
        alone is penalised), then someone already on a run of work, then the fewest minutes."""
        off = off_before(eid, i)
        short_break = 0 < off < min_off
        return (short_break, off > 0, minutes[eid], eid)

    def run_after(eid: str, i: int, code: str | None = None) -> int:
        k, j = 0, i + 1
        while j < f.n and shifts[eid][j] is not None and (code is None or shifts[eid][j] == code):
            k, j = k + 1, j + 1
        return k

    def may(e, i: int, code: str) -> bool:
        """May ``e`` take ``code`` on day i, given the days already filled before and after it?"""
        eid = e.id
        if shifts[eid][i] is not None or (eid, i) in f.pinned or (eid, i) in f.leave_full:
            return False
        if not f.eligible(e, code):
            return False
        half = f.leave_half.get((eid, i))
        if half is not None and f.clashes_with_half_day(code, half[0]):
            return False
        for a, b, gap in (
            (code_at(eid, i - 1), code, 1),
            (code, shifts[eid][i + 1] if i + 1 < f.n else None, 1),
        ):
            if a is None or b is None:
                continue
            if rest_h is not None and f.rest_minutes(a, b, gap) < rest_h * 60:
                return False
            if (a, b) in banned_next:
                return False
        limit = max_run[eid]
        if limit is not None and run_before(eid, i) + 1 + run_after(eid, i) > min(limit, 6):
            return False
        run = shift_runs.get(code)
        if run and run_before(eid, i, code) + 1 + run_after(eid, i, code) > run:
            return False
        if window is not None:
            size, off = window
            for start in range(i - size + 1, i + 1):
                if start + size > f.n:
                    break
                busy = sum(1 for j in range(start, start + size) if j != i and code_at(eid, j) is not None)
                if busy + 1 > size - off:
                    return False
        if high[eid] and minutes[eid] + f.work_minutes(code) > high[eid]:
            return False
        cap = caps[eid].get(code)
        return not (cap is not None and used[eid].get(code, 0) >= cap)

    lead_rules = [c for c in f.team.skill_cover if c.window_start is None] if f.enabled("skill_cover") else []

    def skill_short(i: int, code: str) -> list[str]:
        """Skills a skill cover (hard or soft) still wants on this shift today."""
        out = []
        for c in lead_rules:
            if (c.shift is None or c.shift == code) and (not c.weekdays or f.days[i].weekday() in c.weekdays):
                have = sum(1 for e in f.employees if shifts[e.id][i] == code and c.skill in e.skills)
                if have < c.min_people:
                    out.append(c.skill)
        return out

    for (eid, i), code in f.pinned.items():
        if code is not None:
            assign(eid, i, code)

    covering = [[] for _ in range(f.n)]  # per day: (interval index, shift code) pairs
    for t, pairs in enumerate(f.coverers):
        for di, code in pairs:
            if di >= 0:
                covering[di].append((t, code))
    need_iv = (
        [iv.required for iv in f.intervals] if f.enabled("interval_coverage") else [0] * len(f.intervals)
    )
    for t, pairs in enumerate(f.coverers):
        for di, code in pairs:
            if di < 0:
                need_iv[t] -= sum(1 for e in f.employees if f.history_on(e.id, -1) == code)
    for _eid, i, code in worked:
        for t, c in covering[i]:
            if c == code:
                need_iv[t] -= 1

    for i in range(f.n):
        need_shift = {}
        if f.enabled("shift_demand"):
            for s in f.shifts:
                row = f.demand_row(i, s.code)
                if row is not None:
                    want = max(row.min or 0, row.target or 0)
                    need_shift[s.code] = want - sum(1 for e in f.employees if shifts[e.id][i] == s.code)
        by_code: dict[str, list[int]] = {}
        for t, code in covering[i]:
            by_code.setdefault(code, []).append(t)
        if targets is not None:
            for s in f.shifts:
                have = sum(1 for e in f.employees if shifts[e.id][i] == s.code)
                need_shift[s.code] = max(need_shift.get(s.code, 0), targets[(i, s.code)] - have)
        while True:
            best, best_gain = None, 0
            for s in f.shifts:
                gain = 100 * max(0, need_shift.get(s.code, 0))
                if targets is None:  # without targets, also the intervals still short
                    gain += sum(1 for t in by_code.get(s.code, []) if need_iv[t] > 0)
                if gain > best_gain:
                    best, best_gain = s.code, gain
            if best is None:
                break
            candidates = [e for e in f.employees if may(e, i, best)]
            for skill in skill_short(i, best):
                skilled = [e for e in candidates if skill in e.skills]
                if skilled:
                    candidates = skilled
                    break
            if not candidates:
                need_shift[best] = 0
                for t in by_code.get(best, []):
                    need_iv[t] = min(need_iv[t], 0)
                continue
            e = min(candidates, key=lambda e: priority(e.id, i))
            assign(e.id, i, best)
            need_shift[best] = need_shift.get(best, 0) - 1
            for t in by_code.get(best, []):
                need_iv[t] -= 1
    top_up(f, worked, shifts, minutes, may, assign, hours_row)
    return worked


def top_up(f: Facts, worked, shifts, minutes, may, assign, hours_row) -> None:
    """Second pass: employees short of their contract minimum get shifts on their free days, where
    the day's demand is shortest of its target, until they reach it."""
    if hours_row is None:
        return
    for e in f.employees:
        low, _high = f.hours_bounds(e, hours_row)
        for i in range(f.n):
            if minutes[e.id] >= low:
                break
            options = []
            for s in f.shifts:
                row = f.demand_row(i, s.code) if f.enabled("shift_demand") else None
                have = sum(1 for x in f.employees if shifts[x.id][i] == s.code)
                want = (row.target or row.min or 0) if row is not None else 0
                options.append((have - want, s.code))
            for _gap, code in sorted(options):
                if may(e, i, code):
                    assign(e.id, i, code)
                    break
