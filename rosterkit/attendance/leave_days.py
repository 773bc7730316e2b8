"""Leave records laid out per day, and the approval level each record needs (spec section 5:
up to half a day the team lead, longer the centre manager)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from rosterkit.model import columns as C
from rosterkit.model.leave import Approver, Leave

LEAVE_DAY_COLUMNS = ["code", "day", "key", "type", "half", C.EMPLOYEE_ID]


def expand_leave(
    leave: Iterable[Leave], code_index: pd.Index, base: pd.Timestamp, days: tuple[int, int]
) -> pd.DataFrame:
    """One row per leave record per day inside ``days`` (first and last day number since
    ``base``): employee code, day number, a join key (code * 100000 + day), the leave type code
    and the half day ("am", "pm" or "")."""
    rows = []
    for record in leave:
        code = int(code_index.get_loc(record.employee_id))
        first = max((pd.Timestamp(record.start) - base).days, days[0])
        last = min((pd.Timestamp(record.end) - base).days, days[1])
        for day in range(first, last + 1):
            half = record.half_day.value if record.half_day else ""
            rows.append((code, day, code * 100_000 + day, record.type.value, half, record.employee_id))
    return pd.DataFrame(rows, columns=LEAVE_DAY_COLUMNS).astype(
        {"code": "int64", "day": "int64", "key": "int64"}
    )


def approval_problems(leave: Iterable[Leave], rostered: set[str]) -> list[dict]:
    """Leave records of people not on the roster, and those whose approval is missing or below the
    level their length needs."""
    problems = []
    for record in leave:
        needed = record.required_approver
        if record.employee_id not in rostered:
            kind = "leave_not_on_roster"
        elif record.approved_by is None:
            kind = "leave_not_approved"
        elif needed == Approver.MANAGER and record.approved_by == Approver.TEAM_LEAD:
            kind = "leave_needs_manager"
        else:
            continue
        problems.append(
            {
                C.EMPLOYEE_ID: record.employee_id,
                C.DATE: pd.Timestamp(record.start),
                "kind": kind,
                "info": f"{record.type.value} {record.start}..{record.end} ({record.days:g} d)",
            }
        )
    return problems
