"""Rendering and writing many pages in forked worker processes.

Writing one file per decision is mostly file-system work (a directory and a file each) plus
rendering; on a machine with more than one core, ``write_parallel`` forks workers that each
render and write every n-th chunk of the pages through a copy of the writer (so the same
unchanged-file skipping applies), then adds the paths they wrote to the parent's manifest
and counts. Without ``fork`` (not POSIX) it writes in this process.
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


def write_parallel(
    writer: Any, frame: Any, pages: Sequence[tuple[str, Mapping[str, Any]]], workers: int
) -> int:
    if "fork" not in multiprocessing.get_all_start_methods():
        for path, data in frame.render_many(pages):
            writer.write_bytes(path, data)
        return len(pages)
    for path, _ in pages:
        if path.lstrip("/") in writer.manifest:
            raise ValueError(f"{path} was already written in this build")
    _JOB.update(writer=writer, frame=frame, pages=pages)
    chunks = range(-(-len(pages) // CHUNK))
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_work, chunks, chunksize=1)
    finally:
        _JOB.clear()
    for paths, written, unchanged in results:
        writer.manifest.update(p.lstrip("/") for p in paths)
        writer.stats.written += written
        writer.stats.unchanged += unchanged
    return len(pages)


def default_workers() -> int:
    return max(
        1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    )
