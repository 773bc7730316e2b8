"""Leave (请假): types, half days, and the approval level each needs."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import model_validator

from rosterkit.labels import t
from rosterkit.model.base import Model


class LeaveType(StrEnum):
    """Leave types of spec section 5. The value is the stable code written in files."""

    PERSONAL = "personal"  # 事假
    SICK = "sick"  # 病假
    ANNUAL = "annual"  # 年假
    COMPENSATORY = "compensatory"  # 调休
    MARRIAGE = "marriage"  # 婚假
    MATERNITY = "maternity"  # 产假
    PATERNITY = "paternity"  # 陪产假
    BEREAVEMENT = "bereavement"  # 丧假
    OTHER = "other"  # 其他


LEAVE_NAMES_ZH: dict[LeaveType, str] = {
    LeaveType.PERSONAL: "事假",
    LeaveType.SICK: "病假",
    LeaveType.ANNUAL: "年假",
    LeaveType.COMPENSATORY: "调休",
    LeaveType.MARRIAGE: "婚假",
    LeaveType.MATERNITY: "产假",
    LeaveType.PATERNITY: "陪产假",
    LeaveType.BEREAVEMENT: "丧假",
    LeaveType.OTHER: "其他",
}


def parse_leave_type(text: str) -> LeaveType | None:
    """A leave type from its code or Chinese name (``'年假'``, ``'annual'``); None if unknown."""
    text = text.strip()
    for lt, zh in LEAVE_NAMES_ZH.items():
        if text.lower() == lt.value or text == zh:
            return lt
    return None


class HalfDay(StrEnum):
    AM = "am"  # 上午
    PM = "pm"  # 下午


class Approver(StrEnum):
    TEAM_LEAD = "team_lead"  # 班长: up to half a day
    MANAGER = "manager"  # 中心经理: longer


class Leave(Model):
    """Leave from ``start`` to ``end`` inclusive; ``half_day`` makes a one-day leave half a day."""

    employee_id: str
    start: date
    end: date
    type: LeaveType
    half_day: HalfDay | None = None
    approved_by: Approver | None = None
    note: str = ""

    @model_validator(mode="after")
    def _order(self) -> Leave:
        if self.end < self.start:
            raise ValueError(t("err.model.leave_order", end=self.end, start=self.start))
        if self.half_day is not None and self.end != self.start:
            raise ValueError(t("err.model.half_day_one_date"))
        return self

    @property
    def days(self) -> float:
        return 0.5 if self.half_day else float((self.end - self.start).days + 1)

    @property
    def required_approver(self) -> Approver:
        """Up to half a day: the team lead; longer: the centre manager (spec section 1)."""
        return Approver.TEAM_LEAD if self.days <= 0.5 else Approver.MANAGER

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end
