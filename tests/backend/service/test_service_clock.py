"""The clock going backwards: stored times ahead of "now" (data filed with ``SUNLIGHT_NOW`` in the
future, then a restart on the real clock; ``tick --now`` earlier than the last tick).

The rule: no event of a complaint is recorded earlier than its last one: the event time is raised
to the last event's (never refused), and a tick behind the last tick says so loudly."""

from __future__ import annotations

import datetime as dt

from service_helpers import at, command, staff
from sunlight.service import ComplaintService, StaffAction

FILED = at(2026, 12, 24)  # filed with SUNLIGHT_NOW in the future ...
REAL = at(2026, 11, 30)  # ... then the server restarted on the real clock, 24 days earlier


def test_actions_are_never_recorded_before_the_filing(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, FILED)
    token = staff(service, filed.handling_office)
    view = service.act(token, filed.tracking_no, StaffAction(action="accept"), REAL)
    assert view.status == "accepted"
    c = service.store.get_complaint(filed.tracking_no)
    assert c is not None
    assert c.accepted_at == FILED and c.accepted_on == dt.date(2026, 12, 24)
    # 15 working days from 2026-12-24 (Thursday): no holiday in the test calendar
    assert view.respond_due == dt.date(2027, 1, 14)
    trail = service.store.audit_trail(filed.tracking_no)
    assert [e.at for e in trail] == [FILED, FILED]
    later = service.act(token, filed.tracking_no, StaffAction(action="note", text="已调取执法记录仪"), REAL)
    assert later.status == "accepted"
    assert [e.at for e in service.store.audit_trail(filed.tracking_no)][-1] == FILED


def test_a_tick_behind_the_last_one_warns(service: ComplaintService) -> None:
    assert service.tick(FILED).warnings == ()
    behind = service.tick(REAL)
    clock = [w for w in behind.warnings if "clock" in w]
    assert clock == [
        "时钟早于上次定时任务运行时间(2026-12-24T10:00:00+08:00):现在是 2026-11-30T10:00:00+08:00,"
        "新事件的时间将不早于各投诉的最后一个事件 / the clock is behind the last tick"
        " (2026-12-24T10:00:00+08:00): now is 2026-11-30T10:00:00+08:00; new events are recorded no"
        " earlier than each complaint's last one"
    ]
    # the mark never moves back: a second tick on the real clock warns again
    assert [w for w in service.tick(REAL + dt.timedelta(minutes=1)).warnings if "clock" in w]
    assert not [w for w in service.tick(FILED + dt.timedelta(minutes=1)).warnings if "clock" in w]
