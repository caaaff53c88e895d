"""The API throughput scenario (``scripts/bench.py --only api``): percentiles by nearest rank, and a
short run of the whole scenario (both stores, both routes) that must file every complaint."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "bench"))

from api_throughput import cpu_seconds, percentile, run  # noqa: E402


def test_percentile_is_the_nearest_rank() -> None:
    samples = [float(n) for n in range(1, 201)]  # 1..200 ms
    assert percentile(samples, 50) == 100.0  # the 100th of 200
    assert percentile(samples, 99) == 198.0  # the 198th of 200
    assert percentile([7.0], 99) == 7.0


def test_cpu_seconds_counts_this_process_cpu_time() -> None:
    """The server-CPU column reads /proc: burning about 0.3 s of CPU here shows up, sleeping does not."""
    import os
    import time

    before, began = cpu_seconds(os.getpid()), time.process_time()
    while time.process_time() - began < 0.3:
        pass
    burnt = cpu_seconds(os.getpid()) - before
    assert 0.2 <= burnt <= 1.0  # clock ticks of 10 ms; other threads of pytest may add a little
    before = cpu_seconds(os.getpid())
    time.sleep(0.3)
    assert cpu_seconds(os.getpid()) - before < 0.1
    assert cpu_seconds(2**22 + 12345) == 0.0  # no such process


@pytest.mark.slow
def test_the_scenario_files_every_complaint_on_both_stores(tmp_path: Path) -> None:
    lines = run(tmp_path, filings=12, clients=3)
    rows = [line for line in lines if line.startswith("| ") and "ms" not in line and "---" not in line]
    table = {tuple(cell.strip() for cell in row.strip("|").split("|")[:2]): row for row in rows}
    for store, route in [
        ("SQLite (WAL)", "GET /api/health"),
        ("SQLite (WAL)", "POST /api/complaints"),
        ("DynamoDB (moto server)", "GET /api/health"),
        ("DynamoDB (moto server, serialised)", "GET /api/health"),
        ("DynamoDB (moto server, serialised)", "POST /api/complaints"),
    ]:
        assert "| 12 | 12 |" in table[(store, route)], table[(store, route)]  # requests, answered 2xx
        # the server's CPU a request (10 ms clock ticks over a few requests: may read 0)
        assert float(table[(store, route)].strip().strip("|").split("|")[-1]) >= 0
    # moto server may answer a concurrent TransactWriteItems with a 500 (its own error, not
    # DynamoDB's): every filing that did not succeed is in the report with its answer.
    row = table[("DynamoDB (moto server)", "POST /api/complaints")]
    cells = [c.strip() for c in row.strip("|").split("|")]
    failed = int(cells[2]) - int(cells[3])
    reported = sum(
        int(line.split(": ", 1)[1].split(" answered")[0])
        for line in lines
        if line.startswith("- DynamoDB (moto server), POST /api/complaints:")
    )
    assert failed == reported
    assert any("load average" in line for line in lines)
