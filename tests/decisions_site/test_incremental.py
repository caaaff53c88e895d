"""A rebuild after a day's new and withdrawn decisions equals a full build and rewrites only what changed."""

from __future__ import annotations

import datetime as dt
import filecmp
import shutil
from pathlib import Path

import pytest
from decisions_fixture import TODAY, decision_rows, row, write_feed

pytestmark = pytest.mark.slow

NEXT_DAY = TODAY + dt.timedelta(days=1)


def snapshot(out: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(out)): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in out.rglob("*")
        if p.is_file()
    }


def differences(a: Path, b: Path) -> list[str]:
    """Relative paths that differ between two trees (missing on either side, or other bytes)."""
    files_a = {str(p.relative_to(a)) for p in a.rglob("*") if p.is_file()}
    files_b = {str(p.relative_to(b)) for p in b.rglob("*") if p.is_file()}
    changed = [f for f in files_a & files_b if not filecmp.cmp(a / f, b / f, shallow=False)]
    return sorted(files_a ^ files_b) + sorted(changed)


def next_day_rows() -> list[dict[str, str]]:
    rows = decision_rows()
    for r in rows:
        if r["id"] in ("MC2026-1001", "MC2026-1002"):
            r.update(status="撤销", status_on=NEXT_DAY.isoformat())
    for i in range(3):
        rows.append(
            row(id=f"MC2026-2{i:03d}", doc_no=f"明城管罚决字〔2026〕第2{i:03d}号", party_name=f"江州市新增{i}号有限公司",
                credit_code="", party_type="个体工商户", facts="当事人占道经营。", decided_on="2026-11-18",
                published_on=NEXT_DAY.isoformat())
        )  # fmt: skip
    return rows


def test_rebuild_equals_full_build_and_leaves_unchanged_files_alone(
    fixture_content: Path, private_tmp: Path
) -> None:
    from sunlight_site.build import build_site

    content = private_tmp / "content"
    shutil.copytree(fixture_content, content)
    site, fresh = private_tmp / "site", private_tmp / "fresh"
    build_site(content, site, TODAY, search=True)
    before = snapshot(site)
    # the full build gets the same inputs: the content and what the first build remembered
    # about withdrawals (which decisions were public: the takedown dates of the next day)
    fresh.mkdir()
    shutil.copy(site / ".sunlight-withdrawals.json", fresh / ".sunlight-withdrawals.json")

    write_feed(content, next_day_rows())
    report = build_site(content, site, NEXT_DAY, search=True)
    build_site(content, fresh, NEXT_DAY, search=True)

    assert differences(site, fresh) == []
    after = snapshot(site)
    untouched = [f for f in after if f in before and after[f] == before[f]]
    assert "decisions/MC2026-1050/index.html" in untouched  # an old decision nobody touched
    assert "decisions/MC2026-1001/index.html" not in untouched  # now a withdrawal notice
    notice = (site / "decisions/MC2026-1001/index.html").read_text("utf-8")
    assert "撤销" in notice and f"{NEXT_DAY.year}年{NEXT_DAY.month}月{NEXT_DAY.day}日依法撤下" in notice
    assert (site / "decisions/MC2026-2000/index.html").exists()
    assert report["files"]["written"] < len(after) / 2
    assert report["files"]["written"] + report["files"]["unchanged"] >= len(untouched)
