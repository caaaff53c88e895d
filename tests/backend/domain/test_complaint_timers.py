"""Timer evaluation is a pure function of (complaint, today, catalog) with stable keys."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from complaint_builders import complaint
from complaint_catalog_sample import sample_catalog
from sunlight.domain import complaints as states
from sunlight.domain.timers import due_events

D = dt.date


def kinds(events) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.kind for e in events]


def test_respond_clock_events_on_their_days() -> None:
    catalog = sample_catalog()
    cal = catalog.calendar
    c = complaint(D(2026, 3, 2), status=states.ACCEPTED)  # respond due = 15 working days later
    due = cal.add_working_days(D(2026, 3, 2), 15)
    remind_on = cal.subtract_working_days(due, 3)
    assert due_events(c, remind_on - dt.timedelta(days=1), catalog) == []
    events = due_events(c, remind_on, catalog)
    assert kinds(events) == ["remind"] and events[0].office == "brigade-east"
    assert kinds(due_events(c, due, catalog)) == ["remind"]
    day_after = due + dt.timedelta(days=1)
    assert "overdue" in kinds(due_events(c, day_after, catalog))
    assert "remind" not in kinds(due_events(c, day_after, catalog))  # no stale reminder
    chase_on = cal.next_working_day(due)
    chase = [e for e in due_events(c, chase_on, catalog) if e.kind == "chase"]
    assert chase and chase[0].office == "supervision"
    escalate_on = cal.add_working_days(due, 5)
    assert "escalate" not in kinds(due_events(c, escalate_on - dt.timedelta(days=1), catalog))
    escalation = [e for e in due_events(c, escalate_on, catalog) if e.kind == "escalate"]
    assert escalation and escalation[0].office == "bureau"


def test_keys_are_stable_and_change_when_the_deadline_moves() -> None:
    catalog = sample_catalog()
    c = complaint(D(2026, 3, 2), status=states.ACCEPTED)
    late = D(2026, 6, 1)
    first = {e.key for e in due_events(c, late, catalog)}
    assert first == {e.key for e in due_events(c, late, catalog)}
    assert all(k.startswith("TS-TEST-000001/respond/") for k in first)
    extended = complaint(D(2026, 3, 2), status=states.ACCEPTED, extended_days=5)
    assert first.isdisjoint({e.key for e in due_events(extended, late, catalog)})


def test_no_timer_while_waiting_for_material_or_closed() -> None:
    catalog = sample_catalog()
    paused = complaint(D(2026, 3, 2), status=states.WAITING, paused_on=D(2026, 3, 3))
    assert due_events(paused, D(2026, 12, 1), catalog) == []
    closed = complaint(D(2026, 3, 2), status=states.CLOSED)
    assert due_events(closed, D(2026, 12, 1), catalog) == []


def test_accept_phase_reminder_skipped_when_it_would_fall_on_the_filing_day() -> None:
    catalog = sample_catalog()
    c = complaint(D(2026, 3, 2))  # accept in 3 days, remind 3 days before = filing day
    assert due_events(c, D(2026, 3, 2), catalog) == []


def test_responded_complaint_closes_after_the_review_window() -> None:
    catalog = sample_catalog()
    c = complaint(D(2026, 3, 2), status=states.RESPONDED, responded_on=D(2026, 3, 10))
    assert due_events(c, D(2026, 4, 9), catalog) == []
    events = due_events(c, D(2026, 4, 10), catalog)
    assert kinds(events) == ["close"]


def test_escalation_never_goes_to_the_office_complained_about() -> None:
    catalog = sample_catalog()
    c = complaint(
        D(2026, 3, 2),
        status=states.ACCEPTED,
        about={"office": "bureau"},
        handling_office="supervision",
        supervising_office="supervision",
    )
    events = due_events(c, D(2026, 12, 1), catalog)
    # neither the bureau (complained about) nor the supervision office (the late one itself)
    assert [(e.kind, e.office) for e in events] == [("overdue", "supervision")]
    cases = replace(c, handling_office="cases")
    events = due_events(cases, D(2026, 12, 1), catalog)
    assert [(e.kind, e.office) for e in events] == [
        ("overdue", "cases"),
        ("chase", "supervision"),
        ("escalate", "supervision"),
    ]


def test_review_clock_reminds_the_review_office() -> None:
    catalog = sample_catalog()
    c = complaint(
        D(2026, 3, 2),
        status=states.UNDER_REVIEW,
        responded_on=D(2026, 3, 10),
        review_opened_on=D(2026, 3, 12),
        review_respond_days=15,
        review_office="supervision",
    )
    due = catalog.calendar.add_working_days(D(2026, 3, 12), 15)
    events = due_events(c, catalog.calendar.subtract_working_days(due, 3), catalog)
    assert kinds(events) == ["remind"] and events[0].office == "supervision" and events[0].phase == "review"
