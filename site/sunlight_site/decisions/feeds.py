"""Decision feeds with feedgen: Atom and RSS of all current decisions, Atom per office and per domain.

Each feed holds the newest 100 public decisions (decision date, then id). An entry's id is its
permalink URL, which never changes; its ``updated`` is the later of the publication date and
the status date, at 00:00 Beijing time. A feed's ``updated`` is its newest entry's, so the
same content gives the same bytes on every build. Withdrawn decisions are not public, so they
are in no feed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from feedgen.feed import FeedGenerator
from sunlight.domain.decision_kinds import KINDS

from sunlight_site.decisions.pages import Group, group_feeds
from sunlight_site.decisions.views import DecisionView
from sunlight_site.render.atom import DECISIONS, feed_title, with_stylesheet

FEED_SIZE = 100
BEIJING = dt.timezone(dt.timedelta(hours=8))


def _stamp(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), BEIJING)


def _summary(v: DecisionView) -> str:
    """Party, office, date and content, each under its kind's label (``decision_kinds``)."""
    kind = KINDS[v.kind]
    parts = [
        f"{kind.party}：{v.party_name}",
        f"执法机关：{v.office_name}",
        f"决定日期：{v.decided_on}",
        f"{kind.content}：{v.content}",
    ]
    return "；".join(parts)


def feed_generator(
    views: Sequence[DecisionView], title: str, self_url: str, html_url: str, site_url: str, today: dt.date
) -> FeedGenerator:
    base = site_url.rstrip("/")
    fg = FeedGenerator()
    fg.id(base + self_url)
    fg.title(title)
    # self first: feedgen's RSS <channel><link> is the last link given, the HTML page.
    fg.link(href=base + self_url, rel="self")
    fg.link(href=base + html_url, rel="alternate")
    fg.language("zh-CN")
    fg.description(title)
    fg.generator("Sunlight")
    entries = list(views[:FEED_SIZE])
    newest = max((v.updated_on for v in entries), default=today)
    fg.updated(_stamp(newest))
    fg.lastBuildDate(_stamp(newest))
    # feedgen puts the last added entry first: add oldest first so the feed reads newest first.
    for v in reversed(entries):
        fe = fg.add_entry()
        url = base + v.url
        fe.id(url)
        fe.guid(url, permalink=True)
        fe.title(f"{v.doc_no} {v.party_name}")
        fe.link(href=url, rel="alternate")
        fe.updated(_stamp(v.updated_on))
        fe.published(_stamp(v.published_on))
        fe.summary(_summary(v))
        fe.description(_summary(v))
        fe.category(term=v.kind)
        fe.author(name=v.office_name)
    return fg


def feed_files(
    groups: Sequence[Group], site_url: str, agency_name: str, today: dt.date
) -> list[tuple[str, bytes]]:
    """(relative path, bytes) of every decision feed."""
    out: list[tuple[str, bytes]] = []
    for g in groups:
        title = feed_title(agency_name, DECISIONS, "" if g.key == "all" else g.label)
        for url, kind in group_feeds(g):
            fg = feed_generator(g.items, title, url, g.base_url, site_url, today)
            xml = fg.rss_str(pretty=True) if kind == "rss" else fg.atom_str(pretty=True)
            out.append((url.lstrip("/"), with_stylesheet(xml)))
    return out


def feed_links(groups: Sequence[Group]) -> list[tuple[str, str]]:
    """(title, URL) of every decision feed that ``feed_files`` writes, for the subscription lists."""
    return [
        (
            ("全部执法决定" if g.key == "all" else f"执法决定：{g.label}")
            + ("（RSS）" if kind == "rss" else "（Atom）"),
            url,
        )
        for g in groups
        for url, kind in group_feeds(g)
    ]


def atom_of_all(views: Sequence[DecisionView], site_url: str, agency_name: str, today: dt.date) -> bytes:
    fg = feed_generator(
        views, feed_title(agency_name, DECISIONS), "/feeds/decisions.atom", "/decisions/", site_url, today
    )
    return with_stylesheet(fg.atom_str(pretty=True))
