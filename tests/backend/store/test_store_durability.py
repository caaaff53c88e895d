"""Every write the SQLite store acknowledged survives a kill -9 of the writing process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sunlight.store.sqlite import SqliteStore

pytestmark = pytest.mark.slow

WRITER = r"""
import datetime as dt, sys
from sunlight.domain.complaints import Complaint
from sunlight.store.base import PutComplaint
from sunlight.store.sqlite import SqliteStore

store = SqliteStore(sys.argv[1])
t = dt.datetime(2026, 12, 24, 2, tzinfo=dt.UTC)
n = 0
while True:
    n += 1
    c = Complaint(tracking_no=f"TS-KILL-{n:06d}", kind="complaint", category="other", subject="s", description="d",
                  reporter={}, about={}, handling_office="cases", supervising_office="supervision", filed_at=t,
                  filed_on=t.date(), accept_days=3, respond_days=15, remind_before_days=3)
    store.transact([PutComplaint(c, None)])
    print(c.tracking_no, flush=True)  # acknowledged only after the commit returned
"""


def test_acknowledged_writes_survive_kill_9(tmp_path: Path) -> None:
    db = tmp_path / "kill.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True)
    acknowledged = []
    assert proc.stdout is not None
    for line in proc.stdout:
        acknowledged.append(line.strip())
        if len(acknowledged) >= 40:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    store = SqliteStore(db)
    stored = {c.tracking_no for c in store.all_complaints()}
    store.close()
    assert set(acknowledged) <= stored
