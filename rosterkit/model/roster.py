"""A roster: for each employee and day of the horizon, a shift code, a leave, or a day off."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from rosterkit.model.leave import LeaveType


@dataclass
class Roster:
    start: date
    end: date
    employee_ids: list[str]
    shifts: dict[tuple[str, date], str] = field(default_factory=dict)  # absent key: not working
    leave: dict[tuple[str, date], LeaveType] = field(default_factory=dict)

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]

    def shift(self, employee_id: str, day: date) -> str | None:
        return self.shifts.get((employee_id, day))

    def works(self, employee_id: str, day: date) -> bool:
        return (employee_id, day) in self.shifts
