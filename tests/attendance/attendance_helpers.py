"""Small builders for attendance tests: a roster and punches typed as a few readable rows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from rosterkit.attendance import AttendanceSettings, reconcile_month
from rosterkit.calendar import WorkCalendar

SHIFTS = {"D": ("09:00", "18:00"), "E": ("14:00", "22:00"), "M": ("06:00", "14:00"), "N": ("22:00", "06:00")}


def roster(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """Rows of (employee_id, date, shift code or '' or a leave code)."""
    out = []
    for emp, day, code in rows:
        if code in SHIFTS:
            s, e = SHIFTS[code]
            start = pd.Timestamp(f"{day} {s}")
            end = pd.Timestamp(f"{day} {e}")
            if end <= start:
                end += pd.Timedelta(days=1)
            out.append((emp, day, code, start, end))
        else:
            out.append((emp, day, code, pd.NaT, pd.NaT))
    return pd.DataFrame(out, columns=["employee_id", "date", "shift", "start", "end"])


def punches(*rows: tuple, file: str = "punches.csv") -> pd.DataFrame:
    """Rows of (employee_id, 'YYYY-MM-DD HH:MM[:SS]'[, direction[, name]])."""
    out = []
    for i, row in enumerate(rows):
        emp, stamp = row[0], row[1]
        direction = row[2] if len(row) > 2 else ""
        name = row[3] if len(row) > 3 else ""
        out.append((emp, name, pd.Timestamp(stamp), direction, file, i + 2, ""))
    return pd.DataFrame(
        out, columns=["employee_id", "name", "timestamp", "direction", "source_file", "source_row", "problem"]
    )


def run(roster_df, punch_df, leave=(), names=None, **settings):
    return reconcile_month(
        roster_df, punch_df, leave, AttendanceSettings(**settings), WorkCalendar("CN"), names=names
    )


def day(result, emp: str, date: str) -> dict:
    daily = result.daily
    rows = daily[(daily["employee_id"] == emp) & (daily["date"] == pd.Timestamp(date))]
    assert len(rows) == 1, f"expected one daily row for {emp} {date}, found {len(rows)}"
    return rows.iloc[0].to_dict()


def random_month(seed: int, staff: int = 12, days: int = 14):
    """A seeded month with every kind of punch: on time, late, missing, duplicates, days off,
    unknown ids, punches outside the period."""
    rng = np.random.default_rng(seed)
    rows, punch_rows = [], []
    codes = list(SHIFTS)
    for e in range(staff):
        emp = f"E{e:02d}"
        for d in range(days):
            date = (pd.Timestamp("2024-04-01") + pd.Timedelta(days=d)).date().isoformat()
            code = codes[rng.integers(len(codes))] if rng.random() < 0.7 else ""
            rows.append((emp, date, code))
            if code:
                s, e_ = SHIFTS[code]
                start = pd.Timestamp(f"{date} {s}")
                end = pd.Timestamp(f"{date} {e_}")
                end += pd.Timedelta(days=1) if end <= start else pd.Timedelta(0)
                if rng.random() < 0.9:
                    punch_rows.append((emp, str(start + pd.Timedelta(minutes=int(rng.integers(-30, 40))))))
                    if rng.random() < 0.2:
                        punch_rows.append(
                            (emp, str(start + pd.Timedelta(minutes=int(rng.integers(-30, 40)))))
                        )
                if rng.random() < 0.9:
                    punch_rows.append((emp, str(end + pd.Timedelta(minutes=int(rng.integers(-40, 120))))))
            elif rng.random() < 0.1:
                punch_rows.append((emp, f"{date} 10:00"))
                punch_rows.append((emp, f"{date} 15:{rng.integers(10, 59)}"))
    punch_rows += [("X1", "2024-04-03 09:00"), ("E00", "2024-05-20 09:00"), ("E01", "2024-03-01 08:00")]
    order = rng.permutation(len(punch_rows))
    return roster(*rows), punches(*[punch_rows[i] for i in order])
