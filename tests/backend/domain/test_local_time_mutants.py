"""Beijing time (Asia/Shanghai, UTC+8, no daylight saving since 1991): literal conversions.

Expected values are worked out by hand: 2026-01-01 00:30 UTC is 08:30 the same day in Beijing;
2026-01-01 17:00 UTC is 01:00 on 2 January.
"""

from __future__ import annotations

import datetime as dt

from sunlight.domain.local_time import aware, beijing, local_date

UTC = dt.UTC
EIGHT_HOURS = dt.timedelta(hours=8)


def test_a_naive_time_is_read_as_beijing_time() -> None:
    t = aware(dt.datetime(2026, 1, 1, 9, 0))
    assert t.utcoffset() == EIGHT_HOURS
    assert t == dt.datetime(2026, 1, 1, 1, 0, tzinfo=UTC)


def test_an_aware_time_keeps_its_zone() -> None:
    t = dt.datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    assert aware(t).utcoffset() == dt.timedelta(0)


def test_beijing_shows_a_utc_time_eight_hours_later() -> None:
    t = beijing(dt.datetime(2026, 1, 1, 0, 30, tzinfo=UTC))
    assert (t.year, t.month, t.day, t.hour, t.minute) == (2026, 1, 1, 8, 30)
    assert t.utcoffset() == EIGHT_HOURS


def test_beijing_of_a_naive_time_is_that_wall_clock_time() -> None:
    t = beijing(dt.datetime(2026, 1, 1, 9, 15))
    assert (t.hour, t.minute, t.utcoffset()) == (9, 15, EIGHT_HOURS)


def test_local_date_turns_the_day_at_16_00_utc() -> None:
    assert local_date(dt.datetime(2026, 1, 1, 15, 59, tzinfo=UTC)) == dt.date(2026, 1, 1)
    assert local_date(dt.datetime(2026, 1, 1, 17, 0, tzinfo=UTC)) == dt.date(2026, 1, 2)
    assert local_date(dt.datetime(2026, 1, 1, 23, 30)) == dt.date(2026, 1, 1)  # naive: Beijing already
