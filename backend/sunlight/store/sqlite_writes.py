"""How each write op of the store (``sunlight.store.base``) becomes SQL on the SQLite store's
writing connection, inside a group commit's transaction (``sunlight.store.sqlite``).
"""

from __future__ import annotations

import sqlite3

from sunlight.domain.complaints import complaint_to_dict
from sunlight.store.base import (
    AppendAudit,
    EnqueueMessage,
    MarkTimerFired,
    PutAccount,
    PutComplaint,
    PutIdempotency,
    PutSubscription,
    SetTimerOn,
    StoreError,
    WriteOp,
)
from sunlight.store.columns import dumps as _dumps
from sunlight.store.columns import ts
from sunlight.store.exchange_records import PutOrderLink
from sunlight.store.sqlite_exchange import apply_order_link


def apply_op(conn: sqlite3.Connection, op: WriteOp) -> bool:
    """Write ``op`` on ``conn`` (inside the group commit's transaction): False when its expected
    version does not match; an ``sqlite3.IntegrityError`` when a row it inserts exists."""
    if isinstance(op, PutComplaint):
        c = op.complaint
        version = 1 if op.expected_version is None else op.expected_version + 1
        data = complaint_to_dict(c)
        data["version"] = version
        row = (
            version,
            c.status,
            c.handling_office,
            c.supervising_office,
            c.review_office,
            c.escalated_to,
            int(c.is_open),
            c.next_due.isoformat() if c.next_due else None,
            op.timer_on.isoformat() if op.timer_on else None,
            _dumps(data),
        )
        if op.expected_version is None:
            conn.execute(
                "INSERT INTO complaints (version, status, handling_office, supervising_office, review_office,"
                " escalated_to, is_open, next_due, timer_on, data, tracking_no) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (*row, c.tracking_no),
            )
        else:
            cur = conn.execute(
                "UPDATE complaints SET version=?, status=?, handling_office=?, supervising_office=?,"
                " review_office=?, escalated_to=?, is_open=?, next_due=?, timer_on=?, data=?"
                " WHERE tracking_no=? AND version=?",
                (*row, c.tracking_no, op.expected_version),
            )
            if cur.rowcount != 1:
                return False
        conn.execute("DELETE FROM inbox WHERE tracking_no=?", (c.tracking_no,))
        conn.executemany(
            "INSERT INTO inbox (office, tracking_no) VALUES (?,?)",
            [(office, c.tracking_no) for office in sorted(op.inbox_offices)],
        )
        return True
    if isinstance(op, SetTimerOn):
        cur = conn.execute(
            "UPDATE complaints SET timer_on=? WHERE tracking_no=? AND version=?",
            (op.timer_on.isoformat() if op.timer_on else None, op.tracking_no, op.expected_version),
        )
        return cur.rowcount == 1
    if isinstance(op, AppendAudit):
        e = op.event
        conn.execute(
            "INSERT INTO audit VALUES (?,?,?,?,?,?)",
            (e.tracking_no, e.seq, ts(e.at), e.actor, e.action, _dumps(e.detail)),
        )
        return True
    if isinstance(op, EnqueueMessage):
        m = op.message
        conn.execute(
            "INSERT INTO outbox (id, key, channel, recipient, subject, body, kind, tracking_no, office, payload,"
            " created_at, next_attempt_at, attempts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                m.id,
                m.key,
                m.channel,
                m.recipient,
                m.subject,
                m.body,
                m.kind,
                m.tracking_no,
                m.office,
                _dumps(m.payload),
                ts(m.created_at),
                ts(m.next_attempt_at),
                m.attempts,
            ),
        )
        return True
    if isinstance(op, PutIdempotency):
        r = op.record
        conn.execute(
            "INSERT INTO idempotency VALUES (?,?,?,?,?)",
            (r.key_hash, r.request_hash, r.tracking_no, r.sealed_code, ts(r.created_at)),
        )
        return True
    if isinstance(op, MarkTimerFired):
        conn.execute("INSERT INTO fired_timers VALUES (?,?)", (op.key, ts(op.at)))
        return True
    if isinstance(op, PutAccount):
        a = op.account
        conn.execute(
            "INSERT INTO accounts VALUES (?,?,?,?,?,?,?)",
            (a.id, a.kind, a.name, a.office, a.token_hash, ts(a.created_at), int(a.active)),
        )
        return True
    if isinstance(op, PutSubscription):
        sub = op.subscription
        row = (
            sub.email,
            sub.kind,
            sub.value,
            ts(sub.created_at),
            ts(sub.confirmed_at) if sub.confirmed_at else None,
            ts(sub.unsubscribed_at) if sub.unsubscribed_at else None,
            sub.token_hash,
        )
        if op.expected_new:
            conn.execute(
                "INSERT INTO subscriptions (email, kind, value, created_at, confirmed_at,"
                " unsubscribed_at, token_hash) VALUES (?,?,?,?,?,?,?)",
                row,
            )
            return True
        cur = conn.execute(
            "UPDATE subscriptions SET email=?, kind=?, value=?, created_at=?, confirmed_at=?,"
            " unsubscribed_at=? WHERE token_hash=?",
            row,
        )
        return cur.rowcount == 1
    if isinstance(op, PutOrderLink):
        return apply_order_link(conn, op)
    raise StoreError(f"unknown op {op!r}")
