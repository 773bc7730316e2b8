"""The forecast and staff commands through the real CLI: file contracts, exit codes, messages."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from forecast_synth import make_history

from rosterkit.io.forecast_files import read_requirements
from rosterkit.model import IntervalRequirement
from rosterkit.model import columns as col


@pytest.fixture
def history_csv(tmp_path: Path) -> Callable[..., Path]:
    """Write ``make_history(**kw)`` to a CSV and return its path."""

    def write(name: str = "history.csv", **kw: object) -> Path:
        frame = make_history(**kw)
        frame["timestamp"] = frame["timestamp"].dt.strftime("%Y-%m-%d %H:%M")
        path = tmp_path / name
        frame.to_csv(path, index=False)
        return path

    return write


def _forecast_args(history: Path, out: Path) -> tuple:
    return (
        "forecast",
        history,
        "--start",
        "2024-04-29",
        "--end",
        "2024-05-05",
        "--country",
        "none",
        "-o",
        out,
    )


def run_forecast(cli, history: Path, out: Path, *extra: str):
    return cli(*_forecast_args(history, out), *extra)


def test_forecast_writes_one_row_per_interval_including_closed_hours(cli, history_csv, tmp_path):
    out = tmp_path / "forecast.csv"
    result = run_forecast(cli, history_csv(), out)
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, dtype=str)
    assert list(frame.columns) == [col.INTERVAL_START, col.CALLS]
    assert len(frame) == 7 * 48
    assert frame[col.INTERVAL_START].iloc[0] == "2024-04-29 00:00"
    assert frame[col.INTERVAL_START].iloc[-1] == "2024-05-05 23:30"
    assert float(frame[col.CALLS].iloc[0]) == 0.0
    assert result.stdout == ""  # logs go to stderr


def test_forecast_with_level_and_handle_time_adds_columns(cli, history_csv, tmp_path):
    out = tmp_path / "forecast.csv"
    result = run_forecast(cli, history_csv(handle=True), out, "--level", "80")
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out)
    assert list(frame.columns) == [col.INTERVAL_START, col.CALLS, col.CALLS_LO, col.CALLS_HI, col.AHT_S]


def test_forecast_is_deterministic(cli, history_csv, tmp_path):
    path = history_csv()
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert run_forecast(cli, path, a, "--level", "80").exit_code == 0
    assert run_forecast(cli, path, b, "--level", "80").exit_code == 0
    assert a.read_bytes() == b.read_bytes()


def test_plot_writes_a_png_of_history_and_forecast_band(cli, history_csv, tmp_path):
    pytest.importorskip("matplotlib")  # the dev extra installs it; a user gets it with rosterkit[plot]
    out, png = tmp_path / "forecast.csv", tmp_path / "p.png"
    result = run_forecast(cli, history_csv(), out, "--level", "80", "--plot", png)
    assert result.exit_code == 0, result.output
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    assert str(png) in result.stderr


def test_plot_without_matplotlib_still_writes_the_forecast(cli, history_csv, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now raises ImportError
    out = tmp_path / "forecast.csv"
    result = run_forecast(cli, history_csv(), out, "--plot", tmp_path / "p.png")
    assert result.exit_code == 0
    assert "pip install 'rosterkit[plot]'" in result.stderr
    assert out.exists() and not (tmp_path / "p.png").exists()


def test_backtest_prints_wape_and_mase_per_origin(cli, history_csv):
    result = cli("forecast", "backtest", history_csv(days=84), "--country", "none", "--origins", "2")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].split("\t") == ["method", "origin", "WAPE %", "MASE"]
    methods = {line.split("\t")[0] for line in lines[1:]}
    assert {"seasonal_naive", "weekly_mean_8", "top_down", "ensemble"} <= methods
    assert sum(1 for line in lines if "\tmean\t" in line) == len(methods)


def test_report_writes_daily_weekly_monthly(cli, history_csv, tmp_path):
    out = tmp_path / "reports"
    result = cli("forecast", "report", history_csv(), "--country", "none", "--out", out)
    assert result.exit_code == 0, result.output
    daily = pd.read_csv(out / "traffic_daily.csv")
    weekly = pd.read_csv(out / "traffic_weekly.csv")
    assert len(daily) == 40 and len(weekly) == 8
    assert daily["calls"].sum() == weekly["calls"].sum()
    assert (out / "traffic_monthly.csv").exists() and (out / "traffic_report.xlsx").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("\x00\x01\x02garbage\xff", "the file is neither UTF-8 nor GB18030 text"),
        ("just some notes\nnothing tabular\n", "no timestamp column found (columns: just some notes)"),
        ("when,calls\n2024-01-01 08:00,3\n", "no timestamp column found (columns: when, calls)"),
        (
            "timestamp,calls\n2024-03-04 08:00,3\nyesterday,4\n",
            "row 3, column 'timestamp': 'yesterday' is not a timestamp",
        ),
        (
            "timestamp,calls\n2024-03-04 08:00,3\n2024-03-04 08:30,many\n",
            "row 3, column 'calls': 'many' is not a call count",
        ),
        ("timestamp,calls\n2024-03-04 08:00,3\n2024-03-10 08:30,4\n", "covers 7 days"),
    ],
)
def test_unusable_history_exits_2_with_the_place_and_the_fix(cli, tmp_path, content, expected):
    path = tmp_path / "history.csv"
    path.write_bytes(content.encode("latin-1"))
    result = run_forecast(cli, path, tmp_path / "f.csv")
    assert result.exit_code == 2, result.output
    assert "history.csv" in result.stderr
    assert expected in result.stderr
    assert not (tmp_path / "f.csv").exists()


def test_fewer_than_two_weeks_says_how_to_fix(cli, history_csv, tmp_path):
    result = run_forecast(cli, history_csv(days=10), tmp_path / "f.csv")
    assert result.exit_code == 2
    assert "at least 14 are needed" in result.stderr and "Give at least two weeks" in result.stderr


def test_bad_dates_and_overwriting_the_input_are_refused(cli, history_csv, tmp_path):
    path = history_csv()
    bad = cli("forecast", path, "--start", "2024-13-01", "--end", "2024-05-05", "-o", tmp_path / "f.csv")
    assert bad.exit_code == 2 and "--start '2024-13-01' is not a date" in bad.stderr
    same = run_forecast(cli, path, path)
    assert same.exit_code == 2 and "overwrite an input" in same.stderr


def test_staff_textbook_case_through_the_cli(cli, tmp_path):
    forecast = tmp_path / "forecast.csv"
    forecast.write_text("interval_start,calls\n2024-05-06 09:00,100\n2024-05-06 09:30,0\n", encoding="utf-8")
    out = tmp_path / "requirements.csv"
    result = cli(
        "staff",
        forecast,
        "--aht",
        "180",
        "--service-level",
        "80",
        "--answer-within",
        "20",
        "--shrinkage",
        "0.3",
        "-o",
        out,
    )
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out)
    assert list(frame.columns) == col.REQUIREMENTS_COLUMNS
    assert frame[col.AGENTS].tolist() == [14, 0]
    assert frame[col.AGENTS_SCHEDULED].tolist() == [20, 0]
    assert frame[col.SERVICE_LEVEL].iloc[0] == pytest.approx(0.888, abs=0.0005)
    reqs = read_requirements(out)
    assert isinstance(reqs[0], IntervalRequirement)
    assert (reqs[0].agents_scheduled, reqs[0].agents) == (20, 14)
    assert str(reqs[1].interval_start) == "2024-05-06 09:30:00"


def test_staff_erlang_a_and_upper_quantile(cli, history_csv, tmp_path):
    forecast = tmp_path / "forecast.csv"
    assert run_forecast(cli, history_csv(handle=True), forecast, "--level", "80").exit_code == 0
    plain, upper, patient = tmp_path / "r1.csv", tmp_path / "r2.csv", tmp_path / "r3.csv"
    args = ["--service-level", "80", "--answer-within", "15", "--shrinkage", "0.3"]
    assert cli("staff", forecast, *args, "-o", plain).exit_code == 0  # AHT from the forecast
    assert cli("staff", forecast, *args, "--use-upper", "-o", upper).exit_code == 0
    assert cli("staff", forecast, *args, "--patience", "60", "-o", patient).exit_code == 0
    p, u, a = (pd.read_csv(x)[col.AGENTS] for x in (plain, upper, patient))
    assert (u >= p).all() and u.sum() > p.sum()
    assert (a <= p).all()


def test_staff_errors_exit_2(cli, tmp_path):
    forecast = tmp_path / "forecast.csv"
    forecast.write_text("interval_start,calls\n2024-05-06 09:00,100\n", encoding="utf-8")
    out = tmp_path / "r.csv"
    no_aht = cli("staff", forecast, "--service-level", "80", "-o", out)
    assert no_aht.exit_code == 2 and "no handle time" in no_aht.stderr and "--aht" in no_aht.stderr
    no_hi = cli("staff", forecast, "--aht", "180", "--service-level", "80", "--use-upper", "-o", out)
    assert no_hi.exit_code == 2 and "calls_hi" in no_hi.stderr
    no_target = cli("staff", forecast, "--aht", "180", "-o", out)
    assert no_target.exit_code == 2 and "--service-level" in no_target.stderr
    forecast.write_text("interval_start,calls\n2024-05-06 09:00,lots\n", encoding="utf-8")
    bad = cli("staff", forecast, "--aht", "180", "--service-level", "80", "-o", out)
    assert bad.exit_code == 2 and "row 2, column 'calls'" in bad.stderr
    assert not out.exists()


def test_history_coarser_than_the_interval_is_refused(cli, history_csv, tmp_path):
    result = run_forecast(cli, history_csv(), tmp_path / "f.csv", "--interval", "15min")
    assert result.exit_code == 2
    assert "one row every 30 min, coarser than the 15 min asked for" in result.stderr
    assert "--interval 30min" in result.stderr


def test_horizon_inside_the_history_is_noted(cli, history_csv, tmp_path):
    out = tmp_path / "f.csv"
    result = cli(
        "forecast",
        history_csv(),
        "--start",
        "2024-04-22",
        "--end",
        "2024-04-28",
        "--country",
        "none",
        "-o",
        out,
    )
    assert result.exit_code == 0
    assert "inside the history" in result.stderr


def test_forecast_help_shows_the_default_command_options(cli):
    result = cli("forecast", "--help")
    assert result.exit_code == 0
    assert "--start" in result.stdout and "backtest" in result.stdout and "report" in result.stdout


def test_unknown_country_exits_2(cli, history_csv, tmp_path):
    result = cli(
        "forecast",
        history_csv(),
        "--start",
        "2024-04-29",
        "--end",
        "2024-04-30",
        "--country",
        "XX",
        "-o",
        tmp_path / "f.csv",
    )
    assert result.exit_code == 2
    assert "'XX'" in result.stderr and "ISO country code" in result.stderr


def test_special_days_file_closes_a_day_in_the_horizon(cli, history_csv, tmp_path):
    special = tmp_path / "special.csv"
    special.write_text("date,kind\n2024-04-30,closed\n", encoding="utf-8")
    out = tmp_path / "f.csv"
    result = run_forecast(cli, history_csv(), out, "--special-days", special)
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, parse_dates=[col.INTERVAL_START])
    daily = frame.groupby(frame[col.INTERVAL_START].dt.day)[col.CALLS].sum()
    assert daily[30] == 0 and daily[29] > 0 and daily[1] > 0


def test_call_records_history_gives_calls_and_aht(cli, tmp_path):
    import numpy as np

    rng = np.random.default_rng(5)
    days = pd.date_range("2024-03-04", periods=21, freq="D")
    stamps = [d + pd.Timedelta(seconds=int(s)) for d in days for s in rng.uniform(9 * 3600, 17 * 3600, 300)]
    path = tmp_path / "calls.csv"
    pd.DataFrame(
        {
            "call_time": pd.DatetimeIndex(stamps).strftime("%Y-%m-%d %H:%M:%S"),
            "talk_s": rng.integers(60, 300, len(stamps)),
        }
    ).to_csv(path, index=False)
    out = tmp_path / "f.csv"
    result = cli(
        "forecast",
        path,
        "--records",
        "--start",
        "2024-03-25",
        "--end",
        "2024-03-25",
        "--country",
        "none",
        "-o",
        out,
    )
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out)
    assert list(frame.columns) == [col.INTERVAL_START, col.CALLS, col.AHT_S]
    assert frame[col.CALLS].sum() == pytest.approx(300, rel=0.15)
    open_ = frame[col.CALLS] > 0
    assert frame.loc[open_, col.AHT_S].between(120, 240).all()


# ---- the same errors in Chinese (--lang zh): every part of the message comes from the catalogue ----


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "timestamp,calls\n2024-03-04 08:00,3\nyesterday,4\n",
            "错误：文件 history.csv，第 3 行，列 'timestamp'：'yesterday' 不是时间（应为 YYYY-MM-DD HH:MM[:SS]）。"
            "请更正或删除该行。",
        ),
        (
            "timestamp,calls\n2024-03-04 08:00,3\n2024-03-04 08:30,many\n",
            "文件 history.csv，第 3 行，列 'calls'：'many' 不是有效的来电量（应为 0 或以上的数字）。",
        ),
        (
            "when,calls\n2024-01-01 08:00,3\n",
            "文件 history.csv，第 1 行：找不到时间列（现有列：when, calls）。",
        ),
        (
            "timestamp,calls\n2024-03-04 08:00,3\n2024-03-10 08:30,4\n",
            "历史数据只覆盖 7 天（2024-03-04 至 2024-03-10）；至少需要 14 天才能学到每周规律。请提供至少两周的历史数据",
        ),
    ],
)
def test_unusable_history_in_chinese(cli, tmp_path, content, expected):
    path = tmp_path / "history.csv"
    path.write_text(content, encoding="utf-8")
    result = cli("--lang", "zh", *_forecast_args(path, tmp_path / "f.csv"))
    assert result.exit_code == 2, result.output
    assert expected in result.stderr
    assert not (tmp_path / "f.csv").exists()


def test_option_and_staffing_errors_in_chinese(cli, history_csv, tmp_path):
    bad = cli(
        "--lang",
        "zh",
        "forecast",
        history_csv(),
        "--start",
        "2024-13-01",
        "--end",
        "2024-05-05",
        "-o",
        tmp_path / "f.csv",
    )
    assert bad.exit_code == 2 and "错误：--start '2024-13-01' 不是日期。请写作 YYYY-MM-DD。" in bad.stderr
    forecast = tmp_path / "forecast.csv"
    forecast.write_text("interval_start,calls\n2024-05-06 09:00,100\n", encoding="utf-8")
    no_target = cli("--lang", "zh", "staff", forecast, "--aht", "180", "-o", tmp_path / "r.csv")
    assert (
        no_target.exit_code == 2 and "错误：未给出服务目标。请给出 --service-level 百分比" in no_target.stderr
    )
    no_aht = cli("--lang", "zh", "staff", forecast, "--service-level", "80", "-o", tmp_path / "r.csv")
    assert no_aht.exit_code == 2 and "没有处理时长：forecast.csv 中没有 'aht_s' 列。" in no_aht.stderr


def test_missing_input_files_are_named_in_the_users_language(cli, tmp_path):
    zh = cli("--lang", "zh", *_forecast_args(tmp_path / "nope.csv", tmp_path / "f.csv"))
    assert zh.exit_code == 2 and "错误：文件 nope.csv：找不到文件。请检查路径。" in zh.stderr
    en = cli("staff", tmp_path, "--aht", "180", "--service-level", "80", "-o", tmp_path / "r.csv")
    assert en.exit_code == 2
    assert f"Error: {tmp_path.name}: this is a folder, not a file. Give the path of a file" in en.stderr
