"""What every benchmark script shares: the row it reports, timing helpers, where the shared data is.

A script ``benchmarks/bench_<name>.py`` defines ``run(args: list[str]) -> list[Row]`` and, at the
bottom, ``if __name__ == "__main__": main_for(run)`` so that it also runs alone.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(__import__("os").environ.get("ROSTERKIT_SHARED", ROOT.parent / "shared"))


@dataclass
class Row:
    part: str  # e.g. "staffing speed"
    figure: str  # what was measured, e.g. "Erlang C, 1,440 intervals (median of 7)"
    measured: str  # the measured value with its unit
    bar: str  # the spec's bar
    anchor: str  # the anchor from the spec, or a baseline measured in the same script
    ok: bool | None  # bar met? None where there is no bar


def median_seconds(fn: Callable[[], object], repeat: int = 5) -> tuple[float, object]:
    """Median wall time of ``repeat`` calls of ``fn`` (the machine is noisy), and the last result."""
    times: list[float] = []
    result: object = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def format_table(rows: list[Row]) -> str:
    header = ["part", "figure", "measured", "bar", "anchor", "ok"]
    body = [
        [r.part, r.figure, r.measured, r.bar, r.anchor, "" if r.ok is None else ("yes" if r.ok else "NO")]
        for r in rows
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return "\n".join(lines)


def main_for(run: Callable[[list[str]], list[Row]]) -> None:
    rows = run(sys.argv[1:])
    print(format_table(rows))
