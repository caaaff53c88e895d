"""The state machine and the record's round trip through a dict."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from complaint_builders import SHANGHAI, complaint
from sunlight.domain import complaints as states
from sunlight.domain.complaints import TRANSITIONS, apply, complaint_from_dict, complaint_to_dict, event_time
from sunlight.domain.errors import Conflict


def test_happy_path() -> None:
    c = complaint(dt.date(2026, 3, 2))
    c = apply(c, "accept")
    assert c.status == states.ACCEPTED
    c = apply(c, "request_material", paused_on=dt.date(2026, 3, 3))
    assert c.status == states.WAITING
    c = apply(c, "resume", paused_on=None)
    assert c.status == states.ACCEPTED
    c = apply(c, "respond", status=states.RESPONDED)
    assert c.status == states.RESPONDED
    c = apply(c, "close")
    assert c.status == states.CLOSED


@pytest.mark.parametrize("action", sorted(TRANSITIONS))
def test_every_action_refused_outside_its_states(action: str) -> None:
    allowed, _ = TRANSITIONS[action]
    for status in states.STATUS_LABELS:
        c = complaint(dt.date(2026, 3, 2), status=status)
        if status in allowed:
            apply(c, action)
        else:
            with pytest.raises(Conflict):
                apply(c, action)


def test_closed_allows_only_notes() -> None:
    closed = complaint(dt.date(2026, 3, 2), status=states.CLOSED)
    assert [a for a, (allowed, _) in TRANSITIONS.items() if states.CLOSED in allowed] == ["note"]
    with pytest.raises(Conflict):
        apply(closed, "respond")


def test_round_trip() -> None:
    c = complaint(
        dt.date(2026, 3, 2),
        status=states.UNDER_REVIEW,
        overdue=("accept",),
        responded_at=dt.datetime(2026, 3, 9, 8, 0, tzinfo=dt.UTC),
        review_opened_on=dt.date(2026, 3, 10),
    )
    assert complaint_from_dict(complaint_to_dict(c)) == c


def test_the_office_complained_about_has_no_access() -> None:
    c = complaint(dt.date(2026, 3, 2), about={"office": "supervision"}, supervising_office="supervision")
    assert "supervision" not in c.offices_with_access()


def test_an_event_is_never_earlier_than_the_complaints_last_one() -> None:
    filed = dt.datetime(2026, 12, 24, 10, 0, tzinfo=SHANGHAI)
    c = complaint(dt.date(2026, 12, 24))  # filed_at 2026-12-24 10:00
    assert event_time(c, filed - dt.timedelta(days=24)) == filed
    assert event_time(c, filed + dt.timedelta(hours=1)) == filed + dt.timedelta(hours=1)
    later = replace(c, last_event_at=filed + dt.timedelta(days=2))
    assert event_time(later, filed + dt.timedelta(days=1)) == filed + dt.timedelta(days=2)
    accepted = replace(c, accepted_at=filed + dt.timedelta(days=3))  # written before last_event_at existed
    assert event_time(accepted, filed) == filed + dt.timedelta(days=3)
