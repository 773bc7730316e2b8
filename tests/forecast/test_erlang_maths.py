"""Staffing maths against textbook values and exact references written independently here."""

from __future__ import annotations

import math

import numpy as np
import pytest

from rosterkit.forecast import erlang


def ref_erlang_c_sl(calls: int, aht: float, interval_s: float, n: int, target_s: float) -> float:
    """Service level from a log-space Erlang B sum in plain Python (independent of numpy code)."""
    a = calls * aht / interval_s
    if n <= a:
        return 0.0
    logs = [k * math.log(a) - math.lgamma(k + 1) for k in range(n + 1)]
    top = max(logs)
    b = math.exp(logs[n] - top) / sum(math.exp(v - top) for v in logs)
    c = b / (1 - (a / n) * (1 - b))
    return 1 - c * math.exp(-(n - a) * target_s / aht)


def ref_agents(calls: int, aht: float, interval_s: float, sl: float, target_s: float) -> int:
    n = max(1, math.floor(calls * aht / interval_s))
    while ref_erlang_c_sl(calls, aht, interval_s, n, target_s) < sl:
        n += 1
    return n


def test_textbook_case_100_calls_180s_80_in_20():
    load = erlang.traffic(np.array([100.0]), np.array([180.0]), 1800)
    result = erlang.required_agents(load, np.array([180.0]), erlang.Target(target_s=20, service_level=0.8))
    assert result.agents[0] == 14
    assert result.service_level[0] == pytest.approx(0.888, abs=0.0005)
    assert erlang.scheduled_agents(result.agents, 0.3)[0] == 20  # ceil(14 / 0.7)
    assert result.occupancy[0] == pytest.approx(10 / 14)


def test_thirteen_agents_miss_the_target():
    stats = erlang.erlang_c_stats(np.array([13]), np.array([10.0]), 180.0, 20)
    assert stats.service_level[0] == pytest.approx(ref_erlang_c_sl(100, 180, 1800, 13, 20), abs=1e-12)
    assert stats.service_level[0] < 0.8


@pytest.mark.parametrize(("aht", "sl", "target"), [(180, 0.8, 20), (300, 0.9, 15), (60, 0.95, 30)])
def test_agents_equal_exact_reference_on_grid_1_to_1500_calls(aht, sl, target):
    calls = np.array([1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 100, 144, 233, 377, 500, 610, 987, 1200, 1500])
    load = erlang.traffic(calls.astype(float), np.full(len(calls), float(aht)), 1800)
    got = erlang.required_agents(load, np.full(len(calls), float(aht)), erlang.Target(target, sl))
    expected = [ref_agents(int(c), aht, 1800, sl, target) for c in calls]
    assert got.agents.tolist() == expected
    for c, n, s in zip(calls, got.agents, got.service_level, strict=True):
        assert s == pytest.approx(ref_erlang_c_sl(int(c), aht, 1800, int(n), target), abs=1e-9)


def test_zero_calls_need_no_agents_even_with_a_minimum():
    load = np.array([0.0, 0.5])
    res = erlang.required_agents(load, np.full(2, 180.0), erlang.Target(20, 0.8, min_agents=3))
    assert res.agents.tolist() == [0, 3]


def test_asa_target_and_max_occupancy():
    load = np.array([10.0])
    by_asa = erlang.required_agents(load, np.array([180.0]), erlang.Target(20, None, asa_s=10))
    n = int(by_asa.agents[0])
    assert by_asa.asa_s[0] <= 10
    worse = erlang.erlang_c_stats(np.array([n - 1]), load, 180.0, 20)
    assert worse.asa_s[0] > 10
    capped = erlang.required_agents(load, np.array([180.0]), erlang.Target(20, 0.5, max_occupancy=0.6))
    assert capped.occupancy[0] <= 0.6 and capped.agents[0] == 17  # ceil(10 / 0.6)


def ref_erlang_a(n: int, load: float, aht: float, patience: float, target: float) -> tuple[float, float]:
    """(service level, abandonment) of M/M/n+M by brute force: truncated birth-death chain, and for
    each queue position the chance of being answered within ``target`` by uniformisation."""
    mu, theta, lam = 1 / aht, 1 / patience, load / aht
    cap = 400
    weights = [1.0]
    for k in range(1, n + cap):
        down = min(k, n) * mu + max(k - n, 0) * theta
        weights.append(weights[-1] * lam / down)
    total = sum(weights)
    probs = [w / total for w in weights]
    sl = sum(probs[:n])
    abandon = 0.0
    for j in range(cap - 1):  # arrival finds j waiting
        p = probs[n + j]
        if p < 1e-16:
            continue
        served = n * mu / (n * mu + (j + 1) * theta)
        abandon += p * (1 - served)
        rates = [n * mu + m * theta for m in range(1, j + 2)]
        big = max(rates)
        steps = big * target
        # uniformised discrete chain over phases j+1 .. 1, then absorbed
        dist = [0.0] * (j + 2)
        dist[j + 1] = 1.0
        absorbed = 0.0
        weight = math.exp(-steps)
        k = 0
        while k < steps + 12 * math.sqrt(steps) + 20:
            absorbed += weight * dist[0]
            new = [0.0] * (j + 2)
            new[0] = dist[0]
            for m in range(1, j + 2):
                move = rates[m - 1] / big
                new[m] += dist[m] * (1 - move)
                new[m - 1] += dist[m] * move
            dist = new
            k += 1
            weight *= steps / k
        sl += p * served * absorbed
    return sl, abandon


@pytest.mark.parametrize(
    ("n", "load", "patience"), [(12, 10.0, 120.0), (9, 10.0, 60.0), (5, 3.0, 300.0), (14, 10.0, 30.0)]
)
def test_erlang_a_equals_brute_force_chain(n, load, patience):
    stats = erlang.erlang_a_stats(np.array([n]), np.array([load]), 180.0, 20.0, patience)
    sl, abandon = ref_erlang_a(n, load, 180.0, patience, 20.0)
    assert stats.service_level[0] == pytest.approx(sl, abs=1e-6)
    assert stats.abandon[0] == pytest.approx(abandon, abs=1e-6)
    assert stats.asa_s[0] == pytest.approx(abandon * patience, abs=1e-4)  # Little: E[W] = P(ab) / theta


def test_erlang_a_tends_to_erlang_c_with_endless_patience():
    n, load = np.array([12, 15, 160]), np.array([10.0, 10.0, 150.0])
    c = erlang.erlang_c_stats(n, load, 180.0, 20)
    a = erlang.erlang_a_stats(n, load, 180.0, 20, 1e9)
    np.testing.assert_allclose(a.service_level, c.service_level, atol=1e-4)


def test_erlang_a_needs_no_more_agents_than_erlang_c():
    load = np.linspace(0.5, 150, 40)
    aht = np.full(40, 180.0)
    c = erlang.required_agents(load, aht, erlang.Target(20, 0.8))
    a = erlang.required_agents(load, aht, erlang.Target(20, 0.8), patience_s=120)
    assert (a.agents <= c.agents).all()
    assert (a.service_level >= 0.8 - 1e-12).all()
