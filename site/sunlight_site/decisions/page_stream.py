"""Rendering and writing many pages in forked child processes, in the background.

Writing one page per decision is rendering plus file-system work (a directory and a file each).
On a machine with more than one core, ``PageStream`` hands the pages to forked children and
returns at once: the building process goes on (publishing the next decisions, writing lists,
notices, downloads) while the children render and write. A child is forked for its pages, so
it sees them (and the templates) as they are at the fork: nothing is pickled on the way there,
and only counts and a flag per page (rewritten or not) come back.

- ``add(pages)`` queues pages; each full batch goes to a child when one of the ``workers``
  slots is free. The caller never waits for a child: a batch waits its turn in the queue.
  The slots are shared by every stream of the process (the decision pages still being
  written when the lists start, say): each child copies the parts of the build's memory it
  touches, and more children than cores only cost memory.
- ``flush()`` hands everything queued to the free slots at once (at least one child), for
  when the caller turns to other work. They share the pages through a counter in shared memory, taking
  a slice at a time, and so does this process in ``wait()`` if it gets there before they are
  done: nobody sits idle while pages are left.
- ``wait()`` writes what is still queued (children take batches while slots are free, this
  process takes slices meanwhile), then collects every child: its counts, which pages it
  rewrote (the writer's ``written``) and, when it failed, its traceback (``PageWorkerError``).

Paths join the writer's manifest when a child gets them, so a second write of one path in a
build is an error either way. Without ``fork`` (not POSIX), or with one worker, pages are
rendered and written in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import select
import traceback
from collections.abc import Iterable, Mapping
from typing import Any

PARALLEL_MIN = 2000  # fewer pages than this in a whole stream are written in this process
BATCH = 2000  # pages per child (fewer forks: each costs copied pages in both processes)
SLICE = 250  # pages taken at a time from shared pages, and by this process while it waits

Page = tuple[str, Mapping[str, Any]]

# Children running now, of every stream of this process: each copies the pages of the build's
# memory it touches, so the streams share one limit (``workers``) rather than each having its own.
_children_running = [0]


class PageWorkerError(RuntimeError):
    """A child process failed to render or write its pages."""


class _Shared:
    """Pages that several processes take slices of, by a counter in shared memory."""

    def __init__(self, pages: list[Page]) -> None:
        self.pages = pages
        self.next = multiprocessing.get_context("fork").Value("q", 0)  # with its own lock

    def take(self) -> int:
        """The start of the next slice (``len(pages)`` or more: none left)."""
        with self.next.get_lock():
            start = self.next.value
            self.next.value = start + SLICE
        return start


class PageStream:
    """Pages of one framed template, written in the background (see the module docstring)."""

    def __init__(self, writer: Any, frame: Any, workers: int) -> None:
        self.writer, self.frame = writer, frame
        self.workers = workers if hasattr(os, "fork") else 1
        self.count = 0
        self._buffer: list[Page] = []
        self._running: list[tuple[int, int, list[str]]] = []  # (pid, read end of its pipe, paths)
        self._shared: _Shared | None = None
        self._forked = False
        self._error: str | None = None

    @property
    def _parallel(self) -> bool:
        return self.workers > 1 and (self._forked or len(self._buffer) >= PARALLEL_MIN)

    def add(self, pages: Iterable[Page]) -> None:
        """Queue pages; full batches go to a child when a slot is free (never waits for one)."""
        self._buffer.extend(pages)
        if self._parallel:
            self._reap(block=False)
            while len(self._buffer) >= BATCH and _children_running[0] < self.workers:
                self._fork(self._take(BATCH))

    def flush(self) -> None:
        """Hand every queued page to ``workers`` more children now (see the module docstring)."""
        if not self._parallel or not self._buffer or self._shared is not None:
            return
        self._reap(block=False)
        try:
            shared = _Shared(self._buffer)
        except OSError:  # no shared memory for the counter (a locked-down /dev/shm): even shares
            share = -(-len(self._buffer) // self.workers)
            while self._buffer:
                self._fork(self._take(share))
            return
        pages = self._take(len(self._buffer))
        shared.pages = pages
        rels = self._paths(pages)
        self._shared = shared
        for _ in range(max(1, self.workers - _children_running[0])):
            self._spawn(pages, shared, rels)
        self._register(rels)  # once every child has its copy of the manifest without them

    def wait(self) -> int:
        """Write what is left, wait for every child; returns the number of pages rendered."""
        try:
            while self._buffer:
                if self._forked:
                    self._reap(block=False)
                share = -(-len(self._buffer) // (self.workers + 1))  # the children and this process
                if self._forked and _children_running[0] < self.workers and share >= SLICE:
                    self._fork(self._take(min(BATCH, share)))
                else:
                    self._write_here(self._take(SLICE))
            if self._shared is not None:
                self._write_shared(self._shared)
        finally:
            self._reap(block=True)
            gc.unfreeze()
        if self._error is not None:
            raise PageWorkerError(f"页面写入进程失败 / a page worker failed:\n{self._error}")
        return self.count

    def _take(self, count: int) -> list[Page]:
        pages = self._buffer[:count]
        del self._buffer[:count]  # in place: no copy of the rest of the queue
        return pages

    def _write_here(self, pages: list[Page]) -> None:
        write = self.writer.write_bytes
        for path, data in self.frame.render_many(pages):
            write(path, data)
        self.count += len(pages)

    def _write_shared(self, shared: _Shared) -> None:
        """Take slices of the flushed pages alongside the children (their paths are in the
        manifest already: written with ``override``)."""
        write, pages = self.writer.write_bytes, shared.pages
        while (start := shared.take()) < len(pages):
            for path, data in self.frame.render_many(pages[start : start + SLICE]):
                write(path, data, override=True)

    def _fork(self, pages: list[Page]) -> None:
        rels = self._paths(pages)
        self._spawn(pages, None, rels)
        self._register(rels)

    def _paths(self, pages: list[Page]) -> list[str]:
        """The pages' paths, none written in this build yet."""
        writer = self.writer
        rels = [path.lstrip("/") for path, _ in pages]
        for rel in rels:
            if rel in writer.manifest:
                raise getattr(writer, "already_written", ValueError)(
                    f"{rel} was already written in this build"
                )
        return rels

    def _register(self, rels: list[str]) -> None:
        """Paths handed to children join the manifest (after the fork: a child's copy of the
        manifest must not hold its own pages)."""
        self.writer.manifest.update(rels)
        self.count += len(rels)

    def _spawn(self, pages: list[Page], shared: _Shared | None, rels: list[str]) -> None:
        read_end, write_end = os.pipe()
        gc.freeze()  # neither process's collector then writes to the objects they share (copy-on-write)
        pid = os.fork()
        if pid == 0:  # the child: render, write, report, and leave without cleanup
            os.close(read_end)
            _child(self.writer, self.frame, pages, shared, write_end)
        os.close(write_end)
        self._forked = True
        self._running.append((pid, read_end, rels))
        _children_running[0] += 1

    def _reap(self, block: bool) -> None:
        """Collect the children that have finished (``block``: every child, waiting for them).
        A child's report is read before it is waited for: a long one may fill the pipe."""
        if not self._running:
            return
        fds = [read_end for _, read_end, _ in self._running]
        ready = fds if block else select.select(fds, [], [], 0)[0]
        for child in [c for c in self._running if c[1] in ready]:
            pid, read_end, rels = child
            with os.fdopen(read_end, "rb") as pipe:
                message = pipe.read().decode("utf-8", "replace")  # to its end: the child's exit
            _, status = os.waitpid(pid, 0)
            self._running.remove(child)
            _children_running[0] -= 1
            code = os.waitstatus_to_exitcode(status)
            if code != 0 or not message.startswith("ok "):
                if self._error is None:
                    self._error = message or f"exit status {code}"
                continue
            self._account(message, rels)

    def _account(self, message: str, rels: list[str]) -> None:
        """``ok <written> <unchanged> <start>:<flags> ...``: a flag per page of each slice."""
        _, written, unchanged, *slices = message.split(" ")
        self.writer.stats.written += int(written)
        self.writer.stats.unchanged += int(unchanged)
        for part in slices:
            start, flags = part.split(":")
            first = int(start)
            self.writer.written.update(rels[first + i] for i, flag in enumerate(flags) if flag == "1")


def _child(writer: Any, frame: Any, pages: list[Page], shared: _Shared | None, out: int) -> None:
    code = 1
    gc.disable()  # a short life: what it makes is freed by reference counting or at exit
    try:
        written = unchanged = 0
        slices = []
        starts = iter(shared.take, None) if shared is not None else iter((0,))
        write = writer.write_bytes
        for start in starts:
            part = pages[start : start + (SLICE if shared is not None else len(pages))]
            if not part:
                break
            flags = []
            for path, data in frame.render_many(part):
                if write(path, data):
                    written += 1
                    flags.append("1")
                else:
                    unchanged += 1
                    flags.append("0")
            slices.append(f"{start}:{''.join(flags)}")
        message = " ".join(["ok", str(written), str(unchanged), *slices])
        code = 0
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails the build
        message = traceback.format_exc()[-16000:]
    try:
        data = message.encode("utf-8")
        while data:
            data = data[os.write(out, data) :]
    finally:
        os._exit(code)


def default_workers() -> int:
    return max(
        1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    )
