"""``scripts/bench/filing_parts.py``: a short in-process run files every complaint and splits its CPU."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_short_run_reports_each_part() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "backend"), str(ROOT / "site")])}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "bench" / "filing_parts.py"),
            "--requests",
            "30",
            "--threads",
            "3",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    figures = {
        name: float(value)
        for name, value in re.findall(
            r"^\s*(GET /api/health|POST /api/complaints|[a-z -]+\([^)]*\)|idempotency lookup): ([\d.]+) ms",
            out,
            re.M,
        )
    }
    assert set(figures) == {
        "GET /api/health",
        "POST /api/complaints",
        "group-commit writes (SQL and COMMIT)",
        "idempotency lookup",
        "the rest (domain, API, threads)",
    }, out
    # a filing writes to the store and looks its idempotency key up (both timed: not zero), and
    # costs more CPU than the hello-world route, which does neither
    assert figures["group-commit writes (SQL and COMMIT)"] > 0
    assert figures["idempotency lookup"] > 0
    assert figures["POST /api/complaints"] > figures["GET /api/health"]
