"""``scripts/bench/filing_floor.py``: the floor's filing writes no fewer rows than a real filing, and
a short run of both servers answers every request of each route."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "bench"))

from api_throughput import (  # noqa: E402
    COMPLAINT,
    FIXTURE,
    filing,  # noqa: E402
)
from filing_floor import Floor, bare_application, run  # noqa: E402
from sunlight.code_key import StaticCodeKey  # noqa: E402
from sunlight.content.catalog import build_catalog  # noqa: E402
from sunlight.content.loader import load_content  # noqa: E402
from sunlight.service import ComplaintService, FileComplaint, ReporterInput  # noqa: E402
from sunlight.service.catalog import catalog_from_dict  # noqa: E402
from sunlight.store.sqlite import SqliteStore  # noqa: E402

NOW = dt.datetime(2026, 12, 24, 10, tzinfo=ZoneInfo("Asia/Shanghai"))
TABLES = ("complaints", "inbox", "audit", "outbox", "idempotency")


def rows(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES}
    finally:
        conn.close()


def test_the_floor_writes_at_least_the_rows_of_a_real_filing(tmp_path: Path) -> None:
    """The floor is only a floor if it does the durable work a filing does: the benchmark's complaint
    filed through the service for the benchmark's agency, against one request to the bare server's
    ``POST /file``, table by table."""
    content, _ = load_content(FIXTURE)
    catalog = catalog_from_dict(build_catalog(content, NOW.date(), [], private=True))
    store = SqliteStore(tmp_path / "real.sqlite3")
    service = ComplaintService(store, catalog, code_key=StaticCodeKey(b"floor-test-" * 3))
    values = {**COMPLAINT, "reporter": ReporterInput(**COMPLAINT["reporter"])}  # type: ignore[arg-type]
    service.file_complaint(FileComplaint(**values), "key-1", NOW)  # type: ignore[arg-type]
    store.close()
    real = rows(tmp_path / "real.sqlite3")
    assert real["complaints"] == 1 and real["outbox"] >= 2  # the filing wrote what this test compares

    app = bare_application(Floor(tmp_path / "floor.sqlite3"))
    method, _, body, headers = filing(1)
    assert body is not None
    statuses: list[str] = []
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": "/file",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "HTTP_IDEMPOTENCY_KEY": headers["Idempotency-Key"],
    }
    answer = json.loads(b"".join(app(environ, lambda status, _headers: statuses.append(status))))
    assert statuses == ["201 Created"] and answer["tracking_no"]
    floor = rows(tmp_path / "floor.sqlite3")  # read by another connection: committed
    for table in TABLES:
        assert floor[table] >= real[table], (table, floor, real)


@pytest.mark.slow
def test_a_short_run_answers_every_request_of_each_route() -> None:
    report = "\n".join(run(requests=40, clients=4))
    cells = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in report.splitlines()]
    answered = {
        row[1]: (int(row[2]), int(row[3])) for row in cells if len(row) > 3 and row[1][:4] in ("GET ", "POST")
    }
    assert answered == {
        "GET /hello": (40, 40),
        "POST /file": (40, 40),
        "POST /file-one-row": (40, 40),
        "GET /api/hello": (40, 40),
        "POST /api/file": (40, 40),
        "POST /api/file-one-row": (40, 40),
    }, report
    assert report.count("% of the same server's hello-world throughput") == 4
