"""The SQLite store's schema as numbered migrations; ``schema_migrations`` records those applied.

Append a new migration to the list; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3

from sunlight.store.sqlite_exchange import MIGRATION as EXCHANGE_MIGRATION

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE complaints (
        tracking_no TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        handling_office TEXT NOT NULL,
        supervising_office TEXT NOT NULL,
        review_office TEXT NOT NULL DEFAULT '',
        is_open INTEGER NOT NULL,
        next_due TEXT,
        data TEXT NOT NULL
    );
    CREATE INDEX complaints_handling ON complaints (handling_office, is_open, next_due);
    CREATE INDEX complaints_supervising ON complaints (supervising_office, is_open, next_due);
    CREATE TABLE audit (
        tracking_no TEXT NOT NULL,
        seq TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL,
        PRIMARY KEY (tracking_no, seq)
    );
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
    CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        kind TEXT NOT NULL,
        tracking_no TEXT NOT NULL,
        office TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        next_attempt_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        delivered_at TEXT,
        last_error TEXT NOT NULL DEFAULT '',
        lease_owner TEXT NOT NULL DEFAULT '',
        lease_until TEXT
    );
    CREATE INDEX outbox_due ON outbox (delivered_at, next_attempt_at);
    CREATE TABLE idempotency (
        key_hash TEXT PRIMARY KEY,
        request_hash TEXT NOT NULL,
        tracking_no TEXT NOT NULL,
        sealed_code TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE fired_timers (key TEXT PRIMARY KEY, fired_at TEXT NOT NULL);
    CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        office TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        active INTEGER NOT NULL
    );
    CREATE TABLE counters (key TEXT PRIMARY KEY, value INTEGER NOT NULL, expires_at TEXT NOT NULL);
    """,
    # 2: escalations give the bureau (or the office above the supervising one) a view of the case
    """
    ALTER TABLE complaints ADD COLUMN escalated_to TEXT NOT NULL DEFAULT '';
    CREATE INDEX complaints_escalated ON complaints (escalated_to, is_open, next_due);
    """,
    # 3: narrow access patterns: the review office's inbox, and the day of each complaint's next timer
    # (a partial index: a tick reads only the complaints due). Open complaints written before get
    # day one, so that the first tick looks at each once and stores its real next timer day.
    """
    CREATE INDEX complaints_review ON complaints (review_office, is_open, next_due);
    ALTER TABLE complaints ADD COLUMN timer_on TEXT;
    CREATE INDEX complaints_timer ON complaints (timer_on, tracking_no) WHERE timer_on IS NOT NULL;
    UPDATE complaints SET timer_on = '0001-01-01' WHERE is_open = 1;
    """,
    # 4: the latest time a tick ran (a clock that goes backwards is reported)
    """
    CREATE TABLE clock (name TEXT PRIMARY KEY, at TEXT NOT NULL);
    """,
    # 5: the inbox lists a complaint under each office that may see it (sunlight.domain.visibility),
    # one row per office while it is open, instead of one index per role column. Rows of open
    # complaints written before come from those columns (the service checks visibility again).
    """
    CREATE TABLE inbox (
        office TEXT NOT NULL,
        tracking_no TEXT NOT NULL,
        PRIMARY KEY (office, tracking_no)
    );
    CREATE INDEX inbox_by_complaint ON inbox (tracking_no);
    INSERT OR IGNORE INTO inbox (office, tracking_no)
        SELECT handling_office, tracking_no FROM complaints WHERE is_open = 1 AND handling_office != ''
        UNION SELECT supervising_office, tracking_no FROM complaints WHERE is_open = 1 AND supervising_office != ''
        UNION SELECT review_office, tracking_no FROM complaints WHERE is_open = 1 AND review_office != ''
        UNION SELECT escalated_to, tracking_no FROM complaints WHERE is_open = 1 AND escalated_to != '';
    DROP INDEX complaints_handling;
    DROP INDEX complaints_supervising;
    DROP INDEX complaints_review;
    DROP INDEX complaints_escalated;
    """,
    # 6: 涉企检查码 (inspection codes): one row per code, looked up by code and by enterprise
    """
    CREATE TABLE inspections (
        code TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        office TEXT NOT NULL,
        credit_code TEXT NOT NULL,
        planned_on TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX inspections_enterprise ON inspections (credit_code, planned_on, code);
    """,
    # 7: e-mail alerts (sunlight.service.alerts): one row per subscription, keyed by its token's hash
    """
    CREATE TABLE subscriptions (
        token_hash TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        created_at TEXT NOT NULL,
        confirmed_at TEXT,
        unsubscribed_at TEXT
    );
    """,
    # 8: the 12345 exchange (docs/exchange.md): partner accounts and each work order's complaint
    EXCHANGE_MIGRATION,
]


def numbered_migrations() -> list[tuple[int, str]]:
    """Every migration with its number, in order: the list above counts from 1; others add theirs by
    number (the 案卷评查 table is 9, ``reviews_sqlite``). A database records each number it applied,
    so a number added later below one already applied still runs once."""
    from sunlight.store import reviews_sqlite

    numbered = dict(enumerate(MIGRATIONS, start=1))
    if reviews_sqlite.MIGRATION_NUMBER in numbered:
        raise RuntimeError(f"migration {reviews_sqlite.MIGRATION_NUMBER} is taken twice: renumber one")
    numbered[reviews_sqlite.MIGRATION_NUMBER] = reviews_sqlite.MIGRATION
    return sorted(numbered.items())


def statements(script: str) -> list[str]:
    """Split a migration into statements (triggers contain ';' inside BEGIN ... END)."""
    out: list[str] = []
    buffer = ""
    for line in script.strip().splitlines():
        buffer += line + "\n"
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        out.append(buffer.strip())
    return out
