"""The day a store indexes a complaint by (``next_timer_on``): the first event of the running
deadline not yet fired, a reminder only while the deadline has not passed (docs/backend-domain.md,
Timers). Days counted by hand, Monday to Friday (the sample catalog lists no 2026 holiday):

An accepted complaint of Monday 2026-03-02 (respond in 15 working days, remind 3 before, escalate 5
after) is due on Monday 2026-03-23 (03-03..06, 09..13, 16..20, 23). The reminder fires on Wednesday
03-18 (3 working days before: 03-20, 19, 18); overdue on 03-24 (the day after); 催办 on 03-24 (the
working day after); 督办 on Monday 03-30 (03-24, 25, 26, 27, 30).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from complaint_builders import complaint
from complaint_catalog_sample import sample_catalog
from sunlight.domain import complaints as states
from sunlight.domain.timers import next_timer_on

D = dt.date
CATALOG = sample_catalog()
ACCEPTED = complaint(D(2026, 3, 2), status=states.ACCEPTED)
KEY = "TS-TEST-000001/respond/2026-03-23/"


def fired(*events: str) -> Callable[[str], bool]:
    keys = {KEY + e for e in events}
    return lambda key: key in keys


def test_nothing_fired_yet_the_reminder_day_comes_first() -> None:
    assert next_timer_on(ACCEPTED, D(2026, 3, 2), CATALOG, fired()) == D(2026, 3, 18)


def test_a_fired_reminder_leaves_the_overdue_and_chase_day() -> None:
    assert next_timer_on(ACCEPTED, D(2026, 3, 18), CATALOG, fired("remind")) == D(2026, 3, 24)


def test_after_overdue_and_chase_the_escalation_day() -> None:
    done = fired("remind", "overdue", "chase")
    assert next_timer_on(ACCEPTED, D(2026, 3, 24), CATALOG, done) == D(2026, 3, 30)


def test_everything_fired_leaves_no_day() -> None:
    done = fired("remind", "overdue", "chase", "escalate")
    assert next_timer_on(ACCEPTED, D(2026, 3, 30), CATALOG, done) is None


def test_a_reminder_never_sent_is_dropped_once_the_deadline_passed() -> None:
    # 03-24 is after the due day 03-23: the unsent reminder of 03-18 no longer counts
    assert next_timer_on(ACCEPTED, D(2026, 3, 24), CATALOG, fired()) == D(2026, 3, 24)
    # on the due day itself it still does
    assert next_timer_on(ACCEPTED, D(2026, 3, 23), CATALOG, fired()) == D(2026, 3, 18)


def test_a_complaint_waiting_for_material_has_no_day() -> None:
    paused = complaint(D(2026, 3, 2), status=states.WAITING, paused_on=D(2026, 3, 3))
    assert next_timer_on(paused, D(2026, 3, 3), CATALOG, fired()) is None


def test_the_close_day_after_a_response() -> None:
    # responded on 03-10: the 30-day review window ends 04-09, the complaint closes on 04-10
    responded = complaint(D(2026, 3, 2), status=states.RESPONDED, responded_on=D(2026, 3, 10))
    assert next_timer_on(responded, D(2026, 3, 10), CATALOG, fired()) == D(2026, 4, 10)
