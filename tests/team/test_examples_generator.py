"""examples/generate.py is seeded and the committed example files are its output."""

from __future__ import annotations

import importlib.util
import sys

import pandas as pd
from conftest import EXAMPLES

from rosterkit.io.team import read_team


def _generator():
    spec = importlib.util.spec_from_file_location("examples_generate", EXAMPLES / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_generator_reproduces_the_committed_examples(tmp_path):
    _generator().main(tmp_path)
    names = ("history.csv", "roster-worked.csv", "defects.csv", "team.toml", "team.xlsx", "leave.xlsx")
    for name in (*names, "punches-zkteco.xlsx", "punches-dingtalk.xlsx"):
        assert (tmp_path / name).read_bytes() == (EXAMPLES / name).read_bytes(), name
    assert (
        read_team(tmp_path / "team.xlsx")
        == read_team(EXAMPLES / "team.xlsx")
        == read_team(EXAMPLES / "team.toml")
    )
    total = sum(p.stat().st_size for p in EXAMPLES.iterdir() if p.is_file())
    assert total < 2_000_000


def test_history_shape():
    history = pd.read_csv(EXAMPLES / "history.csv", parse_dates=["interval_start"])
    stamps = history["interval_start"]
    assert stamps.diff().dropna().eq(pd.Timedelta(minutes=15)).all()  # gap-free, 15 min
    assert (stamps.iloc[-1] - stamps.iloc[0]).days >= 26 * 7
    assert stamps.iloc[-1] < pd.Timestamp("2026-10-01")
    daily = history.set_index("interval_start")["calls"].resample("D").sum()
    assert daily["2026-05-01"] < 0.5 * daily["2026-04-28"]  # Labour Day is quiet
    outage = history[(stamps >= "2026-07-14 10:00") & (stamps < "2026-07-14 13:30")]["calls"].sum()
    week_before = history[(stamps >= "2026-07-07 10:00") & (stamps < "2026-07-07 13:30")]["calls"].sum()
    assert outage < 0.1 * week_before
    night = history[stamps.dt.hour.isin([2, 3])]["calls"].mean()
    day = history[stamps.dt.hour.isin([10, 11])]["calls"].mean()
    assert 0 < night < 0.1 * day
