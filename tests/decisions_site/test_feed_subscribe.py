"""Subscribing: every list page names its own feed, feeds share one title pattern, the RSS
channel links to the HTML page, and a feed opened in a browser is a readable page (XSLT)."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest
from lxml import etree

SITE = "https://zfgs.mingchuan.example"
SHORT = "明川区城管执法局"  # the fixture agency's short name (decisions_fixture)
PI = b'<?xml-stylesheet type="text/xsl" href="/theme/feed.xsl"?>'

# feed -> (title, HTML page it stands for), written out by hand: the documented pattern
# "{机关简称}·{栏目}" and "{机关简称}·{栏目}·{范围}".
FEEDS = {
    "decisions.atom": (f"{SHORT}·行政执法决定", "/decisions/"),
    "decisions.rss": (f"{SHORT}·行政执法决定", "/decisions/"),
    "offices/brigade-east.atom": (f"{SHORT}·行政执法决定·东片执法大队", "/decisions/office/brigade-east/"),
    "domains/planning.atom": (f"{SHORT}·行政执法决定·城乡规划", "/decisions/domain/planning/"),
    "notices.atom": (f"{SHORT}·通知公告", "/notices/"),
    "powers.atom": (f"{SHORT}·权责清单变更", "/powers/"),
}


@pytest.mark.parametrize("name", sorted(FEEDS))
def test_feed_title_link_and_stylesheet(built_site: Path, name: str) -> None:
    raw = (built_site / "feeds" / name).read_bytes()
    title, page = FEEDS[name]
    # The processing instruction comes right after the XML declaration and before the root.
    head = raw.split(b"\n", 2)
    assert head[0].startswith(b"<?xml ") and head[1] == PI, raw[:200]
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == title
    assert feed.feed.link == SITE + page  # the HTML page, not the feed itself
    assert feed.entries  # entries still parse behind the processing instruction


def test_every_feed_file_is_covered(built_site: Path) -> None:
    written = {str(p.relative_to(built_site / "feeds")) for p in (built_site / "feeds").rglob("*.*")}
    for name in written:
        assert (built_site / "feeds" / name).read_bytes().split(b"\n", 2)[1] == PI, name


# page -> the feeds it autodiscovers (href, title)
AUTODISCOVERY = {
    "decisions/index.html": {
        ("application/atom+xml", "/feeds/decisions.atom", f"{SHORT}·行政执法决定"),
        ("application/rss+xml", "/feeds/decisions.rss", f"{SHORT}·行政执法决定"),
    },
    "decisions/office/brigade-east/index.html": {
        ("application/atom+xml", "/feeds/offices/brigade-east.atom", f"{SHORT}·行政执法决定·东片执法大队"),
    },
    "offices/brigade-east/index.html": {
        ("application/atom+xml", "/feeds/offices/brigade-east.atom", f"{SHORT}·行政执法决定·东片执法大队"),
    },
    "decisions/domain/planning/index.html": {
        ("application/atom+xml", "/feeds/domains/planning.atom", f"{SHORT}·行政执法决定·城乡规划"),
    },
    "notices/index.html": {("application/atom+xml", "/feeds/notices.atom", f"{SHORT}·通知公告")},
    "powers/index.html": {("application/atom+xml", "/feeds/powers.atom", f"{SHORT}·权责清单变更")},
}


def alternates(html: str) -> set[tuple[str, str, str]]:
    out = set()
    for tag in re.findall(r'<link rel="alternate"[^>]*>', html):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', tag))
        out.add((attrs["type"], attrs["href"], attrs["title"]))
    return out


@pytest.mark.parametrize("page", sorted(AUTODISCOVERY))
def test_list_page_autodiscovers_its_own_feed(built_site: Path, page: str) -> None:
    html = (built_site / page).read_text(encoding="utf-8")
    assert alternates(html) == AUTODISCOVERY[page]


def test_stylesheet_turns_a_feed_into_a_page_that_explains_subscribing(built_site: Path) -> None:
    xsl = etree.XSLT(etree.parse(str(built_site / "theme" / "feed.xsl")))
    for name in ("decisions.atom", "decisions.rss"):
        raw = (built_site / "feeds" / name).read_bytes()
        entries = feedparser.parse(raw).entries
        html = str(xsl(etree.fromstring(raw)))
        assert "如何订阅" in html and "阅读器" in html
        assert f"{SHORT}·行政执法决定" in html
        assert len(re.findall(r"<li>\s*<a href=", html)) == len(entries) > 0
        assert f'href="{entries[0].link}"' in html and entries[0].title in html
        assert f"{SITE}/feeds/{name}" in html  # the address to paste into a reader
        assert 'href="/decisions/"' in html or f'href="{SITE}/decisions/"' in html


@pytest.mark.parametrize(
    ("page", "fields"),
    [
        (
            "decisions/index.html",
            {"alert-kind": "订阅类别", "alert-value": "订阅对象", "alert-email": "电子邮箱"},
        ),
        ("offices/brigade-east/index.html", {"alert-email": "电子邮箱"}),
    ],
)
def test_alert_form_is_labelled_and_marks_required_fields(
    built_site: Path, page: str, fields: dict[str, str]
) -> None:
    html = (built_site / page).read_text(encoding="utf-8")
    assert 'data-alert-form action="/api/alerts"' in html
    for field_id, label in fields.items():
        assert re.search(
            rf'<label for="{field_id}">{label} <span class="required">（必填）</span></label>', html
        )
        assert re.search(rf'id="{field_id}"[^>]*required', html)
    assert '<script src="/theme/js/alerts.js"></script>' in html
    assert '<link rel="stylesheet" href="/theme/css/forms.css">' in html  # buttons look like buttons
    if page.startswith("offices/"):
        assert '<input type="hidden" name="kind" value="office">' in html
        assert '<input type="hidden" name="value" value="brigade-east">' in html


def test_alert_form_only_on_the_first_page_of_all_decisions(built_site: Path) -> None:
    assert "data-alert-form" not in (built_site / "decisions/office/brigade-east/index.html").read_text(
        "utf-8"
    )
