"""案卷评查 reports on the built site (``--reviews-from``): one page per finished office review under
/supervision/, a case linked to its decision only when that decision is public, faults texts that
may name someone or a decision not public held back, per-item averages and common faults worked out
by hand, the feed read with feedparser; the demo sample's draw reproduced from its seed."""

from __future__ import annotations

import copy
import json
import random
import re
from pathlib import Path
from typing import Any

import feedparser
import pytest
from site_helpers import ROOT, SAMPLE, TODAY

DEMO = ROOT / "scripts" / "demo" / "case-reviews.json"
pytestmark = pytest.mark.slow


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    from sunlight_site.build import build_site, reviews_snapshot

    document = json.loads(DEMO.read_text(encoding="utf-8"))
    doc = copy.deepcopy(document)
    west = doc["reviews"][0]["offices"][0]
    west["cases"][1]["faults"] = "当事人联系电话13800138000未核实"  # a personal number
    west["cases"][4]["faults"] = "与 MC-2025-0079 事实雷同"  # names a decision that is not public
    unfinished = copy.deepcopy(doc["reviews"][0]["offices"][1])
    unfinished.update(office="squad-baisha", finished_at=None)  # not finished: never published
    doc["reviews"][0]["offices"].append(unfinished)
    tmp = tmp_path_factory.mktemp("reviews")
    path = tmp / "reviews.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = tmp / "site"
    report = build_site(SAMPLE, out, TODAY, search=False, case_reviews=reviews_snapshot(str(path)))
    return out, report, document


def test_one_page_per_finished_office(built: tuple[Path, dict[str, Any], dict[str, Any]]) -> None:
    out, report, _ = built
    pages = sorted(p.parent.name for p in (out / "supervision" / "reviews" / "2025").glob("*/index.html"))
    assert pages == ["brigade-west", "squad-xinzhen"]
    index = text_of((out / "supervision" / "index.html").read_text(encoding="utf-8"))
    assert "西片执法大队" in index and "新镇中队" in index and "白沙" not in index
    assert report["counts"]["case_review_reports"] == 2


def test_the_report_page(built: tuple[Path, dict[str, Any], dict[str, Any]]) -> None:
    out, report, _ = built
    html = (out / "supervision" / "reviews" / "2025" / "brigade-west" / "index.html").read_text(
        encoding="utf-8"
    )
    text = text_of(html)
    assert "5d0c8f3a9e7b41c2a6f08d1e3b7c9a24" in text  # the seed, published
    # Scores of the five cases (scripts/demo/case-reviews.json): 100, 93, 96, 97, 92 -> 478 / 5 = 95.6
    assert "平均得分 95.6" in text
    rows = re.findall(
        r"<tr><th scope=\"row\">(.*?)</tr>", html.split("data-review-cases", 1)[1].split("</table>")[0]
    )
    assert [re.search(r"<td>(\d+)</td><td>[^<]*</td>$", r).group(1) for r in rows] == [
        "100",
        "93",
        "96",
        "97",
        "92",
    ]  # type: ignore[union-attr]
    # per item, by hand: 证据充分 (15) lost 4 on one case -> (15*4 + 11) / 5 = 14.2; 文书规范 (10): 8 and 7 -> 9.0
    items = text_of(html.split("data-review-items", 1)[1].split("</table>")[0])
    assert (
        "证据充分 15 14.2 1 件" in items
        and "文书规范 10 9.0 2 件" in items
        and "主体合法 10 10.0 0 件" in items
    )
    faults = text_of(html.split("data-common-faults", 1)[1].split("</ul>")[0])
    assert faults.index("文书规范：2 件") < faults.index("证据充分：1 件")  # most often first
    # a public decision is linked by its page and 文书号; any other is 案卷 N only, never its id
    public = json.loads((out / "data" / "catalog.json").read_text(encoding="utf-8"))["decisions"]
    cases = ["MC-2025-0079", "MC-2025-0024", "MC-2025-0030", "MC-2025-0060", "MC-2025-0048"]
    for decision_id in cases:
        if decision_id in public:
            assert f'href="/decisions/{decision_id}/"' in html
        else:
            assert decision_id not in html
    assert any(c in public for c in cases) and any(c not in public for c in cases)
    # held back: a phone number, and a decision that is not public named in the faults text
    assert "13800138000" not in html and "事实雷同" not in html
    assert text.count("含不宜公开的内容") == 2
    held = [w for w in report["warnings"] if w.get("file") == "--reviews-from"]
    assert sorted(w["field"] for w in held) == ["2025/brigade-west/2/faults", "2025/brigade-west/5/faults"]


def test_the_feed_has_an_entry_per_report(built: tuple[Path, dict[str, Any], dict[str, Any]]) -> None:
    out, _, _ = built
    feed = feedparser.parse((out / "feeds" / "supervision.atom").read_bytes())
    assert not feed.bozo
    titles = sorted(e.title for e in feed.entries)
    assert titles == ["2025年度案卷评查报告：新镇中队", "2025年度案卷评查报告：西片执法大队"]
    west = next(e for e in feed.entries if "西片" in e.title)
    assert west.link.endswith("/supervision/reviews/2025/brigade-west/")
    assert west.id.endswith(
        ",2026-03-12:/supervision/reviews/2025/brigade-west/"
    )  # finished on, Beijing date
    assert west.updated.startswith("2026-03-12T16:20:00+08:00") or west.updated_parsed[:5] == (
        2026,
        3,
        12,
        8,
        20,
    )


def test_the_demo_sample_is_a_real_draw(built: tuple[Path, dict[str, Any], dict[str, Any]]) -> None:
    """The demo's seed redoes its sample from the sample content's decisions (the documented algorithm,
    written again here)."""
    from sunlight.content.loader import load_content

    _, _, document = built
    content, _ = load_content(SAMPLE)
    review = document["reviews"][0]
    for office in review["offices"]:
        ids = sorted({d.id for d in content.decisions if d.office == office["office"] and d.decided_on
                      and d.decided_on.year == review["year"]})  # fmt: skip
        sample = random.Random(review["seed"] + ":" + office["office"]).sample(ids, min(5, len(ids)))
        assert [c["decision_id"] for c in office["cases"]] == sample
        assert office["candidates"] == len(ids)


def test_a_malformed_file_stops_the_build_naming_the_field(tmp_path: Path) -> None:
    from sunlight_site.build import BuildError, reviews_snapshot

    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    doc["reviews"][0]["offices"][0]["cases"][0]["scores"]["主体合法"] = 11
    path = tmp_path / "r.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(
        BuildError, match=r"reviews\[0\]\.offices\[0\]\.cases\[0\]\.scores\.主体合法: 应为 0 至 10"
    ):
        reviews_snapshot(str(path))
    path.write_text('{"format": "sunlight-complaint-stats"}', encoding="utf-8")
    with pytest.raises(BuildError, match="sunlight review export"):
        reviews_snapshot(str(path))
