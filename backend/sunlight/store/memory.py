"""An in-memory store for unit tests and experiments: the same contract as the SQLite store
(conditional writes, all-or-nothing transactions, leases), one lock, nothing on disk."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from sunlight.domain.case_review import Review
from sunlight.domain.complaints import AuditEvent, Complaint
from sunlight.domain.inspections import Inspection
from sunlight.store.base import (
    Account,
    AppendAudit,
    ConditionFailed,
    EnqueueMessage,
    IdempotencyRecord,
    MarkTimerFired,
    PutAccount,
    PutComplaint,
    PutIdempotency,
    PutSubscription,
    QueuedMessage,
    SetTimerOn,
    Store,
    StoreError,
    Subscription,
    T,
    WriteOp,
)
from sunlight.store.exchange_records import OrderLink, Partner, PutOrderLink
from sunlight.store.memory_exchange import MemoryExchangeMixin
from sunlight.store.reviews_memory import MemoryReviews


class MemoryStore(MemoryReviews, MemoryExchangeMixin, Store):
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self.complaints: dict[str, Complaint] = {}
        self.timer_on: dict[str, dt.date] = {}  # tracking number -> next timer day (sparse)
        self.inbox_of: dict[str, frozenset[str]] = {}  # tracking number -> offices it is listed for
        self.audit: dict[tuple[str, str], AuditEvent] = {}
        self.outbox: dict[str, QueuedMessage] = {}
        self.outbox_keys: set[str] = set()
        self.idempotency: dict[str, IdempotencyRecord] = {}
        self.timers: set[str] = set()
        self.accounts: dict[str, Account] = {}
        self.subscriptions: dict[str, Subscription] = {}
        self.counters: dict[str, tuple[int, dt.datetime]] = {}
        self.clock_mark: dt.datetime | None = None
        self.inspections: dict[str, Inspection] = {}
        self.reviews: dict[int, Review] = {}
        self.partners: dict[str, Partner] = {}
        self.order_links: dict[tuple[str, str], OrderLink] = {}

    def _check(self, index: int, op: WriteOp, staged: dict[str, object]) -> None:
        def fail(reason: str) -> None:
            raise ConditionFailed(index, op, reason)

        if isinstance(op, PutComplaint):
            key = "c:" + op.complaint.tracking_no
            current = staged[key] if key in staged else self.complaints.get(op.complaint.tracking_no)
            if op.expected_version is None and current is not None:
                fail("exists")
            if op.expected_version is not None and (
                current is None or current.version != op.expected_version
            ):  # type: ignore[attr-defined]
                fail("version mismatch")
            version = 1 if op.expected_version is None else op.expected_version + 1
            staged[key] = replace(op.complaint, version=version)
            staged["d:" + op.complaint.tracking_no] = op.timer_on
            staged["o:" + op.complaint.tracking_no] = op.inbox_offices
        elif isinstance(op, SetTimerOn):
            key = "c:" + op.tracking_no
            current = staged[key] if key in staged else self.complaints.get(op.tracking_no)
            if current is None or current.version != op.expected_version:  # type: ignore[attr-defined]
                fail("version mismatch")
            staged["d:" + op.tracking_no] = op.timer_on
        elif isinstance(op, AppendAudit):
            key = f"a:{op.event.tracking_no}:{op.event.seq}"
            if key in staged or (op.event.tracking_no, op.event.seq) in self.audit:
                fail("exists")
            staged[key] = op.event
        elif isinstance(op, EnqueueMessage):
            key = "m:" + op.message.key
            if key in staged or op.message.key in self.outbox_keys or op.message.id in self.outbox:
                fail("exists")
            staged[key] = op.message
        elif isinstance(op, PutIdempotency):
            key = "i:" + op.record.key_hash
            if key in staged or op.record.key_hash in self.idempotency:
                fail("exists")
            staged[key] = op.record
        elif isinstance(op, MarkTimerFired):
            key = "t:" + op.key
            if key in staged or op.key in self.timers:
                fail("exists")
            staged[key] = op.key
        elif isinstance(op, PutAccount):
            key = "u:" + op.account.token_hash
            if key in staged or op.account.token_hash in self.accounts:
                fail("exists")
            staged[key] = op.account
        elif isinstance(op, PutSubscription):
            token = op.subscription.token_hash
            key = "s:" + token
            if (key in staged or token in self.subscriptions) == op.expected_new:
                fail("exists" if op.expected_new else "missing")
            staged[key] = op.subscription
        elif isinstance(op, PutOrderLink):
            self._check_order_link(index, op, staged)
        else:
            raise StoreError(f"unknown op {op!r}")

    def transact(self, ops: Sequence[WriteOp]) -> None:
        with self._lock:
            staged: dict[str, object] = {}
            for index, op in enumerate(ops):
                self._check(index, op, staged)
            for key, value in staged.items():
                kind = key[0]
                if kind == "c":
                    self.complaints[value.tracking_no] = value  # type: ignore[attr-defined]
                elif kind == "d":
                    if value is None:
                        self.timer_on.pop(key[2:], None)
                    else:
                        self.timer_on[key[2:]] = value  # type: ignore[assignment]
                elif kind == "o":
                    self.inbox_of[key[2:]] = value  # type: ignore[assignment]
                elif kind == "a":
                    self.audit[(value.tracking_no, value.seq)] = value  # type: ignore[attr-defined]
                elif kind == "m":
                    self.outbox[value.id] = value  # type: ignore[attr-defined]
                    self.outbox_keys.add(value.key)  # type: ignore[attr-defined]
                elif kind == "i":
                    self.idempotency[value.key_hash] = value  # type: ignore[attr-defined]
                elif kind == "t":
                    self.timers.add(value)  # type: ignore[arg-type]
                elif kind == "u":
                    self.accounts[value.token_hash] = value  # type: ignore[attr-defined]
                elif kind == "s":
                    self.subscriptions[value.token_hash] = value  # type: ignore[attr-defined]
                elif kind == "x":
                    self._apply_order_link(value)  # type: ignore[arg-type]

    def put_inspection(self, inspection: Inspection, expected_version: int | None, event: AuditEvent) -> None:
        self._put_versioned(self.inspections, inspection.code, inspection, expected_version, event)

    def _put_versioned(
        self, table: dict[Any, Any], key: object, record: Any, expected_version: int | None, event: AuditEvent
    ) -> None:
        """``record`` (a dataclass with a ``version``) into ``table`` at ``key`` and its audit event,
        together: added when ``expected_version`` is None, else only at that version.
        ``ConditionFailed`` 0 (the record exists, or moved on) or 1 (the event exists)."""
        with self._lock:
            current = table.get(key)
            if (current is None) != (expected_version is None) or (
                current is not None and current.version != expected_version
            ):
                raise ConditionFailed(0, record, "version mismatch")
            if (event.tracking_no, event.seq) in self.audit:
                raise ConditionFailed(1, event, "audit event exists")
            table[key] = replace(record, version=(expected_version or 0) + 1)
            self.audit[(event.tracking_no, event.seq)] = event

    def get_inspection(self, code: str) -> Inspection | None:
        with self._lock:
            return self.inspections.get(code)

    def enterprise_inspections(self, credit_code: str) -> list[Inspection]:
        with self._lock:
            found = [i for i in self.inspections.values() if i.credit_code == credit_code]
        return sorted(found, key=lambda i: (i.planned_on, i.code))

    def all_inspections(self) -> list[Inspection]:
        with self._lock:
            return [self.inspections[k] for k in sorted(self.inspections)]

    def get_complaint(self, tracking_no: str) -> Complaint | None:
        with self._lock:
            return self.complaints.get(tracking_no)

    def inbox(self, office: str) -> list[Complaint]:
        with self._lock:
            items = [c for no, c in self.complaints.items() if office in self.inbox_of.get(no, ())]
        return sorted(items, key=lambda c: (c.next_due is None, c.next_due or dt.date.max, c.tracking_no))

    def due_complaints(self, today: dt.date) -> list[Complaint]:
        with self._lock:
            due = sorted((on, no) for no, on in self.timer_on.items() if on <= today)
            return [self.complaints[no] for _, no in due]

    def all_complaints(self) -> list[Complaint]:
        with self._lock:
            return [self.complaints[no] for no in sorted(self.complaints)]

    def audit_trail(self, tracking_no: str) -> list[AuditEvent]:
        with self._lock:
            return sorted((e for (no, _), e in self.audit.items() if no == tracking_no), key=lambda e: e.seq)

    def get_idempotency(self, key_hash: str) -> IdempotencyRecord | None:
        with self._lock:
            return self.idempotency.get(key_hash)

    def timer_fired(self, key: str) -> bool:
        with self._lock:
            return key in self.timers

    def get_account(self, token_hash: str) -> Account | None:
        with self._lock:
            return self.accounts.get(token_hash)

    def list_accounts(self) -> list[Account]:
        with self._lock:
            return sorted(self.accounts.values(), key=lambda a: (a.created_at, a.id))

    def get_subscription(self, token_hash: str) -> Subscription | None:
        with self._lock:
            return self.subscriptions.get(token_hash)

    def list_subscriptions(self) -> list[Subscription]:
        with self._lock:
            return sorted(self.subscriptions.values(), key=lambda s: (s.created_at, s.token_hash))

    def claim_messages(
        self, now: dt.datetime, owner: str, lease_seconds: int, limit: int
    ) -> list[QueuedMessage]:
        with self._lock:
            due = sorted(
                (
                    m
                    for m in self.outbox.values()
                    if m.delivered_at is None
                    and m.next_attempt_at <= now
                    and (m.lease_until is None or m.lease_until <= now)
                ),
                key=lambda m: (m.next_attempt_at, m.created_at, m.id),
            )[:limit]
            until = now + dt.timedelta(seconds=lease_seconds)
            claimed = [replace(m, lease_owner=owner, lease_until=until) for m in due]
            for m in claimed:
                self.outbox[m.id] = m
            return claimed

    def _finish(self, message_id: str, owner: str, **changes: object) -> bool:
        with self._lock:
            m = self.outbox.get(message_id)
            if m is None or m.lease_owner != owner or m.delivered_at is not None:
                return False
            self.outbox[message_id] = replace(
                m, attempts=m.attempts + 1, lease_owner="", lease_until=None, **changes
            )  # type: ignore[arg-type]
            return True

    def renew_lease(self, message_id: str, owner: str, now: dt.datetime, lease_seconds: int) -> bool:
        with self._lock:
            m = self.outbox.get(message_id)
            if not owner or m is None or m.lease_owner != owner or m.delivered_at is not None:
                return False
            self.outbox[message_id] = replace(m, lease_until=now + dt.timedelta(seconds=lease_seconds))
            return True

    def mark_delivered(
        self, message_id: str, owner: str, now: dt.datetime, payload: dict[str, object] | None = None
    ) -> bool:
        if payload is not None:
            return self._finish(message_id, owner, delivered_at=now, payload=dict(payload))
        return self._finish(message_id, owner, delivered_at=now)

    def reschedule(self, message_id: str, owner: str, next_attempt_at: dt.datetime, error: str) -> bool:
        return self._finish(message_id, owner, next_attempt_at=next_attempt_at, last_error=error[:500])

    def list_messages(self, *, delivered: bool | None = None) -> list[QueuedMessage]:
        with self._lock:
            items = [
                m
                for m in self.outbox.values()
                if delivered is None or (m.delivered_at is not None) == delivered
            ]
        return sorted(items, key=lambda m: (m.created_at, m.id))

    def increment_counter(self, key: str, now: dt.datetime, window_seconds: int, amount: int = 1) -> int:
        with self._lock:
            return self._add(key, now, window_seconds, amount)

    def _add(self, key: str, now: dt.datetime, window_seconds: int, amount: int) -> int:
        value, expires = self.counters.get(key, (0, now))
        if expires <= now or expires > now + dt.timedelta(seconds=window_seconds):  # or started ahead
            if amount <= 0:  # a read, or taking back from an expired counter
                return 0
            value, expires = 0, now + dt.timedelta(seconds=window_seconds)
        value += amount
        self.counters[key] = (value, expires)
        return value

    def count_attempt(
        self,
        keys: Sequence[str],
        now: dt.datetime,
        window_seconds: int,
        judge: Callable[[list[int]], tuple[T, bool]],
    ) -> T:
        with self._lock:
            saved = {key: self.counters.get(key) for key in keys}
            values = [self._add(key, now, window_seconds, 1) for key in keys]
            result, keep = judge(values)
            if not keep:
                for key, before in saved.items():
                    if before is None:
                        self.counters.pop(key, None)
                    else:
                        self.counters[key] = before
            return result

    def advance_clock(self, now: dt.datetime) -> dt.datetime | None:
        with self._lock:
            before = self.clock_mark
            if before is None or now > before:
                self.clock_mark = now
            return before
