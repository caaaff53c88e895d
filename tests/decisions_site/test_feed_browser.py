"""In headless Chromium, served the way ``sunlight serve`` serves it (content types and the
Content-Security-Policy), a feed opens as a readable page that explains how to subscribe."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from sunlight.server import Portal
from sunlight.staticsite import StaticSite

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _no_api(environ, start_response):  # type: ignore[no-untyped-def]
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b""]


@pytest.fixture(scope="module")
def served(built_site: Path) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, Portal(_no_api, StaticSite(built_site)), handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("name", ["decisions.atom", "decisions.rss", "offices/brigade-east.atom"])
def test_feed_renders_as_a_page_with_the_explanation(page, served: str, name: str) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{served}/feeds/{name}")
    heading = page.locator("h1")
    assert "明川区城管执法局·行政执法决定" in heading.inner_text()
    body = page.inner_text("body")
    assert "如何订阅" in body and "阅读器" in body
    assert page.locator(".feed-entries li").count() >= 1
    assert f"/feeds/{name}" in page.inner_text(".feed-url")
    # the site's stylesheet applies (CSP 'self'): the page is laid out, not raw XML
    assert page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") != "none"
    # Nothing of the site's is refused by the CSP (Chromium's own XSLT deprecation banner, with
    # its inline style attribute, is: that one is the browser's, not the page's).
    assert not [e for e in errors if "Refused to" in e], errors
    assert page.evaluate("[...document.styleSheets].map(s => s.href)") == [
        f"{served}/theme/css/site.css",
        f"{served}/theme/css/feed.css",
    ]


def test_alert_form_on_a_phone_posts_json(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    posted: list[str] = []

    def answer(route):  # type: ignore[no-untyped-def]
        posted.append(route.request.post_data or "")
        route.fulfill(status=202, content_type="application/json", body='{"status": "pending"}')

    page.route("**/api/alerts", answer)
    page.goto(f"{served}/offices/brigade-east/")
    page.click(".alert-form button")  # empty: says what is missing, posts nothing
    assert "必填" in page.inner_text(".alert-status") and posted == []
    page.fill("#alert-email", "li@example.cn")
    page.click(".alert-form button")
    page.wait_for_function("document.querySelector('.alert-status').textContent.includes('确认链接')")
    import json

    assert json.loads(posted[0]) == {"kind": "office", "value": "brigade-east", "email": "li@example.cn"}
    box = page.locator("#alert-email").bounding_box()
    assert box and box["x"] + box["width"] <= 390  # fits the phone's width
    context.close()
