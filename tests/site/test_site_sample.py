"""The sample agency (``content/``) built once: valid HTML, accessibility in real Chromium, phones,
large-text mode, reading without JavaScript, feeds and open data."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import feedparser
import pytest
from site_helpers import ROOT, html_pages, run_axe

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = ROOT / "var" / "screenshots"
# axe runs on every page. SUNLIGHT_AXE_SAMPLE=1 (for quicker local runs) keeps every list and section
# page and only the first PER_SHAPE pages of each repeated kind (/powers/<code>/, /decisions/<id>/ ...),
# which share one template each.
PER_SHAPE = 4


def shape(url: str) -> str:
    parts = url.strip("/").split("/")
    return "/".join(parts[:-1]) + "/*" if len(parts) >= 2 else url


def urls_to_check(out: Path) -> list[str]:
    urls = ["/" + p.relative_to(out).as_posix().removesuffix("index.html") for p in html_pages(out)]
    if os.environ.get("SUNLIGHT_AXE_SAMPLE") != "1":
        return urls
    seen: dict[str, int] = {}
    chosen = []
    for url in urls:
        key = shape(url)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= PER_SHAPE:
            chosen.append(url)
    return chosen


@pytest.mark.slow
def test_every_page_is_valid_html(sample_site) -> None:
    out, _ = sample_site
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[:5000]


@pytest.mark.slow
def test_sample_feeds_and_open_data(sample_site) -> None:
    out, report = sample_site
    for name in ("notices", "powers"):
        feed = feedparser.parse((out / f"feeds/{name}.atom").read_bytes())
        assert not feed.bozo and feed.entries, name
        assert len({e.id for e in feed.entries}) == len(feed.entries)
    assert report["counts"]["feed_notices_entries"] == len(list((ROOT / "content/notices").glob("*.md")))
    powers = json.loads((out / "data/powers.json").read_text("utf-8"))
    assert powers["count"] == report["counts"]["powers"] >= 40
    assert (out / "data/powers.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    catalog = json.loads((out / "data/catalog.json").read_text("utf-8"))
    assert catalog["version"] == 1 and len(catalog["powers"]) == powers["count"]


@pytest.mark.slow
@pytest.mark.browser
def test_every_page_passes_axe(sample_site, sample_url, browser) -> None:
    out, _ = sample_site
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    failures = {}
    for url in urls_to_check(out):
        page.goto(sample_url + url)
        violations = run_axe(page)
        if violations:
            failures[url] = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
    context.close()
    assert not failures, failures


@pytest.mark.slow
@pytest.mark.browser
def test_phone_layout_fits_the_screen(sample_site, sample_url, browser) -> None:
    context = browser.new_context(
        locale="zh-CN", viewport={"width": 375, "height": 812}, device_scale_factor=2
    )
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = (
        ("/", "home"),
        ("/powers/", "powers"),
        ("/flowcharts/penalty-general/", "flowchart"),
        ("/points/", "points"),
    )
    for url, name in pages:
        page.goto(sample_url + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} is {overflow}px wider than a phone screen"
        assert not run_axe(page), f"{url} on a phone"  # the card layout of long tables included
        page.screenshot(path=str(SCREENSHOTS / f"phone-{name}.png"), full_page=True)
        assert (SCREENSHOTS / f"phone-{name}.png").stat().st_size > 10_000
    context.close()


@pytest.mark.slow
@pytest.mark.browser
def test_large_text_mode_is_remembered(sample_url, browser) -> None:
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(sample_url + "/powers/")
    normal = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert normal >= 18  # readable by default
    button = page.get_by_role("button", name="大字模式")
    button.click()
    assert page.evaluate("document.documentElement.classList.contains('large-text')")
    large = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert large >= normal * 1.2
    assert page.get_by_role("button", name="标准字号").get_attribute("aria-pressed") == "true"
    page.goto(sample_url + "/offices/")  # another page: still large
    assert page.evaluate("document.documentElement.classList.contains('large-text')")
    page.get_by_role("button", name="标准字号").click()
    page.reload()
    assert not page.evaluate("document.documentElement.classList.contains('large-text')")
    context.close()


@pytest.mark.slow
@pytest.mark.browser
def test_reading_and_filtering_without_javascript(sample_site, sample_url, browser) -> None:
    out, _ = sample_site
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_url + "/powers/")
    all_rows = page.locator("table[data-filter-rows] tbody tr").count()
    assert not page.get_by_role("button", name="大字模式").is_visible()  # the toggle needs JS; hidden without
    page.get_by_role("link", name="行政许可", exact=False).first.click()
    assert page.url.endswith("/powers/type/licence/")
    types = page.locator("table[data-filter-rows] tbody tr td:nth-child(3)").all_inner_texts()
    assert types and set(types) == {"行政许可"} and len(types) < all_rows
    context.close()


@pytest.mark.slow
@pytest.mark.browser
def test_in_page_filter_with_javascript(sample_url, browser) -> None:
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(sample_url + "/powers/")
    page.get_by_label("在本页中查找").fill("渣土")
    visible = page.locator("table[data-filter-rows] tbody tr:visible")
    assert 0 < visible.count() < page.locator("table[data-filter-rows] tbody tr").count()
    assert all("渣土" in t for t in visible.all_inner_texts())
    context.close()


@pytest.mark.slow
def test_every_sample_page_carries_the_government_site_marks(sample_site) -> None:
    """Pages of every section (decisions, forms, search included) extend the base template."""
    out, _ = sample_site
    agency = (ROOT / "content/agency.yaml").read_text("utf-8")
    site_code = agency.split("site_code:", 1)[1].splitlines()[0].strip().strip("\"'")
    missing = []
    for page in html_pages(out):
        html = page.read_text("utf-8")
        marks = (
            '<html lang="zh-CN">',
            '<meta name="SiteName"',
            f'<meta name="SiteIDCode" content="{site_code}">',
            'href="https://beian.miit.gov.cn/"',
            'class="skip-link"',
        )
        missing += [f"{page.relative_to(out)}: {m}" for m in marks if m not in html]
    assert not missing, missing[:20]
