"""Search: ``/search/`` (pagefind's own UI, served from this site) and the index under
``/pagefind/`` (see ``sunlight_site.search_index``). Runs last: it reads the pages written before it."""

from __future__ import annotations

from sunlight_site.context import column
from sunlight_site.generators.base import SectionGenerator
from sunlight_site.search_index import write_index
from sunlight_site.writer import SiteWriter


class SearchGenerator(SectionGenerator):
    def generate_output(self, writer: SiteWriter) -> None:
        enabled = self.state.search
        writer.write_page(
            "search.html",
            "search/index.html",
            {"search_enabled": enabled, "active": "", "column": column("站内搜索")},
        )
        if enabled:
            for key, value in write_index(writer, self.state.out_dir).items():
                self.count(key, value)


GENERATORS = [SearchGenerator]
