"""The benchmark's memory figure counts the processes a build starts, not only the build itself."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "bench"))

from memory import TreeMemory, _pss_kb, tree_pss_kb  # noqa: E402

# A parent that stays small and starts a child holding 80 MB of its own.
PARENT = """
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c",
    "import sys, time; b = bytearray(80 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); "
    "print('ready', flush=True); time.sleep(30)"], stdout=subprocess.PIPE)
child.stdout.readline()
print("ready", flush=True)
time.sleep(30)
"""


def test_a_child_process_memory_counts_in_the_tree() -> None:
    proc = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, start_new_session=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        with TreeMemory(proc.pid, interval=0.01) as tree:
            time.sleep(0.1)
        own = _pss_kb(proc.pid)
        assert own < 40 * 1024  # the parent alone is small
        assert tree.peak_kb >= 80 * 1024  # its child's 80 MB are counted
        assert tree_pss_kb(proc.pid) >= 80 * 1024
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the child too
        proc.wait()
