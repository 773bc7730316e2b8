"""Interval lengths: parsing ``30min`` / ``15min`` / ``1h`` and the slots of a day."""

from __future__ import annotations

import re

from rosterkit.errors import InputError

_PATTERN = re.compile(r"^\s*(\d+)\s*(min|m|minutes?|h|hours?|分钟|小时)?\s*$", re.IGNORECASE)


def parse_interval(text: str | int) -> int:
    """Minutes in an interval written ``30min``, ``15``, ``1h`` or ``60 分钟``; must divide a day."""
    match = _PATTERN.match(str(text))
    if not match:
        raise InputError(
            f"'{text}' is not an interval length.",
            fix="Write it like 15min, 30min or 1h.",
        )
    minutes = int(match.group(1))
    unit = (match.group(2) or "min").lower()
    if unit.startswith("h") or unit == "小时":
        minutes *= 60
    if minutes <= 0 or 1440 % minutes:
        raise InputError(
            f"an interval of {minutes} minutes does not divide a day evenly.",
            fix="Use a length that divides 24 h, e.g. 5min, 10min, 15min, 30min or 1h.",
        )
    return minutes


def slots_per_day(minutes: int) -> int:
    return 1440 // minutes
