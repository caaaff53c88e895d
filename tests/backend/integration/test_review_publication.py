"""案卷评查 from the workbench's store to the site: ``sunlight review export`` then ``sunlight build
--reviews-from``. An office's report is on the built site once its review is finished, not before."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import feedparser
import pytest
from sunlight.code_key import FileCodeKey
from sunlight.content.catalog import build_catalog
from sunlight.content.loader import load_content
from sunlight.service import case_reviews
from sunlight.service.catalog import load_catalog
from sunlight.service.complaints import ComplaintService
from sunlight.store.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[3]
SUNLIGHT = ROOT / ".venv" / "bin" / "sunlight"
NOW = dt.datetime(2026, 2, 10, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
FULL = {"主体合法": 10, "事实清楚": 15, "证据充分": 15, "程序合法": 15, "适用法律正确": 15, "裁量适当": 10,
        "文书规范": 10, "法制审核": 10}  # fmt: skip


def export_and_build(data: Path, tmp: Path, name: str) -> Path:
    exported = tmp / f"{name}.json"
    done = subprocess.run(
        [str(SUNLIGHT), "review", "export", "--data", str(data), "-o", str(exported), "--now", NOW.isoformat()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = tmp / name
    done = subprocess.run(
        [str(SUNLIGHT), "build", str(ROOT / "content"), "-o", str(out), "--today", "2026-03-20", "--no-search",
         "--reviews-from", str(exported)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.slow
def test_a_report_is_published_once_the_office_finished(tmp_path: Path) -> None:
    content, _ = load_content(ROOT / "content")
    data = tmp_path / "data"
    data.mkdir()
    catalog = build_catalog(content, NOW.date(), [], private=True)
    (data / "catalog.json").write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    store = SqliteStore(data / "sunlight.sqlite3")
    service = ComplaintService(
        store, load_catalog(data / "catalog.json"), code_key=FileCodeKey(data / "k.key")
    )
    account = service.account_for(service.create_account("staff", "评查员", "supervision", NOW).token)
    review = case_reviews.draw_sample(store, service.catalog, account, 2025, NOW)
    east = next(o for o in review["offices"] if o["office"] == "brigade-east")
    assert east["candidates"] == 4 and len(east["cases"]) == 4  # fewer decisions than 5: all of them
    for case in east["cases"]:
        case_reviews.score(store, service.catalog, account, 2025, case["decision_id"], {"scores": FULL}, NOW)
    store.close()

    before = export_and_build(data, tmp_path, "before")
    assert not (before / "supervision" / "reviews").exists()
    assert "暂无已完成的案卷评查报告" in (before / "supervision" / "index.html").read_text(encoding="utf-8")
    assert feedparser.parse((before / "feeds" / "supervision.atom").read_bytes()).entries == []

    store = SqliteStore(data / "sunlight.sqlite3")
    case_reviews.finish(store, service.catalog, account, 2025, "brigade-east", NOW)
    store.close()
    after = export_and_build(data, tmp_path, "after")
    page = after / "supervision" / "reviews" / "2025" / "brigade-east" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert review["seed"] in html and "东片执法大队" in html
    assert sorted(p.parent.name for p in page.parent.parent.glob("*/index.html")) == ["brigade-east"]
    feed = feedparser.parse((after / "feeds" / "supervision.atom").read_bytes())
    assert [e.title for e in feed.entries] == ["2025年度案卷评查报告：东片执法大队"]
    assert "评查员" not in html  # no reviewer's name
