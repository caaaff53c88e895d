"""Whole-site scenarios of ``make bench``: a city-scale site, a day's rebuild, and the agency builds.

Every build is ``sunlight build`` as a child process (wall time and peak memory measured by the
caller's ``measure``). Content comes from ``scripts/generate_agency.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
SUNLIGHT = str(Path(PY).parent / "sunlight")
END = dt.date(2025, 12, 31)
TODAY = dt.date(2026, 1, 5)
NEW_PER_DAY, WITHDRAWN_PER_DAY = 300, 20
# sunlight_site.decisions.withdrawal_memory: an input of the next build
MEMORY_FILE = ".sunlight-withdrawals.json"


def generate(out: Path, powers: int, decisions: int, seed: int = 1) -> None:
    subprocess.run(
        [PY, str(ROOT / "scripts/generate_agency.py"), str(out), "--powers", str(powers),
         "--decisions", str(decisions), "--seed", str(seed), "--end", END.isoformat()],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def build_cmd(content: Path, out: Path, today: dt.date, search: bool) -> list[str]:
    cmd = [SUNLIGHT, "build", str(content), "-o", str(out), "--today", today.isoformat()]
    return cmd if search else [*cmd, "--no-search"]


def next_day(content: Path, day: dt.date) -> None:
    """One day's changes: 300 new decisions (a new feed file) and 20 withdrawn (撤销) ones."""
    files = sorted((content / "decisions").glob("*.csv"))
    newest = files[-1]
    with newest.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        header = list(reader.fieldnames or [])
        rows = list(reader)
    id_col = next(c for c in header if c in ("id", "记录编号"))
    status_col = next((c for c in header if c in ("status", "状态")), None)
    status_on_col = next((c for c in header if c in ("status_on", "状态日期")), None)
    decided_col = next(c for c in header if c in ("decided_on", "决定日期"))
    published_col = next((c for c in header if c in ("published_on", "公示日期")), None)
    if status_col is None or status_on_col is None or published_col is None:
        raise SystemExit(
            f"{newest}: the generated feed lacks status/status_on/published_on columns: {header}"
        )
    for r in rows[-WITHDRAWN_PER_DAY:]:
        r[status_col], r[status_on_col] = "撤销", day.isoformat()
    with newest.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header)
        w.writeheader()
        w.writerows(rows)
    fresh = []
    for i, r in enumerate(rows[:NEW_PER_DAY]):
        n = dict(r)
        n[id_col] = f"NEXT-{day:%Y%m%d}-{i:04d}"
        for c in header:
            if c in ("doc_no", "决定文书号"):
                n[c] = f"{r[c]}-补{i:04d}"
        n[decided_col] = (day - dt.timedelta(days=2)).isoformat()
        n[published_col] = day.isoformat()
        n[status_col], n[status_on_col] = "有效", ""
        fresh.append(n)
    with (content / "decisions" / f"zz-{day:%Y%m%d}.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header)
        w.writeheader()
        w.writerows(fresh)


def files_line(stdout: str) -> str:
    m = re.search(r"built: (\d+) files written, (\d+) unchanged, (\d+) deleted", stdout)
    return f"{m.group(1)} written, {m.group(2)} unchanged, {m.group(3)} deleted" if m else "?"


def series(
    content: Path, work: Path, search: bool, measure: Callable[..., Any], tree_digest: Callable
) -> tuple[list[str], list[str]]:
    """Full build of day 1, one day's changes, rebuild, full build of day 2; (table rows, notes)."""
    tag = "search" if search else "no-search"
    site, fresh = work / f"site-{tag}", work / f"fresh-{tag}"
    day2 = TODAY + dt.timedelta(days=1)
    full = measure(f"full build ({tag})", build_cmd(content, site, TODAY, search), site)
    # The reference build of day 2 starts from what day 1 remembered for the next build (the
    # takedown dates and the ids it showed: withdrawal_memory), as the rebuild does; without it,
    # its notices could not know when the records withdrawn on day 2 were taken down.
    fresh.mkdir(parents=True, exist_ok=True)
    shutil.copy(site / MEMORY_FILE, fresh / MEMORY_FILE)
    next_day(content, day2)
    again = measure(f"rebuild ({tag})", build_cmd(content, site, day2, search), site)
    ref = measure(f"full build of day 2 ({tag})", build_cmd(content, fresh, day2, search), fresh)
    rows = []
    for label, r in (("full build, day 1", full), (f"rebuild, day 2 (+{NEW_PER_DAY} new, {WITHDRAWN_PER_DAY} withdrawn)", again),
                     ("full build, day 2 (reference)", ref)):  # fmt: skip
        rows.append(
            f"| {tag} | {label} | {r.seconds:.1f} | {r.peak_mb:.0f} | {r.files:,} | {files_line(r.stdout)} |"
        )
    same = tree_digest(site) == tree_digest(fresh)
    notes = [
        f"- {tag}: rebuild / full build of the same content = {again.seconds / ref.seconds * 100:.1f} % "
        f"(target <= 5 %); rebuilt output byte-identical to the full build: {'yes' if same else 'NO'}; "
        f"peak memory of the full build {max(full.peak_mb, ref.peak_mb):.0f} MB (target < 1024 MB)."
    ]
    return rows, notes


def run(
    n: int, work: Path, measure: Callable[..., Any], tree_digest: Callable, count_files: Callable
) -> list[str]:
    content = work / "content"
    generate(content, powers=200, decisions=n)
    bare = work / "content-no-search"
    shutil.copytree(content, bare)
    rows, notes = series(content, work, True, measure, tree_digest)
    rows2, notes2 = series(bare, work, False, measure, tree_digest)
    return [
        f"### City scale: {n:,} decisions, every page kind (`sunlight build`)",
        "",
        "| index | build | wall time (s) | peak memory (MB) | files in output | files written |",
        "| --- | --- | ---: | ---: | ---: | --- |",
        *rows,
        *rows2,
        "",
        *notes,
        *notes2,
    ]


def run_agency(work: Path, measure: Callable[..., Any]) -> list[str]:
    lines = [
        "### Agency builds (issue 2): sample agency and a synthetic agency with 2,000 power items",
        "",
        "| content | wall time (s) | peak memory (MB) | files in output |",
        "| --- | ---: | ---: | ---: |",
    ]
    sample = measure("sample", build_cmd(ROOT / "content", work / "sample", TODAY, True), work / "sample")
    lines.append(
        f"| sample agency (`content/`) | {sample.seconds:.1f} | {sample.peak_mb:.0f} | {sample.files:,} |"
    )
    synthetic = work / "content-2000"
    generate(synthetic, powers=2000, decisions=2000)
    big = measure("2000 powers", build_cmd(synthetic, work / "big", TODAY, True), work / "big")
    lines.append(
        f"| synthetic: 2,000 powers, 2,000 decisions | {big.seconds:.1f} | {big.peak_mb:.0f} | {big.files:,} |"
    )
    return lines
