"""What each file of a built site is when published: its kind, headers and bytes as uploaded.

Pure: no boto3, no file system. ``prepare(rel, data, kind, compress)`` gives the object body,
its headers and the digest kept in the object's metadata (``sunlight-sha256``): the SHA-256 of the
headers and the bytes as uploaded, so a later publish compares digests, not ETags (an ETag is no
MD5 for multipart or SSE-KMS objects), and a change of headers alone uploads the object again.
"""

from __future__ import annotations

import gzip
import hashlib
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import PurePosixPath

from sunlight.staticsite import content_type as served_type

DIGEST_META = "sunlight-sha256"
DIGEST_FORMAT = b"sunlight-publish/1\n"


class Kind(IntEnum):
    """The upload tier: a lower tier is uploaded (and finished) before a higher one starts."""

    ASSET = 0  # styles, scripts, search index parts, open data, images: whatever pages point at
    PAGE = 1  # HTML pages that are not lists
    INDEX = 2  # lists: the home page, a page with pages below it, ``page/N/`` pagination
    FEED = 3  # Atom and RSS feeds
    SEARCH = 4  # pagefind-entry.json of each search shard (it names the shard's hashed files)
    SEARCH_PAGE = 5  # /search/, which names the shards
    SITEMAP = 6  # sitemap*.xml, robots.txt


IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"
ASSET_CACHE = "public, max-age=600"
REVALIDATE = "no-cache"

# pagefind names its index parts by their content hash (zh_20138a4.pf_fragment,
# pagefind.zh_4ff9f2ab32.pf_meta); other assets count as fingerprinted when their name carries a
# hash of at least 8 hexadecimal digits before the extension (site.3f2a9c1d.css, app-0b1c2d3e.js).
PAGEFIND_HASHED = re.compile(r"\.pf_(fragment|index|meta|filter)$")
FINGERPRINT = re.compile(r"[.-][0-9a-f]{8,}\.[A-Za-z0-9]+$")
PAGINATION = re.compile(r"(^|/)page/\d+/index\.html$")

# Text types a CDN compresses; with ``--compress gzip`` they are stored gzipped instead.
COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/javascript",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "image/svg+xml",
)
# CloudFront compresses objects of 1,000 to 10,000,000 bytes only ("Serve compressed files").
CDN_MIN_BYTES = 1_000
CDN_MAX_BYTES = 10_000_000


@dataclass(frozen=True)
class Headers:
    content_type: str
    cache_control: str
    content_encoding: str | None = None


@dataclass(frozen=True)
class Prepared:
    rel: str
    body: bytes
    headers: Headers
    digest: str


def classify(rels: Iterable[str]) -> dict[str, Kind]:
    """The kind of every file of a site, given all of its relative paths."""
    rels = list(rels)
    parents: set[str] = set()  # folders that have an HTML page somewhere below them
    for rel in rels:
        if rel.endswith(".html"):
            folder = posixpath.dirname(rel)
            while folder:
                folder = posixpath.dirname(folder)
                parents.add(folder)
    return {rel: _kind(rel, parents) for rel in rels}


def _kind(rel: str, parents: set[str]) -> Kind:
    name = posixpath.basename(rel)
    if rel == "search/index.html":
        return Kind.SEARCH_PAGE
    if name == "pagefind-entry.json":
        return Kind.SEARCH
    if rel == "robots.txt" or (name.startswith("sitemap") and name.endswith((".xml", ".xml.gz"))):
        return Kind.SITEMAP
    if name.endswith((".atom", ".rss")) or (rel.startswith("feeds/") and name.endswith(".xml")):
        return Kind.FEED
    if name.endswith(".html"):
        folder = posixpath.dirname(rel)
        if rel == "index.html" or PAGINATION.search(rel) or (name == "index.html" and folder in parents):
            return Kind.INDEX
        return Kind.PAGE
    return Kind.ASSET


def content_type(rel: str) -> str:
    """The Content-Type, as ``sunlight serve`` sends it: text types name UTF-8 (the build writes no other)."""
    return served_type(PurePosixPath(rel))


def is_fingerprinted(rel: str) -> bool:
    return not rel.endswith(".html") and bool(PAGEFIND_HASHED.search(rel) or FINGERPRINT.search(rel))


def cache_control(rel: str, kind: Kind) -> str:
    if kind == Kind.SEARCH:
        return REVALIDATE  # names hashed files that the next publish may delete: always ask
    if kind != Kind.ASSET or rel.startswith("data/"):
        return SHORT  # pages, lists, feeds, sitemaps, open data: CloudFront is invalidated, browsers ask again soon
    return IMMUTABLE if is_fingerprinted(rel) else ASSET_CACHE


def should_gzip(ctype: str, size: int, compress: str) -> bool:
    if compress == "none" or not ctype.startswith(COMPRESSIBLE):
        return False
    if compress == "gzip":
        return size >= CDN_MIN_BYTES
    return size > CDN_MAX_BYTES  # auto: only what CloudFront would serve uncompressed


def prepare(rel: str, data: bytes, kind: Kind, compress: str = "auto") -> Prepared:
    ctype = content_type(rel)
    body, encoding = data, None
    if should_gzip(ctype, len(data), compress):
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) < len(data):
            body, encoding = packed, "gzip"
    headers = Headers(ctype, cache_control(rel, kind), encoding)
    return Prepared(rel, body, headers, digest(body, headers))


def digest(body: bytes, headers: Headers) -> str:
    h = hashlib.sha256(DIGEST_FORMAT)
    h.update(f"{headers.content_type}\n{headers.cache_control}\n{headers.content_encoding or ''}\n".encode())
    h.update(body)
    return h.hexdigest()
