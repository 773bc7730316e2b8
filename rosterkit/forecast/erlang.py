"""Erlang B, C and A: pure, vectorised queueing maths (no I/O, no pandas).

Every function takes numpy arrays of per-interval values and works on all intervals at once. The
agent search (``required_agents_*``) steps the agent count ``n`` upwards *for every interval at once*
(Erlang B recursion ``B(n) = A B(n-1) / (n + A B(n-1))``), so the only Python loop is over ``n``,
never over intervals.

Notation: ``traffic`` A = calls x AHT / interval length (Erlangs); ``n`` agents; ``aht_s`` average
handle time; ``target_s`` the answer-within threshold T; ``patience_s`` the mean patience (Erlang A,
exponential patience with rate theta = 1 / patience).

Erlang C (M/M/n): P(wait) = C(n, A) = B / (1 - (A/n)(1 - B)); service level
SL = 1 - C exp(-(n - A) T / AHT); ASA = C AHT / (n - A); occupancy = A / n.

Erlang A (M/M/n+M, Palm): with x = n mu / theta and y = lambda / theta, the stationary law of the
birth-death chain and the Beta law of exp(-theta x offered wait) give closed forms in the regularised
lower incomplete gamma P(a, y) (scipy.special.gammainc):

- P(wait) = P(x, y) / (r + P(x, y)), where r = (1 - B) / (B e^y y^-x Gamma(x+1));
- SL = P(answered within T) = (r + (x/y)(P(x+1, y) - P(x+1, y e^{-theta T}))) / (r + P(x, y));
  abandoned calls count as not answered (the strict definition; theta -> 0 gives Erlang C's SL);
- P(abandon) = (P(x, y) - (x/y) P(x+1, y)) / (r + P(x, y)); mean wait of all calls = P(abandon)/theta;
- occupancy = A (1 - P(abandon)) / n.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import gammainc, gammaln

MAX_AGENTS = 100_000


@dataclass(frozen=True)
class QueueStats:
    """Per-interval results for a given number of agents (arrays of the same shape)."""

    agents: np.ndarray
    service_level: np.ndarray  # fraction 0..1
    asa_s: np.ndarray  # mean wait of all offered calls, seconds
    occupancy: np.ndarray  # fraction 0..1
    abandon: np.ndarray  # fraction of calls abandoning (0 for Erlang C)


def traffic(calls: np.ndarray, aht_s: np.ndarray, interval_s: float) -> np.ndarray:
    """Offered load in Erlangs."""
    return np.asarray(calls, dtype=float) * np.asarray(aht_s, dtype=float) / float(interval_s)


def erlang_b(n: np.ndarray, load: np.ndarray) -> np.ndarray:
    """Erlang B blocking probability for integer agent counts ``n`` (elementwise), by the stable
    recursion run up to max(n) once for all elements."""
    n = np.asarray(n, dtype=np.int64)
    load = np.asarray(load, dtype=float)
    n, load = np.broadcast_arrays(n, load)
    out = np.ones(n.shape)
    b = np.ones(n.shape)
    for k in range(1, int(n.max(initial=0)) + 1):
        b = load * b / (k + load * b)
        out = np.where(n == k, b, out)
    return out


def erlang_c_stats(n: np.ndarray, load: np.ndarray, aht_s: np.ndarray, target_s: float) -> QueueStats:
    """Erlang C figures for ``n`` agents (elementwise). Where n <= A the queue is unstable:
    SL 0, ASA infinite, occupancy 1."""
    n = np.asarray(n, dtype=np.int64)
    load = np.asarray(load, dtype=float)
    aht_s = np.broadcast_to(np.asarray(aht_s, dtype=float), load.shape)
    return _c_from_b(n, load, aht_s, target_s, erlang_b(n, load))


def _c_from_b(
    n: np.ndarray, load: np.ndarray, aht_s: np.ndarray, target_s: float, b: np.ndarray
) -> QueueStats:
    nf = n.astype(float)
    stable = nf > load
    safe_n = np.where(nf > 0, nf, 1.0)
    denom = 1.0 - (load / safe_n) * (1.0 - b)
    c = np.where(stable, b / np.where(stable, denom, 1.0), 1.0)
    gap = np.where(stable, nf - load, 1.0)
    sl = np.where(stable, 1.0 - c * np.exp(-gap * target_s / aht_s), 0.0)
    asa = np.where(stable, c * aht_s / gap, np.inf)
    occ = np.where(stable, load / safe_n, 1.0)
    occ = np.where(load <= 0, 0.0, occ)
    sl = np.where(load <= 0, 1.0, sl)
    asa = np.where(load <= 0, 0.0, asa)
    return QueueStats(n, np.clip(sl, 0.0, 1.0), asa, occ, np.zeros(load.shape))


def erlang_a_stats(
    n: np.ndarray,
    load: np.ndarray,
    aht_s: np.ndarray,
    target_s: float,
    patience_s: float,
) -> QueueStats:
    """Erlang A (exponential patience with mean ``patience_s``) figures for ``n`` agents."""
    n = np.asarray(n, dtype=np.int64)
    load = np.asarray(load, dtype=float)
    aht_s = np.broadcast_to(np.asarray(aht_s, dtype=float), load.shape)
    return _a_from_b(n, load, aht_s, target_s, patience_s, erlang_b(n, load))


def _a_from_b(
    n: np.ndarray, load: np.ndarray, aht_s: np.ndarray, target_s: float, patience_s: float, b: np.ndarray
) -> QueueStats:
    with np.errstate(divide="ignore", over="ignore", invalid="ignore", under="ignore"):
        a_stats = _a_closed_form(n, load, aht_s, target_s, patience_s, b)
    # Where the Poisson tail P(x, y) underflows (x >> y: servers far faster than patience runs out),
    # abandonment is negligible and the closed form is 0/0: Erlang C is then exact to print precision.
    c_stats = _c_from_b(n, load, aht_s, target_s, b)
    use_c = ~np.isfinite(a_stats.service_level) | (a_stats.abandon < 0)
    if not use_c.any():
        return a_stats
    return QueueStats(
        n,
        np.where(use_c, c_stats.service_level, a_stats.service_level),
        np.where(use_c, c_stats.asa_s, a_stats.asa_s),
        np.where(use_c, c_stats.occupancy, a_stats.occupancy),
        np.where(use_c, 0.0, a_stats.abandon),
    )


def _a_closed_form(
    n: np.ndarray, load: np.ndarray, aht_s: np.ndarray, target_s: float, patience_s: float, b: np.ndarray
) -> QueueStats:
    theta = 1.0 / patience_s
    nf = n.astype(float)
    positive = (load > 0) & (nf > 0)
    lam = np.where(positive, load / aht_s, 1.0)  # calls per second
    x = np.where(positive, nf / aht_s / theta, 1.0)
    y = np.where(positive, lam / theta, 1.0)
    bb = np.where(positive, b, 0.5)
    # log of H = B e^y y^-x Gamma(x+1); r = (1 - B) / H
    log_h = np.log(bb) + y - x * np.log(y) + gammaln(x + 1.0)
    r = np.exp(np.clip(np.log1p(-np.minimum(bb, 1 - 1e-300)) - log_h, -700, 700))
    p_x = gammainc(x, y)
    p_x1 = gammainc(x + 1.0, y)
    p_x1_t = gammainc(x + 1.0, y * np.exp(-theta * target_s))
    denom = r + p_x
    tail_lost = p_x < 1e-250
    sl = np.where(tail_lost, np.nan, (r + (x / y) * (p_x1 - p_x1_t)) / denom)
    abandon = np.clip((p_x - (x / y) * p_x1) / denom, 0.0, 1.0)
    asa = abandon / theta
    occ = load * (1.0 - abandon) / np.where(nf > 0, nf, 1.0)
    sl = np.where(positive, sl, np.where(load <= 0, 1.0, 0.0))
    sl = np.where(np.isnan(sl), np.nan, np.clip(sl, 0.0, 1.0))
    abandon = np.where(positive, abandon, np.where(load <= 0, 0.0, 1.0))
    asa = np.where(positive, asa, np.where(load <= 0, 0.0, patience_s))
    occ = np.where(positive, np.minimum(occ, 1.0), 0.0)
    return QueueStats(n, sl, asa, occ, abandon)


@dataclass(frozen=True)
class Target:
    """What each interval must reach: a service level (fraction answered within ``target_s``) or an
    ASA in seconds (or both), a maximum occupancy, and a minimum number of agents when open."""

    target_s: float = 20.0
    service_level: float | None = 0.8
    asa_s: float | None = None
    max_occupancy: float | None = None
    min_agents: int = 0


def required_agents(
    load: np.ndarray,
    aht_s: np.ndarray,
    target: Target,
    patience_s: float | None = None,
) -> QueueStats:
    """The smallest agent count per interval meeting ``target`` (Erlang C, or Erlang A when
    ``patience_s`` is given), with the figures it achieves. Intervals without load get 0 agents
    (``min_agents`` applies only where there is load). 1-D arrays in, 1-D arrays out."""
    load = np.asarray(load, dtype=float).ravel()
    aht_s = np.broadcast_to(np.asarray(aht_s, dtype=float), load.shape).astype(float).ravel()
    has_load = load > 0
    found = np.zeros(load.shape, dtype=np.int64)
    done = ~has_load
    b = np.ones(load.shape)
    best = {
        "sl": np.where(has_load, 0.0, 1.0),
        "asa": np.zeros(load.shape),
        "occ": np.zeros(load.shape),
        "ab": np.zeros(load.shape),
    }
    floor = max(int(target.min_agents), 0)
    n = 0
    while not done.all():
        n += 1
        if n > MAX_AGENTS:  # pragma: no cover - guarded by input validation upstream
            raise ValueError("more than 100,000 agents needed in one interval: check the forecast units")
        b = load * b / (n + load * b)
        if n < floor:
            continue
        # only the intervals still searching (and, for Erlang C, with a stable queue) are evaluated
        candidate = ~done if patience_s else ~done & (n > load)
        idx = np.flatnonzero(candidate)
        if not len(idx):
            continue
        nn = np.full(len(idx), n, dtype=np.int64)
        if patience_s:
            stats = _a_from_b(nn, load[idx], aht_s[idx], target.target_s, patience_s, b[idx])
        else:
            stats = _c_from_b(nn, load[idx], aht_s[idx], target.target_s, b[idx])
        ok = np.ones(len(idx), dtype=bool)
        if target.service_level is not None:
            ok &= stats.service_level >= target.service_level - 1e-12
        if target.asa_s is not None:
            ok &= stats.asa_s <= target.asa_s + 1e-12
        if target.max_occupancy is not None:
            ok &= stats.occupancy <= target.max_occupancy + 1e-12
        hit = idx[ok]
        if len(hit):
            found[hit] = n
            best["sl"][hit] = stats.service_level[ok]
            best["asa"][hit] = stats.asa_s[ok]
            best["occ"][hit] = stats.occupancy[ok]
            best["ab"][hit] = stats.abandon[ok]
            done[hit] = True
    return QueueStats(found, best["sl"], best["asa"], best["occ"], best["ab"])


def scheduled_agents(agents: np.ndarray, shrinkage: float) -> np.ndarray:
    """Agents to schedule so that ``agents`` remain on the phones after ``shrinkage`` (0..1)."""
    agents = np.asarray(agents, dtype=float)
    # small tolerance so that 14 / 0.7 = 20.000000000000004 stays 20
    return np.ceil(agents / (1.0 - shrinkage) - 1e-9).astype(np.int64)
