"""Rendering and writing many pages in forked worker processes, in the background.

Writing one file per decision is mostly file-system work (a directory and a file each) plus
rendering; on a machine with more than one core, ``start_parallel`` forks workers that each
render and write every n-th chunk of the pages through a copy of the writer (so the same
unchanged-file skipping applies) and returns at once: the building process goes on with other
files (lists, notices, downloads) while the workers run. ``wait()`` collects the paths the
workers wrote into the parent's manifest and counts. Without ``fork`` (not POSIX) the pages are
written in this process before ``start_parallel`` returns.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Mapping, Sequence
from typing import Any

PARALLEL_MIN = 2000  # fewer pages than this are not worth a fork
CHUNK = 500

# Set just before the fork; the workers read it (nothing is pickled but chunk numbers).
_JOB: dict[str, Any] = {}


def _work(chunk: int) -> tuple[list[str], int, int]:
    writer, frame, pages = _JOB["writer"], _JOB["frame"], _JOB["pages"]
    before_written, before_unchanged = writer.stats.written, writer.stats.unchanged
    part = pages[chunk * CHUNK : (chunk + 1) * CHUNK]
    for path, data in frame.render_many(part):
        writer.write_bytes(path, data)
    return (
        [p for p, _ in part],
        writer.stats.written - before_written,
        writer.stats.unchanged - before_unchanged,
    )


class Pending:
    """Pages being written; ``wait()`` returns their number once they are all on disk."""

    def __init__(self, count: int, writer: Any = None, pool: Any = None, results: Any = None) -> None:
        self.count, self._writer, self._pool, self._results = count, writer, pool, results

    def wait(self) -> int:
        if self._pool is None:
            return self.count
        pool, self._pool = self._pool, None
        try:
            results = self._results.get()
        finally:
            pool.close()
            pool.join()
        writer = self._writer
        for paths, written, unchanged in results:
            for p in paths:
                rel = p.lstrip("/")
                if rel in writer.manifest:
                    raise ValueError(f"{rel} was already written in this build")
                writer.manifest.add(rel)
            writer.stats.written += written
            writer.stats.unchanged += unchanged
        return self.count


def start_parallel(
    writer: Any, frame: Any, pages: Sequence[tuple[str, Mapping[str, Any]]], workers: int
) -> Pending:
    if "fork" not in multiprocessing.get_all_start_methods():
        for path, data in frame.render_many(pages):
            writer.write_bytes(path, data)
        return Pending(len(pages))
    for path, _ in pages:
        if path.lstrip("/") in writer.manifest:
            raise ValueError(f"{path} was already written in this build")
    _JOB.update(writer=writer, frame=frame, pages=pages)
    chunks = range(-(-len(pages) // CHUNK))
    pool = multiprocessing.get_context("fork").Pool(workers)  # the workers fork here, with _JOB
    _JOB.clear()
    return Pending(len(pages), writer, pool, pool.map_async(_work, chunks, chunksize=1))


def default_workers() -> int:
    return max(
        1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    )
