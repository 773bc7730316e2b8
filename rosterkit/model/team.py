"""The team: everything ``roster`` and ``check`` need for one horizon, as one validated object."""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import Field, model_validator

from rosterkit.labels import t
from rosterkit.model.base import Model
from rosterkit.model.demand import IntervalRequirement, ShiftDemand, SkillCover
from rosterkit.model.employee import Employee
from rosterkit.model.leave import Leave
from rosterkit.model.request import Assignment, Request
from rosterkit.model.rules import RuleSetting
from rosterkit.model.shift import ShiftType, Succession


class Team(Model):
    name: str = ""
    start: date
    end: date
    country: str = Field(default="CN", description="holiday calendar: ISO country code, or 'none'")
    interval_minutes: int = Field(default=30, ge=5, le=60)
    employees: tuple[Employee, ...]
    shifts: tuple[ShiftType, ...]
    rules: tuple[RuleSetting, ...] = ()
    successions: tuple[Succession, ...] = ()
    leave: tuple[Leave, ...] = ()
    requests: tuple[Request, ...] = ()
    pinned: tuple[Assignment, ...] = ()
    history: tuple[Assignment, ...] = ()
    demand: tuple[ShiftDemand, ...] = ()
    skill_cover: tuple[SkillCover, ...] = ()
    requirements: tuple[IntervalRequirement, ...] = ()

    @model_validator(mode="after")
    def _horizon(self) -> Team:
        if self.end < self.start:
            raise ValueError(t("err.model.horizon_order", end=self.end, start=self.start))
        return self

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]

    @property
    def shift_by_code(self) -> dict[str, ShiftType]:
        return {s.code: s for s in self.shifts}

    @property
    def employee_by_id(self) -> dict[str, Employee]:
        return {e.id: e for e in self.employees}
