"""Changes to a filed complaint: load, call the domain (``sunlight.domain.actions``), write.

Each change is one store transaction: the complaint written on condition of the version that
was read, its audit events appended, its notifications enqueued. When someone else changed the
complaint in between, the transaction fails and the caller gets ``Conflict``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from sunlight.domain import actions as rules
from sunlight.domain.actions import Event, Outcome
from sunlight.domain.catalog import Catalog
from sunlight.domain.complaints import AuditEvent, Complaint
from sunlight.domain.errors import Conflict
from sunlight.domain.local_time import local_date
from sunlight.domain.timers import next_timer_on
from sunlight.domain.visibility import visible_to
from sunlight.service.commands import StaffAction
from sunlight.service.exchange import partner_messages
from sunlight.service.notices import office_messages, reporter_message
from sunlight.store.base import (
    Account,
    AppendAudit,
    ConditionFailed,
    MarkTimerFired,
    PutComplaint,
    Store,
    WriteOp,
)


class StaleVersion(Conflict):
    """The complaint changed between reading and writing it (another request or a timer)."""


def timer_on(
    store: Store, catalog: Catalog, c: Complaint, now: dt.datetime, fired: Sequence[str] = ()
) -> dt.date | None:
    """The day ``c``'s next timer event is due, counting ``fired`` (written with it) as fired."""
    done = set(fired)
    return next_timer_on(c, local_date(now), catalog, lambda key: key in done or store.timer_fired(key))


def save(
    store: Store,
    catalog: Catalog,
    old: Complaint,
    new: Complaint,
    events: Sequence[Event],
    now: dt.datetime,
    messages: Sequence[WriteOp] = (),
    extra: Sequence[WriteOp] = (),
) -> Complaint:
    """Write ``new`` on condition that ``old.version`` is still current, with its events and messages
    (and its next timer day, counting the timers ``extra`` marks fired). Every change of a partner's
    work order also queues its status update for the partner (``service.exchange``)."""
    version = old.version + 1
    new = replace(new, version=version, last_event_at=now)
    fired = [op.key for op in extra if isinstance(op, MarkTimerFired)]
    put = PutComplaint(new, old.version, timer_on(store, catalog, new, now, fired), visible_to(catalog, new))
    ops: list[WriteOp] = [*extra, put]
    ops += [
        AppendAudit(AuditEvent(new.tracking_no, f"{version:06d}.{n:02d}", now, actor, action, detail))
        for n, (actor, action, detail) in enumerate(events)
    ]
    ops += messages
    ops += partner_messages(catalog, new, events, now)  # a 12345 work order: tell the hotline
    try:
        store.transact(ops)
    except ConditionFailed as failed:
        if isinstance(failed.op, PutComplaint):
            raise StaleVersion(
                "投诉已被更新,请刷新后重试", "the complaint changed meanwhile; reload and retry"
            ) from None
        raise
    return new


def commit(store: Store, catalog: Catalog, old: Complaint, outcome: Outcome) -> Complaint:
    """Write the domain's ``outcome`` of an action on ``old``, its notices as outbox messages."""
    key = f"{old.tracking_no}/{old.version + 1:06d}"
    new, at = outcome.complaint, outcome.at
    messages: list[WriteOp] = []
    for notice in outcome.notices:
        if notice.office:
            messages += office_messages(catalog, notice.office, notice.kind, key, new, at, notice.text)
        else:
            messages += reporter_message(catalog, new, notice.kind, key, notice.text, at)
    return save(store, catalog, old, new, outcome.events, at, messages)


def act(
    store: Store, catalog: Catalog, account: Account, c: Complaint, action: StaffAction, now: dt.datetime
) -> Complaint:
    """Apply a staff action of ``account`` to ``c`` (the rules: ``sunlight.domain.actions``)."""
    outcome = rules.staff_action(
        c,
        rules.Actor(account.office, account.id),
        now,
        catalog,
        action.action,
        text=action.text,
        to_office=action.to_office,
        reason=action.reason,
        days=action.days,
    )
    return commit(store, catalog, c, outcome)


def rate(
    store: Store, catalog: Catalog, c: Complaint, rating: str, comment: str, now: dt.datetime
) -> Complaint:
    """The reporter's rating of ``c`` (the rules: ``sunlight.domain.actions.rate``)."""
    return commit(store, catalog, c, rules.rate(c, now, catalog, rating, comment))
