"""Shift types: a code, wall-clock start and end, and an unpaid break."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from pydantic import Field, model_validator

from rosterkit.labels import t
from rosterkit.model.base import Model

CODE_PATTERN = r"^[^\s,;|=]{1,16}$"


class ShiftType(Model):
    """One shift type. A shift whose end is not after its start crosses midnight and belongs to the
    day it starts on (spec section 4)."""

    code: str = Field(pattern=CODE_PATTERN, description="short code shown in the roster, e.g. D, E, N")
    name: str = ""
    start: time
    end: time
    break_minutes: int = Field(default=0, ge=0, le=240)
    break_start: time | None = Field(default=None, description="when the break starts; default: mid-shift")
    night: bool | None = Field(default=None, description="counts as a night shift; default: crosses midnight")
    color: str | None = Field(default=None, pattern=r"^[0-9A-Fa-f]{6}$")

    @model_validator(mode="after")
    def _break_fits(self) -> ShiftType:
        if self.break_minutes >= self.duration_minutes:
            raise ValueError(
                t(
                    "err.model.break_fits",
                    minutes=self.break_minutes,
                    code=self.code,
                    duration=self.duration_minutes,
                )
            )
        return self

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start

    @property
    def duration_minutes(self) -> int:
        minutes = (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)
        return minutes + 24 * 60 if minutes <= 0 else minutes

    @property
    def work_minutes(self) -> int:
        """Paid working time: the span less the break. Contract hours count these."""
        return self.duration_minutes - self.break_minutes

    @property
    def is_night(self) -> bool:
        return self.crosses_midnight if self.night is None else self.night

    def span(self, day: date) -> tuple[datetime, datetime]:
        """Start and end timestamps of this shift when worked on ``day``."""
        start = datetime.combine(day, self.start)
        return start, start + timedelta(minutes=self.duration_minutes)

    def break_span(self, day: date) -> tuple[datetime, datetime] | None:
        """The break's start and end on ``day`` (mid-shift when no break start is given)."""
        if not self.break_minutes:
            return None
        start, _ = self.span(day)
        if self.break_start is None:
            offset = (self.duration_minutes - self.break_minutes) // 2
            offset -= offset % 15  # breaks start on a quarter hour
            b0 = start + timedelta(minutes=offset)
        else:
            b0 = datetime.combine(day, self.break_start)
            if b0 < start:
                b0 += timedelta(days=1)
        return b0, b0 + timedelta(minutes=self.break_minutes)

    def rest_minutes_before(self, other: ShiftType) -> int:
        """Minutes of rest between this shift on day d and ``other`` on day d+1."""
        _, end = self.span(date(2000, 1, 1))
        start_next, _ = other.span(date(2000, 1, 2))
        return int((start_next - end).total_seconds() // 60)


class Succession(Model):
    """A shift ``second`` worked the day after ``first``: forbidden (hard) or penalised (soft)."""

    first: str
    second: str
    hard: bool = True
    weight: int = Field(default=0, ge=0)
