"""Search: the index under ``/pagefind/`` (see ``sunlight_site.data.search_index``) and ``/search/``:
exact identifiers from the lookup (``sunlight_site.decisions.lookup``) above full-text results of the
index's shards, merged in the browser (``theme/static/js/search.js``). Runs last: it reads the
pages written before it."""

from __future__ import annotations

from sunlight_site.data.search_index import write_index
from sunlight_site.render.context import column
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator


class SearchGenerator(SectionGenerator):
    def generate_output(self, writer: SiteWriter) -> None:
        bundles: list[str] = []
        if self.state.search:
            views = self.state.decisions.views
            months = {v.id: v.month for v in views}
            figures, bundles = write_index(writer, self.state.out_dir, months, self.state.search_known)
            for key, value in figures.items():
                self.count(key, value)
        writer.write_page(
            "search.html",
            "search/index.html",
            {
                "bundles": bundles,
                "lookup_digits": self.state.decisions.lookup_digits,
                "active": "",
                "column": column("站内搜索"),
            },
        )
