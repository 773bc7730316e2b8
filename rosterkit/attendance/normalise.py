"""Punch normalisation: who each punch belongs to, and which punches are duplicates.

Employees are matched by id first (exactly, then ignoring leading zeros when that is unique), else
by name through the employee list; an unknown or ambiguous name is reported with its reason, never
guessed. Duplicates: a punch within ``duplicate_within_seconds`` of the same person's previous punch
is collapsed into it (a chain of such punches counts once). Exports that write HH:MM
only show a punch repeated 45 s later one minute on, so "at most" (not "less than") a minute.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from rosterkit.model import columns as C

RESOLVED = "resolved_id"
REASON = "reason"  # category of why a punch is not attributed, "" if it is
DETAIL = "detail"  # the same with the id or name in question
PROBLEM = "problem"

REASON_NO_WHO = "no employee id or name"
REASON_UNKNOWN_ID = "unknown employee id"
REASON_UNKNOWN_NAME = "unknown name"
REASON_AMBIGUOUS = "ambiguous name"
REASON_NAME_NO_LIST = "name only, and no employee list with names was given"


def _stripped(values: pd.Series) -> pd.Series:
    """Text without surrounding blanks ("" for missing), computed once per distinct value."""
    codes, uniques = pd.factorize(values.fillna(""))
    done = np.array([str(u).strip() for u in uniques], dtype=object)
    return pd.Series(done[codes] if len(done) else np.array([], dtype=object), index=values.index)


def _strip_zeros(text: str) -> str:
    return text.lstrip("0") or "0"


def resolve_employees(
    punches: pd.DataFrame, known_ids: Iterable[str], names: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Add ``resolved_id`` (the employee's id, or ""), ``reason`` (why not, or "") and ``detail``.

    ``known_ids``: ids on the roster and in the employee list; ``names``: id -> name."""
    names = dict(names or {})
    known = set(known_ids) | set(names)
    by_zeros: dict[str, list[str]] = {}
    for emp in known:
        by_zeros.setdefault(_strip_zeros(emp), []).append(emp)
    by_name: dict[str, list[str]] = {}
    for emp, name in names.items():
        if name:
            by_name.setdefault(name.strip(), []).append(emp)

    ids = _stripped(punches[C.EMPLOYEE_ID])
    person = _stripped(punches[C.NAME])
    pairs = pd.DataFrame({"i": ids, "n": person}).drop_duplicates()
    lookup: dict[tuple[str, str], tuple[str, str, str]] = {}
    for emp, name in zip(pairs["i"], pairs["n"], strict=True):
        lookup[(emp, name)] = _resolve_one(emp, name, known, by_zeros, by_name, bool(names))
    out = punches.copy()
    if not lookup:
        out[RESOLVED] = ""
        out[REASON] = ""
        out[DETAIL] = ""
        return out
    keys = pd.MultiIndex.from_arrays([ids, person])
    table = pd.DataFrame(
        list(lookup.values()),
        index=pd.MultiIndex.from_tuples(list(lookup.keys())),
        columns=[RESOLVED, REASON, DETAIL],
    )
    found = table.reindex(keys)
    out[RESOLVED] = found[RESOLVED].to_numpy()
    out[REASON] = found[REASON].to_numpy()
    out[DETAIL] = found[DETAIL].to_numpy()
    problem = out[PROBLEM].fillna("") if PROBLEM in out else pd.Series("", index=out.index)
    problem = problem.mask(out[C.TIMESTAMP].isna() & problem.eq(""), "no punch time in this row")
    has_problem = problem.ne("").to_numpy()
    out.loc[has_problem, REASON] = problem[has_problem]
    out.loc[has_problem, DETAIL] = problem[has_problem]
    out.loc[has_problem, RESOLVED] = ""
    return out


def _resolve_one(
    emp: str,
    name: str,
    known: set[str],
    by_zeros: dict[str, list[str]],
    by_name: dict[str, list[str]],
    have_names: bool,
) -> tuple[str, str, str]:
    if emp:
        if emp in known:
            return emp, "", ""
        same = by_zeros.get(_strip_zeros(emp), [])
        if len(same) == 1:
            return same[0], "", ""
    if name:
        found = by_name.get(name, [])
        if len(found) == 1:
            return found[0], "", ""
        if len(found) > 1:
            return "", REASON_AMBIGUOUS, f"{REASON_AMBIGUOUS} '{name}' (ids {', '.join(sorted(found))})"
        if not have_names and not emp:
            return "", REASON_NAME_NO_LIST, f"{REASON_NAME_NO_LIST} ('{name}')"
        if not emp:
            return "", REASON_UNKNOWN_NAME, f"{REASON_UNKNOWN_NAME} '{name}'"
    if emp:
        also = f" (name '{name}' not found either)" if name else ""
        return "", REASON_UNKNOWN_ID, f"{REASON_UNKNOWN_ID} '{emp}'{also}"
    return "", REASON_NO_WHO, REASON_NO_WHO


def duplicate_mask(codes: np.ndarray, seconds: np.ndarray, within_seconds: int) -> np.ndarray:
    """For punches sorted by (employee code, time): True where a punch follows the same person's
    previous punch by at most ``within_seconds`` (collapsed into it)."""
    dup = np.zeros(len(codes), dtype=bool)
    if len(codes) > 1 and within_seconds > 0:
        dup[1:] = (codes[1:] == codes[:-1]) & (seconds[1:] - seconds[:-1] <= within_seconds)
    return dup
