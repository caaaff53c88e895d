"""The embedded store: one SQLite file in WAL mode.

Durability: ``journal_mode=WAL`` with ``synchronous=FULL``, so a write that returned has reached
the disk and survives a ``kill -9``. Concurrency: one connection per thread for reads; the writes
of this process go through group commit (``sqlite_batch``): concurrent writes share one
``BEGIN IMMEDIATE`` transaction and one fsync, each under its own savepoint, and each returns only
once that transaction is committed (a rate-limit counter: once applied). Other processes wait up to ``busy_timeout``, so several
processes may share one file. Schema changes are numbered migrations recorded in
``schema_migrations``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import replace
from pathlib import Path

from sunlight.domain.complaints import AuditEvent, Complaint, complaint_from_dict
from sunlight.domain.inspections import Inspection, inspection_from_dict, inspection_to_dict
from sunlight.store.base import (
    Account,
    AppendAudit,
    ConditionFailed,
    Count,
    IdempotencyRecord,
    LimitExceeded,
    Store,
    Subscription,
    T,
    WriteOp,
)
from sunlight.store.columns import dumps as _dumps
from sunlight.store.columns import from_ts, ts
from sunlight.store.reviews_sqlite import SqliteReviews
from sunlight.store.sqlite_batch import GroupCommit, R, Work
from sunlight.store.sqlite_exchange import SqliteExchangeMixin
from sunlight.store.sqlite_outbox import SqliteOutbox
from sunlight.store.sqlite_schema import numbered_migrations, statements
from sunlight.store.sqlite_writes import apply_op

BUSY_TIMEOUT_MS = 30_000


class SqliteStore(SqliteReviews, SqliteExchangeMixin, SqliteOutbox, Store):
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._writer: sqlite3.Connection | None = None
        self._batch = GroupCommit(self._writing_conn)
        self._migrated = False  # migrations may rewrite whole tables: their undo pages spill to disk
        self._migrate()
        self._migrated = True
        self._writing_conn().execute("PRAGMA temp_store = MEMORY")

    # --- connections ------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        with self._lock:
            self._all.append(conn)
        return conn

    def _conn(self) -> sqlite3.Connection:
        """This thread's connection, for reads."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._open()
        return conn

    def _writing_conn(self) -> sqlite3.Connection:
        """The one connection every group commit writes on (batches never overlap, so one thread
        uses it at a time): its page cache stays warm from batch to batch, where a connection per
        thread would start each batch from a cache emptied by the previous writer's commit.

        Once migrated, it keeps its temporary files in memory (``temp_store = MEMORY``): each job
        of a batch runs under a savepoint, and SQLite copies every page the job changes into a
        sub-journal, which past 64 KiB (a filing's dozen pages) spills to a temporary file,
        written and read back at each batch; a batch's few pages cost little memory."""
        if self._writer is None:
            self._writer = self._open()
            if self._migrated:
                self._writer.execute("PRAGMA temp_store = MEMORY")
        return self._writer

    def _write(self, work: Callable[[sqlite3.Connection], R]) -> R:
        """Run ``work`` in the next group commit; its result once committed (``sqlite_batch``)."""
        return self._batch.run(lambda conn: (work(conn), True))

    def _write_or_not(self, work: Work[R]) -> R:
        """As ``_write``, but ``work`` also says whether to keep what it wrote."""
        return self._batch.run(work)

    @property
    def commits(self) -> int:
        """Write transactions committed by this store object (each one fsync for its whole batch)."""
        return self._batch.commits

    def waiting(self) -> int:
        """Writes queued for the next group commit."""
        return self._batch.waiting()

    @property
    def before_commit(self) -> Callable[[], None] | None:
        return self._batch.before_commit

    @before_commit.setter
    def before_commit(self, hook: Callable[[], None] | None) -> None:
        """Tests: called after a batch's writes, just before its COMMIT (a crash at that moment)."""
        self._batch.before_commit = hook

    def _migrate(self) -> None:
        def migrate(conn: sqlite3.Connection) -> None:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)"
            )
            done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
            for number, script in numbered_migrations():
                if number in done:
                    continue
                for statement in statements(script):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?)", (number, ts(dt.datetime.now(dt.UTC)))
                )

        self._write(migrate)

    def schema_version(self) -> int:
        row = self._conn().execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                with suppress(sqlite3.Error):
                    conn.close()
            self._all.clear()
            self._writer = None
        self._local = threading.local()

    # --- writes -------------------------------------------------------------------------------

    def transact(self, ops: Sequence[WriteOp]) -> None:
        """The ops under one savepoint of the next group commit: a failing condition rolls back
        this call's ops alone and raises ``ConditionFailed`` here once the batch is committed."""

        self._write(lambda conn: self._apply_all(conn, ops))

    def transact_counted(self, counts: Sequence[Count], ops: Sequence[WriteOp], now: dt.datetime) -> None:
        """The counters and the ops in one job of one group commit: a filing waits in line once and
        shares one fsync; over a limit or on a failed condition the job is rolled back whole."""

        def counted(conn: sqlite3.Connection) -> None:
            for count in counts:
                if self._add(conn, count.key, now, count.window_seconds, 1) > count.limit:
                    raise LimitExceeded(count)
            self._apply_all(conn, ops)

        self._write(counted)

    def _apply_all(self, conn: sqlite3.Connection, ops: Sequence[WriteOp]) -> None:
        for index, op in enumerate(ops):
            try:
                ok = apply_op(conn, op)
            except sqlite3.IntegrityError as exc:
                raise ConditionFailed(index, op, str(exc)) from None
            if not ok:
                raise ConditionFailed(index, op, "version mismatch")

    # --- reads --------------------------------------------------------------------------------

    def get_complaint(self, tracking_no: str) -> Complaint | None:
        row = (
            self._conn().execute("SELECT data FROM complaints WHERE tracking_no=?", (tracking_no,)).fetchone()
        )
        return complaint_from_dict(json.loads(row[0])) if row else None

    def inbox(self, office: str) -> list[Complaint]:
        # one indexed lookup: the rows written from ``PutComplaint.inbox_offices`` (open complaints only)
        sql = (
            "SELECT c.data FROM inbox i JOIN complaints c ON c.tracking_no = i.tracking_no"
            " WHERE i.office=? ORDER BY c.next_due IS NULL, c.next_due, c.tracking_no"
        )
        return [complaint_from_dict(json.loads(r[0])) for r in self._conn().execute(sql, (office,))]

    def due_complaints(self, today: dt.date) -> list[Complaint]:
        rows = self._conn().execute(
            "SELECT data FROM complaints WHERE timer_on IS NOT NULL AND timer_on <= ? ORDER BY timer_on, tracking_no",
            (today.isoformat(),),
        )
        return [complaint_from_dict(json.loads(r[0])) for r in rows]

    def all_complaints(self) -> list[Complaint]:
        rows = self._conn().execute("SELECT data FROM complaints ORDER BY tracking_no")
        return [complaint_from_dict(json.loads(r[0])) for r in rows]

    def audit_trail(self, tracking_no: str) -> list[AuditEvent]:
        rows = self._conn().execute("SELECT * FROM audit WHERE tracking_no=? ORDER BY seq", (tracking_no,))
        return [
            AuditEvent(
                r["tracking_no"],
                r["seq"],
                from_ts(r["at"]),
                r["actor"],
                r["action"],  # type: ignore[arg-type]
                json.loads(r["detail"]),
            )
            for r in rows
        ]

    def get_idempotency(self, key_hash: str) -> IdempotencyRecord | None:
        r = self._conn().execute("SELECT * FROM idempotency WHERE key_hash=?", (key_hash,)).fetchone()
        if r is None:
            return None
        return IdempotencyRecord(
            r["key_hash"], r["request_hash"], r["tracking_no"], r["sealed_code"], from_ts(r["created_at"])
        )  # type: ignore[arg-type]

    def timer_fired(self, key: str) -> bool:
        return self._conn().execute("SELECT 1 FROM fired_timers WHERE key=?", (key,)).fetchone() is not None

    def _account(self, r: sqlite3.Row) -> Account:
        return Account(
            r["id"],
            r["kind"],
            r["name"],
            r["office"],
            r["token_hash"],
            from_ts(r["created_at"]),
            bool(r["active"]),
        )  # type: ignore[arg-type]

    def get_account(self, token_hash: str) -> Account | None:
        r = self._conn().execute("SELECT * FROM accounts WHERE token_hash=?", (token_hash,)).fetchone()
        return self._account(r) if r else None

    def list_accounts(self) -> list[Account]:
        return [
            self._account(r) for r in self._conn().execute("SELECT * FROM accounts ORDER BY created_at, id")
        ]

    # --- inspection codes ------------------------------------------------------------------

    def put_inspection(self, inspection: Inspection, expected_version: int | None, event: AuditEvent) -> None:
        version = (expected_version or 0) + 1
        self._put_versioned(
            "inspections",
            ("code", inspection.code),
            version,
            expected_version,
            _dumps(inspection_to_dict(replace(inspection, version=version))),
            {
                "office": inspection.office,
                "credit_code": inspection.credit_code,
                "planned_on": inspection.planned_on.isoformat(),
            },
            (inspection, event),
        )

    def _put_versioned(
        self,
        table: str,
        key: tuple[str, object],
        version: int,
        expected_version: int | None,
        data: str,
        indexed: dict[str, object],
        records: tuple[object, AuditEvent],
    ) -> None:
        """One versioned row of ``table`` (its ``key`` column, ``version``, ``data`` and the
        ``indexed`` columns written on insert) and its audit event, in one write: inserted when
        ``expected_version`` is None, else updated (version and data) only at that version.
        ``ConditionFailed`` 0 (the row exists, or moved on) or 1 (the event exists), naming
        ``records``' first or second item."""
        record, event = records
        column, value = key
        names = [column, "version", *indexed, "data"]

        def work(conn: sqlite3.Connection) -> None:
            if expected_version is None:
                try:
                    conn.execute(
                        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                        (value, version, *indexed.values(), data),
                    )
                except sqlite3.IntegrityError as exc:
                    raise ConditionFailed(0, record, str(exc)) from None
            else:
                cursor = conn.execute(
                    f"UPDATE {table} SET version=?, data=? WHERE {column}=? AND version=?",
                    (version, data, value, expected_version),
                )
                if cursor.rowcount != 1:
                    raise ConditionFailed(0, record, "version mismatch")
            try:
                apply_op(conn, AppendAudit(event))
            except sqlite3.IntegrityError as exc:
                raise ConditionFailed(1, event, str(exc)) from None

        self._write(work)

    def get_inspection(self, code: str) -> Inspection | None:
        row = self._conn().execute("SELECT data FROM inspections WHERE code=?", (code,)).fetchone()
        return inspection_from_dict(json.loads(row[0])) if row else None

    def enterprise_inspections(self, credit_code: str) -> list[Inspection]:
        rows = self._conn().execute(
            "SELECT data FROM inspections WHERE credit_code=? ORDER BY planned_on, code", (credit_code,)
        )
        return [inspection_from_dict(json.loads(r[0])) for r in rows]

    def all_inspections(self) -> list[Inspection]:
        rows = self._conn().execute("SELECT data FROM inspections ORDER BY code")
        return [inspection_from_dict(json.loads(r[0])) for r in rows]

    def _subscription(self, r: sqlite3.Row) -> Subscription:
        return Subscription(
            r["token_hash"],
            r["email"],
            r["kind"],
            r["value"],
            from_ts(r["created_at"]),  # type: ignore[arg-type]
            from_ts(r["confirmed_at"]),
            from_ts(r["unsubscribed_at"]),
        )

    def get_subscription(self, token_hash: str) -> Subscription | None:
        r = self._conn().execute("SELECT * FROM subscriptions WHERE token_hash=?", (token_hash,)).fetchone()
        return self._subscription(r) if r else None

    def list_subscriptions(self) -> list[Subscription]:
        rows = self._conn().execute("SELECT * FROM subscriptions ORDER BY created_at, token_hash")
        return [self._subscription(r) for r in rows]

    # --- counters -----------------------------------------------------------------------------

    def increment_counter(self, key: str, now: dt.datetime, window_seconds: int, amount: int = 1) -> int:
        if amount == 0:  # a read: no transaction, no row
            row = (
                self._conn().execute("SELECT value, expires_at FROM counters WHERE key=?", (key,)).fetchone()
            )
            live = row is not None and ts(now) < row["expires_at"] <= ts(
                now + dt.timedelta(seconds=window_seconds)
            )
            return int(row["value"]) if live else 0
        # answered once applied, before the commit's fsync (``sqlite_batch``: an early job): a lost
        # add after a failed commit only makes a limit count one less
        return self._batch.run(
            lambda conn: (self._add(conn, key, now, window_seconds, amount), True), early=True
        )

    def count_attempt(
        self,
        keys: Sequence[str],
        now: dt.datetime,
        window_seconds: int,
        judge: Callable[[list[int]], tuple[T, bool]],
    ) -> T:
        """``judge`` inside the write transaction (one job of a group commit): rolled back to its
        savepoint (nothing written, not even a counter row) when the attempt is not kept."""

        def attempt(conn: sqlite3.Connection) -> tuple[T, bool]:
            return judge([self._add(conn, key, now, window_seconds, 1) for key in keys])

        return self._write_or_not(attempt)

    @staticmethod
    def _add(conn: sqlite3.Connection, key: str, now: dt.datetime, window_seconds: int, amount: int) -> int:
        now_s = ts(now)
        expires_at = now + dt.timedelta(seconds=window_seconds)
        row = conn.execute("SELECT value, expires_at FROM counters WHERE key=?", (key,)).fetchone()
        started_ahead = row is not None and row["expires_at"] > ts(expires_at)  # counted on a clock ahead
        if row is None or row["expires_at"] <= now_s or started_ahead:
            if amount < 0:
                return 0
            conn.execute("DELETE FROM counters WHERE expires_at <= ?", (now_s,))  # keep the table small
            conn.execute("INSERT OR REPLACE INTO counters VALUES (?,?,?)", (key, amount, ts(expires_at)))
            return amount
        value = int(row["value"]) + amount
        conn.execute("UPDATE counters SET value=? WHERE key=?", (value, key))
        return value

    # --- the clock ----------------------------------------------------------------------------

    def advance_clock(self, now: dt.datetime) -> dt.datetime | None:
        def advance(conn: sqlite3.Connection) -> dt.datetime | None:
            row = conn.execute("SELECT at FROM clock WHERE name='tick'").fetchone()
            before = from_ts(row["at"]) if row else None
            if before is None or now > before:
                conn.execute("INSERT OR REPLACE INTO clock VALUES ('tick', ?)", (ts(now),))
            return before

        return self._write(advance)
