"""Per-office complaint figures for ``GET /api/stats`` and the /compliance/ page."""

from __future__ import annotations

import datetime as dt

from sunlight.domain.catalog import Catalog
from sunlight.domain.complaint_deadlines import accept_due, is_overdue, respond_due
from sunlight.domain.complaints import Complaint
from sunlight.domain.local_time import local_date
from sunlight.service.results import OfficeStats

SATISFIED = ("满意", "基本满意")


def office_stats(catalog: Catalog, complaints: list[Complaint], today: dt.date) -> list[OfficeStats]:
    """One row per office of the catalog (in catalog order), complaints only (not feedback), by the
    office handling each complaint now."""
    cal, settings = catalog.calendar, catalog.settings
    by_office: dict[str, list[Complaint]] = {office_id: [] for office_id in catalog.offices}
    for c in complaints:
        if c.kind == "complaint":
            by_office.setdefault(c.handling_office, []).append(c)
    rows = []
    for office_id, items in by_office.items():
        accepted_on_time = sum(
            1 for c in items if c.accepted_at is not None and local_date(c.accepted_at) <= accept_due(c, cal)
        )
        responded = [c for c in items if c.responded_on is not None]
        on_time = sum(1 for c in responded if c.responded_on <= respond_due(c, cal))  # type: ignore[operator]
        durations = [
            max(0, cal.working_days_between(c.filed_on, c.responded_on) - c.paused_days)  # type: ignore[arg-type]
            for c in responded
        ]
        rated = [c for c in items if c.rating]
        satisfied = sum(1 for c in rated if c.rating in SATISFIED)
        office = catalog.office(office_id)
        rows.append(
            OfficeStats(
                office=office_id,
                office_name=office.name if office else office_id,
                received=len(items),
                accepted_on_time=accepted_on_time,
                responded_on_time=on_time,
                responded=len(responded),
                overdue_now=sum(1 for c in items if c.is_open and is_overdue(c, today, cal, settings)),
                average_days_to_respond=round(sum(durations) / len(durations), 1) if durations else None,
                rated=len(rated),
                satisfied=satisfied,
                satisfaction=round(satisfied / len(rated), 3) if rated else None,
            )
        )
    return rows
