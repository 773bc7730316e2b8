"""Per-employee wishes and fixed facts about days: requests, pinned assignments, history."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from rosterkit.model.base import Model


class RequestKind(StrEnum):
    SHIFT_ON = "on"  # wants this shift (or any shift, when shift is None) on this day
    SHIFT_OFF = "off"  # does not want this shift (or a day off, when shift is None)


class Request(Model):
    employee_id: str
    date: date
    kind: RequestKind
    shift: str | None = None  # None: any shift (on) / the whole day off (off)
    weight: int = Field(default=1, ge=0)


class Assignment(Model):
    """One employee's shift on one day (``shift`` None: a day off). Used for pinned days and the
    previous month's history."""

    employee_id: str
    date: date
    shift: str | None = None
