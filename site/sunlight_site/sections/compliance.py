"""Compliance: ``/compliance/``, disclosure timeliness per office, and the store's figures when the
build was given a snapshot (``--stats-from``): complaint figures in ``BuildState.complaint_stats``
and inspection-code figures in ``BuildState.inspection_stats``, also written to ``/data/``
(``sunlight_site.data.store_figures``). Each office page gets its own row through the
``compliance_office_block.html`` hook."""

from __future__ import annotations

from sunlight_site.data.store_figures import (
    COMPLAINT_COLUMNS,
    INSPECTION_COLUMNS,
    inspection_cells,
    write_figures,
)
from sunlight_site.decisions.timeliness import compliance_rows, totals
from sunlight_site.render.context import column
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator


class ComplianceGenerator(SectionGenerator):
    def generate_context(self) -> None:
        result = self.state.publication
        names = {o.id: o.name for o in self.content.offices}
        public_ids = {p.id for p in result.public} if result else set()
        late_withdrawals = self.state.decisions.late_withdrawals
        self.rows = compliance_rows(result.timings if result else [], names, public_ids, late_withdrawals)
        self.totals = totals(self.rows)
        self.complaints = self.state.complaint_stats or []
        # None: the build was given no snapshot (the table is then filled live from the API)
        self.inspections = self.state.inspection_stats
        by_office = {c.get("office"): c for c in self.complaints if isinstance(c, dict)}
        for row in self.rows:
            extras = self.state.office(row.office_id)
            extras.timeliness = row
            if row.office_id in by_office:
                extras.complaints = by_office[row.office_id]

    def generate_output(self, writer: SiteWriter) -> None:
        datasets = self.state.datasets
        if self.state.complaint_stats is not None:
            datasets.append(
                write_figures(writer, self.today, "complaint-stats", self.complaints, COMPLAINT_COLUMNS)
            )
        if self.inspections is not None:
            datasets.append(
                write_figures(writer, self.today, "inspection-stats", self.inspections, INSPECTION_COLUMNS)
            )
        writer.write_page(
            "compliance.html",
            "compliance/index.html",
            {
                "rows": self.rows,
                "totals": self.totals,
                "complaints": self.complaints,
                "inspections": [
                    (row.get("office_name") or row.get("office"), inspection_cells(row))
                    for row in self.inspections or []
                ],
                "inspections_given": self.inspections is not None,
                "today": self.today,
                "active": "compliance",
                "column": column("公示时效"),
                "fine_warning": self.state.fine_warning,  # fines_compliance_block.html (sections/fines.py)
            },
        )
