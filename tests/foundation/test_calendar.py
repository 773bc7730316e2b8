from datetime import date

import pytest

from rosterkit.calendar import DayKind, WorkCalendar


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        ("2026-10-01", DayKind.HOLIDAY),  # National Day, statutory
        ("2026-10-03", DayKind.HOLIDAY),  # statutory although a Saturday
        ("2026-10-05", DayKind.REST),  # bridging day off, not statutory (200 %, not 300 %)
        ("2026-10-07", DayKind.REST),  # day off in lieu of a make-up day
        ("2026-10-10", DayKind.MAKEUP),  # Saturday worked because of 调休
        ("2026-10-12", DayKind.WORKDAY),
        ("2026-10-18", DayKind.REST),  # ordinary Sunday
        ("2026-02-16", DayKind.HOLIDAY),  # Spring Festival eve
        ("2026-02-15", DayKind.REST),  # Sunday inside the Spring Festival block
        ("2026-02-14", DayKind.MAKEUP),
    ],
)
def test_china_day_kinds(day, kind):
    assert WorkCalendar("CN").kind(date.fromisoformat(day)) == kind


def test_year_without_official_notice_warns_instead_of_guessing():
    cal = WorkCalendar("CN")
    assert cal.kind(date(2030, 1, 1)) == DayKind.HOLIDAY  # fixed by law
    assert cal.kind(date(2030, 1, 7)) == DayKind.WORKDAY  # a Monday: no guessed 调休
    assert len(cal.warnings) == 1 and "2030" in cal.warnings[0]


def test_other_country_and_none():
    assert WorkCalendar("US").kind(date(2026, 7, 4)) == DayKind.HOLIDAY
    assert WorkCalendar("US").kind(date(2026, 7, 3)) == DayKind.REST  # observed on Friday
    assert WorkCalendar("none").kind(date(2026, 10, 1)) == DayKind.WORKDAY
    assert WorkCalendar("none").kind(date(2026, 10, 3)) == DayKind.REST


def test_special_days_override():
    cal = WorkCalendar("CN", special_days={date(2026, 10, 12): DayKind.HOLIDAY})
    assert cal.is_holiday(date(2026, 10, 12))


def test_unknown_country_is_an_error():
    with pytest.raises(ValueError, match="XX"):
        WorkCalendar("XX")
