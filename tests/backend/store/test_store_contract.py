"""Contract tests every Store must pass (parametrised over store factories: SQLite now, DynamoDB later)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sunlight.domain.complaints import AuditEvent, Complaint, complaint_to_dict
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
    Subscription,
)
from sunlight.store.sqlite import SqliteStore
from sunlight.store.sqlite_schema import MIGRATIONS, numbered_migrations

T0 = dt.datetime(2026, 12, 24, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def open_store(make_store: Callable[[], Store]) -> Callable[[], Store]:
    """Every kind of store (``tests/backend/conftest.py``): SQLite, in memory, DynamoDB on moto server."""
    return make_store


@pytest.fixture
def store(open_store: Callable[[], Store]) -> Store:
    return open_store()


def complaint(no: str = "TS-20261224-AAAAAA", **changes: object) -> Complaint:
    c = Complaint(
        tracking_no=no,
        kind="complaint",
        category="arbitrary-fine",
        subject="主题",
        description="描述",
        reporter={"type": "enterprise", "name": "示例公司"},
        about={"office": "squad-xinzhen"},
        handling_office="brigade-east",
        supervising_office="supervision",
        filed_at=T0,
        filed_on=T0.date(),
        accept_days=3,
        respond_days=15,
        remind_before_days=3,
        next_due=dt.date(2026, 12, 29),
        version=1,
    )
    return replace(c, **changes)  # type: ignore[arg-type]


def message(key: str, at: dt.datetime = T0) -> QueuedMessage:
    return QueuedMessage(
        id=key.replace("/", "-"),
        key=key,
        channel="email",
        recipient="east@example.gov.cn",
        subject="主题",
        body="正文",
        kind="new_complaint",
        tracking_no="TS-1",
        office="brigade-east",
        created_at=at,
        next_attempt_at=at,
        payload={"a": 1},
    )


def event(no: str, seq: str, action: str = "filed") -> AuditEvent:
    return AuditEvent(no, seq, T0, "reporter", action, {"k": "值"})


# --- complaints and conditional writes ----------------------------------------------------------


def test_put_new_then_get(store: Store) -> None:
    store.transact([PutComplaint(complaint(), None)])
    got = store.get_complaint("TS-20261224-AAAAAA")
    assert got is not None and got.version == 1 and got.reporter["name"] == "示例公司"
    assert store.get_complaint("TS-NOPE") is None


def test_put_new_fails_when_it_exists(store: Store) -> None:
    store.transact([PutComplaint(complaint(), None)])
    with pytest.raises(ConditionFailed) as failed:
        store.transact([PutComplaint(complaint(subject="另一个"), None)])
    assert failed.value.op_index == 0
    assert store.get_complaint("TS-20261224-AAAAAA").subject == "主题"  # type: ignore[union-attr]


def test_update_needs_the_current_version(store: Store) -> None:
    store.transact([PutComplaint(complaint(), None)])
    current = store.get_complaint("TS-20261224-AAAAAA")
    assert current is not None
    store.transact([PutComplaint(replace(current, status="accepted"), 1)])
    assert store.get_complaint(current.tracking_no).version == 2  # type: ignore[union-attr]
    with pytest.raises(ConditionFailed):
        store.transact([PutComplaint(replace(current, status="closed"), 1)])  # stale
    assert store.get_complaint(current.tracking_no).status == "accepted"  # type: ignore[union-attr]


def test_transaction_is_all_or_nothing(store: Store) -> None:
    store.transact([MarkTimerFired("k1", T0)])
    with pytest.raises(ConditionFailed) as failed:
        store.transact(
            [
                PutComplaint(complaint(), None),
                AppendAudit(event("TS-20261224-AAAAAA", "000001.00")),
                EnqueueMessage(message("m1")),
                MarkTimerFired("k1", T0),  # already there
            ]
        )
    assert failed.value.op_index == 3
    assert store.get_complaint("TS-20261224-AAAAAA") is None
    assert store.audit_trail("TS-20261224-AAAAAA") == []
    assert store.list_messages() == []


def test_inbox_by_office_open_only_soonest_first(store: Store) -> None:
    store.transact(
        [
            PutComplaint(complaint("TS-3", next_due=dt.date(2027, 1, 5)), None),
            PutComplaint(complaint("TS-1", next_due=dt.date(2026, 12, 28)), None),
            PutComplaint(complaint("TS-2", next_due=None), None),
            PutComplaint(complaint("TS-4", status="closed", next_due=None), None),
            PutComplaint(complaint("TS-5", handling_office="cases", supervising_office="bureau"), None),
            PutComplaint(
                complaint(
                    "TS-6",
                    handling_office="cases",
                    supervising_office="bureau",
                    review_office="brigade-east",
                    status="under_review",
                ),
                None,
            ),
            PutComplaint(
                complaint(
                    "TS-7",
                    handling_office="cases",
                    supervising_office="bureau",
                    escalated_to="brigade-east",
                    next_due=dt.date(2026, 12, 30),
                ),
                None,
            ),
        ]
    )
    east = [c.tracking_no for c in store.inbox("brigade-east")]
    assert east == ["TS-1", "TS-6", "TS-7", "TS-3", "TS-2"]
    assert [c.tracking_no for c in store.inbox("supervision")] == ["TS-1", "TS-3", "TS-2"]
    assert [c.tracking_no for c in store.inbox("bureau")] == ["TS-5", "TS-6", "TS-7"]
    assert store.inbox("nobody") == []
    assert [c.tracking_no for c in store.all_complaints()] == [f"TS-{n}" for n in range(1, 8)]


def test_inbox_follows_a_complaint_that_moves_and_closes(store: Store) -> None:
    store.transact([PutComplaint(complaint("TS-1"), None)])
    moved = replace(complaint("TS-1"), handling_office="cases", supervising_office="bureau")
    store.transact([PutComplaint(moved, 1)])
    assert store.inbox("brigade-east") == [] and store.inbox("supervision") == []
    assert [c.tracking_no for c in store.inbox("cases")] == ["TS-1"]
    store.transact([PutComplaint(replace(moved, status="closed", next_due=None), 2)])
    assert store.inbox("cases") == [] and store.inbox("bureau") == []
    assert [c.status for c in store.all_complaints()] == ["closed"]


def test_inbox_lists_a_complaint_under_the_offices_given_to_it(store: Store) -> None:
    """The service hands the store who may see a complaint (``sunlight.domain.visibility``); the
    inbox lists it under exactly those offices, whatever its role fields say, while it is open."""
    c = complaint("TS-1", escalated_to="squad-xinzhen")  # an escalation to the office complained about
    store.transact([PutComplaint(c, None, None, frozenset({"brigade-east", "supervision"}))])
    assert [x.tracking_no for x in store.inbox("brigade-east")] == ["TS-1"]
    assert [x.tracking_no for x in store.inbox("supervision")] == ["TS-1"]
    assert store.inbox("squad-xinzhen") == []
    store.transact([PutComplaint(c, 1, None, frozenset({"cases"}))])
    assert store.inbox("brigade-east") == [] and [x.tracking_no for x in store.inbox("cases")] == ["TS-1"]
    store.transact([PutComplaint(replace(c, status="closed"), 2, None, frozenset({"cases"}))])
    assert store.inbox("cases") == []


def test_due_complaints_reads_only_what_is_due(store: Store) -> None:
    day = dt.date(2026, 12, 28)
    store.transact(
        [
            PutComplaint(complaint("TS-LATER"), None, dt.date(2026, 12, 29)),
            PutComplaint(complaint("TS-B"), None, day),
            PutComplaint(complaint("TS-A"), None, day),
            PutComplaint(complaint("TS-EARLY"), None, dt.date(2026, 12, 20)),
            PutComplaint(complaint("TS-NONE"), None, None),
        ]
    )
    assert [c.tracking_no for c in store.due_complaints(day)] == ["TS-EARLY", "TS-A", "TS-B"]
    assert store.due_complaints(dt.date(2026, 12, 1)) == []
    # rewriting a complaint moves (or drops) its day; SetTimerOn moves it without a new version
    early = store.get_complaint("TS-EARLY")
    assert early is not None
    store.transact([PutComplaint(early, 1, None)])
    store.transact([SetTimerOn("TS-A", 1, dt.date(2027, 1, 4))])
    with pytest.raises(ConditionFailed):
        store.transact([SetTimerOn("TS-B", 7, None)])  # stale version
    with pytest.raises(ConditionFailed):
        store.transact([SetTimerOn("TS-NOPE", 1, None)])
    assert [c.tracking_no for c in store.due_complaints(day)] == ["TS-B"]
    assert store.get_complaint("TS-A").version == 1  # type: ignore[union-attr]
    assert store.get_complaint("TS-EARLY").version == 2  # type: ignore[union-attr]
    assert [c.tracking_no for c in store.due_complaints(dt.date(2027, 1, 4))] == ["TS-B", "TS-LATER", "TS-A"]


# --- audit ----------------------------------------------------------------------------------------


def test_audit_is_append_only_and_ordered(store: Store) -> None:
    store.transact(
        [AppendAudit(event("TS-1", "000002.00", "accept")), AppendAudit(event("TS-1", "000001.00"))]
    )
    assert [e.action for e in store.audit_trail("TS-1")] == ["filed", "accept"]
    assert store.audit_trail("TS-1")[0].detail == {"k": "值"}
    with pytest.raises(ConditionFailed):
        store.transact([AppendAudit(event("TS-1", "000001.00", "rewrite"))])
    assert [e.action for e in store.audit_trail("TS-1")] == ["filed", "accept"]


def test_sqlite_audit_refuses_update_and_delete(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "a.sqlite3")
    store.transact([AppendAudit(event("TS-1", "000001.00"))])
    raw = sqlite3.connect(tmp_path / "a.sqlite3")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("UPDATE audit SET action='x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("DELETE FROM audit")
    raw.close()
    store.close()


# --- idempotency, timers, accounts, counters ------------------------------------------------------


def test_idempotency_record_must_not_exist(store: Store) -> None:
    rec = IdempotencyRecord("h1", "r1", "TS-1", "salt$00", T0)
    store.transact([PutIdempotency(rec)])
    assert store.get_idempotency("h1") == rec
    with pytest.raises(ConditionFailed):
        store.transact([PutIdempotency(replace(rec, tracking_no="TS-2"))])
    assert store.get_idempotency("nope") is None


def test_timer_fires_once(store: Store) -> None:
    assert not store.timer_fired("t")
    store.transact([MarkTimerFired("t", T0)])
    assert store.timer_fired("t")
    with pytest.raises(ConditionFailed):
        store.transact([MarkTimerFired("t", T0)])


def test_accounts_by_token_hash(store: Store) -> None:
    account = Account("a1", "staff", "张三", "brigade-east", "hash1", T0)
    store.transact([PutAccount(account)])
    assert store.get_account("hash1") == account
    assert store.get_account("hash2") is None
    with pytest.raises(ConditionFailed):
        store.transact([PutAccount(replace(account, id="a2"))])  # same token hash
    assert store.list_accounts() == [account]


def test_alert_subscriptions_by_token_hash(store: Store) -> None:
    sub = Subscription("th1", "a@example.cn", "office", "brigade-east", T0)
    store.transact([PutSubscription(sub, expected_new=True)])
    assert store.get_subscription("th1") == sub
    assert store.get_subscription("th2") is None
    with pytest.raises(ConditionFailed):  # a new subscription never overwrites another
        store.transact([PutSubscription(replace(sub, email="b@example.cn"), expected_new=True)])
    confirmed = replace(sub, confirmed_at=T0 + dt.timedelta(minutes=5))
    store.transact([PutSubscription(confirmed, expected_new=False)])
    assert store.get_subscription("th1") == confirmed
    with pytest.raises(ConditionFailed):  # an update needs the subscription to exist
        store.transact([PutSubscription(replace(sub, token_hash="th9"), expected_new=False)])
    other = Subscription(
        "th3", "c@example.cn", "credit_code", "91330100MA2B3C4D1A", T0 - dt.timedelta(days=1)
    )
    store.transact([PutSubscription(other, expected_new=True)])
    assert store.list_subscriptions() == [other, confirmed]  # oldest first


def test_counter_adds_and_expires(store: Store) -> None:
    assert store.increment_counter("c", T0, 60) == 1
    assert store.increment_counter("c", T0 + dt.timedelta(seconds=10), 60) == 2
    assert store.increment_counter("c", T0 + dt.timedelta(seconds=20), 60, amount=0) == 2
    assert store.increment_counter("c", T0 + dt.timedelta(seconds=61), 60) == 1


def test_a_counter_started_in_the_future_does_not_outlive_its_window(store: Store) -> None:
    # counted with the clock 24 days ahead, then read on the real clock: not a 24-day lockout
    future = T0 + dt.timedelta(days=24)
    assert store.increment_counter("c", future, 900) == 1
    assert store.increment_counter("c", future, 900) == 2
    assert store.increment_counter("c", T0, 900, amount=0) == 0
    assert store.increment_counter("c", T0, 900) == 1


def test_the_clock_mark_keeps_the_latest_tick(store: Store) -> None:
    assert store.advance_clock(T0) is None
    assert store.advance_clock(T0 + dt.timedelta(hours=1)) == T0
    assert store.advance_clock(T0) == T0 + dt.timedelta(hours=1)  # behind: the mark stays
    assert store.advance_clock(T0 + dt.timedelta(hours=2)) == T0 + dt.timedelta(hours=1)


# --- outbox -----------------------------------------------------------------------------------------


def test_enqueue_key_is_unique(store: Store) -> None:
    store.transact([EnqueueMessage(message("k"))])
    with pytest.raises(ConditionFailed):
        store.transact([EnqueueMessage(replace(message("k"), id="other"))])
    assert len(store.list_messages()) == 1


def test_claim_leases_and_only_the_holder_may_finish(store: Store) -> None:
    store.transact(
        [
            EnqueueMessage(message("a")),
            EnqueueMessage(message("b")),
            EnqueueMessage(message("later", T0 + dt.timedelta(hours=1))),
        ]
    )
    first = store.claim_messages(T0, "one", 60, 10)
    assert sorted(m.key for m in first) == ["a", "b"]
    assert first[0].payload == {"a": 1}
    assert store.claim_messages(T0, "two", 60, 10) == []  # leased
    assert not store.mark_delivered(first[0].id, "two", T0)  # not the holder
    assert store.mark_delivered(first[0].id, "one", T0)
    assert not store.mark_delivered(first[0].id, "one", T0)  # already delivered
    # the lease on b expires: another claimer takes it
    again = store.claim_messages(T0 + dt.timedelta(seconds=61), "two", 60, 10)
    assert [m.key for m in again] == ["b"]
    assert not store.reschedule(again[0].id, "one", T0, "x")
    assert store.reschedule(again[0].id, "two", T0 + dt.timedelta(minutes=5), "smtp down")
    assert store.claim_messages(T0 + dt.timedelta(minutes=2), "three", 60, 10) == []
    later = store.claim_messages(T0 + dt.timedelta(hours=1), "three", 60, 10)
    assert sorted(m.key for m in later) == ["b", "later"]
    b = next(m for m in later if m.key == "b")
    assert b.attempts == 1 and b.last_error == "smtp down"
    assert [m.key for m in store.list_messages(delivered=True)] == ["a"]


def test_data_survives_reopening(open_store: Callable[[], Store]) -> None:
    first = open_store()
    first.transact([PutComplaint(complaint(), None), EnqueueMessage(message("m"))])
    first.close()
    second = open_store()
    assert second.get_complaint("TS-20261224-AAAAAA") is not None
    assert len(second.list_messages(delivered=False)) == 1


def test_sqlite_settings_and_migrations(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.sqlite3")
    conn = store._conn()  # noqa: SLF001 - checking the pragmas of the real connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert store.schema_version() == numbered_migrations()[-1][0]
    store.close()
    reopened = SqliteStore(tmp_path / "s.sqlite3")  # migrations are not applied twice
    assert reopened.schema_version() == numbered_migrations()[-1][0]
    reopened.close()


def test_sqlite_upgrades_a_file_of_the_first_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite3"
    old = complaint("TS-OLD")
    # write with the first schema only, as the first release did
    raw = sqlite3.connect(path)
    raw.executescript("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT);")
    raw.executescript(MIGRATIONS[0])
    raw.execute("INSERT INTO schema_migrations VALUES (1, '2026-11-22T00:00:00.000000Z')")
    raw.execute(
        "INSERT INTO complaints (tracking_no, version, status, handling_office, supervising_office, review_office,"
        " is_open, next_due, data) VALUES (?, 1, 'submitted', 'brigade-east', 'supervision', '', 1, NULL, ?)",
        (old.tracking_no, json.dumps(complaint_to_dict(old), ensure_ascii=False)),
    )
    raw.commit()
    raw.close()
    store = SqliteStore(path)
    assert store.schema_version() == numbered_migrations()[-1][0]
    assert store.get_complaint("TS-OLD") == replace(old, version=1)
    # an open complaint of an older file is due at once, so that the first tick stores its real day
    assert [c.tracking_no for c in store.due_complaints(dt.date(2026, 11, 22))] == ["TS-OLD"]
    store.transact([PutComplaint(replace(old, escalated_to="bureau"), 1)])
    assert [c.tracking_no for c in store.inbox("bureau")] == ["TS-OLD"]
    assert [
        c.tracking_no for c in store.due_complaints(dt.date(2026, 11, 22))
    ] == []  # rewritten: no day given
    store.close()


# --- concurrency (threads) ------------------------------------------------------------------------


def test_threads_one_idempotency_key_one_winner(store: Store) -> None:
    winners: list[str] = []
    losers: list[str] = []
    barrier = threading.Barrier(8)

    def attempt(n: int) -> None:
        no = f"TS-THREAD-{n}"
        barrier.wait()
        try:
            store.transact(
                [
                    PutIdempotency(IdempotencyRecord("same", "r", no, "s$00", T0)),
                    PutComplaint(complaint(no), None),
                ]
            )
            winners.append(no)
        except ConditionFailed:
            losers.append(no)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(winners) == 1 and len(losers) == 7
    assert [c.tracking_no for c in store.all_complaints()] == winners


def test_threads_claim_each_message_once(store: Store) -> None:
    for start in range(0, 60, 20):  # DynamoDB: at most 100 items a transaction, two per message
        store.transact([EnqueueMessage(message(f"m{n:03d}")) for n in range(start, start + 20)])
    claimed: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(6)

    def claimer(n: int) -> None:
        barrier.wait()
        while True:
            got = store.claim_messages(T0, f"owner-{n}", 300, 7)
            if not got:
                return
            with lock:
                claimed.extend(m.key for m in got)

    threads = [threading.Thread(target=claimer, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(claimed) == [f"m{n:03d}" for n in range(60)]


def test_mark_delivered_may_replace_the_payload(store: Store) -> None:
    """Delivery drops a receipt's sealed access code from the stored message (#13)."""
    store.transact([EnqueueMessage(message("r")), EnqueueMessage(message("s"))])
    claimed = {m.key: m for m in store.claim_messages(T0, "one", 60, 10)}
    assert store.mark_delivered(claimed["r"].id, "one", T0, payload={"kept": "yes"})
    assert store.mark_delivered(claimed["s"].id, "one", T0)
    stored = {m.key: m for m in store.list_messages(delivered=True)}
    assert stored["r"].payload == {"kept": "yes"}
    assert stored["s"].payload == {"a": 1}  # untouched without a payload
