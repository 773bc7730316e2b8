"""Roster robustness: the example centre with one rule setting changed at a time, as a supervisor
changes them in the team workbook (a soft rule made hard, a limit tightened). No spec bar: the
example centre as it is, run in the same script, is the anchor. The bar is the product's promise:
a roster, which passes the independent checker (0 hard violations, objective = checker cost);
"none" says no roster was found in the time.

    python -m benchmarks.bench_roster_rules [--time-limit 60] [--variants as-is,days-off-hard,...]

Reproducible mode (the default of ``rosterkit roster``), 2 workers, seed 0.
"""

from __future__ import annotations

import argparse

from benchmarks.bench_roster import example_team, one_run
from benchmarks.common import Row, main_for


def _variants() -> dict[str, tuple[str, object]]:
    from rosterkit.model import RuleSetting

    def hard(rule: str):
        return lambda rules: tuple(
            r.model_copy(update={"hard": True}) if r.rule == rule else r for r in rules
        )

    def replaced(rule: str, setting: RuleSetting):
        return lambda rules: (*(r for r in rules if r.rule != rule), setting)

    return {
        "as-is": ("the example centre as it is", lambda rules: rules),
        "days-off-hard": ("two days off in a row made hard", hard("min_consecutive_days_off")),
        "nights-hard": ("nights in runs of two or more made hard", hard("min_consecutive_shift")),
        "hours-hard": ("contract hours made hard", hard("work_hours")),
        "five-days": (
            "at most 5 working days in a row (not 6)",
            replaced(
                "max_consecutive_days",
                RuleSetting(rule="max_consecutive_days", hard=True, params={"days": 5}),
            ),
        ),
        "rest-2-in-7": (
            "two days off in every 7 (not one), hard",
            replaced(
                "weekly_rest",
                RuleSetting(rule="weekly_rest", hard=True, params={"window_days": 7, "min_days_off": 2}),
            ),
        ),
    }


def run(args: list[str]) -> list[Row]:
    parser = argparse.ArgumentParser(prog="bench_roster_rules")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--variants", default=",".join(_variants()))
    opts, _ = parser.parse_known_args(args)
    variants = _variants()
    base = example_team()
    rows: list[Row] = []
    anchor = None
    for name in opts.variants.split(","):
        label, change = variants[name]
        team = base.model_copy(update={"rules": change(base.rules)})
        r = one_run(team, opts.time_limit, True, 0)
        found = r["objective"] is not None
        measured = (
            f"{r['objective']:,} (gap {r['gap']:.1%}), first roster {r['first']:.1f} s"
            if found and r["gap"] is not None and r["first"] is not None
            else "none"
        )
        note = (
            f"bound {r['bound']}, hard violations {r['hard']}, objective = checker cost: {r['consistent']}, "
            f"wall {r['wall']:.0f} s"
        )
        if name == "as-is":
            anchor = measured
        elif anchor is not None:
            note = f"as-is: {anchor}; {note}"
        rows.append(
            Row(
                "roster robustness",
                f"example centre, {label}; {opts.time_limit:g} s, 2 workers, reproducible",
                measured,
                "a roster; checker: 0 hard, cost = objective",
                note,
                found and r["hard"] == 0 and bool(r["consistent"]),
            )
        )
    return rows


if __name__ == "__main__":
    main_for(run)
