"""Employees: who they are, what they can do, and their personal limits.

A limit left as ``None`` takes the team default from the rule settings.
"""

from __future__ import annotations

from pydantic import Field

from rosterkit.model.base import Model


class Employee(Model):
    id: str = Field(min_length=1, max_length=64)
    name: str = ""
    team: str = ""
    skills: frozenset[str] = frozenset()
    # Eligibility (hard): shifts this employee may not work; if ``allowed_shifts`` is non-empty,
    # only those.
    forbidden_shifts: frozenset[str] = frozenset()
    allowed_shifts: frozenset[str] = frozenset()
    # Contract (over the whole horizon). None: the team default of the hours rule.
    min_work_minutes: int | None = Field(default=None, ge=0)
    max_work_minutes: int | None = Field(default=None, ge=0)
    max_shifts: dict[str, int] = Field(default_factory=dict, description="per shift code")
    max_consecutive_days: int | None = Field(default=None, ge=1)
    min_consecutive_days: int | None = Field(default=None, ge=1)
    min_consecutive_days_off: int | None = Field(default=None, ge=1)
    max_weekends: int | None = Field(default=None, ge=0)

    def may_work(self, shift_code: str) -> bool:
        if shift_code in self.forbidden_shifts:
            return False
        return not self.allowed_shifts or shift_code in self.allowed_shifts
