"""Group commit in the SQLite store: concurrent writes share one transaction and one commit (one
fsync), each caller under its own savepoint, and nobody is answered before that commit.

To put several callers in one batch without relying on timing, a first write holds the writer
(``count_attempt`` runs its ``judge`` inside the batch's transaction) until the others are queued
(``SqliteStore.waiting``); they then form the next batch. Commits are counted by the store.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sunlight.domain.complaints import Complaint
from sunlight.store.base import AppendAudit, ConditionFailed, PutComplaint
from sunlight.store.sqlite import SqliteStore

T0 = dt.datetime(2026, 12, 24, 2, 0, tzinfo=dt.UTC)


def complaint(no: str) -> Complaint:
    return Complaint(
        tracking_no=no,
        kind="complaint",
        category="arbitrary-fine",
        subject="主题",
        description="描述",
        reporter={"type": "person", "name": "王某"},
        about={},
        handling_office="brigade-east",
        supervising_office="supervision",
        filed_at=T0,
        filed_on=T0.date(),
        accept_days=3,
        respond_days=15,
        remind_before_days=3,
    )


def _wait_until(predicate: Callable[[], bool]) -> None:
    """Wait for a state (not a duration): fails only if it never comes."""
    deadline = time.monotonic() + 60
    while not predicate():
        assert time.monotonic() < deadline, "the writers never queued"
        time.sleep(0.005)


def in_one_batch(store: SqliteStore, writes: list[Callable[[], None]]) -> dict[int, BaseException | None]:
    """Run ``writes`` concurrently so that they all land in one batch; each one's outcome."""
    holding, release = threading.Event(), threading.Event()

    def judge(values: list[int]) -> tuple[None, bool]:
        holding.set()
        release.wait()
        return None, True

    holder = threading.Thread(target=store.count_attempt, args=(["hold"], T0, 60, judge))
    holder.start()
    holding.wait()
    outcomes: dict[int, BaseException | None] = {}

    def run(n: int) -> None:
        try:
            writes[n]()
            outcomes[n] = None
        except BaseException as exc:  # noqa: BLE001 - the outcome is what the test reads
            outcomes[n] = exc

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(writes))]
    for t in threads:
        t.start()
    _wait_until(lambda: store.waiting() == len(writes))
    release.set()
    holder.join()
    for t in threads:
        t.join()
    return outcomes


def test_concurrent_transactions_share_one_commit_and_are_durable(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = SqliteStore(path)
    numbers = [f"TS-GROUP-{n:02d}" for n in range(12)]
    before = store.commits
    outcomes = in_one_batch(
        store, [lambda no=no: store.transact([PutComplaint(complaint(no), None)]) for no in numbers]
    )
    assert outcomes == dict.fromkeys(range(12))
    assert store.commits - before == 2  # the holder's batch, then all twelve in one
    store.close()
    reopened = SqliteStore(path)  # on disk, read by a new connection
    assert [c.tracking_no for c in reopened.all_complaints()] == numbers
    reopened.close()


def test_a_failing_condition_spares_the_rest_of_the_batch(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.sqlite3")
    store.transact([PutComplaint(complaint("TS-TAKEN"), None)])
    before = store.commits
    writes: list[Callable[[], None]] = [
        lambda: store.transact([PutComplaint(complaint("TS-A"), None)]),
        # writes TS-LOST, then fails on the number already taken: TS-LOST must not stay
        lambda: store.transact(
            [PutComplaint(complaint("TS-LOST"), None), PutComplaint(complaint("TS-TAKEN"), None)]
        ),
        lambda: store.transact([PutComplaint(complaint("TS-B"), None)]),
        # a stale version on its second op: its first op (an audit entry) is rolled back too
        lambda: store.transact(
            [
                AppendAudit(_event("TS-A", "000009.00")),
                PutComplaint(complaint("TS-TAKEN"), 7),
            ]
        ),
        lambda: store.transact([PutComplaint(complaint("TS-C"), None)]),
    ]
    outcomes = in_one_batch(store, writes)
    assert store.commits - before == 2
    assert [n for n, e in sorted(outcomes.items()) if e is None] == [0, 2, 4]
    assert isinstance(outcomes[1], ConditionFailed) and outcomes[1].op_index == 1
    assert isinstance(outcomes[3], ConditionFailed) and outcomes[3].op_index == 1
    assert [c.tracking_no for c in store.all_complaints()] == ["TS-A", "TS-B", "TS-C", "TS-TAKEN"]
    assert store.audit_trail("TS-A") == []
    store.close()


def _event(no: str, seq: str):  # type: ignore[no-untyped-def]
    from sunlight.domain.complaints import AuditEvent

    return AuditEvent(no, seq, T0, "reporter", "filed", {})


def test_a_counter_attempt_not_kept_leaves_the_batch_alone(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.sqlite3")
    writes: list[Callable[[], None]] = [
        lambda: store.transact([PutComplaint(complaint("TS-KEPT"), None)]),
        lambda: store.count_attempt(["not-kept"], T0, 60, lambda values: (None, False)),
        lambda: store.count_attempt(["kept"], T0, 60, lambda values: (None, True)),
    ]
    assert in_one_batch(store, writes) == {0: None, 1: None, 2: None}
    assert [c.tracking_no for c in store.all_complaints()] == ["TS-KEPT"]
    assert store.increment_counter("not-kept", T0, 60, amount=0) == 0
    assert store.increment_counter("kept", T0, 60, amount=0) == 1
    store.close()


CRASHER = r"""
import datetime as dt, os, signal, sys, threading
from sunlight.domain.complaints import Complaint
from sunlight.store.base import PutComplaint
from sunlight.store.sqlite import SqliteStore

store = SqliteStore(sys.argv[1])
t = dt.datetime(2026, 12, 24, 2, tzinfo=dt.UTC)
lock = threading.Lock()

def complaint(no):
    return Complaint(tracking_no=no, kind="complaint", category="other", subject="s", description="d",
                     reporter={}, about={}, handling_office="cases", supervising_office="supervision",
                     filed_at=t, filed_on=t.date(), accept_days=3, respond_days=15, remind_before_days=3)

def writer(w):
    n = 0
    while True:
        n += 1
        no = f"TS-W{w}-{n:05d}"
        with lock:
            print("try", no, flush=True)
        store.transact([PutComplaint(complaint(no), None)])
        with lock:
            print("ack", no, flush=True)  # answered only after the commit returned

def crash():
    # the batch's writes are in the file's WAL, not committed: the process dies here
    with lock:
        print("crash", store.commits, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)

for w in range(8):
    threading.Thread(target=writer, args=(w,), daemon=True).start()
while True:
    line = sys.stdin.readline()
    if line.strip() == "crash":
        store.before_commit = crash
"""


@pytest.mark.slow
def test_a_crash_mid_batch_loses_only_unanswered_writes(tmp_path: Path) -> None:
    db = tmp_path / "crash.sqlite3"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASHER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None
    watchdog = threading.Timer(120, proc.kill)  # a store that never calls the hook: fail, not hang
    watchdog.start()
    tried, acknowledged, crashed = set(), set(), False
    for line in proc.stdout:
        what, _, rest = line.strip().partition(" ")
        if what == "try":
            tried.add(rest)
        elif what == "ack":
            acknowledged.add(rest)
            if len(acknowledged) == 60:
                proc.stdin.write("crash\n")
                proc.stdin.flush()
        elif what == "crash":
            crashed = True
    proc.wait(timeout=60)
    watchdog.cancel()
    assert crashed and proc.returncode == -signal.SIGKILL
    store = SqliteStore(db)
    stored = {c.tracking_no for c in store.all_complaints()}
    store.close()
    assert acknowledged <= stored  # every answered write is on disk
    assert stored <= tried
    assert tried - acknowledged  # the batch that died held writes nobody was answered for


def test_a_counter_is_answered_before_its_batch_commits_and_a_complaint_after(tmp_path: Path) -> None:
    """Rate-limit counters are early jobs: answered once applied. A complaint is answered only after
    the commit; here the commit waits for the counter's answer, so an early answer is seen."""
    store = SqliteStore(tmp_path / "s.sqlite3")
    counted, complaint_done = threading.Event(), threading.Event()
    seen_at_commit: list[tuple[bool, bool]] = []

    def hook() -> None:
        if store.waiting():  # the holder's batch, with both writes still queued behind it
            return
        counted.wait(10)
        seen_at_commit.append((counted.is_set(), complaint_done.is_set()))

    def file() -> None:
        store.transact([PutComplaint(complaint("TS-FIRST"), None)])
        complaint_done.set()

    def count() -> None:
        store.increment_counter("filing:all", T0, 60)
        counted.set()

    holding, release = threading.Event(), threading.Event()

    def judge(values: list[int]) -> tuple[None, bool]:
        holding.set()
        release.wait()
        return None, True

    holder = threading.Thread(target=store.count_attempt, args=(["hold"], T0, 60, judge))
    holder.start()
    holding.wait()
    first = threading.Thread(target=file)
    first.start()
    _wait_until(lambda: store.waiting() == 1)
    second = threading.Thread(target=count)
    second.start()
    _wait_until(lambda: store.waiting() == 2)
    store.before_commit = hook
    release.set()
    for t in (holder, first, second):
        t.join()
    assert (True, False) in seen_at_commit  # at the commit: the counter answered, the complaint not yet
    assert store.increment_counter("filing:all", T0, 60, amount=0) == 1
    assert store.get_complaint("TS-FIRST") is not None
    store.close()


def test_every_batch_is_written_on_one_connection_whichever_thread_writes_it(tmp_path: Path) -> None:
    """The batches of a store share one writing connection (its page cache stays warm: with a
    connection per thread, each batch would start from a cache emptied by the previous writer),
    distinct from the threads' reading connections."""
    store = SqliteStore(tmp_path / "s.db")
    seen: list[object] = []
    readers: list[object] = []

    def write(n: int) -> None:
        store.transact([PutComplaint(complaint(f"TS-20261224-W{n:05d}"), None)])
        store._write(lambda conn: seen.append(conn))  # noqa: SLF001 - the connection a batch runs on
        readers.append(store._conn())  # noqa: SLF001

    for n in range(3):  # one thread after the other: three batches, three writing threads
        t = threading.Thread(target=write, args=(n,))
        t.start()
        t.join()
    assert len(seen) == 3 and seen[0] is seen[1] is seen[2]
    assert all(reader is not seen[0] for reader in readers)
    assert len({id(reader) for reader in readers}) == 3
    assert [c.tracking_no for c in store.all_complaints()] == [f"TS-20261224-W{n:05d}" for n in range(3)]


def test_a_batch_keeps_its_savepoints_undo_pages_in_memory(tmp_path: Path) -> None:
    """Each job runs under a savepoint, whose undo copy of every page it changes (SQLite's
    sub-journal) would spill to a temporary file past 64 KiB, i.e. within one filing: the writing
    connection keeps it in memory (``temp_store = MEMORY``: 2), the reading ones keep the default (0)."""
    store = SqliteStore(tmp_path / "s.db")
    assert store._write(lambda conn: conn.execute("PRAGMA temp_store").fetchone()[0]) == 2  # noqa: SLF001
    assert store._conn().execute("PRAGMA temp_store").fetchone()[0] == 0  # noqa: SLF001
