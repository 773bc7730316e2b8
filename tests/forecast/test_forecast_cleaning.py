"""Each cleaning step on small synthetic series with a planted gap, outage, anomaly or holiday."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from forecast_synth import make_history

from rosterkit.calendar import DayKind, WorkCalendar
from rosterkit.forecast.cleaning import (
    DayStatus,
    clean_history,
    day_key,
    mark_post_closure,
    to_day_matrix,
)
from rosterkit.io.history import CallHistory

NONE = WorkCalendar("none")


def history(frame: pd.DataFrame, kind: str = "counts") -> CallHistory:
    frame = frame.copy()
    frame["source_row"] = np.arange(2, len(frame) + 2)
    if "aht_s" in frame.columns:
        frame["handle_s"] = frame["calls"] * frame.pop("aht_s")
    return CallHistory(Path("synthetic.csv"), frame, kind)


def status_of(clean, day: date) -> str:
    return str(clean.status[list(clean.matrix.dates.date).index(day)])


def test_five_minute_counts_sum_into_thirty_minute_rows():
    frame = pd.DataFrame(
        {"timestamp": pd.date_range("2024-03-04 00:00", periods=14 * 24 * 12, freq="5min"), "calls": 1.0}
    )
    matrix = to_day_matrix(history(frame), 30)
    assert matrix.calls.shape == (14, 48)
    assert (matrix.calls == 6).all()


def test_call_records_are_counted_per_interval():
    stamps = pd.to_datetime(["2024-03-04 08:01", "2024-03-04 08:29", "2024-03-04 08:30", "2024-03-17 09:00"])
    frame = pd.DataFrame({"timestamp": stamps, "calls": 1.0})
    matrix = to_day_matrix(history(frame, "records"), 30)
    assert matrix.calls[0, 16] == 2 and matrix.calls[0, 17] == 1
    assert np.isnan(matrix.calls[1]).all()  # no call that day: no data, not zeros


def test_missing_weekday_is_missing_and_weekend_is_closed():
    gap = date(2024, 3, 13)
    clean = clean_history(to_day_matrix(history(make_history(skip=(gap,))), 30), NONE)
    assert status_of(clean, gap) == DayStatus.MISSING
    assert status_of(clean, date(2024, 3, 9)) == DayStatus.CLOSED  # Saturday of a weekday centre
    assert 5 not in clean.open_keys and 0 in clean.open_keys


def test_outage_of_two_hours_is_found_and_only_that_day():
    day = date(2024, 4, 10)
    clean = clean_history(to_day_matrix(history(make_history(outage=(day, 14, 16))), 30), NONE)
    assert status_of(clean, day) == DayStatus.OUTAGE
    assert "14:00-16:00" in clean.reasons[day]
    assert sum(s == DayStatus.OUTAGE for s in clean.status) == 1


def test_anomalous_day_total_is_excluded():
    day = date(2024, 4, 3)
    clean = clean_history(to_day_matrix(history(make_history(scale={day: 2.5})), 30), NONE)
    assert status_of(clean, day) == DayStatus.ANOMALOUS
    assert sum(s == DayStatus.ANOMALOUS for s in clean.status) == 1


def test_holiday_closure_marks_holiday_and_the_two_days_after():
    # US Memorial Day 2024-05-27 (Monday): the centre is closed
    frame = make_history(start=date(2024, 4, 1), days=70, skip=(date(2024, 5, 27),))
    clean = clean_history(to_day_matrix(history(frame), 30), WorkCalendar("US"))
    assert status_of(clean, date(2024, 5, 27)) == DayStatus.HOLIDAY
    assert status_of(clean, date(2024, 5, 28)) == DayStatus.POST_CLOSURE
    assert status_of(clean, date(2024, 5, 29)) == DayStatus.POST_CLOSURE
    assert status_of(clean, date(2024, 5, 30)) == DayStatus.OPEN
    assert clean.holidays_seen["Memorial Day"] == [0.0]


def test_post_closure_ranks_skip_regular_closed_days():
    status = np.array(
        [DayStatus.OPEN, DayStatus.CLOSED, DayStatus.CLOSED, DayStatus.OPEN, DayStatus.OPEN, DayStatus.OPEN]
    )
    closure = np.array([False, True, False, False, False, False])
    assert mark_post_closure(status, closure).tolist() == [0, 0, 0, 1, 2, 0]


def test_busy_day_after_a_gap_is_kept_out_and_a_usual_one_stays():
    # a missing Wednesday followed by a busy Thursday (the calls of an unannounced closure), and a
    # missing Friday followed, over the weekend, by a quiet Monday (the data was lost, nothing moved)
    busy_gap, quiet_gap = date(2024, 3, 13), date(2024, 3, 29)
    busy, quiet = date(2024, 3, 14), date(2024, 4, 1)
    frame = make_history(skip=(busy_gap, quiet_gap), scale={busy: 1.3, quiet: 0.9})
    clean = clean_history(to_day_matrix(history(frame), 30), NONE)
    assert status_of(clean, busy_gap) == status_of(clean, quiet_gap) == DayStatus.MISSING
    assert status_of(clean, busy) == DayStatus.AFTER_GAP
    assert "above the usual" in clean.reasons[busy]
    assert status_of(clean, quiet) == DayStatus.OPEN
    assert sum(s == DayStatus.AFTER_GAP for s in clean.status) == 1


def test_chinese_makeup_day_follows_a_weekday_and_bridging_day_follows_sunday():
    cal = WorkCalendar("CN")
    assert cal.kind(date(2024, 4, 7)) == DayKind.MAKEUP  # Sunday worked for Qingming
    assert day_key(cal.kind(date(2024, 4, 7)), 6) == 2
    assert cal.kind(date(2024, 4, 5)) == DayKind.REST  # Friday off
    assert day_key(cal.kind(date(2024, 4, 5)), 4) == 6


def test_special_days_file_closes_and_excludes():
    closed, special = date(2024, 3, 20), date(2024, 3, 21)
    frame = make_history(skip=(closed,))
    clean = clean_history(to_day_matrix(history(frame), 30), NONE, {closed: "closed", special: "special"})
    assert status_of(clean, closed) == DayStatus.CLOSED
    assert status_of(clean, special) == DayStatus.SPECIAL
    assert status_of(clean, date(2024, 3, 22)) == DayStatus.POST_CLOSURE


def test_chance_dips_in_a_quiet_centre_are_not_outages():
    # ~150 calls a day: runs of intervals at half their usual level happen by chance
    frame = make_history(days=112, per_day=150, seed=11)
    clean = clean_history(to_day_matrix(history(frame), 30), NONE)
    assert not any(s == DayStatus.OUTAGE for s in clean.status)
    # while a real outage in the same quiet centre is still found
    day = date(2024, 4, 10)
    frame = make_history(days=112, per_day=150, seed=11, outage=(day, 9, 14))
    clean = clean_history(to_day_matrix(history(frame), 30), NONE)
    assert status_of(clean, day) == DayStatus.OUTAGE
