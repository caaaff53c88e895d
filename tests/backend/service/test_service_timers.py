"""Timers and the outbox: each event fires once, each message is delivered once, failures retry."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from service_helpers import NOW, RecordingChannel, at, command, staff, without_receipt
from sunlight.service import ComplaintService, Forbidden, StaffAction


def kinds(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [key.rsplit("/", 1)[1] for key in result.fired]


def test_overdue_chase_and_escalation_fire_once_each(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)  # accept due 2026-12-29
    assert service.tick(at(2026, 12, 29)).fired == ()
    first = service.tick(at(2026, 12, 30))
    assert sorted(kinds(first)) == ["chase", "overdue"]
    assert first.enqueued == 3  # overdue: e-mail + webhook to the handling office; 催办: e-mail
    c = service.store.get_complaint(filed.tracking_no)
    assert c is not None and c.overdue == ("accept",)
    queued = service.store.list_messages()
    again = service.tick(at(2026, 12, 30, 15))
    assert again.fired == () and again.enqueued == 0
    assert len(service.store.list_messages()) == len(queued)  # a second tick sends nothing twice
    chase = [m for m in queued if m.kind == "chase"]
    assert {m.office for m in chase} == {"supervision"}
    escalation = service.tick(at(2027, 1, 5))  # 5 working days after 12-29 (2027 counted Monday-Friday)
    assert kinds(escalation) == ["escalate"]
    assert any("2027" in w for w in escalation.warnings)
    assert {m.office for m in service.store.list_messages() if m.kind == "escalate"} == {"bureau"}
    # the bureau now follows the case, without the reporter's identity
    bureau = staff(service, "bureau")
    assert [(i.tracking_no, i.role) for i in service.inbox(bureau, at(2027, 1, 5))] == [
        (filed.tracking_no, "escalated")
    ]
    view = service.view_for_staff(bureau, filed.tracking_no, at(2027, 1, 5))
    assert view.reporter == {} and [e.action for e in view.trail][-1] == "escalate"
    service.act(bureau, filed.tracking_no, StaffAction("note", text="请东部大队今日受理"), at(2027, 1, 5))
    with pytest.raises(Forbidden):
        service.act(bureau, filed.tracking_no, StaffAction("accept"), at(2027, 1, 5))
    assert service.tick(at(2027, 2, 1)).fired == ()
    trail = [e.action for e in service.store.audit_trail(filed.tracking_no)]
    assert trail == ["filed", "overdue", "chase", "escalate", "note"]


def test_reminder_before_the_respond_deadline(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    service.act(staff(service, "brigade-east"), filed.tracking_no, StaffAction("accept"), NOW)
    assert service.tick(at(2027, 1, 8)).fired == ()
    result = service.tick(at(2027, 1, 11))  # 3 working days before 2027-01-14
    assert kinds(result) == ["remind"]
    reminders = [m for m in service.store.list_messages() if m.kind == "remind"]
    assert {m.office for m in reminders} == {"brigade-east"} and "2027-01-14" in reminders[0].body
    assert service.tick(at(2027, 1, 12)).fired == ()


def test_an_action_after_a_missed_deadline_stops_the_chasing(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    service.tick(at(2026, 12, 30))
    service.act(staff(service, "brigade-east"), filed.tracking_no, StaffAction("accept"), at(2026, 12, 31))
    assert service.tick(at(2027, 1, 6)).fired == ()  # the accept escalation no longer applies


def test_responded_complaint_closes_after_the_review_window(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)
    east = staff(service, "brigade-east")
    service.act(east, filed.tracking_no, StaffAction("accept"), NOW)
    service.act(east, filed.tracking_no, StaffAction("respond", text="已处理"), NOW)
    # Responded 2026-12-24: the 30th day, 2027-01-23, is a Saturday, so the window runs to the
    # end of Monday 2027-01-25 (民法典 art. 203) and the complaint closes on the 26th.
    assert service.tick(at(2027, 1, 25)).fired == ()
    assert kinds(service.tick(at(2027, 1, 26))) == ["close"]
    assert service.store.get_complaint(filed.tracking_no).status == "closed"  # type: ignore[union-attr]


def test_concurrent_ticks_fire_each_event_once(service: ComplaintService) -> None:
    numbers = [service.file_complaint(command(), None, NOW).tracking_no for _ in range(8)]
    results = []
    barrier = threading.Barrier(4)

    def go() -> None:
        barrier.wait()
        results.append(service.tick(at(2027, 1, 20)))

    threads = [threading.Thread(target=go) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    fired = [key for r in results for key in r.fired]
    assert len(fired) == len(set(fired)) == 8 * 3  # overdue, chase, escalate per complaint
    for no in numbers:
        assert [e.action for e in service.store.audit_trail(no)] == ["filed", "overdue", "chase", "escalate"]


def test_outbox_retries_with_backoff_until_delivered(service: ComplaintService) -> None:
    service.file_complaint(without_receipt(), None, NOW)  # e-mail + webhook to brigade-east
    channel = RecordingChannel(down=True)
    channels = {"email": channel, "webhook": channel}
    first = service.deliver_outbox(NOW, channels)
    assert (first.claimed, first.delivered, first.failed) == (2, 0, 2)
    pending = service.store.list_messages(delivered=False)
    assert all(m.attempts == 1 and m.last_error == "connection refused" for m in pending)
    assert service.deliver_outbox(NOW + dt.timedelta(seconds=30), channels).claimed == 0  # backing off
    assert service.deliver_outbox(NOW + dt.timedelta(seconds=61), channels).failed == 2
    assert service.deliver_outbox(NOW + dt.timedelta(seconds=61 + 90), channels).claimed == 0  # now 2 minutes
    channel.down = False
    done = service.deliver_outbox(NOW + dt.timedelta(seconds=61 + 121), channels)
    assert done.delivered == 2
    assert service.deliver_outbox(NOW + dt.timedelta(hours=5), channels).claimed == 0
    assert sorted(m.channel for m in channel.sent) == ["email", "webhook"]
    assert service.store.list_messages(delivered=False) == []


def test_message_without_a_configured_channel_stays_queued(service: ComplaintService) -> None:
    service.file_complaint(without_receipt(), None, NOW)
    email = RecordingChannel()
    assert service.deliver_outbox(NOW, {"email": email}).delivered == 1
    assert [m.channel for m in service.store.list_messages(delivered=False)] == ["webhook"]


def test_concurrent_deliveries_send_each_message_once(service: ComplaintService) -> None:
    for _ in range(10):
        service.file_complaint(without_receipt(), None, NOW)
    channel = RecordingChannel()
    barrier = threading.Barrier(4)

    def go() -> None:
        barrier.wait()
        service.deliver_outbox(NOW, {"email": channel, "webhook": channel}, limit=3)
        service.deliver_outbox(NOW, {"email": channel, "webhook": channel}, limit=50)

    threads = [threading.Thread(target=go) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ids = [m.id for m in channel.sent]
    assert len(ids) == len(set(ids)) == 20


def test_a_tick_reads_only_the_complaints_whose_timer_is_due(service: ComplaintService) -> None:
    filed = service.file_complaint(command(), None, NOW)  # accept due 2026-12-29, no reminder room
    other = service.file_complaint(command(), None, NOW)
    service.act(staff(service, "brigade-east"), other.tracking_no, StaffAction("accept"), NOW)
    due = service.store.due_complaints
    assert due(dt.date(2026, 12, 29)) == []  # nothing to fire before the day after the deadline
    assert [c.tracking_no for c in due(dt.date(2026, 12, 30))] == [filed.tracking_no]
    service.tick(at(2026, 12, 30))  # overdue + 催办 fired: the next is the escalation on 2027-01-05
    assert due(dt.date(2027, 1, 4)) == []
    # the accepted one: its reminder 3 working days before 2027-01-14
    assert [c.tracking_no for c in due(dt.date(2027, 1, 5))] == [filed.tracking_no]
    assert [c.tracking_no for c in due(dt.date(2027, 1, 11))] == [filed.tracking_no, other.tracking_no]
