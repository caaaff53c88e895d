"""Deadlines in working days with a fixed clock, across the year end into 2027."""

from __future__ import annotations

import datetime as dt

from complaint_builders import complaint
from complaint_catalog_sample import sample_catalog
from sunlight.domain import complaints as states
from sunlight.domain.complaint_deadlines import (
    accept_due,
    current_clock,
    is_overdue,
    paused_working_days,
    respond_due,
    review_due,
    review_window_end,
)
from sunlight.domain.complaints import apply

D = dt.date


def test_filed_on_christmas_eve_2026_deadline_lands_in_2027_with_a_fallback_warning() -> None:
    catalog = sample_catalog()
    c = complaint(D(2026, 12, 24))
    assert accept_due(c, catalog.calendar) == D(2026, 12, 29)
    # not accepted yet: projected from the accept deadline
    assert respond_due(c, catalog.calendar) == D(2027, 1, 19)
    # 2027 is not in the bundled official calendar: Monday-Friday, so 1 January counts
    accepted = apply(c, "accept", accepted_on=D(2026, 12, 24))
    assert respond_due(accepted, catalog.calendar) == D(2027, 1, 14)
    warnings = catalog.calendar.fallback_warnings()
    assert len(warnings) == 1 and "2027" in warnings[0][0] and "2027" in warnings[0][1]


def test_calendar_override_for_2027_moves_the_deadline_and_silences_the_warning() -> None:
    # One listed day moves the deadline, but the year's official holidays are still unknown.
    catalog = sample_catalog(holidays=["2027-01-01"])
    c = complaint(D(2026, 12, 24), status=states.ACCEPTED)
    assert respond_due(c, catalog.calendar) == D(2027, 1, 15)
    assert len(catalog.calendar.fallback_warnings()) == 1
    # Declared complete (calendar.yaml: complete_years): no warning.
    catalog = sample_catalog(holidays=["2027-01-01"], complete_years=[2027])
    assert respond_due(c, catalog.calendar) == D(2027, 1, 15)
    assert catalog.calendar.fallback_warnings() == []


def test_official_holidays_and_make_up_working_days_count_correctly() -> None:
    catalog = sample_catalog()
    # Sunday 2025-09-28 and Saturday 2025-10-11 are make-up working days, 10-01..10-08 are off
    assert accept_due(complaint(D(2025, 9, 26)), catalog.calendar) == D(2025, 9, 30)
    assert accept_due(complaint(D(2025, 9, 30)), catalog.calendar) == D(2025, 10, 11)


def test_pause_adds_back_the_paused_working_days() -> None:
    catalog = sample_catalog()
    c = complaint(D(2026, 3, 2), status=states.ACCEPTED)  # a Monday
    before = respond_due(c, catalog.calendar)
    paused = apply(c, "request_material", paused_on=D(2026, 3, 4))
    assert current_clock(paused, catalog.calendar, catalog.settings) is None  # the clock stands still
    days = paused_working_days(paused, D(2026, 3, 9), catalog.calendar)  # Thu, Fri, Mon
    assert days == 3
    resumed = apply(paused, "resume", paused_on=None, paused_days=days)
    assert respond_due(resumed, catalog.calendar) == catalog.calendar.add_working_days(before, 3)


def test_extension_adds_working_days() -> None:
    catalog = sample_catalog()
    c = complaint(D(2026, 3, 2), status=states.ACCEPTED)
    extended = apply(c, "extend", extended_days=10)
    assert respond_due(extended, catalog.calendar) == catalog.calendar.add_working_days(
        respond_due(c, catalog.calendar), 10
    )


def test_transfer_keeps_the_clock() -> None:
    catalog = sample_catalog()
    c = complaint(D(2026, 3, 2), status=states.ACCEPTED)
    moved = apply(c, "transfer", handling_office="brigade-west")
    assert respond_due(moved, catalog.calendar) == respond_due(c, catalog.calendar)
    assert accept_due(moved, catalog.calendar) == accept_due(c, catalog.calendar)


def test_review_has_its_own_timer_and_window() -> None:
    catalog = sample_catalog()
    c = complaint(
        D(2026, 3, 2),
        status=states.UNDER_REVIEW,
        responded_on=D(2026, 3, 10),
        review_opened_on=D(2026, 3, 12),
        review_respond_days=15,
        review_office="supervision",
    )
    assert review_due(c, catalog.calendar) == catalog.calendar.add_working_days(D(2026, 3, 12), 15)
    clock = current_clock(c, catalog.calendar, catalog.settings)
    assert clock is not None and clock.phase == "review"
    assert review_window_end(c, catalog.settings, catalog.calendar) == D(2026, 4, 9)


def test_overdue_only_after_the_due_day() -> None:
    catalog = sample_catalog()
    c = complaint(D(2026, 3, 2))
    due = accept_due(c, catalog.calendar)
    assert not is_overdue(c, due, catalog.calendar, catalog.settings)
    assert is_overdue(c, due + dt.timedelta(days=1), catalog.calendar, catalog.settings)
