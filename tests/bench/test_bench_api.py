"""The API throughput scenario (``scripts/bench.py --only api``): percentiles by nearest rank, and a
short run of the whole scenario (both stores, both routes) that must file every complaint."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "bench"))

from api_throughput import percentile, run  # noqa: E402


def test_percentile_is_the_nearest_rank() -> None:
    samples = [float(n) for n in range(1, 201)]  # 1..200 ms
    assert percentile(samples, 50) == 100.0  # the 100th of 200
    assert percentile(samples, 99) == 198.0  # the 198th of 200
    assert percentile([7.0], 99) == 7.0


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
