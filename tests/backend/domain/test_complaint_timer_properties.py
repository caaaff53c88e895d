"""Properties of the deadlines and timers over random filing dates, pauses and extensions."""

from __future__ import annotations

import datetime as dt

from complaint_builders import complaint
from complaint_catalog_sample import sample_catalog
from hypothesis import given, settings
from hypothesis import strategies as st
from sunlight.domain import complaints as states
from sunlight.domain.complaint_deadlines import accept_due, respond_due
from sunlight.domain.timers import due_events

CATALOG = sample_catalog(holidays=["2027-01-01"])
dates = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 6, 30))


@given(filed=dates, paused=st.integers(0, 20), extended=st.integers(0, 15))
@settings(max_examples=60, deadline=None)
def test_deadlines_are_working_days_after_their_start(filed: dt.date, paused: int, extended: int) -> None:
    cal = CATALOG.calendar
    c = complaint(filed, status=states.ACCEPTED, paused_days=paused, extended_days=extended)
    for due, start, days in (
        (accept_due(c, cal), filed, 3),
        (respond_due(c, cal), filed, 15 + paused + extended),
    ):
        assert cal.is_working_day(due)
        assert cal.working_days_between(start, due) == days


@given(filed=dates, status=st.sampled_from([states.SUBMITTED, states.ACCEPTED]), span=st.integers(1, 60))
@settings(max_examples=40, deadline=None)
def test_catching_up_fires_the_same_overdue_events_as_ticking_daily(
    filed: dt.date, status: str, span: int
) -> None:
    c = complaint(filed, status=status)
    end = filed + dt.timedelta(days=span)
    daily: set[str] = set()
    day = filed
    while day <= end:
        daily |= {e.key for e in due_events(c, day, CATALOG)}
        day += dt.timedelta(days=1)
    once = {e.key for e in due_events(c, end, CATALOG)}
    assert {k for k in daily if not k.endswith("/remind")} == {k for k in once if not k.endswith("/remind")}
    assert once <= daily  # a late tick never invents an event daily ticking would not have fired
    for e in due_events(c, end, CATALOG):
        assert e.fire_on <= end
