"""Decision feeds: ``/feeds/decisions.atom`` and ``.rss``, ``/feeds/offices/<id>.atom`` and
``/feeds/domains/<slug>.atom`` (see ``sunlight_site.decisions.feeds``)."""

from __future__ import annotations

from sunlight_site.decisions.feeds import feed_files
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator


class DecisionFeedsGenerator(SectionGenerator):
    def generate_output(self, writer: SiteWriter) -> None:
        groups = self.state.decisions.groups
        agency = self.content.agency
        files = feed_files(
            groups, self.state.site.get("url", agency.site_url), agency.short_name or agency.name, self.today
        )
        for path, data in files:
            writer.write_bytes(path, data)
        self.count("decision_feeds", len(files))
