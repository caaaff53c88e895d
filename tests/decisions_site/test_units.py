"""Small pure parts: search sharding and spacing, render keys, compliance rows, open-data columns."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from sunlight.domain.disclosure_deadlines import Timing
from sunlight_site.data.search_index import (
    INDEX_FORMAT,
    digest,
    indexable,
    indexed_part,
    month_of,
    shard_names,
    shards,
    spaced,
    take_known_pages,
)
from sunlight_site.decisions.render_keys import RenderKeys
from sunlight_site.decisions.timeliness import compliance_rows, totals


def test_only_the_indexed_article_is_staged() -> None:
    page = (
        '<!DOCTYPE html><html lang="zh-CN"><head><title>头</title></head><body><nav>导航</nav>'
        '<main><article class="decision" data-pagefind-body><h1>决定</h1><p>事实</p></article></main>'
        "<footer>页脚</footer></body></html>"
    )
    part = indexed_part(page)
    assert '<article class="decision" data-pagefind-body><h1>决定</h1><p>事实</p></article>' in part
    assert "导航" not in part and "页脚" not in part and "<title>" not in part
    plain = "<html><body><p>没有标记</p></body></html>"
    assert indexed_part(plain) == plain  # nothing to cut out: pagefind decides on the whole page


def test_chinese_is_spaced_character_by_character_and_nothing_else() -> None:
    assert spaced("<p>渣土运输 CF-GH-001 2026年</p>") == "<p>渣 土 运 输 CF-GH-001 2026年</p>"


def test_decision_pages_go_to_the_shard_of_their_month() -> None:
    months = {"D1": "2025-09"}
    assert month_of("decisions/D1/index.html", months) == "2025-09"
    assert month_of("decisions/D2/index.html", months) is None  # not public: never a decision shard
    assert month_of("powers/P1/index.html", months) is None
    groups = shards([("powers/P1/index.html", b"x"), ("decisions/D1/index.html", b"y")], months)
    assert list(groups) == ["site", "decisions-2025"]


def test_shards_are_years_quarters_or_months_by_how_many_pages_they_hold() -> None:
    counts = {"2024-01": 3, "2024-07": 4, "2025-01": 2, "2025-02": 2, "2025-04": 5, "2025-05": 1}
    assert shard_names(counts, cap=7) == {
        "2024-01": "decisions-2024",  # 7 pages in 2024: one shard
        "2024-07": "decisions-2024",
        "2025-01": "decisions-2025-q1",  # 10 in 2025: by quarter, Q1 holds 4
        "2025-02": "decisions-2025-q1",
        "2025-04": "decisions-2025-q2",  # Q2 holds 6
        "2025-05": "decisions-2025-q2",
    }
    assert shard_names({"2025-04": 5, "2025-05": 4}, cap=7) == {
        "2025-04": "decisions-2025-04",  # Q2 holds 9: by month, however many a month holds
        "2025-05": "decisions-2025-05",
    }
    pages = [(f"decisions/D{i}/index.html", b"") for i in range(9)]
    months = {f"D{i}": "2025-04" if i < 5 else "2025-05" for i in range(9)}
    groups = shards(pages, months, cap=7)
    assert {name: len(group) for name, group in groups.items()} == {
        "decisions-2025-04": 5,  # no other page: no empty ``site`` shard (pagefind refuses one)
        "decisions-2025-05": 4,
    }
    assert max(len(group) for group in shards(pages, months, cap=9).values()) == 9  # the year fits


def test_digest_changes_with_any_page() -> None:
    a = [("decisions/D1/index.html", b"1"), ("decisions/D2/index.html", b"2")]
    assert digest(a) == digest(list(a))
    assert digest(a) != digest(a[:1])
    assert digest(a) != digest([a[0], ("decisions/D2/index.html", b"3")])


def test_render_keys_skip_only_unchanged_pages_that_exist(private_tmp: Path) -> None:
    class Writer:
        def write_bytes(self, rel: str, data: bytes) -> bool:
            (private_tmp / rel).write_bytes(data)
            return True

    (private_tmp / "a.html").write_text("a")
    first = RenderKeys(private_tmp, "salt")
    todo, fresh = first.split("frame", [("a.html", {"x": 1}), ("b.html", {"x": 2})])
    assert [p for p, _ in todo] == ["a.html", "b.html"] and fresh == []
    first.save(Writer())
    second = RenderKeys(private_tmp, "salt")
    todo, fresh = second.split("frame", [("a.html", {"x": 1}), ("b.html", {"x": 2}), ("c.html", {"x": 3})])
    assert fresh == ["a.html"]  # b.html has the same key but no file
    assert [p for p, _ in todo] == ["b.html", "c.html"]
    third = RenderKeys(private_tmp, "other templates")
    assert third.split("frame", [("a.html", {"x": 1})])[1] == []


def timing(i: str, office: str, decided: dt.date, published: dt.date, deadline: dt.date, days: int) -> Timing:
    return Timing(id=i, office=office, decided_on=decided, published_on=published, deadline=deadline,
                  allowed_days=7, working_days=days)  # fmt: skip


def test_compliance_rows_share_median_and_late_links() -> None:
    d = dt.date(2026, 9, 1)
    rows = compliance_rows(
        [
            timing("A", "east", d, d + dt.timedelta(days=2), d + dt.timedelta(days=9), 2),
            timing("B", "east", d, d + dt.timedelta(days=20), d + dt.timedelta(days=9), 14),
            timing("C", "east", d, d + dt.timedelta(days=3), d + dt.timedelta(days=9), 3),
        ],
        {"east": "东片", "west": "西片"},
        public_ids={"A", "C"},
    )
    east, west = rows
    assert (east.office_name, east.published, east.on_time, east.share_text, east.median_text) == (
        "东片",
        3,
        2,
        "66.7%",
        "3",
    )
    assert [(x.id, x.url) for x in east.late] == [("B", "")]  # B is no longer public: no link
    assert (west.published, west.share_text, west.median_text) == (0, "—", "—")
    assert totals(rows) == {
        "published": 3,
        "on_time": 2,
        "share_text": "66.7%",
        "late": 1,
        "late_withdrawals": 0,
    }


def test_the_search_reads_only_pages_written_in_this_build(private_tmp: Path) -> None:
    page = b"<main data-pagefind-body>a</main>"
    for name in ("kept", "new", "plain"):
        (private_tmp / name).mkdir()
        (private_tmp / name / "index.html").write_bytes(page if name != "plain" else b"<p>no body</p>")
    stale = "00" * 20  # what the previous build recorded for a page this build did not write
    known = {"kept/index.html": stale, "new/index.html": stale}
    paths = ["kept/index.html", "new/index.html", "plain/index.html", "pagefind/site/x.html"]
    pages, seen = indexable(private_tmp, paths, known, written={"new/index.html"})
    fresh = hashlib.sha1(page).hexdigest()
    assert seen == {"kept/index.html": stale, "new/index.html": fresh, "plain/index.html": ""}
    assert pages == [("kept/index.html", bytes.fromhex(stale)), ("new/index.html", bytes.fromhex(fresh))]
    full, _ = indexable(private_tmp, paths)  # a full build reads everything
    assert dict(full)["kept/index.html"] == bytes.fromhex(fresh)


def test_a_build_takes_the_page_record_away_so_a_stopped_build_leaves_none(private_tmp: Path) -> None:
    record = private_tmp / ".sunlight-search-pages"
    record.write_text(json.dumps({"format": INDEX_FORMAT, "pages": {"a/index.html": "ab" * 20, "b": 1}}))
    assert take_known_pages(private_tmp) == {"a/index.html": "ab" * 20}  # malformed entries dropped
    assert not record.exists()  # a build that stops before the search step leaves nothing to trust
    assert take_known_pages(private_tmp) == {}
    record.write_text(json.dumps({"format": "another index", "pages": {"a/index.html": "ab" * 20}}))
    assert take_known_pages(private_tmp) == {}
