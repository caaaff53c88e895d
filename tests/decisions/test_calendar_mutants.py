"""The working calendar's answers are booleans, and a year counts as listed only with all five
fixed-date statutory holidays (《全国年节及纪念日放假办法》: 1 January, 1 May, 1-3 October)."""

from __future__ import annotations

import datetime as dt

from sunlight.domain.calendar import WorkingCalendar


def test_a_local_closure_is_not_a_working_day_and_the_answer_is_false() -> None:
    calendar = WorkingCalendar.from_overrides(holidays=[dt.date(2025, 11, 14)])  # a Friday
    assert calendar.is_working_day(dt.date(2025, 11, 14)) is False
    assert calendar.is_working_day(dt.date(2025, 11, 14)) is False  # asked again
    assert calendar.is_working_day(dt.date(2025, 11, 13)) is True


def test_a_year_is_listed_only_with_each_of_the_three_october_days() -> None:
    five = [
        dt.date(2027, 1, 1),
        dt.date(2027, 5, 1),
        dt.date(2027, 10, 1),
        dt.date(2027, 10, 2),
        dt.date(2027, 10, 3),
    ]
    assert WorkingCalendar.from_overrides(holidays=five).year_covered(2027)
    for missing in five:
        calendar = WorkingCalendar.from_overrides(holidays=[d for d in five if d != missing])
        assert not calendar.year_covered(2027), missing
        calendar.is_working_day(dt.date(2027, 3, 1))
        assert calendar.fallback_years == {2027}, missing
