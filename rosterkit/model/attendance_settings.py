"""The attendance rules' thresholds: one pydantic model, every field with its unit and bounds.

Defaults follow common practice in Chinese call centres; every field can be set from the CLI or a
settings file (TOML or JSON with these field names, read by
``rosterkit.io.attendance_settings``).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from rosterkit.labels import t


class AttendanceSettings(BaseModel):
    """Thresholds of the attendance rules (spec section 5). All durations are minutes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    window_before_start_minutes: int = Field(
        default=180, ge=0, le=720, description="a punch this long before a shift's start still belongs to it"
    )
    window_after_end_minutes: int = Field(
        default=240, ge=0, le=720, description="a punch this long after a shift's end still belongs to it"
    )
    late_grace_minutes: int = Field(default=5, ge=0, le=120, description="late by at most this: not late")
    early_grace_minutes: int = Field(
        default=0, ge=0, le=120, description="leaving early by at most this: not early"
    )
    serious_late_minutes: int = Field(default=30, ge=1, le=720, description="late by this or more: serious")
    half_day_absent_minutes: int = Field(
        default=120, ge=1, le=720, description="late or early by this or more: half a day of 旷工"
    )
    absent_minutes: int = Field(
        default=240, ge=1, le=1440, description="late or early by this or more: a whole day of 旷工"
    )
    duplicate_within_seconds: int = Field(
        default=60, ge=0, le=3600, description="punches of one person this close together count once"
    )
    overtime_before_shift: bool = Field(default=True, description="count early arrival as overtime")
    overtime_after_shift: bool = Field(default=True, description="count staying late as overtime")
    overtime_min_minutes: int = Field(
        default=30, ge=0, le=720, description="overtime shorter than this is not counted"
    )
    overtime_unit_minutes: int = Field(
        default=30, ge=1, le=240, description="overtime is rounded down to whole units of this"
    )
    unscheduled_gap_minutes: int = Field(
        default=720,
        ge=60,
        le=1440,
        description="punches outside the roster further apart than this start a new work session",
    )

    @model_validator(mode="after")
    def _ordered(self) -> AttendanceSettings:
        if not self.late_grace_minutes < self.serious_late_minutes:
            raise ValueError(t("err.model.serious_late"))
        if not self.half_day_absent_minutes <= self.absent_minutes:
            raise ValueError(t("err.model.absent_minutes"))
        return self

    def round_overtime(self, minutes: int) -> int:
        """Overtime minutes as counted: rounded down to the unit, zero below the minimum."""
        if minutes < self.overtime_min_minutes:
            return 0
        return minutes - minutes % self.overtime_unit_minutes
