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
