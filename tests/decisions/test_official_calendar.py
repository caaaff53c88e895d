"""The working-day calendar against the State Council's holiday notices, written out by hand.

国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号), ... 2025年 (国办发明电〔2024〕12号),
... 2026年 (国办发明电〔2025〕7号). The dates below are copied from those notices; they are the
oracle, not the bundled package.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sunlight.domain.calendar import WorkingCalendar

D = dt.date


def days(year: int, month: int, first: int, last: int) -> list[dt.date]:
    return [D(year, month, d) for d in range(first, last + 1)]


OFF = [  # holidays falling on weekdays or weekends: never working days
    D(2024, 1, 1), *days(2024, 2, 10, 17), *days(2024, 4, 4, 6), *days(2024, 5, 1, 5), D(2024, 6, 10),
    *days(2024, 9, 15, 17), *days(2024, 10, 1, 7),
    D(2025, 1, 1), *days(2025, 1, 28, 31), *days(2025, 2, 1, 4), *days(2025, 4, 4, 6), *days(2025, 5, 1, 5),
    D(2025, 5, 31), D(2025, 6, 1), D(2025, 6, 2), *days(2025, 10, 1, 8),
    *days(2026, 1, 1, 3), *days(2026, 2, 15, 23), *days(2026, 4, 4, 6), *days(2026, 5, 1, 5),
    *days(2026, 6, 19, 21), *days(2026, 9, 25, 27), *days(2026, 10, 1, 7),
]  # fmt: skip
MAKE_UP = [  # 调休: weekend days that are working days
    D(2024, 2, 4), D(2024, 2, 18), D(2024, 4, 7), D(2024, 4, 28), D(2024, 5, 11), D(2024, 9, 14),
    D(2024, 9, 29), D(2024, 10, 12),
    D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11),
    D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10),
]  # fmt: skip


@pytest.mark.parametrize("day", OFF, ids=str)
def test_official_holidays_are_off(day: dt.date) -> None:
    assert not WorkingCalendar().is_working_day(day)


@pytest.mark.parametrize("day", MAKE_UP, ids=str)
def test_make_up_weekend_days_are_working_days(day: dt.date) -> None:
    assert WorkingCalendar().is_working_day(day)


def test_ordinary_days() -> None:
    cal = WorkingCalendar()
    assert cal.is_working_day(D(2025, 10, 9))  # Thursday after National Day
    assert not cal.is_working_day(D(2025, 10, 12))  # Sunday
    assert not cal.is_working_day(D(2026, 2, 7))  # an ordinary Saturday
    assert cal.is_working_day(D(2026, 2, 24))  # Tuesday after 春节
    assert cal.fallback_years == set()


def test_fixed_deadlines_across_the_holidays() -> None:
    cal = WorkingCalendar()
    # Decided Thu 2025-09-25: 9-26, 9-28 (Sun), 9-29, 9-30, 10-9, 10-10, 10-11 (Sat).
    assert cal.add_working_days(D(2025, 9, 25), 7) == D(2025, 10, 11)
    # Decided Fri 2026-02-13: 2-14 (Sat), 2-24, 2-25, 2-26, 2-27, 2-28 (Sat), 3-2.
    assert cal.add_working_days(D(2026, 2, 13), 7) == D(2026, 3, 2)
    # Decided Fri 2024-02-09: 2-18 (Sun), 2-19, 2-20, 2-21, 2-22, 2-23, 2-26.
    assert cal.add_working_days(D(2024, 2, 9), 7) == D(2024, 2, 26)
    # Decided Mon 2024-12-30: 12-31, 2025-01-02, 01-03, 01-06.
    assert cal.add_working_days(D(2024, 12, 30), 4) == D(2025, 1, 6)
    # Decided Wed 2025-12-31: 2026-01-01..03 off, 01-04 (Sun) working, then 01-05.
    assert cal.add_working_days(D(2025, 12, 31), 2) == D(2026, 1, 5)
    assert cal.working_days_between(D(2025, 9, 30), D(2025, 10, 11)) == 3
    assert cal.subtract_working_days(D(2025, 10, 9), 1) == D(2025, 9, 30)
    assert cal.next_working_day(D(2026, 9, 30)) == D(2026, 10, 8)


# --- calendar.yaml for a year the bundled calendar lacks (2027) ------------------------------------


def warned_years(cal: WorkingCalendar) -> list[str]:
    cal.add_working_days(D(2026, 12, 30), 30)  # reaches well into 2027
    return [zh for zh, _ in cal.fallback_warnings()]


def test_a_local_closure_alone_does_not_cover_the_year() -> None:
    cal = WorkingCalendar.from_overrides(holidays=[D(2027, 7, 14)])  # a typhoon closure
    warnings = warned_years(cal)
    assert len(warnings) == 1 and "2027" in warnings[0]
    assert not cal.is_working_day(D(2027, 7, 14))


def test_a_single_listed_day_does_not_cover_the_year() -> None:
    cal = WorkingCalendar.from_overrides(holidays=[D(2027, 1, 1)])
    assert any("2027" in w for w in warned_years(cal))


def test_complete_years_cover_the_year() -> None:
    cal = WorkingCalendar.from_overrides(holidays=[D(2027, 1, 1)], complete_years=[2027])
    assert warned_years(cal) == []
    assert cal.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)


def test_a_file_listing_the_fixed_official_holidays_covers_the_year() -> None:
    # Written before complete_years existed: 元旦, 劳动节 and 国庆 of 2027 are listed.
    listed = [D(2027, 1, 1), D(2027, 5, 1), D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3)]
    assert warned_years(WorkingCalendar.from_overrides(holidays=listed)) == []
