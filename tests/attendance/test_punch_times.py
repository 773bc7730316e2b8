"""Excel date serials become whole-second timestamps (a float serial is never exact)."""

import pandas as pd
import pytest

from rosterkit.io.punch_times import EXCEL_EPOCH, to_timestamps


@pytest.mark.parametrize("minute", range(0, 24 * 60, 7))
def test_excel_serials_round_to_the_second(minute):
    expected = pd.Timestamp("2026-10-12") + pd.Timedelta(minutes=minute)
    serial = (expected - EXCEL_EPOCH) / pd.Timedelta(days=1)  # a float, as Excel stores it
    got = to_timestamps(pd.Series([serial]), where=lambda i: None)
    assert got.iloc[0] == expected
