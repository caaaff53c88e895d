"""Atom feeds with feedgen: stable entry ids (tag URIs), deterministic output for a given build.

A feed's ``updated`` is its newest entry's (or the build date at midnight when empty), never the
wall clock, so the same content and ``--today`` give the same bytes.

Every feed of the site (these and ``sunlight_site.decisions.feeds``) is titled by ``feed_title``
(``{机关简称}·{栏目}`` or ``{机关简称}·{栏目}·{范围}``), links (``rel="alternate"``, and the RSS
``<channel><link>``) to the HTML page it stands for, and carries ``STYLESHEET_PI`` so that a
browser shows it as a page explaining how to subscribe (``/theme/feed.xsl``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from feedgen.feed import FeedGenerator
from sunlight.domain.local_time import SHANGHAI

# What each feed follows: the middle part of its title.
DECISIONS = "行政执法决定"
NOTICES = "通知公告"
POWERS = "权责清单变更"

STYLESHEET = "/theme/feed.xsl"
STYLESHEET_PI = f'<?xml-stylesheet type="text/xsl" href="{STYLESHEET}"?>'.encode()


def feed_title(agency: str, what: str, scope: str = "") -> str:
    """The one pattern of feed titles: ``{机关简称}·{栏目}[·{范围}]``, e.g.
    ``明川区城管执法局·行政执法决定·东片执法大队``."""
    return "·".join(part for part in (agency, what, scope) if part)


def with_stylesheet(xml: bytes) -> bytes:
    """``xml`` with the ``xml-stylesheet`` processing instruction right after its XML declaration
    (feedgen cannot write one); feed readers ignore it, browsers apply the XSLT."""
    declaration, sep, rest = xml.partition(b"\n")
    if not declaration.startswith(b"<?xml "):
        return STYLESHEET_PI + b"\n" + xml
    return declaration + sep + STYLESHEET_PI + b"\n" + rest


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    url: str  # absolute
    updated: dt.datetime
    published: dt.datetime | None = None
    content_html: str = ""
    summary: str = ""
    category: str = ""


def at_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=SHANGHAI)


def aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=SHANGHAI)


def tag_uri(domain: str, day: dt.date, path: str) -> str:
    """RFC 4151 tag URI: stable as long as the domain, the first date and the path stay."""
    return f"tag:{domain or 'localhost'},{day.isoformat()}:{path}"


def atom_feed(
    *,
    feed_id: str,
    title: str,
    html_url: str,
    feed_url: str,
    author: str,
    entries: Iterable[Entry],
    today: dt.date,
    subtitle: str = "",
) -> bytes:
    items = sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)
    fg = FeedGenerator()
    fg.id(feed_id)
    fg.title(title)
    fg.author({"name": author})
    fg.link(href=feed_url, rel="self")
    fg.link(href=html_url, rel="alternate")
    fg.language("zh-CN")
    if subtitle:
        fg.subtitle(subtitle)
    fg.updated(items[0].updated if items else at_midnight(today))
    for item in items:
        fe = fg.add_entry(order="append")
        fe.id(item.id)
        fe.title(item.title)
        fe.link(href=item.url, rel="alternate")
        fe.updated(item.updated)
        if item.published:
            fe.published(item.published)
        if item.content_html:
            fe.content(item.content_html, type="html")
        if item.summary:
            fe.summary(item.summary)
        if item.category:
            fe.category(term=item.category)
    return with_stylesheet(fg.atom_str(pretty=True))
