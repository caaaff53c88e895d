"""An extension (延期) lengthens a running respond period; it never clears a deadline already missed.

Dates are counted by hand on the official 2026 calendar (no holiday in March 2026): accepted on
Monday 2026-03-02, 15 working days end on Monday 2026-03-23 (3-6, 9-13, 16-20, 23 March).
"""

from __future__ import annotations

import datetime as dt

from complaint_builders import complaint
from complaint_catalog_sample import sample_catalog
from sunlight.domain import complaints as states
from sunlight.domain.complaint_deadlines import extension_refusal, respond_due

D = dt.date
ACCEPTED_ON = D(2026, 3, 2)
DUE = D(2026, 3, 23)


def accepted(**changes: object) -> states.Complaint:
    return complaint(ACCEPTED_ON, **{"status": states.ACCEPTED, "accepted_on": ACCEPTED_ON, **changes})


def test_the_hand_counted_deadline() -> None:
    assert respond_due(accepted(), sample_catalog().calendar) == DUE


def test_approved_up_to_and_on_the_deadline_day() -> None:
    cal = sample_catalog().calendar
    assert extension_refusal(accepted(), D(2026, 3, 10), cal) is None
    assert extension_refusal(accepted(), DUE, cal) is None


def test_refused_the_day_after_the_deadline_naming_it() -> None:
    refusal = extension_refusal(accepted(), D(2026, 3, 24), sample_catalog().calendar)
    assert refusal is not None
    zh, en = refusal
    assert "2026-03-23" in zh and "延期" in zh
    assert "2026-03-23" in en and "extension" in en


def test_refused_once_marked_overdue() -> None:
    """A complaint the timer marked overdue stays overdue: no extension clears the mark."""
    cal = sample_catalog().calendar
    assert extension_refusal(accepted(overdue=("respond",)), D(2026, 3, 20), cal) is not None


def test_while_paused_the_deadline_is_the_one_when_the_clock_stopped() -> None:
    cal = sample_catalog().calendar
    paused_in_time = accepted(status=states.WAITING, paused_on=D(2026, 3, 20))
    assert extension_refusal(paused_in_time, D(2026, 4, 10), cal) is None  # the clock stands still
    paused_late = accepted(status=states.WAITING, paused_on=D(2026, 3, 25))
    assert extension_refusal(paused_late, D(2026, 3, 26), cal) is not None


def test_paused_days_move_the_deadline() -> None:
    """5 working days paused (resumed): due 5 working days later, Monday 2026-03-30."""
    cal = sample_catalog().calendar
    resumed = accepted(paused_days=5)
    assert extension_refusal(resumed, D(2026, 3, 30), cal) is None
    assert extension_refusal(resumed, D(2026, 3, 31), cal) is not None
