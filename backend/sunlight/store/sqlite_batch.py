"""Group commit for the SQLite store: concurrent writes share one transaction and one fsync.

Each write is a *job*: a function of the connection that returns its result and whether to keep
what it wrote. A caller queues its job and waits. When no batch is running, the caller whose job
is first in line becomes the writer: it takes every job queued so far, opens one
``BEGIN IMMEDIATE`` transaction, runs each job under its own ``SAVEPOINT`` (a job that raises,
e.g. ``ConditionFailed``, or that asks not to be kept is rolled back to its savepoint alone; the
others go on), commits once and only then wakes every caller of the batch with its own result or
error; each caller is woken once (its own event). Jobs queued while a batch runs form the next
one. With ``synchronous = FULL`` the commit is one fsync for the whole batch, and nobody is
answered before it returned, so an answered write is on disk.

A job may be *early* (``run(work, early=True)``): its caller is answered as soon as its work is
applied, before the commit. Only rate-limit counters are: if that commit then fails, their add is
lost (a limit counts one attempt less), which a counter may afford and a complaint may not.

If the transaction itself fails (``BEGIN`` times out behind another process, SQLite aborts it on
a full disk, ``COMMIT`` fails), every job of the batch gets that error: nothing of it was written.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any, Generic, TypeVar

R = TypeVar("R")

Work = Callable[[sqlite3.Connection], tuple[R, bool]]


class _Wake:
    """A one-shot wake-up: a bare lock held from the start, released once (``set``) to let its one
    waiter through. Cheaper than ``threading.Event``, whose ``Condition`` runs in Python; ``set``
    is called under the group commit's lock, which makes "once" safe."""

    __slots__ = ("_lock", "_set")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lock.acquire()
        self._set = False

    def set(self) -> None:
        if not self._set:
            self._set = True
            self._lock.release()

    def wait(self) -> None:
        self._lock.acquire()


class _Job(Generic[R]):
    __slots__ = ("done", "early", "error", "result", "wake", "work")

    def __init__(self, work: Work[R], early: bool) -> None:
        self.work = work
        self.early = early
        self.result: R | None = None
        self.error: BaseException | None = None
        self.done = False
        self.wake = _Wake()  # set when done, or when it is this caller's turn to write


class GroupCommit:
    def __init__(self, connect: Callable[[], sqlite3.Connection]) -> None:
        self._connect = connect
        self._lock = threading.Lock()
        self._queue: list[_Job[Any]] = []
        self._running = False
        self.commits = 0  # transactions committed (tests count them)
        # Called after a batch's writes, just before its COMMIT (tests: a crash at that moment).
        self.before_commit: Callable[[], None] | None = None

    def waiting(self) -> int:
        """Jobs queued for the next batch."""
        with self._lock:
            return len(self._queue)

    def run(self, work: Work[R], early: bool = False) -> R:
        """Run ``work`` in a batch; its result once the batch is committed (or its error); an
        ``early`` job's result once it is applied (see the module docstring)."""
        job: _Job[R] = _Job(work, early)
        with self._lock:
            self._queue.append(job)
            if not self._running:  # nobody writing: this caller writes the next batch
                self._running = True
                job.wake.set()
        job.wake.wait()  # each caller is woken once: answered, or its turn to write
        if not job.done:
            with self._lock:
                batch, self._queue = self._queue, []
            try:
                self._write(batch)
            finally:
                with self._lock:
                    for queued in batch:
                        queued.done = True
                        queued.wake.set()
                    if self._queue:  # the first caller in line writes the next batch
                        self._queue[0].wake.set()
                    else:
                        self._running = False
        if job.error is not None:
            raise job.error
        return job.result  # type: ignore[return-value]

    def _write(self, batch: list[_Job[Any]]) -> None:
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            for job in batch:
                conn.execute("SAVEPOINT job")
                keep = False
                try:
                    job.result, keep = job.work(conn)
                except BaseException as exc:  # noqa: BLE001 - given to the job's caller
                    job.error = exc
                if not conn.in_transaction:  # SQLite rolled the whole transaction back
                    raise job.error or sqlite3.OperationalError("transaction rolled back")
                if not keep:
                    conn.execute("ROLLBACK TO job")
                conn.execute("RELEASE job")
                if job.early and job is not batch[0]:  # the first caller writes the batch: it waits
                    with self._lock:
                        job.done = True
                        job.wake.set()
            if self.before_commit is not None:
                self.before_commit()
            conn.execute("COMMIT")
            self.commits += 1
        except BaseException as exc:  # noqa: BLE001 - nothing of the batch was written
            if conn.in_transaction:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            for job in batch:
                if not job.done:
                    job.result, job.error = None, exc
