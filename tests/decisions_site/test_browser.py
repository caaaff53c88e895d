"""In headless Chromium: Chinese full-text search without a server, and axe-core on the pages."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from decisions_fixture import PARTY_ORG

# run_axe of the shared tests/conftest.py (this folder's conftest.py shadows the name).
_spec = importlib.util.spec_from_file_location("shared_conftest", Path(__file__).parents[1] / "conftest.py")
assert _spec and _spec.loader
_shared = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_shared)
run_axe = _shared.run_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RESULT = ".search-result-link"


def search(page, site_url: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/search/")
    page.fill("#search-query", query)
    # Wait for the outcome: "找到 N 个 … 的相关结果" (once the first results are shown) or "未找到 …".
    page.wait_for_function(
        """() => { const m = document.querySelector('[data-search-root] [role=status]');
                   return m && /找到/.test(m.textContent); }""",
        timeout=30000,
    )
    return [a.get_attribute("href") for a in page.query_selector_all("[data-search-root] a[href^='/']")]


def test_chinese_word_finds_the_decision(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    hrefs = search(page, site_url, "渣土")
    assert "/decisions/MC2026-0001/" in hrefs
    excerpt = page.inner_text(".search-result-excerpt >> nth=1") + page.inner_text(
        ".search-result-excerpt >> nth=0"
    )
    assert "渣土" in excerpt  # the spaces of the per-character index are tidied away


def test_party_name_finds_the_decision(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    assert "/decisions/MC2026-0001/" in search(page, site_url, PARTY_ORG)


def test_withdrawn_decision_is_not_found(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    hrefs = search(page, site_url, "江州市撤销测试有限公司")
    assert "/decisions/MC2026-0007/" not in hrefs
    assert not any(h.startswith("/decisions/MC2026-0007") for h in hrefs)


def test_header_search_form_query_runs_on_the_search_page(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/search/?q=渣土")
    # Results appear one by one as their fragments load: wait for this one, not just the first.
    page.wait_for_selector(f'{RESULT}[href="/decisions/MC2026-0001/"]', timeout=15000)
    assert page.input_value("#search-query") == "渣土"  # the query came from ?q=


@pytest.mark.parametrize(
    "path",
    ["/decisions/", "/decisions/MC2026-0001/", "/decisions/MC2026-0007/", "/decisions/office/brigade-east/",
     "/compliance/", "/search/", "/offices/brigade-east/"],
)  # fmt: skip
def test_pages_pass_axe(page, site_url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + path)
    assert run_axe(page) == []


def test_decision_page_reads_without_javascript(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    try:
        p = context.new_page()
        p.goto(f"{site_url}/decisions/MC2026-0001/")
        assert PARTY_ORG in p.inner_text("main")
        width = p.evaluate("document.documentElement.scrollWidth")
        assert width <= 375 + 1, "the page scrolls sideways on a phone"
    finally:
        context.close()
