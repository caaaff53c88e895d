"""A WSGI application serving the built site's files (the part of ``sunlight serve`` that is not /api).

Directories answer with their ``index.html`` (``/powers`` redirects to ``/powers/``); content types
cover what the build writes (feeds, CSV, JSON, SVG, the search index's ``.pf_*`` and ``.wasm``); an
unknown path gets the site's ``404.html`` with status 404.
"""

from __future__ import annotations

import mimetypes
import posixpath
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from sunlight.sitefiles import is_build_private

StartResponse = Callable[..., Any]

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    # Feeds as plain XML: browsers then apply their stylesheet (/theme/feed.xsl) and show a page
    # (Chromium shows application/atom+xml and application/rss+xml as raw text); feed readers go
    # by the content, and the pages' autodiscovery links still name the feed formats.
    ".atom": "application/xml; charset=utf-8",
    ".rss": "application/xml; charset=utf-8",
    ".xsl": "application/xslt+xml; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".wasm": "application/wasm",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pf_filter": "application/octet-stream",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

NOT_FOUND_FALLBACK = (
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>页面不存在</title></head>'
    '<body><main><h1>页面不存在</h1><p><a href="/">返回首页</a></p></main></body></html>'
).encode()


def wsgi_path(environ: dict[str, Any]) -> str:
    """``PATH_INFO`` (already percent-decoded, carried as latin-1 per PEP 3333) as real text."""
    raw = environ.get("PATH_INFO", "/") or "/"
    try:
        return raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return raw


def content_type(path: PurePath) -> str:
    suffix = path.suffix.lower()
    if suffix in TYPES:
        return TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


# Operator files the build leaves in its output, not pages: the build report (file paths and
# held-back record ids), the writer's manifest and caches, the search shards' digests
# and the person-name verdicts (``sunlight.sitefiles``, the rule ``sunlight publish`` follows too).
def is_private(clean_path: str) -> bool:
    return is_build_private(clean_path)


class StaticSite:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def resolve(self, url_path: str) -> Path | None:
        """The file under the root for ``url_path``, or None; never a path outside the root."""
        clean = posixpath.normpath("/" + url_path).lstrip("/")
        if "\x00" in clean or is_private(clean):
            return None
        candidate = (self.root / clean).resolve() if clean not in ("", ".") else self.root
        if candidate != self.root and self.root not in candidate.parents:
            return None
        return candidate

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET").upper()
        if method not in ("GET", "HEAD"):
            start_response("405 Method Not Allowed", [("Allow", "GET, HEAD"), ("Content-Length", "0")])
            return []
        url_path = wsgi_path(environ)
        target = self.resolve(url_path)
        if target is not None and target.is_dir():
            if not url_path.endswith("/"):
                location = quote(url_path + "/")
                query = environ.get("QUERY_STRING")
                start_response(
                    "301 Moved Permanently",
                    [("Location", location + ("?" + query if query else "")), ("Content-Length", "0")],
                )
                return []
            target = target / "index.html"
        if target is None or not target.is_file():
            return self._not_found(start_response, method)
        body = target.read_bytes()
        headers = [
            ("Content-Type", content_type(target)),
            ("Content-Length", str(len(body))),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
        ]
        start_response("200 OK", headers)
        return [] if method == "HEAD" else [body]

    def _not_found(self, start_response: StartResponse, method: str) -> list[bytes]:
        page = self.root / "404.html"
        body = page.read_bytes() if page.is_file() else NOT_FOUND_FALLBACK
        start_response(
            "404 Not Found",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
        )
        return [] if method == "HEAD" else [body]
