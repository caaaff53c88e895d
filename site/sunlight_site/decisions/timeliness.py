"""Figures of ``/compliance/``: per office, the share of decisions published on time, the median
delay in working days, the late ones, and the decisions taken down later than the limit after
their revocation or change (``sunlight.domain.withdrawals``); room for complaint figures when a
snapshot is given.

The numbers come from the publication stage (``sunlight.domain.disclosure_deadlines.timeliness``
over the result's ``timings``); this module only shapes them into rows for the template.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sunlight.domain.disclosure_deadlines import OfficeTimeliness, Timing, timeliness
from sunlight.domain.withdrawals import LateWithdrawal


@dataclass(frozen=True)
class LateItem:
    id: str
    url: str  # empty when the decision is no longer public
    decided_on: str
    published_on: str
    working_days: int
    allowed_days: int


@dataclass(frozen=True)
class LateWithdrawalItem:
    id: str
    url: str  # the notice at the decision's permalink
    reason: str
    reason_on: str
    withdrawn_on: str
    deadline: str
    working_days: int
    allowed_days: int


@dataclass(frozen=True)
class ComplianceRow:
    office_id: str
    office_name: str
    published: int
    on_time: int
    share_text: str  # e.g. "95.2%", or "—" when nothing was published
    median_text: str  # working days, or "—"
    late: tuple[LateItem, ...]
    late_withdrawals: tuple[LateWithdrawalItem, ...] = ()


def _fmt_days(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}"


def compliance_rows(
    timings: Iterable[Timing],
    offices: Mapping[str, str],
    public_ids: set[str],
    late_withdrawals: Iterable[LateWithdrawal] = (),
) -> list[ComplianceRow]:
    """One row per office (every office of ``offices``, and any other office with decisions)."""
    timings = list(timings)
    by_id = {t.id: t for t in timings}
    withdrawals: dict[str, list[LateWithdrawalItem]] = {}
    for w in late_withdrawals:
        withdrawals.setdefault(w.office, []).append(
            LateWithdrawalItem(
                id=w.id,
                url=f"/decisions/{w.id}/",
                reason=w.reason,
                reason_on=w.reason_on.isoformat(),
                withdrawn_on=w.withdrawn_on.isoformat(),
                deadline=w.deadline.isoformat(),
                working_days=w.working_days,
                allowed_days=w.allowed_days,
            )
        )
    rows = []
    for figures in timeliness(timings, [*offices.keys(), *withdrawals]):
        row = _row(figures, offices, by_id, public_ids)
        rows.append(replace(row, late_withdrawals=tuple(withdrawals.get(row.office_id, ()))))
    return rows


def _row(
    f: OfficeTimeliness, offices: Mapping[str, str], by_id: Mapping[str, Timing], public_ids: set[str]
) -> ComplianceRow:
    share = f.share_on_time
    late = tuple(
        LateItem(
            id=i,
            url=f"/decisions/{i}/" if i in public_ids else "",
            decided_on=by_id[i].decided_on.isoformat(),
            published_on=by_id[i].published_on.isoformat(),
            working_days=by_id[i].working_days,
            allowed_days=by_id[i].allowed_days,
        )
        for i in f.late_ids
    )
    return ComplianceRow(
        office_id=f.office,
        office_name=offices.get(f.office, f.office),
        published=f.published,
        on_time=f.on_time,
        share_text="—" if share is None else f"{share * 100:.1f}%",
        median_text=_fmt_days(f.median_working_days),
        late=late,
    )


def totals(rows: Sequence[ComplianceRow]) -> dict[str, Any]:
    published = sum(r.published for r in rows)
    on_time = sum(r.on_time for r in rows)
    return {
        "published": published,
        "on_time": on_time,
        "share_text": "—" if not published else f"{on_time / published * 100:.1f}%",
        "late": published - on_time,
        "late_withdrawals": sum(len(r.late_withdrawals) for r in rows),
    }
