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
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

PARALLEL_MIN = 2000  # fewer pages than this in a whole stream are written in this process
BATCH = 2000  # pages per child (fewer forks: each costs copied pages in both processes)

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
        self._running: deque[tuple[int, int, int]] = deque()  # (pid, read end of its pipe, pages)
        self._forked = False
        self._error: str | None = None

    def add(self, pages: Iterable[Page]) -> None:
        """Queue pages; full batches go to a child at once."""
        self._buffer.extend(pages)
        if self.workers > 1:
            while len(self._buffer) >= max(BATCH, 1 if self._forked else PARALLEL_MIN):
                self._fork(self._buffer[:BATCH])
                del self._buffer[:BATCH]

    def wait(self) -> int:
        """Write what is left, wait for every child; returns the number of pages rendered."""
        rest, self._buffer = self._buffer, []
        try:
            if rest and self._forked:
                self._fork(rest)
            elif rest:
                self._write_here(rest)
        finally:
            while self._running:
                self._reap()
            gc.unfreeze()
        if self._error is not None:
            raise PageWorkerError(f"页面写入进程失败 / a page worker failed:\n{self._error}")
        return self.count

    def _write_here(self, pages: list[Page]) -> None:
        write = self.writer.write_bytes
        for path, data in self.frame.render_many(pages):
            write(path, data)
        self.count += len(pages)

    def _fork(self, pages: list[Page]) -> None:
        writer = self.writer
        rels = [path.lstrip("/") for path, _ in pages]
        for rel in rels:
            if rel in writer.manifest:
                raise ValueError(f"{rel} was already written in this build")
        while len(self._running) >= self.workers:
            self._reap()
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
        self._running.append((pid, read_end, len(pages)))

    def _reap(self) -> None:
        pid, read_end, _ = self._running.popleft()
        chunks = []
        with os.fdopen(read_end, "rb") as pipe:
            chunks.append(pipe.read())
        _, status = os.waitpid(pid, 0)
        message = b"".join(chunks).decode("utf-8", "replace")
        if os.waitstatus_to_exitcode(status) != 0 or not message.startswith("ok "):
            if self._error is None:
                self._error = message or f"exit status {os.waitstatus_to_exitcode(status)}"
            return
        written, unchanged = (int(n) for n in message.split()[1:3])
        self.writer.stats.written += written
        self.writer.stats.unchanged += unchanged


def _child(writer: Any, frame: Any, pages: list[Page], out: int) -> None:
    code = 1
    gc.disable()  # a short life: what it makes is freed by reference counting or at exit
    try:
        before = writer.stats.written, writer.stats.unchanged
        write = writer.write_bytes
        for path, data in frame.render_many(pages):
            write(path, data)
        message = f"ok {writer.stats.written - before[0]} {writer.stats.unchanged - before[1]}"
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
