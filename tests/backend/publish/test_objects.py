"""Kinds, headers and bytes of published objects (pure; expected values written out by hand)."""

from __future__ import annotations

import gzip
import hashlib

import pytest
from sunlight.publish.objects import Kind, classify, prepare

SITE = [
    "index.html",
    "404.html",
    "decisions/index.html",
    "decisions/MC-2024-0001/index.html",
    "decisions/page/2/index.html",
    "notices/index.html",
    "notices/page/2/index.html",
    "notices/2025-national-day/index.html",
    "powers/index.html",
    "powers/type/penalty/index.html",
    "powers/330217001000/index.html",
    "offices/brigade-special/index.html",
    "search/index.html",
    "feeds/decisions.atom",
    "feeds/decisions.rss",
    "feeds/notices.xml",
    "data/decisions.csv",
    "data/catalog.json",
    "theme/css/site.css",
    "theme/js/search.js",
    "pagefind/site/pagefind-entry.json",
    "pagefind/site/pagefind.js",
    "pagefind/site/fragment/zh_20138a4.pf_fragment",
    "pagefind/site/index/zh_2921433.pf_index",
    "pagefind/site/pagefind.zh_4ff9f2ab32.pf_meta",
    "pagefind/site/wasm.unknown.pagefind",
    "sitemap.xml",
    "robots.txt",
    "images/logo.png",
]

KINDS = {
    "index.html": Kind.INDEX,
    "404.html": Kind.PAGE,
    "decisions/index.html": Kind.INDEX,
    "decisions/MC-2024-0001/index.html": Kind.PAGE,
    "decisions/page/2/index.html": Kind.INDEX,
    "notices/index.html": Kind.INDEX,
    "notices/page/2/index.html": Kind.INDEX,
    "notices/2025-national-day/index.html": Kind.PAGE,
    "powers/index.html": Kind.INDEX,
    "powers/type/penalty/index.html": Kind.PAGE,
    "powers/330217001000/index.html": Kind.PAGE,
    "offices/brigade-special/index.html": Kind.PAGE,
    "search/index.html": Kind.SEARCH_PAGE,
    "feeds/decisions.atom": Kind.FEED,
    "feeds/decisions.rss": Kind.FEED,
    "feeds/notices.xml": Kind.FEED,
    "data/decisions.csv": Kind.ASSET,
    "data/catalog.json": Kind.ASSET,
    "theme/css/site.css": Kind.ASSET,
    "theme/js/search.js": Kind.ASSET,
    "pagefind/site/pagefind-entry.json": Kind.SEARCH,
    "pagefind/site/pagefind.js": Kind.ASSET,
    "pagefind/site/fragment/zh_20138a4.pf_fragment": Kind.ASSET,
    "pagefind/site/index/zh_2921433.pf_index": Kind.ASSET,
    "pagefind/site/pagefind.zh_4ff9f2ab32.pf_meta": Kind.ASSET,
    "pagefind/site/wasm.unknown.pagefind": Kind.ASSET,
    "sitemap.xml": Kind.SITEMAP,
    "robots.txt": Kind.SITEMAP,
    "images/logo.png": Kind.ASSET,
}


def test_kinds() -> None:
    assert classify(SITE) == KINDS


def test_upload_tiers_follow_the_order_readers_need() -> None:
    order = [Kind.ASSET, Kind.PAGE, Kind.INDEX, Kind.FEED, Kind.SEARCH, Kind.SEARCH_PAGE, Kind.SITEMAP]
    assert sorted(order) == order


HEADERS = [
    ("index.html", "text/html; charset=utf-8", "public, max-age=300"),
    ("decisions/MC-2024-0001/index.html", "text/html; charset=utf-8", "public, max-age=300"),
    ("feeds/decisions.atom", "application/xml; charset=utf-8", "public, max-age=300"),
    ("feeds/decisions.rss", "application/xml; charset=utf-8", "public, max-age=300"),
    ("sitemap.xml", "application/xml; charset=utf-8", "public, max-age=300"),
    ("data/decisions.csv", "text/csv; charset=utf-8", "public, max-age=300"),
    ("data/catalog.json", "application/json; charset=utf-8", "public, max-age=300"),
    ("theme/css/site.css", "text/css; charset=utf-8", "public, max-age=600"),
    ("theme/js/search.js", "text/javascript; charset=utf-8", "public, max-age=600"),
    ("pagefind/site/pagefind.js", "text/javascript; charset=utf-8", "public, max-age=600"),
    ("pagefind/site/pagefind-entry.json", "application/json; charset=utf-8", "no-cache"),
    (
        "pagefind/site/fragment/zh_20138a4.pf_fragment",
        "application/octet-stream",
        "public, max-age=31536000, immutable",
    ),
    (
        "pagefind/site/pagefind.zh_4ff9f2ab32.pf_meta",
        "application/octet-stream",
        "public, max-age=31536000, immutable",
    ),
    ("pagefind/site/wasm.unknown.pagefind", "application/octet-stream", "public, max-age=600"),
    ("theme/img/chart.svg", "image/svg+xml; charset=utf-8", "public, max-age=600"),
    ("theme/css/site.3f2a9c1d.css", "text/css; charset=utf-8", "public, max-age=31536000, immutable"),
    ("images/logo.png", "image/png", "public, max-age=600"),
]


@pytest.mark.parametrize(("rel", "ctype", "cache"), HEADERS)
def test_headers(rel: str, ctype: str, cache: str) -> None:
    kind = classify([*SITE, rel])[rel]
    obj = prepare(rel, b"x", kind)
    assert (obj.headers.content_type, obj.headers.cache_control) == (ctype, cache)
    assert obj.headers.content_encoding is None


PAGE = ("<p>阳光执法</p>\n" * 400).encode()  # 6,800 bytes of repetitive text


def test_auto_leaves_compression_to_the_cdn_below_its_limit() -> None:
    obj = prepare("x/index.html", PAGE, Kind.PAGE, "auto")
    assert obj.body == PAGE and obj.headers.content_encoding is None


def test_auto_gzips_text_too_large_for_cloudfront() -> None:
    big = b"id,name\n" + b"MC-2024-0001,abc\n" * 700_000  # 11.9 MB > CloudFront's 10,000,000 bytes
    obj = prepare("data/decisions.csv", big, Kind.ASSET, "auto")
    assert obj.headers.content_encoding == "gzip"
    assert gzip.decompress(obj.body) == big


def test_gzip_mode_compresses_text_and_not_binary() -> None:
    obj = prepare("x/index.html", PAGE, Kind.PAGE, "gzip")
    assert obj.headers.content_encoding == "gzip"
    assert gzip.decompress(obj.body) == PAGE and len(obj.body) < 200
    # deterministic: the same bytes give the same upload, so a re-publish uploads nothing
    assert prepare("x/index.html", PAGE, Kind.PAGE, "gzip").body == obj.body
    png = prepare("images/a.png", PAGE, Kind.ASSET, "gzip")
    assert png.headers.content_encoding is None
    tiny = prepare("x/index.html", b"<p>hi</p>", Kind.PAGE, "gzip")  # under 1,000 bytes
    assert tiny.headers.content_encoding is None


def test_none_mode_never_compresses() -> None:
    big = b"a" * 10_000_001
    assert prepare("data/x.csv", big, Kind.ASSET, "none").headers.content_encoding is None


def test_digest_covers_bytes_and_headers() -> None:
    obj = prepare("x/index.html", b"<p>hi</p>", Kind.PAGE)
    expected = hashlib.sha256(
        b"sunlight-publish/1\ntext/html; charset=utf-8\npublic, max-age=300\n\n<p>hi</p>"
    ).hexdigest()
    assert obj.digest == expected
    assert prepare("x/index.html", b"<p>ho</p>", Kind.PAGE).digest != obj.digest
    assert prepare("x/index.html", b"<p>hi</p>", Kind.INDEX).digest == obj.digest  # same headers
    assert prepare("x/index.html", b"<p>hi</p>", Kind.SEARCH).digest != obj.digest  # other Cache-Control
