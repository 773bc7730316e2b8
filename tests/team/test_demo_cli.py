"""`rosterkit demo`: the whole pipeline on examples/, every contract file written."""

from __future__ import annotations

import json

import pandas as pd
from conftest import EXAMPLES

from rosterkit.model import columns as C
from rosterkit.pipeline import OUTPUTS


def test_demo_without_example_files_says_how_to_make_them(cli, tmp_path):
    empty = tmp_path / "examples"
    empty.mkdir()
    result = cli("demo", "--examples", empty, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "the example files history.csv, team.xlsx" in result.stderr
    assert "Run `python examples/generate.py`" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_demo_writes_every_file_of_the_pipeline(cli, tmp_path):
    """The whole pipeline with a 5 s roster limit (about 15 s; the solver runs deterministically)."""
    out = tmp_path / "demo-output"
    result = cli("demo", "--out", out, "--time-limit", "5")
    assert result.exit_code == 0, result.output
    for name in OUTPUTS:
        assert (out / name).is_file(), name
    forecast = pd.read_csv(out / "forecast.csv")
    assert list(forecast.columns[:2]) == [C.INTERVAL_START, C.CALLS] and len(forecast) == 31 * 48
    requirements = pd.read_csv(out / "requirements.csv")
    assert set(C.REQUIREMENTS_COLUMNS) <= set(requirements.columns)
    roster = pd.read_csv(out / "roster.csv", dtype=str)
    assert list(roster.columns) == C.ROSTER_COLUMNS and len(roster) == 60 * 31
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["hard_violations"] == 0 and summary["status"] in ("optimal", "feasible")
    daily = pd.read_csv(out / "daily.csv", dtype=str)
    assert list(daily.columns) == C.DAILY_COLUMNS
    planted = pd.read_csv(EXAMPLES / "defects.csv", dtype=str)
    absent = planted[planted.defect == "absent"]
    found = daily.merge(absent, on=["employee_id", "date"])
    assert (found.status == "absent").all() and len(found) == len(absent)
