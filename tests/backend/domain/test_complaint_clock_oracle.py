"""Complaint states and clocks on fixed dates (docs/backend-domain.md: states, deadlines, timers).

Dates from the State Council's 2025 schedule: 2025-10-01 to 2025-10-08 off (国庆节/中秋节), Sunday
2025-09-28 and Saturday 2025-10-11 working days. 2025-03-10 and 2025-04-09 are ordinary working
days (Monday, Wednesday).
"""

from __future__ import annotations

import datetime as dt

import pytest
from complaint_builders import complaint
from complaint_catalog_sample import sample_catalog
from sunlight.domain import complaints as states
from sunlight.domain.complaint_deadlines import (
    Clock,
    current_clock,
    is_overdue,
    next_due,
    paused_working_days,
)
from sunlight.domain.complaints import apply, complaint_from_dict, complaint_to_dict
from sunlight.domain.errors import Conflict
from sunlight.domain.timers import TimerEvent, due_events
from sunlight.domain.visibility import sees_reporter, visible_to

D = dt.date
CATALOG = sample_catalog()
CAL, SETTINGS = CATALOG.calendar, CATALOG.settings


def test_the_accept_clock_runs_from_filing() -> None:
    c = complaint(D(2025, 9, 26))  # Friday; Sunday 09-28, 09-29, 09-30 -> due 09-30
    assert current_clock(c, CAL, SETTINGS) == Clock("accept", D(2025, 9, 26), D(2025, 9, 30))


def test_an_accepted_record_without_its_acceptance_date_counts_from_the_accept_deadline() -> None:
    c = complaint(D(2025, 9, 26), status=states.ACCEPTED, accepted_on=None)
    # from 09-30, 15 working days: 10-09 10 11 13 14 15 16 17 20 21 22 23 24 27 28
    assert current_clock(c, CAL, SETTINGS) == Clock("respond", D(2025, 9, 30), D(2025, 10, 28))


def test_paused_working_days_count_after_the_pause_day_up_to_the_resume_day() -> None:
    paused = complaint(D(2025, 9, 26), status=states.WAITING, paused_on=D(2025, 9, 29))
    assert paused_working_days(paused, D(2025, 10, 10), CAL) == 3  # 09-30, 10-09, 10-10
    assert paused_working_days(paused, D(2025, 9, 29), CAL) == 0  # material arrived the same day
    over_the_holiday = complaint(D(2025, 9, 26), status=states.WAITING, paused_on=D(2025, 9, 30))
    assert paused_working_days(over_the_holiday, D(2025, 10, 8), CAL) == 0  # 10-01..10-08 all off
    assert paused_working_days(complaint(D(2025, 9, 26), status=states.ACCEPTED), D(2025, 10, 10), CAL) == 0


def test_a_responded_complaint_runs_the_review_window_and_nothing_is_due() -> None:
    c = complaint(D(2025, 3, 3), status=states.RESPONDED, responded_on=D(2025, 3, 10))
    assert current_clock(c, CAL, SETTINGS) == Clock("close", D(2025, 3, 10), D(2025, 4, 9))  # 30 days
    assert next_due(c, CAL, SETTINGS) is None
    assert not is_overdue(c, D(2025, 12, 31), CAL, SETTINGS)
    assert due_events(c, D(2025, 4, 9), CATALOG) == []
    assert due_events(c, D(2025, 4, 10), CATALOG) == [
        TimerEvent(
            "TS-TEST-000001/close/2025-04-09/close", "close", "close", D(2025, 4, 9), D(2025, 4, 10), ""
        )
    ]


def test_a_rated_complaint_closes_after_the_same_window() -> None:
    c = complaint(D(2025, 3, 3), status=states.RATED, responded_on=D(2025, 3, 10), rating="满意")
    assert [e.key for e in due_events(c, D(2025, 4, 10), CATALOG)] == [
        "TS-TEST-000001/close/2025-04-09/close"
    ]


def test_a_complaint_closed_after_its_review_has_no_clock() -> None:
    c = complaint(
        D(2025, 8, 1),
        status=states.CLOSED,
        responded_on=D(2025, 8, 25),
        review_office="supervision",
        review_opened_on=D(2025, 9, 10),
        review_respond_days=15,
    )
    assert current_clock(c, CAL, SETTINGS) is None
    assert next_due(c, CAL, SETTINGS) is None
    assert due_events(c, D(2025, 12, 1), CATALOG) == []


def test_events_carry_their_phase_and_deadline() -> None:
    c = complaint(D(2025, 9, 26), status=states.ACCEPTED, accepted_on=D(2025, 9, 29))  # due 10-27
    due = D(2025, 10, 27)
    events = due_events(c, D(2025, 11, 3), CATALOG)
    assert events == [
        TimerEvent(
            "TS-TEST-000001/respond/2025-10-27/overdue",
            "overdue",
            "respond",
            due,
            D(2025, 10, 28),
            "brigade-east",
        ),
        TimerEvent(
            "TS-TEST-000001/respond/2025-10-27/chase", "chase", "respond", due, D(2025, 10, 28), "supervision"
        ),
        TimerEvent(
            "TS-TEST-000001/respond/2025-10-27/escalate", "escalate", "respond", due, D(2025, 11, 3), "bureau"
        ),
    ]


def test_a_category_without_reminders_sends_none() -> None:
    c = complaint(D(2025, 9, 26), status=states.ACCEPTED, accepted_on=D(2025, 9, 29), remind_before_days=0)
    assert due_events(c, D(2025, 10, 27), CATALOG) == []
    one = complaint(D(2025, 9, 26), status=states.ACCEPTED, accepted_on=D(2025, 9, 29), remind_before_days=1)
    # 1 working day before Monday 10-27: Friday 10-24
    assert [(e.kind, e.fire_on) for e in due_events(one, D(2025, 10, 24), CATALOG)] == [
        ("remind", D(2025, 10, 24))
    ]
    assert due_events(one, D(2025, 10, 23), CATALOG) == []


# --- states ------------------------------------------------------------------------------------------


def test_an_action_not_allowed_in_the_state_is_a_conflict_naming_the_state() -> None:
    closed = complaint(D(2025, 9, 26), status=states.CLOSED)
    with pytest.raises(Conflict) as raised:
        apply(closed, "accept", accepted_on=D(2025, 9, 29))
    e = raised.value
    assert (e.zh, e.en, e.field) == (
        "当前状态（已办结）不能执行此操作",
        "action 'accept' is not allowed while the complaint is closed",
        "action",
    )


def test_an_action_without_a_target_state_keeps_the_state() -> None:
    c = complaint(D(2025, 9, 26), status=states.ACCEPTED)
    assert apply(c, "note").status == states.ACCEPTED
    assert apply(c, "extend", extended_days=5).status == states.ACCEPTED
    assert apply(c, "request_material", paused_on=D(2025, 9, 30)).status == states.WAITING


def test_an_explicit_state_wins_over_the_action_target() -> None:
    responded = complaint(D(2025, 9, 26), status=states.UNDER_REVIEW)
    assert apply(responded, "respond", status=states.CLOSED).status == states.CLOSED
    c = complaint(D(2025, 9, 26))
    assert apply(c, "accept", status=states.WAITING).status == states.WAITING


def test_a_stored_record_with_fields_this_version_does_not_know_reads_back() -> None:
    c = complaint(
        D(2025, 9, 26), status=states.UNDER_REVIEW, review_opened_on=D(2025, 9, 30), overdue=("respond",)
    )
    stored = {"legacy_flag": True, **complaint_to_dict(c), "removed_later": "x"}
    assert complaint_from_dict(stored) == c


# --- who sees the complaint -------------------------------------------------------------------------


def test_the_reporter_is_visible_to_the_handling_supervising_and_review_offices_only() -> None:
    c = complaint(D(2025, 9, 26), status=states.UNDER_REVIEW, review_office="bureau", escalated_to="bureau")
    assert c.offices_with_access() == {"brigade-east", "supervision", "bureau"}
    assert sees_reporter(CATALOG, c) == {"brigade-east", "supervision", "bureau"}
    assert (
        visible_to(CATALOG, c) - sees_reporter(CATALOG, c) == set()
    )  # the bureau reviews: it sees the reporter
    before_review = complaint(D(2025, 9, 26), status=states.ACCEPTED)
    assert before_review.offices_with_access() == {"brigade-east", "supervision"}


def test_the_office_an_escalation_went_to_watches_without_the_reporter() -> None:
    c = complaint(D(2025, 9, 26), status=states.ACCEPTED, escalated_to="bureau")
    assert visible_to(CATALOG, c) - sees_reporter(CATALOG, c) == {"bureau"}
    assert "bureau" not in c.offices_with_access() and "bureau" not in sees_reporter(CATALOG, c)
    plain = complaint(D(2025, 9, 26), status=states.ACCEPTED)
    assert visible_to(CATALOG, plain) == sees_reporter(CATALOG, plain) == {"brigade-east", "supervision"}


def test_the_office_complained_about_never_sees_the_complaint() -> None:
    # A record that (wrongly) names the office complained about anywhere still keeps it out.
    c = complaint(
        D(2025, 9, 26),
        status=states.UNDER_REVIEW,
        about={"office": "supervision"},
        review_office="bureau",
        escalated_to="supervision",
    )
    assert c.offices_with_access() == {"brigade-east", "bureau"}
    assert visible_to(CATALOG, c) == {"brigade-east", "bureau"}  # never the office complained about
    assert c.is_open and not complaint(D(2025, 9, 26), status=states.CLOSED).is_open
