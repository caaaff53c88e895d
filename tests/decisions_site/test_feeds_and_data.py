"""Feeds (parsed with feedparser) and open data: exactly the public decisions."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import feedparser
import pytest

pytestmark = pytest.mark.slow

WITHDRAWN = {"MC2026-0007", "MC2026-0008", "MC2026-0009", "MC2022-0010"}
HELD = {"MC2026-0004", "MC2026-0005", "MC2026-0006"}
SITE = "https://zfgs.mingchuan.example"


def public_ids(out: Path) -> set[str]:
    return {
        p.name
        for p in (out / "decisions").iterdir()
        if p.name.startswith("MC") and "data-pagefind-body" in (p / "index.html").read_text("utf-8")
    }


def test_atom_and_rss_of_all_decisions(built_site: Path) -> None:
    for name in ("decisions.atom", "decisions.rss"):
        feed = feedparser.parse((built_site / "feeds" / name).read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        ids = [e.id for e in feed.entries]
        assert len(ids) == 63  # every public decision (fewer than 100)
        assert ids[0] == f"{SITE}/decisions/MC2026-0003/"
        assert not any(i.rstrip("/").rsplit("/", 1)[-1] in WITHDRAWN | HELD for i in ids)
        assert all("updated" in e or "published" in e for e in feed.entries)


def test_per_office_and_per_domain_feeds(built_site: Path) -> None:
    east = feedparser.parse((built_site / "feeds/offices/brigade-east.atom").read_bytes())
    assert east.entries and all(e.author == "东片执法大队" for e in east.entries)
    domain = feedparser.parse((built_site / "feeds/domains/planning.atom").read_bytes())
    assert len(domain.entries) == 63
    # The feed's updated time is its newest entry's (the latest publication), not the build time.
    assert domain.feed.updated == max(e.updated for e in domain.entries) == "2026-10-31T00:00:00+08:00"


def test_entry_ids_are_stable_permalinks(built_site: Path) -> None:
    feed = feedparser.parse((built_site / "feeds/decisions.atom").read_bytes())
    for e in feed.entries:
        assert e.id == e.link and e.id.startswith(f"{SITE}/decisions/")


def test_open_data_has_exactly_the_public_decisions(built_site: Path) -> None:
    raw = (built_site / "data/decisions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"))))
    data = json.loads((built_site / "data/decisions.json").read_text("utf-8"))
    csv_ids = {r["记录编号"] for r in rows}
    json_ids = {d["id"] for d in data["decisions"]}
    assert csv_ids == json_ids == public_ids(built_site)
    assert len(csv_ids) == 63 and not csv_ids & (WITHDRAWN | HELD)
    assert "id_number" not in data["fields"] and "status_reason" not in data["fields"]
    assert "证件号码" not in rows[0]
    natural = next(d for d in data["decisions"] if d["id"] == "MC2026-0002")
    assert natural["party_name"] == "张某" and natural["credit_code"] == ""


def test_data_page_lists_every_feed_and_each_one_exists(built_site: Path) -> None:
    import re

    index = (built_site / "data/index.html").read_text("utf-8")
    feeds = re.findall(r'href="(/feeds/[^"]+)"', index)
    assert {"/feeds/decisions.atom", "/feeds/decisions.rss", "/feeds/offices/brigade-east.atom",
            "/feeds/domains/planning.atom", "/feeds/notices.atom", "/feeds/powers.atom"} <= set(feeds)  # fmt: skip
    written = {str(p.relative_to(built_site)) for p in (built_site / "feeds").rglob("*.*")}
    for url in feeds:
        assert url.lstrip("/") in written, url
    assert written <= {u.lstrip("/") for u in feeds}  # no feed goes unlisted
