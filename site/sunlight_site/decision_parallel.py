"""Rendering and writing many pages in forked child processes, in the background.

Writing one page per decision is rendering plus file-system work (a directory and a file each).
On a machine with more than one core, ``PageStream`` hands the pages to forked children in
batches and returns at once: the building process goes on (publishing the next decisions,
writing lists, notices, downloads) while the children render and write. A child is forked per
batch, so it sees the batch (and the templates) as they are at the fork: nothing is pickled
on the way there, and only two numbers come back. At most ``workers`` children run at once.

``wait()`` waits for every child, adds the paths they wrote to the writer's manifest and
counts (the paths are known in advance: a path written twice in one build is an error before
any child starts), and fails with the child's traceback when a child failed. Without ``fork``
(not POSIX), or with one worker, pages are rendered and written in this process.
"""

from __future__ import annotations

import gc
import os
import traceback
from collections.abc import Iterable, Mapping
from typing import Any

PARALLEL_MIN = 2000  # fewer pages than this in a whole stream are written in this process
BATCH = 2000  # pages per child (fewer forks: each costs copied pages in both processes)
SLICE = 250  # pages this process writes at a time while it waits for the children

Page = tuple[str, Mapping[str, Any]]


class PageWorkerError(RuntimeError):
    """A child process failed to render or write its pages."""


class PageStream:
    """Pages of one framed template, written in the background (see the module docstring)."""

    def __init__(self, writer: Any, frame: Any, workers: int) -> None:
        self.writer, self.frame = writer, frame
        self.workers = workers if hasattr(os, "fork") else 1
        self.count = 0
        self._buffer: list[Page] = []
        self._running: list[tuple[int, int, list[str]]] = []  # (pid, read end of its pipe, paths)
        self._forked = False
        self._error: str | None = None

    def add(self, pages: Iterable[Page]) -> None:
        """Queue pages; full batches go to a child when one of the ``workers`` slots is free. Never
        waits for a child: this process goes on with its own work and the batch waits its turn."""
        self._buffer.extend(pages)
        if self.workers > 1 and (self._forked or len(self._buffer) >= PARALLEL_MIN):
            self._reap(block=False)
            while len(self._buffer) >= BATCH and len(self._running) < self.workers:
                self._fork(BATCH)

    def wait(self) -> int:
        """Write what is left (children take batches while slots are free, this process takes
        small slices meanwhile), wait for every child; returns the number of pages rendered."""
        try:
            while self._buffer:
                if self._forked:
                    self._reap(block=False)
                share = -(-len(self._buffer) // (self.workers + 1))  # the children and this process
                if self._forked and len(self._running) < self.workers and share >= SLICE:
                    self._fork(min(BATCH, share))
                else:
                    self._write_here(SLICE)
        finally:
            self._reap(block=True)
            gc.unfreeze()
        if self._error is not None:
            raise PageWorkerError(f"页面写入进程失败 / a page worker failed:\n{self._error}")
        return self.count

    def _take(self, count: int) -> list[Page]:
        pages, self._buffer = self._buffer[:count], self._buffer[count:]
        return pages

    def _write_here(self, count: int) -> None:
        pages = self._take(count)
        write = self.writer.write_bytes
        for path, data in self.frame.render_many(pages):
            write(path, data)
        self.count += len(pages)

    def _fork(self, count: int) -> None:
        writer = self.writer
        rels = [path.lstrip("/") for path, _ in self._buffer[:count]]
        for rel in rels:
            if rel in writer.manifest:
                raise getattr(writer, "already_written", ValueError)(
                    f"{rel} was already written in this build"
                )
        pages = self._take(count)
        read_end, write_end = os.pipe()
        gc.freeze()  # neither process's collector then writes to the objects they share (copy-on-write)
        pid = os.fork()
        if pid == 0:  # the child: render, write, report two numbers, and leave without cleanup
            os.close(read_end)
            _child(writer, self.frame, pages, write_end)
        os.close(write_end)
        self._forked = True
        writer.manifest.update(rels)  # after the fork: the child's copy must not hold them yet
        self.count += len(pages)
        self._running.append((pid, read_end, rels))

    def _reap(self, block: bool) -> None:
        """Collect the children that have finished (``block``: every child, waiting for them)."""
        for child in list(self._running):
            pid, read_end, rels = child
            done, status = os.waitpid(pid, 0 if block else os.WNOHANG)
            if done == 0:
                continue
            self._running.remove(child)
            with os.fdopen(read_end, "rb") as pipe:
                message = pipe.read().decode("utf-8", "replace")
            code = os.waitstatus_to_exitcode(status)
            if code != 0 or not message.startswith("ok "):
                if self._error is None:
                    self._error = message or f"exit status {code}"
                continue
            _, written, unchanged, wrote = message.split(" ", 3)
            self.writer.written.update(rel for rel, flag in zip(rels, wrote, strict=True) if flag == "1")
            self.writer.stats.written += int(written)
            self.writer.stats.unchanged += int(unchanged)


def _child(writer: Any, frame: Any, pages: list[Page], out: int) -> None:
    code = 1
    gc.disable()  # a short life: what it makes is freed by reference counting or at exit
    try:
        written = unchanged = 0
        wrote = []
        write = writer.write_bytes
        for path, data in frame.render_many(pages):
            if write(path, data):
                written += 1
                wrote.append("1")
            else:
                unchanged += 1
                wrote.append("0")
        # Two counts and a flag per page: at most a few KB, within what a pipe holds, so the
        # child never waits for the parent to read.
        message = f"ok {written} {unchanged} {''.join(wrote)}"
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
