"""The DynamoDB store's single-table layout: keys, index attributes, and domain <-> item conversion.

See ``docs/dynamodb.md`` for every access pattern and its key. Items are plain attribute values
(``{"S": ...}``, ``{"N": ...}``); timestamps are UTC strings that sort as text (as in SQLite).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sunlight.domain.complaints import AuditEvent, Complaint, complaint_from_dict, complaint_to_dict
from sunlight.store.base import Account, IdempotencyRecord, QueuedMessage, Subscription
from sunlight.store.columns import from_ts, ts

TTL = "ttl"  # epoch seconds; DynamoDB deletes the item some time after
NO_DUE = "~"  # sorts after every date: complaints without a deadline come last in an inbox
# Index name -> an attribute holding one of the offices whose inbox lists the complaint while it is
# open (``PutComplaint.inbox_offices``: at most four, one per slot, in alphabetical order).
INBOX_INDEXES = {
    "inbox_handling": "h_office",
    "inbox_supervising": "s_office",
    "inbox_review": "r_office",
    "inbox_escalated": "e_office",
}
TIMERS_INDEX, TIMERS_PK, TIMERS_SK = "timers_due", "t_pk", "t_sk"
OUTBOX_INDEX, OUTBOX_PK, OUTBOX_SK = "outbox_due", "o_pk", "o_sk"
COMPLAINTS_INDEX, COMPLAINTS_PK = "complaints_all", "all_pk"
IDEMPOTENCY_TTL_DAYS = 30


def S(value: str) -> dict[str, str]:  # noqa: N802 - DynamoDB's own type letters
    return {"S": value}


def N(value: int) -> dict[str, str]:  # noqa: N802
    return {"N": str(int(value))}


def key(pk: str, sk: str) -> dict[str, Any]:
    return {"pk": S(pk), "sk": S(sk)}


def complaint_key(tracking_no: str) -> dict[str, Any]:
    return key(f"C#{tracking_no}", "C")


def message_key(message_id: str) -> dict[str, Any]:
    return key(f"M#{message_id}", "M")


def counter_key(name: str) -> dict[str, Any]:
    return key(f"R#{name}", "R")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _str(item: dict[str, Any], name: str) -> str:
    value = item.get(name)
    return str(value["S"]) if value else ""


def _int(item: dict[str, Any], name: str) -> int:
    value = item.get(name)
    return int(value["N"]) if value else 0


def table_definition() -> dict[str, Any]:
    """The table's layout as ``CreateTable`` takes it (``sunlight store init``); its TTL attribute is
    ``TTL``. The AWS stack's ``AWS::DynamoDB::Table`` is rendered from the same description
    (``cloudformation_table_properties``), so the two cannot drift apart."""
    strings = ["pk", "sk", *INBOX_INDEXES.values(), "inbox_sk", TIMERS_PK, TIMERS_SK, OUTBOX_PK, OUTBOX_SK]
    strings.append(COMPLAINTS_PK)

    def index(name: str, pk: str, sk: str) -> dict[str, Any]:
        return {
            "IndexName": name,
            "KeySchema": [
                {"AttributeName": pk, "KeyType": "HASH"},
                {"AttributeName": sk, "KeyType": "RANGE"},
            ],
            "Projection": {"ProjectionType": "ALL"},
        }

    indexes = [index(name, attr, "inbox_sk") for name, attr in INBOX_INDEXES.items()]
    indexes += [
        index(TIMERS_INDEX, TIMERS_PK, TIMERS_SK),
        index(OUTBOX_INDEX, OUTBOX_PK, OUTBOX_SK),
        index(COMPLAINTS_INDEX, COMPLAINTS_PK, "pk"),
    ]
    return {
        "AttributeDefinitions": [{"AttributeName": a, "AttributeType": "S"} for a in strings],
        "KeySchema": [
            {"AttributeName": "pk", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"},
        ],
        "GlobalSecondaryIndexes": indexes,
        "BillingMode": "PAY_PER_REQUEST",
    }


def cloudformation_table_properties() -> dict[str, Any]:
    """``table_definition`` and the TTL as the properties of an ``AWS::DynamoDB::Table``
    (``scripts/aws/package.py`` puts them in the packaged template)."""
    return {**table_definition(), "TimeToLiveSpecification": {"AttributeName": TTL, "Enabled": True}}


# --- complaints ------------------------------------------------------------------------------------


def timer_attrs(tracking_no: str, timer_on: dt.date | None) -> dict[str, Any]:
    if timer_on is None:
        return {}
    return {TIMERS_PK: S("T"), TIMERS_SK: S(f"{timer_on.isoformat()}#{tracking_no}")}


def complaint_item(
    c: Complaint, version: int, timer_on: dt.date | None, offices: frozenset[str] = frozenset()
) -> dict[str, Any]:
    data = complaint_to_dict(c)
    data["version"] = version
    item: dict[str, Any] = {
        **complaint_key(c.tracking_no),
        "version": N(version),
        "status": S(c.status),
        "data": S(dumps(data)),
        COMPLAINTS_PK: S("C"),
        "inbox_sk": S(f"{c.next_due.isoformat() if c.next_due else NO_DUE}#{c.tracking_no}"),
        **timer_attrs(c.tracking_no, timer_on),
    }
    if len(offices) > len(INBOX_INDEXES):
        raise ValueError(f"{c.tracking_no}: more inbox offices than index slots: {sorted(offices)}")
    for attr, office in zip(INBOX_INDEXES.values(), sorted(offices), strict=False):
        item[attr] = S(office)
    return item


def complaint_of(item: dict[str, Any]) -> Complaint:
    return complaint_from_dict(json.loads(_str(item, "data")))


# --- audit -----------------------------------------------------------------------------------------


def audit_item(e: AuditEvent) -> dict[str, Any]:
    return {
        **key(f"C#{e.tracking_no}", f"A#{e.seq}"),
        "at": S(ts(e.at)),
        "actor": S(e.actor),
        "action": S(e.action),
        "detail": S(dumps(e.detail)),
    }


def audit_of(item: dict[str, Any]) -> AuditEvent:
    return AuditEvent(
        _str(item, "pk")[2:],
        _str(item, "sk")[2:],
        from_ts(_str(item, "at")),  # type: ignore[arg-type]
        _str(item, "actor"),
        _str(item, "action"),  # type: ignore[arg-type]
        json.loads(_str(item, "detail")),
    )


# --- outbox ----------------------------------------------------------------------------------------


def outbox_sk(at: dt.datetime, message_id: str) -> str:
    return f"{ts(at)}#{message_id}"


def message_item(m: QueuedMessage) -> dict[str, Any]:
    item: dict[str, Any] = {
        **message_key(m.id),
        "id": S(m.id),
        "key": S(m.key),
        "channel": S(m.channel),
        "recipient": S(m.recipient),
        "subject": S(m.subject),
        "body": S(m.body),
        "kind": S(m.kind),
        "tracking_no": S(m.tracking_no),
        "office": S(m.office),
        "payload": S(dumps(m.payload)),
        "created_at": S(ts(m.created_at)),
        "next_attempt_at": S(ts(m.next_attempt_at)),
        "attempts": N(m.attempts),
        "last_error": S(m.last_error),
        "lease_owner": S(m.lease_owner),
    }
    if m.delivered_at is None:  # the sparse outbox index holds undelivered messages only
        item[OUTBOX_PK] = S("O")
        item[OUTBOX_SK] = S(outbox_sk(m.next_attempt_at, m.id))
    else:
        item["delivered_at"] = S(ts(m.delivered_at))
    if m.lease_until is not None:
        item["lease_until"] = S(ts(m.lease_until))
    return item


def message_guard_item(m: QueuedMessage) -> dict[str, Any]:
    """One item per message key, so that the same event never enqueues the same message twice."""
    return {**key(f"MK#{m.key}", "MK"), "id": S(m.id)}


def message_of(item: dict[str, Any]) -> QueuedMessage:
    return QueuedMessage(
        id=_str(item, "id"),
        key=_str(item, "key"),
        channel=_str(item, "channel"),
        recipient=_str(item, "recipient"),
        subject=_str(item, "subject"),
        body=_str(item, "body"),
        kind=_str(item, "kind"),
        tracking_no=_str(item, "tracking_no"),
        office=_str(item, "office"),
        created_at=from_ts(_str(item, "created_at")),  # type: ignore[arg-type]
        next_attempt_at=from_ts(_str(item, "next_attempt_at")),  # type: ignore[arg-type]
        payload=json.loads(_str(item, "payload") or "{}"),
        attempts=_int(item, "attempts"),
        delivered_at=from_ts(_str(item, "delivered_at")),
        last_error=_str(item, "last_error"),
        lease_owner=_str(item, "lease_owner"),
        lease_until=from_ts(_str(item, "lease_until")),
    )


# --- idempotency, timers, accounts ------------------------------------------------------------------


def idempotency_item(r: IdempotencyRecord) -> dict[str, Any]:
    expires = r.created_at + dt.timedelta(days=IDEMPOTENCY_TTL_DAYS)
    return {
        **key(f"I#{r.key_hash}", "I"),
        "request_hash": S(r.request_hash),
        "tracking_no": S(r.tracking_no),
        "sealed_code": S(r.sealed_code),
        "created_at": S(ts(r.created_at)),
        TTL: N(int(expires.timestamp())),
    }


def idempotency_of(item: dict[str, Any]) -> IdempotencyRecord:
    return IdempotencyRecord(
        _str(item, "pk")[2:],
        _str(item, "request_hash"),
        _str(item, "tracking_no"),
        _str(item, "sealed_code"),
        from_ts(_str(item, "created_at")),  # type: ignore[arg-type]
    )


def timer_item(name: str, at: dt.datetime) -> dict[str, Any]:
    return {**key(f"T#{name}", "T"), "fired_at": S(ts(at))}


def account_item(a: Account) -> dict[str, Any]:
    return {
        **key("U", f"U#{a.token_hash}"),
        "id": S(a.id),
        "kind": S(a.kind),
        "name": S(a.name),
        "office": S(a.office),
        "created_at": S(ts(a.created_at)),
        "active": {"BOOL": a.active},
    }


def account_of(item: dict[str, Any]) -> Account:
    return Account(
        _str(item, "id"),
        _str(item, "kind"),
        _str(item, "name"),
        _str(item, "office"),
        _str(item, "sk")[2:],
        from_ts(_str(item, "created_at")),  # type: ignore[arg-type]
        bool(item.get("active", {}).get("BOOL", True)),
    )


# --- e-mail alert subscriptions: one partition "A", sorted by token hash ---------------------------


def subscription_item(sub: Subscription) -> dict[str, Any]:
    item = {
        **key("A", f"A#{sub.token_hash}"),
        "email": S(sub.email),
        "kind": S(sub.kind),
        "value": S(sub.value),
        "created_at": S(ts(sub.created_at)),
    }
    if sub.confirmed_at:
        item["confirmed_at"] = S(ts(sub.confirmed_at))
    if sub.unsubscribed_at:
        item["unsubscribed_at"] = S(ts(sub.unsubscribed_at))
    return item


def subscription_of(item: dict[str, Any]) -> Subscription:
    def moment(name: str) -> dt.datetime | None:
        return from_ts(item[name]["S"]) if name in item else None

    return Subscription(
        _str(item, "sk")[2:],
        _str(item, "email"),
        _str(item, "kind"),
        _str(item, "value"),
        from_ts(_str(item, "created_at")),  # type: ignore[arg-type]
        moment("confirmed_at"),
        moment("unsubscribed_at"),
    )
