"""Attendance bars (spec section 6): 1,000,000 punches (2,000 staff x 31 days) reconciled <= 20 s
with peak memory <= 2 GiB; a 200,000-row ZKTeco xlsx export read <= 5 s (openpyxl read-only as
the baseline, in the same script).

Each measurement runs in a fresh child process so that its peak RSS (``resource.getrusage``,
which includes generating the data in memory) is its own. Data come from a seeded generator.

    python -m benchmarks attendance            # both figures
    python benchmarks/bench_attendance.py --quick
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import Row, main_for

SHIFTS = {"D": (9 * 60, 18 * 60), "E": (13 * 60, 22 * 60), "N": (22 * 60, 30 * 60)}


def generate_month(staff: int, days: int, punches: int, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A roster (about 5 shifts in 7, day / evening / night) and exactly ``punches`` punch rows:
    in and out around each shift, extra punches inside shifts (door re-entries), duplicates,
    work on days off, and a few unknown ids."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2024-03-01")
    emp = np.repeat(np.arange(staff), days)
    day = np.tile(np.arange(days), staff)
    works = rng.random(len(emp)) < 5 / 7
    codes = np.array(list(SHIFTS))
    shift = rng.choice(codes, size=len(emp), p=[0.5, 0.3, 0.2])
    s_min = np.array([SHIFTS[c][0] for c in codes])[np.searchsorted(codes, shift)]
    e_min = np.array([SHIFTS[c][1] for c in codes])[np.searchsorted(codes, shift)]
    date = start + pd.to_timedelta(day, unit="D")
    s_ts = date + pd.to_timedelta(s_min, unit="m")
    e_ts = date + pd.to_timedelta(e_min, unit="m")
    ids = np.array([f"E{i:05d}" for i in range(staff)])
    roster = pd.DataFrame(
        {
            "employee_id": ids[emp],
            "date": date,
            "shift": np.where(works, shift, ""),
            "start": s_ts.where(works),
            "end": e_ts.where(works),
        }
    )
    w = np.flatnonzero(works)
    n_shift = len(w)
    in_ts = s_ts[w] + pd.to_timedelta(rng.normal(-8, 6, n_shift).round(), unit="m")
    out_ts = e_ts[w] + pd.to_timedelta(rng.normal(10, 15, n_shift).round(), unit="m")
    parts = [(emp[w], in_ts), (emp[w], out_ts)]
    used = 2 * n_shift
    off = np.flatnonzero(~works)[: max(0, min(int(0.02 * staff * days), punches - used))]
    parts.append((emp[off], date[off] + pd.to_timedelta(10 * 60 + rng.integers(0, 120, len(off)), unit="m")))
    used += len(off)
    rest = punches - used
    n_unknown = min(rest, 500)
    n_dup = min(rest - n_unknown, n_shift // 10)
    n_extra = rest - n_unknown - n_dup
    pick = rng.integers(0, n_shift, n_extra)
    extra = s_ts[w][pick] + pd.to_timedelta(rng.integers(0, 8 * 60, n_extra), unit="m")
    parts.append((emp[w][pick], extra))
    dpick = rng.integers(0, n_shift, n_dup)
    parts.append((emp[w][dpick], in_ts[dpick] + pd.to_timedelta(rng.integers(1, 50, n_dup), unit="s")))
    who = np.concatenate([p[0] for p in parts])
    stamp = np.concatenate([np.asarray(p[1], dtype="datetime64[ns]") for p in parts])
    emp_ids = np.concatenate([ids[who], np.array([f"X{i}" for i in range(n_unknown)])])
    stamp = np.concatenate(
        [stamp, np.full(n_unknown, np.datetime64("2024-03-05T09:00"), dtype="datetime64[ns]")]
    )
    order = rng.permutation(len(emp_ids))
    table = pd.DataFrame(
        {
            "employee_id": emp_ids[order],
            "name": "",
            "timestamp": stamp[order],
            "direction": "",
            "source_file": "punches.csv",
            "source_row": np.arange(2, len(order) + 2),
            "problem": "",
        }
    )
    return roster, table


def _child_reconcile(staff: int, days: int, punches: int, repeat: int) -> dict:
    from rosterkit.attendance import AttendanceSettings, reconcile_month
    from rosterkit.calendar import WorkCalendar

    roster, table = generate_month(staff, days, punches)
    times, cpu = [], []
    result = None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = reconcile_month(roster, table, [], AttendanceSettings(), WorkCalendar("CN"))
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    counts = result.counts()
    return {
        "seconds": statistics.median(times),
        "cpu": statistics.median(cpu),
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rows": len(table),
        "daily_rows": len(result.daily),
        "counts": counts,
        "adds_up": sum(counts.values()) == len(table),
    }


def write_zkteco_xlsx(path: Path, rows: int, seed: int = 11) -> None:
    import xlsxwriter

    rng = np.random.default_rng(seed)
    base = np.datetime64("2024-03-01T00:00:00")
    seconds = np.sort(rng.integers(0, 31 * 86400, rows))
    stamps = (base + seconds.astype("timedelta64[s]")).astype(str)
    ids = rng.integers(1, 2001, rows)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("考勤记录")
    ws.write_row(0, 0, ["考勤记录表 2024-03-01 至 2024-03-31"])
    ws.write_row(1, 0, ["部门", "姓名", "登记号码", "日期时间", "机器号", "编号", "比对方式", "卡号"])
    for i in range(rows):
        e = int(ids[i])
        ws.write_row(i + 2, 0, ["客服中心", f"员工{e}", e, stamps[i].replace("T", " "), 1, i + 1, "指纹", ""])
    wb.close()


def _child_read(path: str, repeat: int, engine: str) -> dict:
    times, cpu = [], []
    rows = 0
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        if engine == "rosterkit":
            from rosterkit.io.punches import read_punches

            rows = len(read_punches(path))
        else:
            from openpyxl import load_workbook

            wb = load_workbook(path, read_only=True)
            rows = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True)) - 2
            wb.close()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return {
        "seconds": statistics.median(times),
        "cpu": statistics.median(cpu),
        "rows": rows,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _in_child(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(args: list[str]) -> list[Row]:
    quick = "--quick" in args
    staff, days, punches = (200, 31, 100_000) if quick else (2000, 31, 1_000_000)
    xlsx_rows = 20_000 if quick else 200_000
    repeat = 3
    rows: list[Row] = []
    rec = _in_child("reconcile", str(staff), str(days), str(punches), str(repeat))
    rows.append(
        Row(
            "attendance",
            f"reconcile {rec['rows']:,} punches, {staff:,} staff x {days} days (median of {repeat})",
            f"{rec['seconds']:.2f} s wall ({rec['cpu']:.2f} s CPU), peak RSS {rec['peak_mib']:.0f} MiB; "
            f"counts add up: {rec['adds_up']}",
            "<= 20 s, <= 2 GiB",
            f"{rec['daily_rows']:,} daily rows; {rec['counts']}",
            rec["seconds"] <= 20 and rec["peak_mib"] <= 2048 and rec["adds_up"],
        )
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "zkteco.xlsx"
        write_zkteco_xlsx(path, xlsx_rows)
        ours = _in_child("read", str(path), str(repeat), "rosterkit")
        base = _in_child("read", str(path), "1", "openpyxl")
    rows.append(
        Row(
            "attendance",
            f"read a {xlsx_rows:,}-row ZKTeco xlsx export, parsed to punches (median of {repeat})",
            f"{ours['seconds']:.2f} s wall ({ours['cpu']:.2f} s CPU; {ours['rows']:,} punches)",
            "<= 5 s",
            f"openpyxl read-only, rows only, same file: {base['seconds']:.1f} s wall ({base['cpu']:.1f} s CPU, 1 run)",
            ours["seconds"] <= 5,
        )
    )
    return rows


def _child_main(argv: list[str]) -> None:
    kind = argv[0]
    if kind == "reconcile":
        result = _child_reconcile(int(argv[1]), int(argv[2]), int(argv[3]), int(argv[4]))
    else:
        result = _child_read(argv[1], int(argv[2]), argv[3])
    print(json.dumps(result))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child_main(sys.argv[2:])
    else:
        main_for(run)
