"""Two (or more) real processes on one SQLite file: one complaint per Idempotency-Key, each timer
fired once and each message delivered once."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from complaint_catalog_sample import catalog_dict
from service_helpers import NOW, command
from sunlight.code_key import FileCodeKey
from sunlight.service import ComplaintService
from sunlight.service.catalog import load_catalog
from sunlight.store.sqlite import SqliteStore

pytestmark = pytest.mark.slow

WORKER = r"""
import datetime as dt, json, sys, time
from pathlib import Path
from sunlight.code_key import FileCodeKey
from sunlight.service import ComplaintService, FileComplaint, ReporterInput
from sunlight.service.catalog import load_catalog
from sunlight.store.sqlite import SqliteStore

catalog_path, db_path, job, start_at, arg = sys.argv[1:6]
key = FileCodeKey(Path(db_path).with_name("access-code.key"))
service = ComplaintService(SqliteStore(db_path), load_catalog(catalog_path), code_key=key)
now = dt.datetime.fromisoformat(arg)
while time.time() < float(start_at):
    time.sleep(0.005)
if job == "file":
    cmd = FileComplaint(category="arbitrary-fine", subject="重复检查", description="一周内三次检查同一事项",
                        reporter=ReporterInput(type="person", name="赵某", phone="13900139000"), street="新镇街道")
    filed = service.file_complaint(cmd, "one-key-for-all", now)
    print(json.dumps([filed.tracking_no, filed.access_code]))
elif job == "tick":
    print(json.dumps(list(service.tick(now).fired)))
elif job == "deliver":
    sent = []
    class Out:
        def send(self, message):
            sent.append(message.id)
    service.deliver_outbox(now, {"email": Out(), "webhook": Out(), "sms": Out()}, limit=5)
    service.deliver_outbox(now, {"email": Out(), "webhook": Out(), "sms": Out()}, limit=100)
    print(json.dumps(sent))
"""


def run_together(tmp_path: Path, job: str, now: str, count: int) -> list[object]:
    catalog = tmp_path / "catalog.json"
    if not catalog.exists():
        catalog.write_text(json.dumps(catalog_dict(), ensure_ascii=False), encoding="utf-8")
    start_at = str(time.time() + 1.5)  # all start at the same moment, after their imports
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(catalog), str(tmp_path / "db.sqlite3"), job, start_at, now],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(count)
    ]
    outputs = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        outputs.append(json.loads(out))
    return outputs


def test_processes_with_one_idempotency_key_create_one_complaint(tmp_path: Path) -> None:
    results = run_together(tmp_path, "file", NOW.isoformat(), 4)
    assert len({tuple(r) for r in results}) == 1  # type: ignore[arg-type]
    store = SqliteStore(tmp_path / "db.sqlite3")
    assert [c.tracking_no for c in store.all_complaints()] == [results[0][0]]  # type: ignore[index]
    store.close()


def test_processes_ticking_and_delivering_at_once_do_nothing_twice(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps(catalog_dict(), ensure_ascii=False), encoding="utf-8")
    store = SqliteStore(tmp_path / "db.sqlite3")
    service = ComplaintService(
        store, load_catalog(catalog), code_key=FileCodeKey(tmp_path / "access-code.key")
    )
    for _ in range(6):
        service.file_complaint(command(), None, NOW)
    store.close()
    fired = [key for keys in run_together(tmp_path, "tick", "2027-01-20T10:00:00+08:00", 2) for key in keys]  # type: ignore[union-attr]
    assert len(fired) == len(set(fired)) == 6 * 3
    sent = [i for ids in run_together(tmp_path, "deliver", "2027-01-20T10:00:00+08:00", 2) for i in ids]  # type: ignore[union-attr]
    store = SqliteStore(tmp_path / "db.sqlite3")
    total = len(store.list_messages())
    assert len(sent) == len(set(sent)) == total  # every message once, none twice
    assert store.list_messages(delivered=False) == []
    store.close()
