"""The SQLite store's outbox reads and updates: claiming due messages under a lease, renewing it,
marking a message delivered or rescheduling it (``sunlight.notify``). Messages are queued by the
writes that cause them (``EnqueueMessage`` in ``SqliteStore.transact``)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from typing import Any

from sunlight.store.base import QueuedMessage
from sunlight.store.columns import dumps, from_ts, ts


class SqliteOutbox:
    _conn: Callable[[], sqlite3.Connection]
    _write: Callable[[Callable[[sqlite3.Connection], Any]], Any]  # SqliteStore's group commit

    def _message(self, r: sqlite3.Row) -> QueuedMessage:
        return QueuedMessage(
            id=r["id"],
            key=r["key"],
            channel=r["channel"],
            recipient=r["recipient"],
            subject=r["subject"],
            body=r["body"],
            kind=r["kind"],
            tracking_no=r["tracking_no"],
            office=r["office"],
            created_at=from_ts(r["created_at"]),
            next_attempt_at=from_ts(r["next_attempt_at"]),  # type: ignore[arg-type]
            payload=json.loads(r["payload"]),
            attempts=r["attempts"],
            delivered_at=from_ts(r["delivered_at"]),
            last_error=r["last_error"],
            lease_owner=r["lease_owner"],
            lease_until=from_ts(r["lease_until"]),
        )

    def claim_messages(
        self, now: dt.datetime, owner: str, lease_seconds: int, limit: int
    ) -> list[QueuedMessage]:
        now_s, until = ts(now), ts(now + dt.timedelta(seconds=lease_seconds))

        def claim(conn: sqlite3.Connection) -> list[sqlite3.Row]:
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ?"
                    " AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_attempt_at, created_at, id LIMIT ?",
                    (now_s, now_s, limit),
                )
            ]
            if not ids:
                return []
            marks = ",".join("?" * len(ids))
            conn.execute(
                f"UPDATE outbox SET lease_owner=?, lease_until=? WHERE id IN ({marks})", (owner, until, *ids)
            )
            return conn.execute(
                f"SELECT * FROM outbox WHERE id IN ({marks}) ORDER BY next_attempt_at, created_at, id", ids
            ).fetchall()

        return [self._message(r) for r in self._write(claim)]

    def renew_lease(self, message_id: str, owner: str, now: dt.datetime, lease_seconds: int) -> bool:
        if not owner:
            return False
        return self._update_one(
            "UPDATE outbox SET lease_until=? WHERE id=? AND lease_owner=? AND delivered_at IS NULL",
            (ts(now + dt.timedelta(seconds=lease_seconds)), message_id, owner),
        )

    def _update_one(self, sql: str, args: tuple[object, ...]) -> bool:
        return self._write(lambda conn: conn.execute(sql, args).rowcount == 1)

    def mark_delivered(
        self, message_id: str, owner: str, now: dt.datetime, payload: dict[str, object] | None = None
    ) -> bool:
        return self._update_one(
            "UPDATE outbox SET delivered_at=?, attempts=attempts+1, lease_owner='', lease_until=NULL,"
            " payload=COALESCE(?, payload) WHERE id=? AND lease_owner=? AND delivered_at IS NULL",
            (ts(now), None if payload is None else dumps(payload), message_id, owner),
        )

    def reschedule(self, message_id: str, owner: str, next_attempt_at: dt.datetime, error: str) -> bool:
        return self._update_one(
            "UPDATE outbox SET next_attempt_at=?, attempts=attempts+1, last_error=?, lease_owner='',"
            " lease_until=NULL WHERE id=? AND lease_owner=? AND delivered_at IS NULL",
            (ts(next_attempt_at), error[:500], message_id, owner),
        )

    def list_messages(self, *, delivered: bool | None = None) -> list[QueuedMessage]:
        sql = "SELECT * FROM outbox"
        if delivered is True:
            sql += " WHERE delivered_at IS NOT NULL"
        elif delivered is False:
            sql += " WHERE delivered_at IS NULL"
        return [self._message(r) for r in self._conn().execute(sql + " ORDER BY created_at, id")]
