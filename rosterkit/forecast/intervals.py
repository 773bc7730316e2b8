"""Interval lengths: parsing ``30min`` / ``15min`` / ``1h`` and the slots of a day."""

from __future__ import annotations

import re

from rosterkit.errors import InputError
from rosterkit.labels import t

_PATTERN = re.compile(r"^\s*(\d+)\s*(min|m|minutes?|h|hours?|分钟|小时)?\s*$", re.IGNORECASE)


def parse_interval(text: str | int) -> int:
    """Minutes in an interval written ``30min``, ``15``, ``1h`` or ``60 分钟``; must divide a day."""
    match = _PATTERN.match(str(text))
    if not match:
        raise InputError(
            t("err.fc.not_interval", text=text),
            fix=t("err.fc.not_interval.fix"),
        )
    minutes = int(match.group(1))
    unit = (match.group(2) or "min").lower()
    if unit.startswith("h") or unit == "小时":
        minutes *= 60
    if minutes <= 0 or 1440 % minutes:
        raise InputError(
            t("err.fc.uneven_interval", minutes=minutes),
            fix=t("err.fc.uneven_interval.fix"),
        )
    return minutes


def slots_per_day(minutes: int) -> int:
    return 1440 // minutes
