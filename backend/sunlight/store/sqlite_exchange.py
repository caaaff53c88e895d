"""The SQLite store's part of the 12345 exchange (migration 8): partners and order links."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from sunlight.store.base import ConditionFailed
from sunlight.store.columns import from_ts, ts
from sunlight.store.exchange_records import OrderLink, Partner, PartnerStore, PutOrderLink

MIGRATION = """
CREATE TABLE partners (
    name TEXT PRIMARY KEY,
    webhook TEXT NOT NULL,
    sealed_secret TEXT NOT NULL,
    created_at TEXT NOT NULL,
    rotated_at TEXT
);
CREATE TABLE exchange_orders (
    partner TEXT NOT NULL,
    order_no TEXT NOT NULL,
    tracking_no TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (partner, order_no)
);
"""


def apply_order_link(conn: sqlite3.Connection, op: PutOrderLink) -> bool:
    """The ``PutOrderLink`` op of a transaction (``sqlite_writes.apply_op``)."""
    link = op.link
    conn.execute(
        "INSERT INTO exchange_orders VALUES (?,?,?,?)",
        (link.partner, link.order_no, link.tracking_no, ts(link.created_at)),
    )
    return True


class SqliteExchangeMixin(PartnerStore):
    _conn: Callable[[], sqlite3.Connection]
    _write: Callable[..., Any]

    def put_partner(self, partner: Partner, expected_new: bool) -> None:
        row = (
            partner.webhook,
            partner.sealed_secret,
            ts(partner.created_at),
            ts(partner.rotated_at) if partner.rotated_at else None,
            partner.name,
        )

        def work(conn: sqlite3.Connection) -> None:
            if expected_new:
                try:
                    conn.execute(
                        "INSERT INTO partners (webhook, sealed_secret, created_at, rotated_at, name)"
                        " VALUES (?,?,?,?,?)",
                        row,
                    )
                except sqlite3.IntegrityError as exc:
                    raise ConditionFailed(0, partner, str(exc)) from None
                return
            cursor = conn.execute(
                "UPDATE partners SET webhook=?, sealed_secret=?, created_at=?, rotated_at=? WHERE name=?", row
            )
            if cursor.rowcount != 1:
                raise ConditionFailed(0, partner, "missing")

        self._write(work)

    @staticmethod
    def _partner(r: sqlite3.Row) -> Partner:
        return Partner(
            r["name"], r["webhook"], r["sealed_secret"], from_ts(r["created_at"]), from_ts(r["rotated_at"])
        )

    def get_partner(self, name: str) -> Partner | None:
        r = self._conn().execute("SELECT * FROM partners WHERE name=?", (name,)).fetchone()
        return self._partner(r) if r else None

    def list_partners(self) -> list[Partner]:
        return [self._partner(r) for r in self._conn().execute("SELECT * FROM partners ORDER BY name")]

    def get_order_link(self, partner: str, order_no: str) -> OrderLink | None:
        r = (
            self._conn()
            .execute("SELECT * FROM exchange_orders WHERE partner=? AND order_no=?", (partner, order_no))
            .fetchone()
        )
        if r is None:
            return None
        return OrderLink(r["partner"], r["order_no"], r["tracking_no"], from_ts(r["created_at"]))
