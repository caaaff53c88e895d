"""Takedown dates across builds: remembered, reported on /compliance/ and in the build report.

No holiday in November 2026: revoked Monday 2026-11-02, the 3 working days end on Thursday
2026-11-05; taken down by the build of Monday 2026-11-23, 15 working days after the revocation.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from decisions_fixture import COLUMNS, ORG_CODE, PARTY_ORG, row, write_content

pytestmark = pytest.mark.slow

FIRST, SECOND = dt.date(2026, 11, 20), dt.date(2026, 11, 23)


def decision(i: int, **values: str) -> dict[str, str]:
    return row(
        id=f"W-{i}",
        doc_no=f"明城管罚决字〔2026〕第090{i}号",
        party_name=PARTY_ORG,
        credit_code=ORG_CODE,
        legal_rep="王建国",
        facts="当事人擅自占用道路堆放物料。",
        **values,
    )


def write(content: Path, rows: list[dict[str, str]]) -> None:
    with (content / "decisions" / "feed.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=[*COLUMNS, "withdrawn_on"])
        w.writeheader()
        w.writerows(rows)


def page(out: Path, rel: str) -> str:
    return (out / rel / "index.html").read_text("utf-8")


def test_takedown_dates_are_remembered_reported_and_reproducible(private_tmp: Path) -> None:
    from sunlight_site.build import build_site

    content = write_content(private_tmp / "content", [decision(1), decision(2)])
    site = private_tmp / "site"
    build_site(content, site, FIRST, search=False)
    assert "擅自占用道路" in page(site, "decisions/W-1")  # public on the first build

    revoked = {"status": "撤销", "status_on": "2026-11-02"}
    write(
        content,
        [
            decision(1, **revoked),  # no 撤下日期: the build that hides it dates it
            decision(2, **revoked, withdrawn_on="2026-11-04"),  # the feed's date, in time
            decision(3, **revoked),  # never public on an earlier build: date unknown
        ],
    )
    report = build_site(content, site, SECOND, search=False)

    notice = page(site, "decisions/W-1")
    assert "2026年11月23日依法撤下" in notice and "2026年11月2日被撤销" in notice
    assert '<time datetime="2026-11-02">' in notice and '<time datetime="2026-11-23">' in notice
    assert "2026年11月4日依法撤下" in page(site, "decisions/W-2")
    unknown = page(site, "decisions/W-3")
    assert "已依法撤下" in unknown and "撤下日期</dt>" not in unknown

    late = [
        (r["id"], r["withdrawn_on"], r["deadline"], r["working_days"]) for r in report["late_withdrawals"]
    ]
    assert late == [("W-1", "2026-11-23", "2026-11-05", 15)]
    on_disk = json.loads((site / "build-report.json").read_text("utf-8"))
    assert on_disk["late_withdrawals"] == report["late_withdrawals"]
    assert on_disk["counts"]["decisions_withdrawn_date_unknown"] == 1

    compliance = page(site, "compliance")
    assert 'id="late-withdrawals-brigade-east"' in compliance
    section = compliance.split('id="late-withdrawals-brigade-east"', 1)[1].split("</section>", 1)[0]
    assert "W-1" in section and "2026-11-23" in section and "2026-11-05" in section
    assert "W-2" not in section and "W-3" not in section

    # A later build keeps the remembered date
    build_site(content, site, SECOND + dt.timedelta(days=3), search=False)
    assert "2026年11月23日依法撤下" in page(site, "decisions/W-1")

    # A fresh output folder with the remembered file gives the same pages; without it, no date is guessed
    fresh, bare = private_tmp / "fresh", private_tmp / "bare"
    fresh.mkdir()
    shutil.copy(site / ".sunlight-withdrawals.json", fresh / ".sunlight-withdrawals.json")
    build_site(content, fresh, SECOND + dt.timedelta(days=3), search=False)
    for rel in ("decisions/W-1", "decisions/W-2", "decisions/W-3", "compliance"):
        assert page(fresh, rel) == page(site, rel), rel
    build_site(content, bare, SECOND + dt.timedelta(days=3), search=False)
    assert "撤下日期</dt>" not in page(bare, "decisions/W-1")
    assert json.loads((bare / "build-report.json").read_text("utf-8"))["late_withdrawals"] == []
