"""Stage 2 of the counts-first roster with a roster in hand (``beat``): it gives up when its probe
finds nothing cheaper, and otherwise gives the very roster it gives without a probe."""

from __future__ import annotations

from rosterkit.solver.aggregate import solve_counts
from rosterkit.solver.build import roster_from
from rosterkit.solver.check import check
from rosterkit.solver.counts_first import shifts_for_days, weekly_days_off
from rosterkit.solver.facts import Facts
from rosterkit.solver.sample import sample_centre


def _stage2(beat: float | None):
    team = sample_centre(agents=12, days=14, seed=4)
    facts = Facts(team)
    agg = solve_counts(facts, dtime=1.0)
    works = weekly_days_off(facts, agg.targets, agg.workdays)
    found = shifts_for_days(
        facts, works, time_limit_s=2.0, workers=2, seed=0, deterministic=True, dtime_per_second=0.2, beat=beat
    )
    return team, facts, found


def test_stage2_with_a_beatable_roster_in_hand_is_the_run_without_a_probe():
    team, facts, plain = _stage2(None)
    assert plain is not None
    _, _, probed = _stage2(plain[1] * 10)
    assert probed is not None
    assert probed == plain
    report = check(roster_from(facts, probed[0]), team)
    assert report.hard_violations == 0
    assert report.cost == round(probed[1])


def test_stage2_gives_up_when_the_roster_in_hand_is_cheaper():
    _, _, plain = _stage2(None)
    assert plain is not None
    assert _stage2(0.0)[2] is None
