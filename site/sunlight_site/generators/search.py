"""Search: the index under ``/pagefind/`` (see ``sunlight_site.search_index``) and ``/search/``,
pagefind's own UI served from this site, merging the index's shards. Runs last: it reads the
pages written before it."""

from __future__ import annotations

from sunlight_site.context import column
from sunlight_site.generators.base import SectionGenerator
from sunlight_site.search_index import write_index
from sunlight_site.writer import SiteWriter


class SearchGenerator(SectionGenerator):
    def generate_output(self, writer: SiteWriter) -> None:
        bundles: list[str] = []
        if self.state.search:
            views = self.state.extra("decisions").get("views", [])
            months = {v.id: v.month for v in views}
            figures, bundles = write_index(writer, self.state.out_dir, months, self.state.search_known)
            for key, value in figures.items():
                self.count(key, value)
        writer.write_page(
            "search.html",
            "search/index.html",
            {"bundles": bundles, "active": "", "column": column("站内搜索")},
        )


GENERATORS = [SearchGenerator]
