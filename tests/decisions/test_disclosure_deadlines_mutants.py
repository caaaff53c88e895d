"""The working-day index looks at no day it does not need: a year it walks into without need
would raise a needless calendar warning (the bundled calendar knows 2004 to 2026).

Counts by hand on the State Council's calendar: 2026-12-22 is a Tuesday, and 12-23 to 12-31 hold
the working days 23, 24, 25, 28, 29, 30, 31 (2027 is not bundled); 2004-01-31 is a Saturday,
and February 2-6, 9, 10 are working days; 2004-05-21 is a Friday (May Day: 05-01 to 05-07).
"""

from __future__ import annotations

import datetime as dt

from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.disclosure_deadlines import WorkdayIndex


def test_a_deadline_on_the_last_day_of_a_known_year_looks_no_further() -> None:
    for start, days in ((dt.date(2026, 12, 22), 7), (dt.date(2026, 12, 23), 6), (dt.date(2026, 12, 24), 5)):
        calendar = WorkingCalendar()
        assert WorkdayIndex(calendar).add(start, days) == dt.date(2026, 12, 31), start
        assert calendar.fallback_years == set(), start


def test_an_earlier_day_asked_later_walks_no_further_either_way() -> None:
    calendar = WorkingCalendar()
    index = WorkdayIndex(calendar)
    assert index.between(dt.date(2004, 7, 1), dt.date(2004, 7, 2)) == 1
    assert index.add(dt.date(2026, 12, 22), 7) == dt.date(2026, 12, 31)
    assert index.between(dt.date(2004, 5, 20), dt.date(2004, 5, 25)) == 3  # 05-21, 05-24, 05-25
    assert index.add(dt.date(2026, 12, 22), 7) == dt.date(2026, 12, 31)
    assert calendar.fallback_years == set()


def test_the_first_days_of_the_bundled_calendar_need_no_earlier_year() -> None:
    calendar = WorkingCalendar()
    index = WorkdayIndex(calendar)
    assert index.between(dt.date(2004, 1, 31), dt.date(2004, 2, 10)) == 7
    assert index.between(dt.date(2003, 12, 31), dt.date(2003, 12, 31)) == 0
    assert calendar.fallback_years == set()
