"""Running timers (``tick``) and delivering the outbox (``deliver``).

``tick`` fires each due timer event in its own transaction: the fired-timer key (must not exist),
the complaint (on condition of the version read), the audit event and the outbox messages. Two
ticks at once: one transaction wins, the other fails its condition, reloads and finds nothing left.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import replace

from sunlight.domain import complaints as states
from sunlight.domain.actions import settle
from sunlight.domain.catalog import Catalog
from sunlight.domain.complaints import Complaint, event_time
from sunlight.domain.errors import Conflict
from sunlight.domain.local_time import SHANGHAI, local_date
from sunlight.domain.timers import TimerEvent, due_events
from sunlight.service.actions import save, timer_on
from sunlight.service.codes import open_receipt_seal
from sunlight.service.notices import CODE_SLOT, SEALED_CODE, deadline_text, office_messages
from sunlight.service.outbox import Channel, DeliveryError, OutboundMessage
from sunlight.service.results import DeliveryResult, TickResult
from sunlight.service.sealing import SealError
from sunlight.store.base import ConditionFailed, MarkTimerFired, QueuedMessage, SetTimerOn, Store, WriteOp

log = logging.getLogger(__name__)

BACKOFF_FIRST_SECONDS = 60
BACKOFF_MAX_SECONDS = 3600
UNCONFIGURED_RETRY_SECONDS = 300
MAX_ROUNDS = 20
# Two ticks at once (the serve loop and a cron `sunlight tick`) may be a little out of order.
CLOCK_TOLERANCE = dt.timedelta(seconds=60)


def backoff(attempts: int) -> dt.timedelta:
    """Delay before the next try after ``attempts`` failed ones (1 min, 2, 4, ... at most 1 hour)."""
    return dt.timedelta(seconds=min(BACKOFF_MAX_SECONDS, BACKOFF_FIRST_SECONDS * 2 ** min(attempts, 16)))


def _fire(store: Store, catalog: Catalog, c: Complaint, event: TimerEvent, now: dt.datetime) -> int:
    """Fire one event; the number of messages enqueued."""
    now = event_time(c, now)  # never before the complaint's last event, whatever the clock says
    detail = {"phase": event.phase, "due": event.due.isoformat(), "office": event.office}
    new = c
    messages: list[WriteOp] = []
    if event.kind == "close":
        new = replace(c, status=states.CLOSED, closed_at=now)
    else:
        if event.kind == "overdue" and event.phase not in c.overdue:
            new = replace(c, overdue=(*c.overdue, event.phase))
        if event.kind == "escalate" and event.office:
            new = replace(c, escalated_to=event.office)
        messages += office_messages(
            catalog,
            event.office,
            event.kind,
            event.key,
            settle(catalog, new),
            now,
            deadline_text(event.phase, event.due),
        )
    save(
        store,
        catalog,
        c,
        settle(catalog, new),
        [("system", event.kind, detail)],
        now,
        messages,
        extra=[MarkTimerFired(event.key, now)],
    )
    return len(messages)


def clock_behind(mark: dt.datetime | None, now: dt.datetime) -> tuple[str, ...]:
    """A warning when ``now`` is more than ``CLOCK_TOLERANCE`` behind the latest tick ``mark``."""
    if mark is None or now >= mark - CLOCK_TOLERANCE:
        return ()
    shown, seen = now.astimezone(SHANGHAI).isoformat(), mark.astimezone(SHANGHAI).isoformat()
    return (
        f"时钟早于上次定时任务运行时间({seen}):现在是 {shown},新事件的时间将不早于各投诉的最后一个事件"
        f" / the clock is behind the last tick ({seen}): now is {shown}; new events are recorded no earlier"
        " than each complaint's last one",
    )


def tick(store: Store, catalog: Catalog, now: dt.datetime) -> TickResult:
    """Fire the events of the complaints whose next timer day has come (the store's sparse index:
    complaints with nothing due are not read)."""
    today = local_date(now)
    clock_warnings = clock_behind(store.advance_clock(now), now)
    for warning in clock_warnings:
        log.warning(warning)
    fired: list[str] = []
    enqueued = 0
    for listed in store.due_complaints(today):
        c: Complaint | None = listed
        for round_no in range(MAX_ROUNDS):
            if c is None:
                break
            pending = [e for e in due_events(c, today, catalog) if not store.timer_fired(e.key)]
            if not pending:
                if round_no == 0:  # indexed as due but nothing to fire (an older row): store the real day
                    with suppress(ConditionFailed):
                        store.transact(
                            [SetTimerOn(c.tracking_no, c.version, timer_on(store, catalog, c, now))]
                        )
                break
            try:
                enqueued += _fire(store, catalog, c, pending[0], now)
                fired.append(pending[0].key)
            except (ConditionFailed, Conflict):
                pass  # another tick or a staff action got there first: read again
            c = store.get_complaint(listed.tracking_no)
    warnings = (*clock_warnings, *(f"{zh} / {en}" for zh, en in catalog.calendar.fallback_warnings()))
    return TickResult(fired=tuple(fired), enqueued=enqueued, warnings=warnings)


def _outbound(m: QueuedMessage, code_key: Callable[[], bytes] | None) -> OutboundMessage:
    """The message as a channel sends it: a receipt's sealed access code opened into its body (never
    passed on in the payload). A seal that cannot be opened (the key was replaced) sends the receipt
    with a line saying so rather than holding it back."""
    payload = dict(m.payload)
    body = m.body
    sealed = payload.pop(SEALED_CODE, None)
    if sealed is not None:
        try:
            if code_key is None:
                raise SealError("no access-code key")
            code = open_receipt_seal(str(sealed), code_key(), m.tracking_no)
            shown = "-".join(code[i : i + 4] for i in range(0, len(code), 4))
        except SealError:
            log.warning("message %s: the sealed access code cannot be opened; sent without it", m.id)
            shown = "（查询码无法附上，请使用提交页面显示的查询码）"
        body = body.replace(CODE_SLOT, shown)
    return OutboundMessage(
        id=m.id,
        channel=m.channel,
        recipient=m.recipient,
        subject=m.subject,
        body=body,
        kind=m.kind,
        tracking_no=m.tracking_no,
        office=m.office,
        payload=payload,
        attempts=m.attempts,
    )


def deliver(
    store: Store,
    now: dt.datetime,
    channels: Mapping[str, Channel],
    limit: int,
    lease_seconds: int,
    clock: Callable[[], dt.datetime] | None = None,
    code_key: Callable[[], bytes] | None = None,
) -> DeliveryResult:
    """Claim up to ``limit`` due messages and send them one by one. Before each send the lease is
    renewed from ``clock()`` (the real time while slow sends go on): a message whose renewal fails
    was claimed by a later run after this run's lease ran out, and is skipped, so two overlapping
    runs never send it twice. A single send must stay shorter than ``lease_seconds`` (the channels'
    own timeouts are shorter). ``code_key`` opens the access code sealed in a receipt e-mail; once
    that mail is delivered, its stored payload loses the sealed code."""
    owner = uuid.uuid4().hex
    claimed = store.claim_messages(now, owner, lease_seconds, limit)
    delivered = failed = 0
    for m in claimed:
        moment = clock() if clock is not None else now
        if not store.renew_lease(m.id, owner, max(moment, now), lease_seconds):
            log.info("message %s: lease lost to a later run; not sent by this one", m.id)
            continue
        channel = channels.get(m.channel)
        if channel is None:
            store.reschedule(
                m.id,
                owner,
                now + dt.timedelta(seconds=UNCONFIGURED_RETRY_SECONDS),
                f"channel {m.channel} not configured",
            )
            failed += 1
            continue
        try:
            channel.send(_outbound(m, code_key))
        except DeliveryError as exc:
            store.reschedule(m.id, owner, now + backoff(m.attempts), str(exc) or type(exc).__name__)
            failed += 1
            continue
        except Exception as exc:  # a channel bug must not lose the message
            log.exception("channel %s failed on message %s", m.channel, m.id)
            store.reschedule(m.id, owner, now + backoff(m.attempts), f"{type(exc).__name__}: {exc}")
            failed += 1
            continue
        scrubbed = (
            None if SEALED_CODE not in m.payload else {k: v for k, v in m.payload.items() if k != SEALED_CODE}
        )
        if store.mark_delivered(m.id, owner, now, payload=scrubbed):
            delivered += 1
    return DeliveryResult(claimed=len(claimed), delivered=delivered, failed=failed)
