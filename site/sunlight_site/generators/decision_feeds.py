"""Decision feeds: ``/feeds/decisions.atom`` and ``.rss``, ``/feeds/offices/<id>.atom`` and
``/feeds/domains/<slug>.atom`` (see ``sunlight_site.decision_feeds``)."""

from __future__ import annotations

from sunlight_site.decision_feeds import feed_files
from sunlight_site.generators.base import SectionGenerator
from sunlight_site.writer import SiteWriter


class DecisionFeedsGenerator(SectionGenerator):
    def generate_output(self, writer: SiteWriter) -> None:
        groups = self.state.extra("decisions").get("groups", [])
        agency = self.content.agency
        files = feed_files(
            groups, self.state.site.get("url", agency.site_url), agency.short_name or agency.name, self.today
        )
        for path, data in files:
            writer.write_bytes(path, data)
        self.count("decision_feeds", len(files))


GENERATORS = [DecisionFeedsGenerator]
