"""Working-day arithmetic: the calendar and the fast index used for publication deadlines."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.disclosure_deadlines import WorkdayIndex, deadline_days

KNOWN = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 10, 31))
ANY = st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2028, 6, 30))
CAL = WorkingCalendar()


@settings(max_examples=200, deadline=None)
@given(start=KNOWN, n=st.integers(min_value=0, max_value=40))
def test_add_then_count_returns_n(start: dt.date, n: int) -> None:
    end = CAL.add_working_days(start, n)
    assert CAL.working_days_between(start, end) == n
    if n:
        assert CAL.is_working_day(end)
        assert CAL.working_days_between(start, end - dt.timedelta(days=1)) == n - 1


@settings(max_examples=200, deadline=None)
@given(start=ANY, n=st.integers(min_value=0, max_value=60), other=ANY)
def test_index_agrees_with_calendar(start: dt.date, n: int, other: dt.date) -> None:
    index = WorkdayIndex(CAL, base=dt.date(2025, 1, 1))  # a fresh index; the calendar caches days
    assert index.add(start, n) == CAL.add_working_days(start, n)
    assert index.between(start, other) == CAL.working_days_between(start, other)


def test_national_day_2025_with_make_up_days() -> None:
    # 2025-10-01..08 off; Sunday 2025-09-28 and Saturday 2025-10-11 are working days (调休).
    assert CAL.is_working_day(dt.date(2025, 9, 28))
    assert CAL.is_working_day(dt.date(2025, 10, 11))
    assert not any(CAL.is_working_day(dt.date(2025, 10, d)) for d in range(1, 9))
    # Decided Friday 2025-09-26: 7 working days are 9-28, 9-29, 9-30, 10-9, 10-10, 10-11, 10-13.
    assert CAL.add_working_days(dt.date(2025, 9, 26), 7) == dt.date(2025, 10, 13)
    index = WorkdayIndex(WorkingCalendar())
    assert index.add(dt.date(2025, 9, 26), 7) == dt.date(2025, 10, 13)
    assert index.between(dt.date(2025, 9, 26), dt.date(2025, 10, 13)) == 7


def test_unknown_year_counts_monday_to_friday_with_a_warning() -> None:
    calendar = WorkingCalendar()
    index = WorkdayIndex(calendar)
    # 2026-12-24 (Thu) + 20 working days runs into 2027, which the bundled calendar does not know.
    due = index.add(dt.date(2026, 12, 24), 20)
    assert due.year == 2027 and due.weekday() < 5
    assert 2027 in calendar.fallback_years
    assert any("2027" in zh for zh, _ in calendar.fallback_warnings())


def test_unknown_year_from_calendar_yaml_raises_no_warning() -> None:
    calendar = WorkingCalendar.from_overrides(holidays=[dt.date(2027, 1, 1)], complete_years=[2027])
    index = WorkdayIndex(calendar)
    # Thu 2026-12-31 + 1: 2027-01-01 (Fri) is a holiday per calendar.yaml, so Monday 01-04.
    assert index.add(dt.date(2026, 12, 31), 1) == dt.date(2027, 1, 4)
    assert calendar.fallback_years == set()


def test_index_stops_where_it_needs_to() -> None:
    # A deadline well inside 2026 must not touch 2027 (no false warning).
    calendar = WorkingCalendar()
    WorkdayIndex(calendar).add(dt.date(2026, 11, 2), 7)
    assert calendar.fallback_years == set()


def test_deadline_days_per_kind() -> None:
    assert deadline_days("行政处罚") == 7
    assert deadline_days("行政许可") == 7
    assert deadline_days("行政强制") == 20
    assert deadline_days("行政检查", {"行政处罚": 5, "default": 15}) == 15
    assert deadline_days("行政处罚", {"行政处罚": 5, "default": 15}) == 5
