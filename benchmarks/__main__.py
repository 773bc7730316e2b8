"""Run every benchmark script (or the ones named) and print one table.

python -m benchmarks                 # all of them
python -m benchmarks staffing forecast
python -m benchmarks --record        # also write the table, dated, into benchmarks/README.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import platform
import re
from pathlib import Path

from benchmarks.common import Row, format_table

HERE = Path(__file__).resolve().parent
START, END = "<!-- latest-table:start -->", "<!-- latest-table:end -->"


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def record(table: str) -> None:
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8")
    stamp = f"Run on {dt.date.today().isoformat()} ({platform.python_version()}, {platform.machine()}):"
    block = f"{START}\n{stamp}\n\n{table}\n{END}"
    text = re.sub(re.escape(START) + ".*?" + re.escape(END), block, text, flags=re.S)
    readme.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"which to run (default all: {', '.join(available())})")
    parser.add_argument("--record", action="store_true", help="write the table into benchmarks/README.md")
    args, extra = parser.parse_known_args()
    rows: list[Row] = []
    for name in args.names or available():
        module = importlib.import_module(f"benchmarks.bench_{name}")
        rows += module.run(extra)
    table = format_table(rows)
    print(table)
    if args.record:
        record(table)


if __name__ == "__main__":
    main()
