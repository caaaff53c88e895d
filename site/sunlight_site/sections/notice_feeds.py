"""Feeds: ``/feeds/notices.atom`` (notices) and ``/feeds/powers.atom`` (power-list changes).

A power-list change is an item's ``updated_on`` (事项更新) or ``retired_on`` (事项取消); each
change is one entry with an id that never changes once published.
"""

from __future__ import annotations

from sunlight.content.model import Power

from sunlight_site.render.atom import (
    NOTICES,
    POWERS,
    Entry,
    at_midnight,
    atom_feed,
    aware,
    feed_title,
    tag_uri,
)
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator

FEED_SIZE = 100


def power_changes(powers: list[Power], site_url: str, domain: str) -> list[Entry]:
    out: list[Entry] = []
    for p in powers:
        url = f"{site_url}/powers/{p.code}/"
        path = f"/powers/{p.code}/"
        if p.status == "retired" and p.retired_on:
            out.append(
                Entry(
                    id=tag_uri(domain, p.retired_on, f"{path}#retired"),
                    title=f"事项取消：{p.name}",
                    url=url,
                    updated=at_midnight(p.retired_on),
                    summary=f"{p.type}事项“{p.name}”（编码 {p.code}）自 {p.retired_on} 起取消。",
                    category=p.domain,
                )
            )
        if p.updated_on and not (p.status == "retired" and p.retired_on == p.updated_on):
            out.append(
                Entry(
                    id=tag_uri(domain, p.updated_on, f"{path}#updated"),
                    title=f"事项更新：{p.name}",
                    url=url,
                    updated=at_midnight(p.updated_on),
                    summary=f"{p.type}事项“{p.name}”（编码 {p.code}）于 {p.updated_on} 更新。",
                    category=p.domain,
                )
            )
    return out


class FeedsGenerator(SectionGenerator):
    def generate_context(self) -> None:
        site = self.state.site
        self.site_url, self.domain = site["url"], site["domain"]
        self.notices = [
            Entry(
                id=tag_uri(self.domain, a.date.date(), f"/{a.url}"),
                title=a.title,
                url=f"{self.site_url}/{a.url}",
                updated=aware(getattr(a, "modified", None) or a.date),
                published=aware(a.date),
                content_html=a.content,
                category="通知公告",
            )
            for a in self.context.get("articles", [])
        ]
        self.power_entries = power_changes(self.content.powers, self.site_url, self.domain)

    def generate_output(self, writer: SiteWriter) -> None:
        agency = self.content.agency
        short = agency.short_name or agency.name
        for name, what, page, entries in (
            ("notices", NOTICES, "/notices/", self.notices),
            ("powers", POWERS, "/powers/", self.power_entries),
        ):
            newest = sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)[:FEED_SIZE]
            writer.write_bytes(
                f"feeds/{name}.atom",
                atom_feed(
                    feed_id=f"{self.site_url}/feeds/{name}.atom",
                    title=feed_title(short, what),
                    html_url=self.site_url + page,
                    feed_url=f"{self.site_url}/feeds/{name}.atom",
                    author=agency.name,
                    entries=newest,
                    today=self.today,
                ),
            )
            self.count(f"feed_{name}_entries", len(newest))
