"""Build domain complaints directly (no store) for the domain tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any
from zoneinfo import ZoneInfo

from sunlight.domain.complaints import Complaint

SHANGHAI = ZoneInfo("Asia/Shanghai")


def complaint(filed_on: dt.date, **changes: Any) -> Complaint:
    c = Complaint(
        tracking_no="TS-TEST-000001",
        kind="complaint",
        category="arbitrary-fine",
        subject="s",
        description="d",
        reporter={"type": "enterprise", "name": "某公司"},
        about={"office": "squad-xinzhen", "street": "新镇街道"},
        handling_office="brigade-east",
        supervising_office="supervision",
        filed_at=dt.datetime.combine(filed_on, dt.time(10), SHANGHAI),
        filed_on=filed_on,
        accept_days=3,
        respond_days=15,
        remind_before_days=3,
        version=1,
    )
    if changes.get("status") not in (None, "submitted") and "accepted_on" not in changes:
        changes["accepted_on"] = filed_on
    return replace(c, **changes)


def external_office(office_id: str) -> dict[str, Any]:
    """An office of kind ``external`` (outside the agency's tree: the district's 行政执法监督), as
    ``offices.yaml`` declares it, for ``catalog_from_dict``."""
    return {
        "id": office_id,
        "name": f"{office_id} 行政执法监督科",
        "kind": "external",
        "parent": None,
        "roles": ["supervision"],
        "email": f"{office_id}@example.gov.cn",
    }
