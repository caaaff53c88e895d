"""Decisions: ``/decisions/`` and its browse lists, ``/decisions/<id>/``, the notices of withdrawn
decisions, and the open data ``/data/decisions.csv`` and ``/data/decisions.json``.

``generate_context()`` applies the publication policy (``sunlight.domain.publication``) to the
loaded decisions, chunk by chunk, and hands each chunk's decision pages to forked children at
once (``sunlight_site.decisions.page_stream``): they render and write the pages while this process publishes the
next chunk and, afterwards, while Pelican makes every other section. It keeps the result in
``BuildState.publication`` (and the held-back, late and counted records in the report), groups
the views for the lists and fills the hooks of other pages: the home page's latest decisions
(``BuildState.home``) and each office's recent ones (``BuildState.office(id)``). It also leaves
the views and groups in ``BuildState.decisions`` for the feeds, compliance and search sections.

``generate_output()`` writes the notices, hands the lists to the page workers, writes the
downloads and the identifier lookup (``sunlight_site.decisions.lookup``) meanwhile, then waits for the lists and the decision pages and adds the latter to the
site writer's manifest.
"""

from __future__ import annotations

from pathlib import Path

from sunlight.domain import decision_kinds
from sunlight.domain.publication import Publisher
from sunlight.domain.withdrawals import late_withdrawals, takedown_dates

from sunlight_site.decisions import downloads as decision_data
from sunlight_site.decisions import lookup, name_verdicts
from sunlight_site.decisions import pages as decision_pages
from sunlight_site.decisions.new_decisions import NEW_DECISIONS_FILE, new_decisions_text
from sunlight_site.decisions.page_stream import default_workers
from sunlight_site.decisions.render_keys import RenderKeys, theme_digest
from sunlight_site.decisions.withdrawal_memory import MEMORY_FILE, memory_text, read_memory
from sunlight_site.render.output import OutputWriter
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator
from sunlight_site.state import DecisionsShared

RECENT = 10


class DecisionsGenerator(SectionGenerator):
    def generate_context(self) -> None:
        content, state = self.content, self.state
        self.workers = workers = self.settings.get("SUNLIGHT_WORKERS") or default_workers()
        theme = Path(self.settings["THEME"])
        salt = f"{theme_digest(theme)}\0{content.agency!r}\0{decision_kinds.FINGERPRINT}"
        self.keys = RenderKeys(state.out_dir, salt)
        # Pelican makes the site's writer after every section's context: the decision pages get
        # a writer of their own over the same output, merged into the site's in generate_output.
        self.page_writer = OutputWriter(str(state.out_dir), settings=self.settings)
        self.pages = decision_pages.open_decisions(self.page_writer, {}, workers=workers, keys=self.keys)
        state.background.append(self.pages)
        # who the facts name: jieba's tagger, asked only about texts no earlier build asked about
        self.names = name_verdicts.NameVerdicts.open(state.out_dir)
        publisher = Publisher(
            content.decisions,
            offices=content.offices,
            powers=content.powers,
            policy=content.agency.publication,
            calendar=state.calendar,
            today=self.today,
            names=self.names,
        )
        remedies = decision_pages.remedies_of(content.powers, content.agency.remedy)
        self.views = decision_pages.publish_views(content.decisions, publisher, self.pages, remedies=remedies)
        result = publisher.finish()
        memory = read_memory(state.out_dir)
        self.public_before = memory.public_before  # for the e-mail alerts' list of new decisions
        result.withdrawn = takedown_dates(
            result.withdrawn,
            remembered=memory.remembered,
            public_before=memory.public_before,
            today=self.today,
        )
        state.record_publication(result)
        self.withdrawn = list(result.withdrawn)
        late = late_withdrawals(
            self.withdrawn, state.calendar, content.agency.publication.withdrawal_working_days
        )
        state.record_late_withdrawals(late, unknown=sum(n.withdrawn_on is None for n in self.withdrawn))
        names = {o.id: o.name for o in content.offices}
        self.groups = decision_pages.groups(self.views, names)
        self.lookup_digits = lookup.digits_for(len(self.views))
        state.decisions = DecisionsShared(
            views=self.views, groups=self.groups, late_withdrawals=late, lookup_digits=self.lookup_digits
        )
        state.home.latest_decisions = self.views[:RECENT]
        recent = decision_pages.recent_by_office(self.views, RECENT)
        for office in content.offices:
            state.office(office.id).recent_decisions = recent.get(office.id, [])
        self.count("decision_pages", len(self.views))
        self.count("decision_notices", len(self.withdrawn))

    def generate_output(self, writer: SiteWriter) -> None:
        try:
            decision_pages.write_withdrawn(writer, self.withdrawn, {}, keys=self.keys)
            lists = decision_pages.start_lists(
                writer,
                self.groups,
                {},
                workers=self.workers,
                keys=self.keys,
                lookup_digits=self.lookup_digits,
            )
            self.state.background.append(lists)
            # the downloads and the lookup while the page workers write the lists; then this
            # process helps them
            self.count("lookup_shards", lookup.write(writer, self.views, self.lookup_digits))
            writer.write_bytes("data/decisions.csv", decision_data.decisions_csv(self.views))
            writer.write_bytes(
                "data/decisions.json", decision_data.decisions_json(self.views, self.today.isoformat())
            )
            self.state.background.remove(lists)
            lists.wait()
        finally:
            self.state.background.remove(self.pages)
            self.pages.wait()  # even when the rest failed: no child outlives this section
        writer.absorb(self.page_writer)
        self.keys.save(writer)
        self.names.save(writer)
        writer.write_text(MEMORY_FILE, memory_text((v.id for v in self.views), self.withdrawn))
        writer.write_text(NEW_DECISIONS_FILE, new_decisions_text(self.views, self.public_before))
