"""Peak memory of a process tree: the build and every process it starts (page workers forked from
it, pagefind), sampled while it runs.

A child's ``ru_maxrss`` is the peak of one process only: pages shared copy-on-write with forked
workers would count once per process in a sum of RSS, and a pagefind process running beside the
build would not count at all. The tree's memory is the sum of each process's PSS (its private
pages plus its share of the shared ones, ``/proc/<pid>/smaps_rollup``), sampled every
``interval`` seconds; a peak between two samples can be missed, so ``measure`` reports the larger
of this and the build process's own ``ru_maxrss``.
"""

from __future__ import annotations

import os
import threading


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        out.setdefault(ppid, []).append(int(name))
    return out


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def tree_pss_kb(root: int) -> int:
    """Sum of PSS (KB) of ``root`` and all its descendants now."""
    children = _children()
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss_kb(pid)
        todo += children.get(pid, [])
    return total


class TreeMemory:
    """``with TreeMemory(pid) as m: ...`` then ``m.peak_kb``: the highest sampled tree PSS."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid, self.interval = pid, interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, tree_pss_kb(self.pid))
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
