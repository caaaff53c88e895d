"""Atom feeds with feedgen: stable entry ids (tag URIs), deterministic output for a given build.

A feed's ``updated`` is its newest entry's (or the build date at midnight when empty), never the
wall clock, so the same content and ``--today`` give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from feedgen.feed import FeedGenerator
from sunlight.domain.local_time import SHANGHAI


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
    site_url: str,
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
    fg.link(href=site_url + "/", rel="alternate")
    fg.link(href=feed_url, rel="self")
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
    return fg.atom_str(pretty=True)
