"""In headless Chromium, on the sample agency built with its search index and served statically:
a decision found by what is in its owner's hand (文书号, record id, credit code, party name) on
``/search/`` and in the lookup box of ``/decisions/``, and Chinese sub-phrases in full text.

Expected decisions are read off the sample content by hand (``content/decisions/``): 明城管罚决字
〔2026〕第000051号 is MC-2026-0080, whose facts say 擅自占用城市绿化用地, as do MC-2026-0067's and
MC-2026-0016's; 91330110MAMUWXDXNR is the credit code of MC-2026-0083's party only.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from site_helpers import SAMPLE, TODAY, run_axe, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KEYS = json.loads((Path(__file__).parents[1] / "fixtures/lookup/keys.json").read_text("utf-8"))
DOC_NO = "明城管罚决字〔2026〕第000051号"
DOC_NO_VARIANT = "明城管罚决字[2026]000051号"  # half-width brackets, no 第
DECISION = "/decisions/MC-2026-0080/"


@pytest.fixture(scope="module")
def search_site() -> Iterator[Path]:
    from sunlight_site.build import build_site

    with tempfile.TemporaryDirectory(prefix="sunlight-lookup-") as tmp:
        build_site(SAMPLE, Path(tmp), TODAY, search=True)
        yield Path(tmp)


@pytest.fixture(scope="module")
def url(search_site: Path) -> Iterator[str]:
    yield from serve(search_site)


DONE = """() => { const m = document.querySelector('[data-search-root] [role=status], .pagefind-ui__message');
                  return m && /找到/.test(m.textContent); }"""


def search(page, url: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The links of every result on /search/ for ``query``, in page order (exact hits first)."""
    page.goto(f"{url}/search/")
    page.fill("[data-search-root] input", query)
    page.press("[data-search-root] input", "Enter")
    page.wait_for_function(DONE, timeout=30000)
    page.wait_for_timeout(300)  # results of every shard are in
    return [a.get_attribute("href") for a in page.query_selector_all("[data-search-root] a[href^='/']")]


def look_up(page, url: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The links the lookup box of /decisions/ shows for ``query``."""
    page.goto(f"{url}/decisions/")
    page.fill("#lookup-query", query)
    page.click("#lookup button[type=submit]")
    page.wait_for_function(
        "() => /找到|未找到/.test(document.querySelector('#lookup-results').textContent)", timeout=15000
    )
    return [
        a.get_attribute("href") for a in page.query_selector_all("#lookup-results a[href^='/decisions/MC']")
    ]


@pytest.mark.parametrize("query", [DOC_NO, DOC_NO_VARIANT])
def test_document_number_finds_exactly_that_decision_first(page, url: str, query: str) -> None:  # type: ignore[no-untyped-def]
    hrefs = search(page, url, query)
    assert hrefs[:1] == [DECISION]
    exact = [a.get_attribute("href") for a in page.query_selector_all(".search-exact a")]
    assert exact == [DECISION]
    assert "其中 1 项执法决定" in page.inner_text("[data-search-root] [role=status]")
    assert look_up(page, url, query) == [DECISION]


@pytest.mark.parametrize("query", ["MC-2026-0080", "mc-2026-0080"])
def test_record_id_finds_exactly_it(page, url: str, query: str) -> None:  # type: ignore[no-untyped-def]
    assert set(search(page, url, query)) == {DECISION}
    assert look_up(page, url, query) == [DECISION]


def test_credit_code_finds_the_partys_decisions_and_no_notice(page, url: str) -> None:  # type: ignore[no-untyped-def]
    hrefs = search(page, url, "91330110mamuwxdx1q")
    assert hrefs[:1] == ["/decisions/MC-2026-0083/"]
    assert not [h for h in hrefs if not h.startswith("/decisions/")], hrefs  # no notice, no power item
    assert look_up(page, url, "９１３３０１１０ＭＡＭＵＷＸＤＸ１Ｑ") == ["/decisions/MC-2026-0083/"]


def test_organisation_name_finds_each_of_its_decisions(page, url: str) -> None:  # type: ignore[no-untyped-def]
    found = look_up(page, url, "江州鑫源广告传媒有限公司")
    assert sorted(found) == [
        "/decisions/MC-2025-0052/",
        "/decisions/MC-2025-0053/",
        "/decisions/MC-2025-0092/",
    ]


def test_chinese_sub_phrase_finds_the_decision(page, url: str) -> None:  # type: ignore[no-untyped-def]
    hrefs = search(page, url, "占用绿地")
    assert page.inner_text("[data-search-root] [role=status]").startswith(f"找到 {len(hrefs)} 个")
    for decision in ("/decisions/MC-2026-0080/", "/decisions/MC-2026-0067/", "/decisions/MC-2026-0016/"):
        assert decision in hrefs


def test_a_phrase_still_ranks_its_exact_matches_first(page, url: str) -> None:  # type: ignore[no-untyped-def]
    hrefs = search(page, url, "擅自占用城市绿化用地")
    first = set(hrefs[:3])
    assert {"/decisions/MC-2026-0080/", "/decisions/MC-2026-0067/", "/decisions/MC-2026-0016/"} <= set(hrefs)
    assert first & {"/decisions/MC-2026-0080/", "/decisions/MC-2026-0067/", "/decisions/MC-2026-0016/"}


def test_unknown_identifier_says_nothing_was_found(page, url: str) -> None:  # type: ignore[no-untyped-def]
    assert look_up(page, url, "明城管罚决字〔2026〕第999999号") == []
    assert "未找到" in page.inner_text("#lookup-results")
    assert page.get_attribute("#lookup-results a", "href").startswith("/search/?q=")


def test_browser_normalises_keys_as_the_build_does(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{url}/decisions/")
    page.wait_for_function("() => window.SunlightLookup")
    for group in KEYS["groups"]:
        for text in group["inputs"]:
            assert page.evaluate("t => SunlightLookup.normalise(t)", text) == group["key"], text
    for vector in KEYS["fnv1a"]:
        assert page.evaluate("t => SunlightLookup.fnv1a(t)", vector["input"]) == vector["hash"]


def test_identifier_lookup_fetches_one_small_shard(page, url: str) -> None:  # type: ignore[no-untyped-def]
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    look_up(page, url, DOC_NO)
    shards = [u for u in fetched if "/data/lookup/" in u]
    assert len(shards) == 1


def test_lookup_box_without_javascript_submits_to_search(browser, url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    try:
        p = context.new_page()
        p.goto(f"{url}/decisions/")
        assert p.get_attribute("#lookup", "action") == "/search/"
        p.fill("#lookup-query", DOC_NO)
        p.click("#lookup button[type=submit]")
        p.wait_for_url("**/search/?q=*")
        assert "JavaScript" in p.inner_text("main")
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/decisions/", "/search/"])
def test_pages_with_results_pass_axe(page, url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    if path == "/search/":
        search(page, url, "占用绿地")
    else:
        look_up(page, url, "江州鑫源广告传媒有限公司")
    assert run_axe(page) == []
