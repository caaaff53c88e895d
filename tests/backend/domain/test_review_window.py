"""The 30-day window to ask for a review (复核), counted by the Civil Code (民法典 arts. 201, 203).

The day of the response is not counted; when the 30th day is a statutory holiday or a weekend
day off, the window runs to the end of the first working day after it. Dates from the State
Council notices: 2025-10-01..08 off (Saturday 2025-10-11 a working day); 2026-04-04..06 off.
"""

from __future__ import annotations

import datetime as dt

from complaint_builders import complaint
from complaint_catalog_sample import sample_catalog
from sunlight.domain import complaints as states
from sunlight.domain.complaint_deadlines import current_clock, review_window_end
from sunlight.domain.timers import due_events

D = dt.date


def window(responded_on: dt.date) -> dt.date | None:
    catalog = sample_catalog()
    c = complaint(D(2025, 8, 1), status=states.RESPONDED, responded_on=responded_on)
    return review_window_end(c, catalog.settings, catalog.calendar)


def test_a_window_ending_on_national_day_runs_to_the_first_working_day_after() -> None:
    assert window(D(2025, 9, 1)) == D(2025, 10, 9)  # 30th day 2025-10-01 (holiday until 10-08)


def test_a_window_ending_on_a_working_day_is_not_moved() -> None:
    assert window(D(2025, 8, 4)) == D(2025, 9, 3)  # Wednesday
    assert window(D(2025, 9, 11)) == D(2025, 10, 11)  # a make-up working Saturday (调休)


def test_a_window_ending_on_a_weekend_or_qingming() -> None:
    assert window(D(2025, 9, 12)) == D(2025, 10, 13)  # 30th day Sunday 2025-10-12 -> Monday
    assert window(D(2026, 3, 7)) == D(2026, 4, 7)  # 30th day 2026-04-06, 清明 holiday -> Tuesday


def test_the_window_closes_the_day_after_its_last_day() -> None:
    catalog = sample_catalog()
    c = complaint(D(2025, 8, 1), status=states.RESPONDED, responded_on=D(2025, 9, 1))
    clock = current_clock(c, catalog.calendar, catalog.settings)
    assert clock is not None and clock.phase == "close" and clock.due == D(2025, 10, 9)
    assert due_events(c, D(2025, 10, 9), catalog) == []
    assert [e.kind for e in due_events(c, D(2025, 10, 10), catalog)] == ["close"]
