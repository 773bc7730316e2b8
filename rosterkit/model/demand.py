"""Demand: per-shift daily cover, skill cover, and interval requirements from ``staff``."""

from __future__ import annotations

import datetime as _dt
from datetime import date, datetime, time

from pydantic import Field, model_validator

from rosterkit.labels import t
from rosterkit.model.base import Model


class ShiftDemand(Model):
    """People wanted on ``shift`` on a date (or on a weekday 0=Mon..6=Sun, or every day when both are
    None). ``min``/``max`` are hard bounds; ``target`` is soft with per-person under/over weights."""

    shift: str
    date: _dt.date | None = None  # _dt: the field name shadows the type inside the class body
    weekday: int | None = Field(default=None, ge=0, le=6)
    min: int | None = Field(default=None, ge=0)
    target: int | None = Field(default=None, ge=0)
    max: int | None = Field(default=None, ge=0)
    under_weight: int = Field(default=100, ge=0)
    over_weight: int = Field(default=1, ge=0)

    @model_validator(mode="after")
    def _consistent(self) -> ShiftDemand:
        if self.date is not None and self.weekday is not None:
            raise ValueError(t("err.model.date_or_weekday"))
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(t("err.model.min_above_max", min=self.min, max=self.max))
        return self

    def applies(self, day: date) -> bool:
        if self.date is not None:
            return self.date == day
        if self.weekday is not None:
            return self.weekday == day.weekday()
        return True


class SkillCover(Model):
    """At least ``min_people`` with ``skill`` on duty: on ``shift`` (every shift if None) or, with
    ``window_start``/``window_end``, at every interval of that daily window; on the given weekdays
    (all if empty)."""

    skill: str
    min_people: int = Field(ge=1)
    shift: str | None = None
    window_start: time | None = None
    window_end: time | None = None
    weekdays: frozenset[int] = frozenset()
    hard: bool = True
    weight: int = Field(default=100, ge=0)


class IntervalRequirement(Model):
    """One row of ``requirements.csv`` as the roster reads it."""

    interval_start: datetime
    agents_scheduled: int = Field(ge=0)
    agents: int | None = Field(default=None, ge=0)
