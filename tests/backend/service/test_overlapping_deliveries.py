"""Two overlapping timer runs never send a message twice (on every store).

The first run claims 100 messages with a 120 s lease and sends them slowly (5 s each); a second
run starts 126 s in (lease + 6 s), as an EventBridge tick would. Without lease renewal the second
run claimed every message not yet sent plus the one being sent, and both sent them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sunlight.service import delivery
from sunlight.service.outbox import OutboundMessage
from sunlight.store.base import EnqueueMessage, QueuedMessage, Store

T0 = dt.datetime(2026, 12, 24, 2, 0, tzinfo=dt.UTC)
LEASE = 120
SEND_SECONDS = 5


class FakeClock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


class SlowChannel:
    """Each send takes 5 s of the fake clock; at lease + 6 s a second run starts inside a send."""

    def __init__(self, clock: FakeClock, second_run: Callable[[], None]) -> None:
        self.clock = clock
        self.sent: list[str] = []
        self.in_flight = ""
        self.second_claimed: list[str] = []
        self._second_run = second_run
        self._started_second = False

    def send(self, message: OutboundMessage) -> None:
        self.in_flight = message.id
        self.clock.now += dt.timedelta(seconds=SEND_SECONDS)
        if not self._started_second and self.clock.now >= T0 + dt.timedelta(seconds=LEASE + 6):
            self._started_second = True
            self._second_run()
        self.sent.append(message.id)


def _message(n: int) -> QueuedMessage:
    return QueuedMessage(
        id=f"m{n:03d}",
        key=f"k{n:03d}",
        channel="email",
        recipient="east@example.gov.cn",
        subject="主题",
        body="正文",
        kind="reminder",
        tracking_no="TS-1",
        office="brigade-east",
        created_at=T0,
        next_attempt_at=T0,
    )


def test_a_second_run_at_lease_plus_6s_sends_nothing_twice(make_store: Callable[[], Store]) -> None:
    store = make_store()
    for start in range(0, 100, 25):
        store.transact([EnqueueMessage(_message(n)) for n in range(start, start + 25)])
    clock = FakeClock(T0)
    channel: SlowChannel

    def second_run() -> None:
        in_flight = channel.in_flight
        claimed = store.claim_messages(clock(), "second", LEASE, 100)
        channel.second_claimed = [m.id for m in claimed]
        assert in_flight not in channel.second_claimed, "the message being sent was claimed again"
        for m in claimed:  # the second run sends what it claimed (instantly)
            channel.sent.append(m.id)
            assert store.mark_delivered(m.id, "second", clock())

    channel = SlowChannel(clock, second_run)
    result = delivery.deliver(store, T0, {"email": channel}, limit=100, lease_seconds=LEASE, clock=clock)
    assert channel.second_claimed, "the second run found the messages whose lease had expired"
    assert sorted(channel.sent) == [f"m{n:03d}" for n in range(100)]  # each exactly once
    assert len(channel.sent) == 100
    assert result.claimed == 100 and result.delivered + len(channel.second_claimed) == 100
    assert store.list_messages(delivered=False) == []


def test_renewal_fails_for_a_former_holder(make_store: Callable[[], Store]) -> None:
    store = make_store()
    store.transact([EnqueueMessage(_message(1))])
    [m] = store.claim_messages(T0, "one", LEASE, 10)
    assert store.renew_lease(m.id, "one", T0 + dt.timedelta(seconds=100), LEASE)
    assert store.claim_messages(T0 + dt.timedelta(seconds=LEASE + 6), "two", LEASE, 10) == []  # renewed
    later = T0 + dt.timedelta(seconds=100 + LEASE + 1)
    assert [x.id for x in store.claim_messages(later, "two", LEASE, 10)] == [m.id]
    assert not store.renew_lease(m.id, "one", later, LEASE)  # "one" lost it: must not send
    assert store.renew_lease(m.id, "two", later, LEASE)
    assert store.mark_delivered(m.id, "two", later)
    assert not store.renew_lease(m.id, "two", later, LEASE)  # delivered
