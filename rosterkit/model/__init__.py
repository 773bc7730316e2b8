"""Pydantic models of the domain. Nothing here touches disk or imports the solver or the CLI."""

from rosterkit.model.demand import IntervalRequirement, ShiftDemand, SkillCover
from rosterkit.model.employee import Employee
from rosterkit.model.leave import Approver, HalfDay, Leave, LeaveType
from rosterkit.model.request import Assignment, Request, RequestKind
from rosterkit.model.roster import Roster
from rosterkit.model.rules import RuleSetting
from rosterkit.model.shift import ShiftType, Succession
from rosterkit.model.team import Team

__all__ = [
    "Approver",
    "Assignment",
    "Employee",
    "HalfDay",
    "IntervalRequirement",
    "Leave",
    "LeaveType",
    "Request",
    "RequestKind",
    "Roster",
    "RuleSetting",
    "ShiftDemand",
    "ShiftType",
    "SkillCover",
    "Succession",
    "Team",
]
