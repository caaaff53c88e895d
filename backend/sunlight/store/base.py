"""The storage interface of the complaint backend, and the guarantees every store gives.

Small on purpose, so that a DynamoDB store can implement it one to one:

- ``transact(ops)`` writes several items atomically (DynamoDB ``TransactWriteItems``): all or
  nothing. Each op carries its condition: ``PutComplaint`` with ``expected_version`` (``None``:
  must not exist yet), ``PutIdempotency``, ``MarkTimerFired``, ``PutAccount`` must not exist,
  ``EnqueueMessage`` must not exist (by ``key``), ``AppendAudit`` must not exist (by
  ``tracking_no`` + ``seq``). When any condition fails nothing is written and
  ``ConditionFailed`` names the first failing op.
- The audit trail is append-only: there is no way to update or delete an event.
- The outbox hands each due message to one claimer at a time (a lease); ``mark_delivered`` and
  ``reschedule`` only succeed for the current lease holder.
- ``increment_counter`` is an atomic add (DynamoDB ``UpdateItem ADD``); reading a counter
  (``amount=0``) writes nothing. A counter is a rate limit, not a record: a store may answer an
  add before it is durable (SQLite's group commit does), never before it is applied. ``count_attempt`` counts an attempt *before* it is judged, so
  concurrent attempts never all see the count from before any of them.

Reads are narrow access patterns, each one index (no OR over columns, no scan of open complaints):
``get_complaint`` by tracking number, ``inbox(office)`` (open complaints indexed under the office:
``PutComplaint.inbox_offices``, who may see it by ``sunlight.domain.visibility``; soonest deadline first), ``due_complaints(today)`` (only
complaints whose next timer is due: ``PutComplaint.timer_on``, a sparse index), ``all_complaints``
(statistics; the one full read, documented per store), ``audit_trail``, the outbox by due time.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sunlight.domain.complaints import AuditEvent, Complaint
from sunlight.domain.inspections import Inspection
from sunlight.domain.visibility import named_offices
from sunlight.store.exchange_records import PartnerStore, PutOrderLink
from sunlight.store.reviews import ReviewStore

T = TypeVar("T")


class StoreError(Exception):
    """The store could not do what was asked (not a condition failure)."""


class ConditionFailed(StoreError):
    """A transaction's condition failed; nothing was written. ``op_index`` is the failing op."""

    def __init__(self, op_index: int, op: object, reason: str = "") -> None:
        super().__init__(f"condition failed on op {op_index} ({type(op).__name__}): {reason}")
        self.op_index = op_index
        self.op = op
        self.reason = reason


@dataclass(frozen=True)
class IdempotencyRecord:
    key_hash: str  # sha256 of the Idempotency-Key (the key itself is never stored)
    request_hash: str
    tracking_no: str
    sealed_code: str  # the access code encrypted with a key derived from the Idempotency-Key
    created_at: dt.datetime


@dataclass(frozen=True)
class Account:
    id: str
    kind: str  # staff | observer
    name: str
    office: str
    token_hash: str
    created_at: dt.datetime
    active: bool = True


@dataclass(frozen=True)
class Subscription:
    """An e-mail alert (``sunlight.service.alerts``): new public decisions of an office, a domain
    or a credit code, sent to ``email`` once confirmed (double opt-in) and until unsubscribed.
    The subscriber's token (in the confirmation mail and every alert) is stored only hashed."""

    token_hash: str  # sha256 of the token: the key
    email: str
    kind: str  # office | domain | credit_code
    value: str
    created_at: dt.datetime
    confirmed_at: dt.datetime | None = None
    unsubscribed_at: dt.datetime | None = None

    @property
    def active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


@dataclass(frozen=True)
class QueuedMessage:
    """An outbox row: the message plus its delivery state."""

    id: str
    key: str  # unique: the same event never enqueues the same message twice
    channel: str
    recipient: str
    subject: str
    body: str
    kind: str
    tracking_no: str
    office: str
    created_at: dt.datetime
    next_attempt_at: dt.datetime
    payload: dict[str, object] = field(default_factory=dict)
    attempts: int = 0
    delivered_at: dt.datetime | None = None
    last_error: str = ""
    lease_owner: str = ""
    lease_until: dt.datetime | None = None


# --- transaction operations ---------------------------------------------------------------------


@dataclass(frozen=True)
class PutComplaint:
    complaint: Complaint  # written with version = expected_version + 1 (1 when new)
    expected_version: int | None  # None: the tracking number must not exist yet
    timer_on: dt.date | None = None  # the day its next timer event is due (None: none left)
    # The offices whose inbox lists it while open: ``sunlight.domain.visibility.visible_to``
    # (None: the offices it names, as at filing, when routing has already kept the conflict out).
    offices: frozenset[str] | None = None

    @property
    def inbox_offices(self) -> frozenset[str]:
        """The offices to index the complaint under (none once it is closed)."""
        if not self.complaint.is_open:
            return frozenset()
        return self.offices if self.offices is not None else named_offices(self.complaint)


@dataclass(frozen=True)
class SetTimerOn:
    """Move a complaint's next timer day without changing it (on condition of its version)."""

    tracking_no: str
    expected_version: int
    timer_on: dt.date | None


@dataclass(frozen=True)
class AppendAudit:
    event: AuditEvent


@dataclass(frozen=True)
class EnqueueMessage:
    message: QueuedMessage


@dataclass(frozen=True)
class PutIdempotency:
    record: IdempotencyRecord


@dataclass(frozen=True)
class MarkTimerFired:
    key: str
    at: dt.datetime


@dataclass(frozen=True)
class PutAccount:
    account: Account


@dataclass(frozen=True)
class PutSubscription:
    subscription: Subscription
    expected_new: bool  # True: the token hash must be free; False: it must exist (confirm, unsubscribe)


WriteOp = (
    PutComplaint
    | SetTimerOn
    | AppendAudit
    | EnqueueMessage
    | PutIdempotency
    | MarkTimerFired
    | PutAccount
    | PutSubscription
    | PutOrderLink
)


@dataclass(frozen=True)
class Count:
    """One counter a write is counted against (``Store.transact_counted``): at most ``limit`` within
    ``window_seconds`` of the counter's first increment."""

    key: str
    window_seconds: int
    limit: int


class LimitExceeded(StoreError):
    """``Store.transact_counted``: ``count`` went over its limit; nothing was written or counted."""

    def __init__(self, count: Count) -> None:
        super().__init__(f"limit {count.limit} reached for {count.key}")
        self.count = count


class Store(ReviewStore, PartnerStore, ABC):
    # writes
    @abstractmethod
    def transact(self, ops: Sequence[WriteOp]) -> None:
        """Apply every op atomically, or none (``ConditionFailed``)."""

    # complaints
    @abstractmethod
    def get_complaint(self, tracking_no: str) -> Complaint | None: ...

    @abstractmethod
    def inbox(self, office: str) -> list[Complaint]:
        """Open complaints ``office`` handles, supervises, reviews or was escalated to, each once;
        ordered by ``next_due`` (soonest first, none last), then tracking number."""

    @abstractmethod
    def due_complaints(self, today: dt.date) -> list[Complaint]:
        """Complaints whose ``timer_on`` is ``today`` or earlier, soonest first (then tracking number)."""

    @abstractmethod
    def all_complaints(self) -> list[Complaint]:
        """Every complaint, by tracking number (statistics; the one read of the whole collection)."""

    @abstractmethod
    def audit_trail(self, tracking_no: str) -> list[AuditEvent]:
        """Every event of one complaint in the order written."""

    # idempotency, timers, accounts
    @abstractmethod
    def get_idempotency(self, key_hash: str) -> IdempotencyRecord | None: ...

    @abstractmethod
    def timer_fired(self, key: str) -> bool: ...

    @abstractmethod
    def get_account(self, token_hash: str) -> Account | None: ...

    @abstractmethod
    def list_accounts(self) -> list[Account]: ...

    @abstractmethod
    def get_subscription(self, token_hash: str) -> Subscription | None: ...

    @abstractmethod
    def list_subscriptions(self) -> list[Subscription]:
        """Every subscription, oldest first (``created_at``, then token hash)."""

    # outbox
    @abstractmethod
    def claim_messages(
        self, now: dt.datetime, owner: str, lease_seconds: int, limit: int
    ) -> list[QueuedMessage]:
        """Lease up to ``limit`` undelivered messages due at ``now`` whose lease is free or expired."""

    @abstractmethod
    def renew_lease(self, message_id: str, owner: str, now: dt.datetime, lease_seconds: int) -> bool:
        """Extend ``owner``'s lease to ``now + lease_seconds``; False when ``owner`` no longer holds it
        (expired and claimed by someone else, or delivered): the caller must not send the message."""

    @abstractmethod
    def mark_delivered(
        self, message_id: str, owner: str, now: dt.datetime, payload: dict[str, object] | None = None
    ) -> bool:
        """True when ``owner`` still held the lease and the message is now delivered. ``payload``, when
        given, replaces the stored one (e.g. without a receipt's sealed access code)."""

    @abstractmethod
    def reschedule(self, message_id: str, owner: str, next_attempt_at: dt.datetime, error: str) -> bool:
        """Count a failed attempt, free the lease, retry at ``next_attempt_at``."""

    @abstractmethod
    def list_messages(self, *, delivered: bool | None = None) -> list[QueuedMessage]:
        """Outbox rows (for operators and tests), oldest first."""

    # rate limiting
    @abstractmethod
    def increment_counter(self, key: str, now: dt.datetime, window_seconds: int, amount: int = 1) -> int:
        """Atomically add ``amount`` to the counter ``key`` and return the new value (``amount`` 0 reads it).
        A counter lives ``window_seconds`` from its first increment; once expired it starts from zero.
        A negative ``amount`` takes back from a live counter only (an expired one stays at zero)."""

    def transact_counted(self, counts: Sequence[Count], ops: Sequence[WriteOp], now: dt.datetime) -> None:
        """Add 1 to each counter of ``counts`` and apply ``ops``, all or nothing: over a limit raises
        ``LimitExceeded``, a failed condition ``ConditionFailed``, and either way nothing stays
        counted or written. SQLite does it in one transaction (one group commit); this default
        (memory, DynamoDB) counts first and takes the counts back when it does not write."""
        counted: list[Count] = []

        def take_back() -> None:
            for count in counted:
                self.increment_counter(count.key, now, count.window_seconds, amount=-1)

        for count in counts:
            counted.append(count)
            if self.increment_counter(count.key, now, count.window_seconds) > count.limit:
                take_back()
                raise LimitExceeded(count)
        try:
            self.transact(ops)
        except ConditionFailed:
            take_back()
            raise

    def count_attempt(
        self,
        keys: Sequence[str],
        now: dt.datetime,
        window_seconds: int,
        judge: Callable[[list[int]], tuple[T, bool]],
    ) -> T:
        """Add 1 to every counter in ``keys``, then call ``judge`` with the new values; it returns its
        result and whether the attempt stays counted. Concurrent attempts are judged one after the
        other on the counts of those before them. A store that can hold a transaction across
        ``judge`` (SQLite, memory) does so and, when the attempt is not kept, writes nothing; this
        default (DynamoDB) adds first, each counter on its own, and takes the attempt back after.
        ``judge`` must be quick and must not touch the store."""
        values = [self.increment_counter(key, now, window_seconds) for key in keys]
        result, keep = judge(values)
        if not keep:
            for key in keys:
                self.increment_counter(key, now, window_seconds, amount=-1)
        return result

    # inspection codes (涉企检查码, docs/inspections.md)
    @abstractmethod
    def put_inspection(self, inspection: Inspection, expected_version: int | None, event: AuditEvent) -> None:
        """Write ``inspection`` with version ``expected_version + 1`` (1 when new: the code must not exist
        yet) and its audit ``event`` (``tracking_no`` ``INSPECTION-<code>``) atomically, or raise
        ``ConditionFailed``."""

    @abstractmethod
    def get_inspection(self, code: str) -> Inspection | None: ...

    @abstractmethod
    def enterprise_inspections(self, credit_code: str) -> list[Inspection]:
        """Every inspection of one enterprise (by credit code), by planned day then code."""

    @abstractmethod
    def all_inspections(self) -> list[Inspection]:
        """Every inspection, by code (supervision list and aggregates; a full read)."""

    # the clock
    @abstractmethod
    def advance_clock(self, now: dt.datetime) -> dt.datetime | None:
        """Record ``now`` as the latest time a tick ran, unless a later one is recorded (the mark never
        moves back), atomically; return the mark as it was before (None: the first tick). A tick whose
        ``now`` is behind that mark runs on a clock that went backwards."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""
