"""Staffing correctness and speed (spec section 6).

Correctness: the textbook case (100 calls / 30 min, AHT 180 s, 80 % in 20 s) and every call count
from 1 to 1,500 per 30-min interval against an exact reference written here in plain Python
(log-space Erlang B sum, agent search from the offered load upwards).
Speed: 1,440 intervals (a 30-day month at 30 min, 1-1,500 calls each, seeded), median of 7, against a
naive baseline in this script that loops over intervals and agent counts in Python (how pyworkforce
does it).
"""

from __future__ import annotations

import math

import numpy as np
from scipy.special import gammainc, gammaln

from benchmarks.common import Row, main_for, median_seconds
from rosterkit.forecast import erlang

INTERVAL_S = 1800.0
AHT = 180.0
TARGET = erlang.Target(target_s=20.0, service_level=0.8)
PATIENCE = 120.0


def ref_sl(calls: int, n: int) -> float:
    a = calls * AHT / INTERVAL_S
    if n <= a:
        return 0.0
    logs = [k * math.log(a) - math.lgamma(k + 1) for k in range(n + 1)]
    top = max(logs)
    b = math.exp(logs[n] - top) / sum(math.exp(v - top) for v in logs)
    c = b / (1 - (a / n) * (1 - b))
    return 1 - c * math.exp(-(n - a) * 20.0 / AHT)


def ref_agents(calls: int) -> int:
    n = max(1, math.floor(calls * AHT / INTERVAL_S))
    while ref_sl(calls, n) < 0.8:
        n += 1
    return n


def naive_erlang_c(calls: np.ndarray) -> list[int]:
    out = []
    for c in calls:
        a = c * AHT / INTERVAL_S
        n = 0
        while True:
            n += 1
            if n <= a:
                continue
            b = 1.0
            for k in range(1, n + 1):
                b = a * b / (k + a * b)
            pw = b / (1 - (a / n) * (1 - b))
            if 1 - pw * math.exp(-(n - a) * 20.0 / AHT) >= 0.8:
                break
        out.append(n)
    return out


def naive_erlang_a(calls: np.ndarray) -> list[int]:
    out = []
    theta = 1 / PATIENCE
    for c in calls:
        a = c * AHT / INTERVAL_S
        lam = a / AHT
        n = 0
        while True:
            n += 1
            b = 1.0
            for k in range(1, n + 1):
                b = a * b / (k + a * b)
            x, y = n / AHT / theta, lam / theta
            r = (1 - b) / math.exp(math.log(b) + y - x * math.log(y) + gammaln(x + 1))
            px, px1 = gammainc(x, y), gammainc(x + 1, y)
            sl = (r + (x / y) * (px1 - gammainc(x + 1, y * math.exp(-theta * 20.0)))) / (r + px)
            if sl >= 0.8:
                break
        out.append(n)
    return out


def run(args: list[str]) -> list[Row]:
    one = erlang.required_agents(
        erlang.traffic(np.array([100.0]), np.array([AHT]), INTERVAL_S), np.array([AHT]), TARGET
    )
    sched = int(erlang.scheduled_agents(one.agents, 0.3)[0])
    text_ok = int(one.agents[0]) == 14 and round(float(one.service_level[0]) * 100, 1) == 88.8 and sched == 20

    grid = np.arange(1, 1501, dtype=float)
    got = erlang.required_agents(
        erlang.traffic(grid, np.full(len(grid), AHT), INTERVAL_S), np.full(len(grid), AHT), TARGET
    )
    expected = [ref_agents(int(c)) for c in grid]
    equal = int(np.sum(got.agents == np.array(expected)))

    rng = np.random.default_rng(7)
    calls = rng.integers(1, 1501, 1440).astype(float)
    aht = np.full(1440, AHT)
    load = erlang.traffic(calls, aht, INTERVAL_S)
    c_s, c_res = median_seconds(lambda: erlang.required_agents(load, aht, TARGET), 7)
    a_s, a_res = median_seconds(lambda: erlang.required_agents(load, aht, TARGET, patience_s=PATIENCE), 7)
    base_c_s, base_c = median_seconds(lambda: naive_erlang_c(calls), 1)
    base_a_s, base_a = median_seconds(lambda: naive_erlang_a(calls), 1)
    same_c = bool(np.array_equal(c_res.agents, np.array(base_c)))
    same_a = bool(np.array_equal(a_res.agents, np.array(base_a)))
    return [
        Row(
            "staffing correctness",
            "100 calls/30 min, AHT 180 s, 80 % in 20 s, 30 % shrinkage",
            f"{int(one.agents[0])} agents, SL {float(one.service_level[0]) * 100:.1f} %, {sched} scheduled",
            "14 agents, SL 88.8 %, 20 scheduled",
            "pyworkforce right in 142/144 grid cases",
            text_ok,
        ),
        Row(
            "staffing correctness",
            "agents equal to exact reference, 1..1,500 calls per 30 min",
            f"{equal}/1500",
            "1500/1500",
            "plain-Python log-space Erlang B reference (same script)",
            equal == 1500,
        ),
        Row(
            "staffing speed",
            "Erlang C, 1,440 intervals (median of 7)",
            f"{c_s:.4f} s",
            "<= 0.05 s",
            f"naive per-interval loop (same script) {base_c_s:.2f} s, same agents: {same_c}; pyworkforce 0.15-0.29 s",
            c_s <= 0.05 and same_c,
        ),
        Row(
            "staffing speed",
            "Erlang A (patience 120 s), 1,440 intervals (median of 7)",
            f"{a_s:.3f} s",
            "<= 2 s",
            f"naive per-interval loop (same script) {base_a_s:.2f} s, same agents: {same_a}; pyworkforce ~4 min",
            a_s <= 2.0 and same_a,
        ),
    ]


if __name__ == "__main__":
    main_for(run)
