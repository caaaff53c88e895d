"""Decisions: ``/decisions/`` and its browse lists, ``/decisions/<id>/``, the notices of withdrawn
decisions, and the open data ``/data/decisions.csv`` and ``/data/decisions.json``.

``generate_context()`` turns the publication result into views, groups them for the lists and
fills the hooks of other pages: the home page's latest decisions (``extras["home"]``) and each
office's recent ones (``extras["office:<id>"]``). It also leaves the views and groups in
``extras["decisions"]`` for the feeds, compliance and search sections.
"""

from __future__ import annotations

from pathlib import Path

from sunlight_site import decision_data, decision_pages
from sunlight_site.decision_cache import RenderKeys, theme_digest
from sunlight_site.decision_parallel import default_workers
from sunlight_site.decision_views import decision_views
from sunlight_site.generators.base import SectionGenerator
from sunlight_site.writer import SiteWriter

RECENT = 10


class DecisionsGenerator(SectionGenerator):
    def generate_context(self) -> None:
        result = self.state.publication
        self.views = decision_views(result.public if result else [])
        self.withdrawn = list(result.withdrawn) if result else []
        names = {o.id: o.name for o in self.content.offices}
        self.groups = decision_pages.groups(self.views, names)
        shared = self.state.extra("decisions")
        shared.update(views=self.views, groups=self.groups, withdrawn=self.withdrawn)
        self.state.extra("home")["latest_decisions"] = self.views[:RECENT]
        recent = decision_pages.recent_by_office(self.views, RECENT)
        for office in self.content.offices:
            self.state.extra(f"office:{office.id}")["recent_decisions"] = recent.get(office.id, [])
        self.count("decision_pages", len(self.views))
        self.count("decision_notices", len(self.withdrawn))

    def generate_output(self, writer: SiteWriter) -> None:
        workers = self.settings.get("SUNLIGHT_WORKERS") or default_workers()
        theme = Path(self.settings["THEME"])
        salt = f"{theme_digest(theme)}\0{self.content.agency!r}"
        keys = RenderKeys(self.state.out_dir, salt)
        # The decision pages are written by forked workers while this process writes the rest.
        pages = decision_pages.start_decisions(writer, self.views, {}, workers=workers, keys=keys)
        try:
            decision_pages.write_withdrawn(writer, self.withdrawn, {}, keys=keys)
            # Lists in this process: a second pool forked while the first one's threads run is not safe.
            decision_pages.write_lists(writer, self.groups, {}, keys=keys)
            writer.write_bytes("data/decisions.csv", decision_data.decisions_csv(self.views))
            writer.write_bytes(
                "data/decisions.json", decision_data.decisions_json(self.views, self.today.isoformat())
            )
        finally:
            pages.wait()  # even when the rest failed: no worker outlives the build
        keys.save(writer)


GENERATORS = [DecisionsGenerator]
