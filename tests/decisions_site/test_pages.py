"""Decision pages, lists, browse pages, withdrawal notices and the hooks on office and home pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from decisions_fixture import ORG_CODE, PARTY_ORG

pytestmark = pytest.mark.slow

WITHDRAWN = {
    "MC2026-0007": "撤销",
    "MC2026-0008": "变更",
    "MC2026-0009": "信用修复",
    "MC2022-0010": "公示期满",
}
PUBLIC_COUNT = 63  # 3 named public decisions + 60 generated ones


def html(out: Path, rel: str) -> str:
    return (out / rel / "index.html").read_text("utf-8")


def links(text: str) -> list[str]:
    return re.findall(r'<a href="(/decisions/[^"/]+/)">', text)


def test_decision_page_shows_every_public_field(built_site: Path) -> None:
    page = html(built_site, "decisions/MC2026-0001")
    for value in ("明城管罚决字〔2026〕第0001号", PARTY_ORG, ORG_CODE, "王建国", "沿途遗撒渣土",
                  "《城市市容和环境卫生管理条例》第三十四条", "5,000.00", "东片执法大队",
                  'href="/powers/CF-GH-001/"', "2026-10-10", "2026-10-14", "公示截止日期", "信用修复告知"):  # fmt: skip
        assert value in page, value
    assert "data-pagefind-body" in page
    assert '<meta name="ArticleTitle" content="明城管罚决字〔2026〕第0001号">' in page


def test_index_is_paginated_by_fifty_newest_first(built_site: Path) -> None:
    first, second = html(built_site, "decisions"), html(built_site, "decisions/page/2")
    on_first, on_second = links(first), links(second)
    assert len(on_first) == 50 and len(on_second) == PUBLIC_COUNT - 50
    assert not (built_site / "decisions/page/3").exists()
    assert 'href="/decisions/page/2/"' in first and 'rel="prev"' in second
    assert on_first[0] == "/decisions/MC2026-0003/"  # decided 2026-10-13, the newest
    assert set(on_first).isdisjoint(on_second)


def test_browse_lists_by_office_domain_kind_and_month(built_site: Path) -> None:
    east = links(html(built_site, "decisions/office/brigade-east"))
    west = links(html(built_site, "decisions/office/brigade-west"))
    assert "/decisions/MC2026-0001/" in east and "/decisions/MC2026-0001/" not in west
    assert len(links(html(built_site, "decisions/domain/planning"))) == 50  # CF-GH-001 is 城乡规划
    assert len(links(html(built_site, "decisions/kind/penalty"))) == 50
    october = links(html(built_site, "decisions/month/2026-10"))
    assert {"/decisions/MC2026-0001/", "/decisions/MC2026-0002/"} <= set(october)
    assert "/decisions/month/2026-10/" in html(built_site, "decisions")  # the browse navigation


@pytest.mark.parametrize(("record_id", "reason"), sorted(WITHDRAWN.items()))
def test_withdrawn_permalink_keeps_a_notice_without_personal_data(
    built_site: Path, record_id: str, reason: str
) -> None:
    page = html(built_site, f"decisions/{record_id}")
    assert reason in page
    assert "测试有限公司" not in page  # the party
    assert "<dt>当事人</dt>" not in page and "主要违法事实" not in page and "处罚内容" not in page
    assert "data-pagefind-body" not in page and 'name="robots" content="noindex"' in page
    assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', page)


def test_changed_decision_points_to_its_successor(built_site: Path) -> None:
    assert 'href="/decisions/MC2026-0001/"' in html(built_site, "decisions/MC2026-0008")


def test_withdrawn_decisions_are_in_no_list(built_site: Path) -> None:
    listed: set[str] = set()
    for page in (built_site / "decisions").rglob("index.html"):
        if page.parent.parent.name in ("decisions",) and page.parent.name.startswith("MC"):
            continue
        listed |= set(links(page.read_text("utf-8")))
    for record_id in WITHDRAWN:
        assert f"/decisions/{record_id}/" not in listed
    assert "/decisions/MC2026-0001/" in listed


def test_office_and_home_pages_list_recent_decisions(built_site: Path) -> None:
    office = html(built_site, "offices/brigade-east")
    assert "最新行政执法决定" in office and 'href="/decisions/MC2026-0001/"' in office
    assert 'href="/decisions/office/brigade-east/"' in office
    assert 'href="/decisions/MC2026-0003/"' in html(built_site, "")


def test_compliance_page_shows_share_median_and_late_ones(built_site: Path) -> None:
    page = html(built_site, "compliance")
    assert "东片执法大队" in page and "83.3%" in page
    assert 'href="/decisions/MC2026-1000/"' in page  # published 20 days after its decision
    assert "公示用时中位数" in page
