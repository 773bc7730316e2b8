"""Working days, weekends, statutory holidays and make-up working days (调休上班).

``WorkCalendar(country)`` tells the kind of every date:

- ``WORKDAY``: an ordinary working day (overtime on it is paid 150 %);
- ``REST``: a weekend or a day off given in lieu of a make-up day (200 %);
- ``HOLIDAY``: a statutory public holiday (法定节假日, 300 %);
- ``MAKEUP``: a weekend day that is a working day because of 调休 (paid as a workday).

China (``CN``) combines two sources: ``chinese-calendar`` for the official rest/work status of every
day (the State Council's yearly notice, make-up days included) and ``holidays`` for which days are
the statutory ones. For a year with no official notice yet, the statutory dates (fixed by law) are
still known, but the make-up arrangement is not: the calendar records a warning instead of guessing.
Any other ISO country code uses ``holidays``; ``none`` means weekends only. ``special_days``
override everything (a user's own special-days file).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import lru_cache

import holidays as holidays_lib

from rosterkit.labels import t


class DayKind(StrEnum):
    WORKDAY = "workday"
    REST = "rest"
    HOLIDAY = "holiday"
    MAKEUP = "makeup"


_NOT_STATUTORY = ("substituted", "observed")


@lru_cache(maxsize=64)
def _all_days_off(country: str, year: int) -> dict[date, str]:
    try:
        return dict(holidays_lib.country_holidays(country, years=year))
    except NotImplementedError as exc:
        raise ValueError(t("err.calendar.country", country=repr(country))) from exc


@lru_cache(maxsize=64)
def _public_holidays(country: str, year: int) -> dict[date, str]:
    """The statutory days themselves, without days off substituted or observed for them."""
    found = _all_days_off(country, year)
    return {d: name for d, name in found.items() if not any(w in name.lower() for w in _NOT_STATUTORY)}


class WorkCalendar:
    def __init__(self, country: str = "CN", special_days: dict[date, DayKind] | None = None) -> None:
        self.country = country.upper() if country.lower() != "none" else "none"
        if self.country != "none":
            _public_holidays(self.country, 2024)  # fail early on an unknown country code
        self.special_days = dict(special_days or {})
        self.warnings: list[str] = []
        self._years_without_data: set[int] = set()

    def kind(self, day: date) -> DayKind:
        if day in self.special_days:
            return self.special_days[day]
        weekend = day.weekday() >= 5
        if self.country == "none":
            return DayKind.REST if weekend else DayKind.WORKDAY
        statutory = day in _public_holidays(self.country, day.year)
        if statutory:
            return DayKind.HOLIDAY
        if self.country == "CN":
            official = self._cn_official(day)
            if official is not None:
                if official == "work":
                    return DayKind.MAKEUP if weekend else DayKind.WORKDAY
                return DayKind.REST
        elif day in _all_days_off(self.country, day.year):
            return DayKind.REST  # a holiday observed on another day
        return DayKind.REST if weekend else DayKind.WORKDAY

    def _cn_official(self, day: date) -> str | None:
        import chinese_calendar

        try:
            return "rest" if chinese_calendar.is_holiday(day) else "work"
        except NotImplementedError:
            if day.year not in self._years_without_data:
                self._years_without_data.add(day.year)
                self.warnings.append(
                    f"no official 调休 arrangement for China {day.year} yet: statutory holidays are "
                    "marked, but make-up working days and bridging days off are not known; "
                    "add them in a special-days file when the State Council publishes them"
                )
            return None

    def holiday_name(self, day: date) -> str | None:
        if self.country == "none":
            return None
        return _public_holidays(self.country, day.year).get(day)

    def is_holiday(self, day: date) -> bool:
        return self.kind(day) == DayKind.HOLIDAY

    def is_rest_day(self, day: date) -> bool:
        return self.kind(day) == DayKind.REST

    def is_working_day(self, day: date) -> bool:
        return self.kind(day) in (DayKind.WORKDAY, DayKind.MAKEUP)

    def is_weekend(self, day: date) -> bool:
        return day.weekday() >= 5
