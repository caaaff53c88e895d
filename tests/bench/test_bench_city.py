"""The city scenario's day (``scripts/bench/bench_city.py``) on a small agency: a rebuild after a
day's changes (300 new decisions, 20 withdrawn) gives the bytes of a full build of the same content
that starts from the same memory of the day before (the withdrawals' takedown dates)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "bench"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import bench_city  # noqa: E402
from bench import tree_digest  # noqa: E402


def measure(name: str, cmd: list[str], out: Path) -> SimpleNamespace:
    began = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return SimpleNamespace(seconds=time.perf_counter() - began, peak_mb=0, files=0, stdout=done.stdout)


@pytest.mark.slow
def test_a_rebuild_after_a_day_gives_a_full_builds_bytes(tmp_path: Path) -> None:
    bench_city.generate(tmp_path / "content", powers=20, decisions=800)
    rows, notes = bench_city.series(tmp_path / "content", tmp_path, False, measure, tree_digest)
    assert "rebuilt output byte-identical to the full build: yes" in notes[0], notes
    site = tree_digest(tmp_path / "site-no-search")
    # the day's withdrawals were remembered with their takedown date (2026-01-06, the rebuild's day)
    withdrawn = [p for p in site if p.startswith("decisions/")]
    assert withdrawn
    pages = [
        (tmp_path / "site-no-search" / p).read_text(encoding="utf-8")
        for p in withdrawn
        if p.endswith("index.html")
    ]
    shown = sum("已于2026年1月6日依法撤下" in page for page in pages)
    # the 20 withdrawn that day less those day 1 did not show (held back): as many as remembered
    memory = json.loads((tmp_path / "site-no-search" / bench_city.MEMORY_FILE).read_text(encoding="utf-8"))
    remembered = [i for i, day in memory["withdrawn"].items() if day == "2026-01-06"]
    assert 0 < shown == len(remembered) <= bench_city.WITHDRAWN_PER_DAY
