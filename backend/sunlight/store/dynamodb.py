"""The DynamoDB store: one table (``docs/dynamodb.md``), the same contract as SQLite.

Every ``transact`` is one ``TransactWriteItems`` with a condition per item; the store refuses more
than 100 items itself. Reads follow ``LastEvaluatedKey``. The outbox is claimed message by
message with a conditional update (lease owner and lease end), so two claimers never hold one.
Chosen by ``SUNLIGHT_STORE=dynamodb://TABLE`` (``sunlight.bootstrap``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sunlight.domain.complaints import AuditEvent, Complaint
from sunlight.domain.inspections import Inspection, inspection_from_dict, inspection_to_dict
from sunlight.store import dynamo_items as items
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
    WriteOp,
)
from sunlight.store.columns import from_ts, ts
from sunlight.store.dynamo_client import ConditionalCheckFailed, DynamoClient
from sunlight.store.dynamo_exchange import DynamoExchangeMixin, order_link_entry
from sunlight.store.dynamo_items import N, S
from sunlight.store.exchange_records import PutOrderLink
from sunlight.store.reviews_dynamo import DynamoReviews

NEW = "attribute_not_exists(pk)"


class DynamoStore(DynamoReviews, DynamoExchangeMixin, Store):
    def __init__(self, client: DynamoClient) -> None:
        self.client = client

    @classmethod
    def connect(cls, table: str, endpoint_url: str | None = None, region: str | None = None) -> DynamoStore:
        return cls(DynamoClient.connect(table, endpoint_url=endpoint_url, region=region))

    def create_table(self) -> bool:
        """Create the table with its indexes and TTL unless it exists (``sunlight store init``)."""
        definition = items.cloudformation_table_properties()  # the stack's table is this one too
        ttl = definition.pop("TimeToLiveSpecification")
        return self.client.create_table(definition, ttl["AttributeName"])

    # --- writes -------------------------------------------------------------------------------

    def transact(self, ops: Sequence[WriteOp]) -> None:
        entries: list[dict[str, Any]] = []
        owners: list[int] = []  # item index -> op index
        for index, op in enumerate(ops):
            for entry in self._entries(op):
                entries.append(entry)
                owners.append(index)
        try:
            self.client.transact_write(entries)
        except ConditionalCheckFailed as failed:
            op_index = owners[failed.index] if failed.index < len(owners) else 0
            raise ConditionFailed(op_index, ops[op_index], "condition failed") from None

    def _entries(self, op: WriteOp) -> list[dict[str, Any]]:
        def put(
            item: dict[str, Any], condition: str = NEW, values: dict[str, Any] | None = None
        ) -> dict[str, Any]:
            action: dict[str, Any] = {"Item": item, "ConditionExpression": condition}
            if values:
                action["ExpressionAttributeValues"] = values
            return {"Put": action}

        if isinstance(op, PutComplaint):
            version = 1 if op.expected_version is None else op.expected_version + 1
            item = items.complaint_item(op.complaint, version, op.timer_on, op.inbox_offices)
            if op.expected_version is None:
                return [put(item)]
            return [put(item, "version = :v", {":v": N(op.expected_version)})]
        if isinstance(op, SetTimerOn):
            attrs = items.timer_attrs(op.tracking_no, op.timer_on)
            update: dict[str, Any] = {
                "Key": items.complaint_key(op.tracking_no),
                "ConditionExpression": "version = :v",
                "ExpressionAttributeValues": {":v": N(op.expected_version)},
            }
            if attrs:
                update["UpdateExpression"] = f"SET {items.TIMERS_PK} = :tp, {items.TIMERS_SK} = :ts"
                update["ExpressionAttributeValues"].update(
                    {":tp": attrs[items.TIMERS_PK], ":ts": attrs[items.TIMERS_SK]}
                )
            else:
                update["UpdateExpression"] = f"REMOVE {items.TIMERS_PK}, {items.TIMERS_SK}"
            return [{"Update": update}]
        if isinstance(op, AppendAudit):
            return [put(items.audit_item(op.event))]
        if isinstance(op, EnqueueMessage):
            return [put(items.message_item(op.message)), put(items.message_guard_item(op.message))]
        if isinstance(op, PutIdempotency):
            return [put(items.idempotency_item(op.record))]
        if isinstance(op, MarkTimerFired):
            return [put(items.timer_item(op.key, op.at))]
        if isinstance(op, PutAccount):
            return [put(items.account_item(op.account))]
        if isinstance(op, PutSubscription):
            item = items.subscription_item(op.subscription)
            return [put(item, NEW if op.expected_new else "attribute_exists(pk)")]
        if isinstance(op, PutOrderLink):
            return [order_link_entry(op)]
        raise StoreError(f"unknown op {op!r}")

    # --- complaints ---------------------------------------------------------------------------

    def get_complaint(self, tracking_no: str) -> Complaint | None:
        item = self.client.get(items.complaint_key(tracking_no))
        return items.complaint_of(item) if item else None

    def inbox(self, office: str) -> list[Complaint]:
        found: dict[str, tuple[str, Complaint]] = {}
        for index, attr in items.INBOX_INDEXES.items():
            for item in self.client.query(
                IndexName=index,
                KeyConditionExpression=f"{attr} = :o",
                ExpressionAttributeValues={":o": S(office)},
            ):
                c = items.complaint_of(item)
                found[c.tracking_no] = (item["inbox_sk"]["S"], c)
        return [c for _, c in sorted(found.values(), key=lambda pair: pair[0])]

    def due_complaints(self, today: dt.date) -> list[Complaint]:
        return [
            items.complaint_of(item)
            for item in self.client.query(
                IndexName=items.TIMERS_INDEX,
                KeyConditionExpression=f"{items.TIMERS_PK} = :t AND {items.TIMERS_SK} <= :d",
                ExpressionAttributeValues={":t": S("T"), ":d": S(today.isoformat() + "#\uffff")},
            )
        ]

    def all_complaints(self) -> list[Complaint]:
        return [
            items.complaint_of(item)
            for item in self.client.query(
                IndexName=items.COMPLAINTS_INDEX,
                KeyConditionExpression=f"{items.COMPLAINTS_PK} = :c",
                ExpressionAttributeValues={":c": S("C")},
            )
        ]

    def audit_trail(self, tracking_no: str) -> list[AuditEvent]:
        return [
            items.audit_of(item)
            for item in self.client.query(
                KeyConditionExpression="pk = :p AND begins_with(sk, :a)",
                ExpressionAttributeValues={":p": S(f"C#{tracking_no}"), ":a": S("A#")},
                ConsistentRead=True,
            )
        ]

    # --- inspection codes (docs/dynamodb.md) --------------------------------------------------

    def put_inspection(self, inspection: Inspection, expected_version: int | None, event: AuditEvent) -> None:
        version = (expected_version or 0) + 1
        self._put_versioned(
            [
                items.key(f"N#{inspection.code}", "N"),
                items.key(f"NE#{inspection.credit_code}", f"N#{inspection.code}"),
            ],
            json.dumps(inspection_to_dict(replace(inspection, version=version)), ensure_ascii=False),
            version,
            expected_version,
            (inspection, event),
        )

    def _put_versioned(
        self,
        keys: list[dict[str, Any]],
        data: str,
        version: int,
        expected_version: int | None,
        records: tuple[object, AuditEvent],
    ) -> None:
        """One versioned record (``data`` and ``version`` under each of ``keys``: the record and its
        index copies) and its audit event in one transaction: new when ``expected_version`` is None,
        else only at that version. ``ConditionFailed`` names the record (index 0) or, past it, 1."""
        record, event = records
        body = {"data": S(data), "version": N(version)}
        action: dict[str, Any] = {"ConditionExpression": NEW}
        if expected_version is not None:
            action = {
                "ConditionExpression": "version = :v",
                "ExpressionAttributeValues": {":v": N(expected_version)},
            }
        entries = [{"Put": {"Item": {**key, **body}, **action}} for key in keys]
        entries.append({"Put": {"Item": items.audit_item(event), "ConditionExpression": NEW}})
        try:
            self.client.transact_write(entries)
        except ConditionalCheckFailed as failed:
            raise ConditionFailed(min(failed.index, 1), record, "condition failed") from None

    def get_inspection(self, code: str) -> Inspection | None:
        item = self.client.get(items.key(f"N#{code}", "N"))
        return inspection_from_dict(json.loads(item["data"]["S"])) if item else None

    def enterprise_inspections(self, credit_code: str) -> list[Inspection]:
        found = [
            inspection_from_dict(json.loads(item["data"]["S"]))
            for item in self.client.query(
                KeyConditionExpression="pk = :p",
                ExpressionAttributeValues={":p": S(f"NE#{credit_code}")},
                ConsistentRead=True,
            )
        ]
        return sorted(found, key=lambda i: (i.planned_on, i.code))

    def all_inspections(self) -> list[Inspection]:
        """A scan (the supervision list and aggregates, at an agency's volume)."""
        found = [
            inspection_from_dict(json.loads(item["data"]["S"]))
            for item in self.client.scan(FilterExpression="sk = :n", ExpressionAttributeValues={":n": S("N")})
        ]
        return sorted(found, key=lambda i: i.code)

    # --- idempotency, timers, accounts -------------------------------------------------------

    def get_idempotency(self, key_hash: str) -> IdempotencyRecord | None:
        item = self.client.get(items.key(f"I#{key_hash}", "I"))
        return items.idempotency_of(item) if item else None

    def timer_fired(self, key: str) -> bool:
        return self.client.get(items.key(f"T#{key}", "T")) is not None

    def get_account(self, token_hash: str) -> Account | None:
        item = self.client.get(items.key("U", f"U#{token_hash}"))
        return items.account_of(item) if item else None

    def list_accounts(self) -> list[Account]:
        found = self.client.query(
            KeyConditionExpression="pk = :u", ExpressionAttributeValues={":u": S("U")}, ConsistentRead=True
        )
        return sorted((items.account_of(i) for i in found), key=lambda a: (a.created_at, a.id))

    def get_subscription(self, token_hash: str) -> Subscription | None:
        item = self.client.get(items.key("A", f"A#{token_hash}"))
        return items.subscription_of(item) if item else None

    def list_subscriptions(self) -> list[Subscription]:
        found = self.client.query(
            KeyConditionExpression="pk = :a", ExpressionAttributeValues={":a": S("A")}, ConsistentRead=True
        )
        return sorted((items.subscription_of(i) for i in found), key=lambda s: (s.created_at, s.token_hash))

    # --- outbox -------------------------------------------------------------------------------

    def claim_messages(
        self, now: dt.datetime, owner: str, lease_seconds: int, limit: int
    ) -> list[QueuedMessage]:
        now_s, until = ts(now), ts(now + dt.timedelta(seconds=lease_seconds))
        claimed: list[QueuedMessage] = []
        candidates = self.client.query(
            IndexName=items.OUTBOX_INDEX,
            KeyConditionExpression=f"{items.OUTBOX_PK} = :o AND {items.OUTBOX_SK} <= :n",
            FilterExpression="attribute_not_exists(lease_until) OR lease_until <= :now",
            ExpressionAttributeValues={":o": S("O"), ":n": S(now_s + "#\uffff"), ":now": S(now_s)},
        )
        for candidate in candidates:
            if len(claimed) >= limit:
                break
            try:
                item = self.client.update(
                    items.message_key(candidate["id"]["S"]),
                    "SET lease_owner = :w, lease_until = :u",
                    f"attribute_exists({items.OUTBOX_PK}) AND next_attempt_at <= :now"
                    " AND (attribute_not_exists(lease_until) OR lease_until <= :now)",
                    {":w": S(owner), ":u": S(until), ":now": S(now_s)},
                )
            except ConditionalCheckFailed:
                continue  # another claimer got it first (the index lags the table)
            claimed.append(items.message_of(item))
        return sorted(claimed, key=lambda m: (m.next_attempt_at, m.created_at, m.id))

    def _held(self, message_id: str, owner: str, expression: str, values: dict[str, Any]) -> bool:
        if not owner:
            return False
        try:
            self.client.update(
                items.message_key(message_id),
                expression,
                "lease_owner = :w AND attribute_not_exists(delivered_at)",
                {":w": S(owner), **values},
            )
        except ConditionalCheckFailed:
            return False
        return True

    def renew_lease(self, message_id: str, owner: str, now: dt.datetime, lease_seconds: int) -> bool:
        until = ts(now + dt.timedelta(seconds=lease_seconds))
        return self._held(message_id, owner, "SET lease_until = :u", {":u": S(until)})

    def mark_delivered(
        self, message_id: str, owner: str, now: dt.datetime, payload: dict[str, object] | None = None
    ) -> bool:
        values = {":d": S(ts(now)), ":one": N(1), ":free": S("")}
        replaced = ""
        if payload is not None:
            values[":p"] = S(items.dumps(payload))
            replaced = ", payload = :p"
        return self._held(
            message_id,
            owner,
            f"SET delivered_at = :d, attempts = attempts + :one, lease_owner = :free{replaced}"
            f" REMOVE lease_until, {items.OUTBOX_PK}, {items.OUTBOX_SK}",
            values,
        )

    def reschedule(self, message_id: str, owner: str, next_attempt_at: dt.datetime, error: str) -> bool:
        return self._held(
            message_id,
            owner,
            f"SET next_attempt_at = :n, {items.OUTBOX_SK} = :s, attempts = attempts + :one,"
            " last_error = :e, lease_owner = :free REMOVE lease_until",
            {
                ":n": S(ts(next_attempt_at)),
                ":s": S(items.outbox_sk(next_attempt_at, message_id)),
                ":one": N(1),
                ":e": S(error[:500]),
                ":free": S(""),
            },
        )

    def list_messages(self, *, delivered: bool | None = None) -> list[QueuedMessage]:
        """For operators and tests: a scan of the table (its cost grows with the table)."""
        found = [
            items.message_of(item)
            for item in self.client.scan(FilterExpression="sk = :m", ExpressionAttributeValues={":m": S("M")})
        ]
        if delivered is not None:
            found = [m for m in found if (m.delivered_at is not None) == delivered]
        return sorted(found, key=lambda m: (m.created_at, m.id))

    # --- counters -----------------------------------------------------------------------------

    def increment_counter(self, key: str, now: dt.datetime, window_seconds: int, amount: int = 1) -> int:
        now_s = ts(now)
        if amount == 0:
            item = self.client.get(items.counter_key(key))
            live = item and now_s < item["expires_at"]["S"] <= ts(now + dt.timedelta(seconds=window_seconds))
            return int(item["value"]["N"]) if live else 0
        expires = now + dt.timedelta(seconds=window_seconds)
        latest = S(ts(expires))  # a counter expiring later was started on a clock ahead: a new window
        for _attempt in range(10):
            try:  # a live counter: add atomically
                item = self.client.update(
                    items.counter_key(key),
                    "ADD #v :a",
                    "expires_at > :now AND expires_at <= :latest",
                    {":a": N(amount), ":now": S(now_s), ":latest": latest},
                    names={"#v": "value"},
                )
                return int(item["value"]["N"])
            except ConditionalCheckFailed:
                if amount < 0:  # nothing live to take back from
                    return 0
            try:  # none, or expired: start a new window
                self.client.put(
                    {
                        **items.counter_key(key),
                        "value": N(amount),
                        "expires_at": S(ts(expires)),
                        items.TTL: N(int(expires.timestamp()) + 1),
                    },
                    "attribute_not_exists(pk) OR expires_at <= :now OR expires_at > :latest",
                    {":now": S(now_s), ":latest": latest},
                )
                return amount
            except ConditionalCheckFailed:
                continue  # someone else started it meanwhile: add to theirs
        raise StoreError(f"counter {key}: too much contention")

    # --- the clock ----------------------------------------------------------------------------

    def advance_clock(self, now: dt.datetime) -> dt.datetime | None:
        key = items.key("K#clock", "K")
        for _attempt in range(10):
            item = self.client.get(key)
            before = from_ts(item["mark_at"]["S"]) if item else None
            if before is not None and now <= before:
                return before
            try:  # move the mark forward unless someone else moved it meanwhile
                if item is None:
                    self.client.put({**key, "mark_at": S(ts(now))}, "attribute_not_exists(pk)")
                else:
                    self.client.put(
                        {**key, "mark_at": S(ts(now))}, "mark_at = :before", {":before": item["mark_at"]}
                    )
                return before
            except ConditionalCheckFailed:
                continue
        raise StoreError("clock mark: too much contention")
