"""Local dates: deadlines count in Asia/Shanghai days whatever the server's zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def aware(now: dt.datetime) -> dt.datetime:
    """``now`` with a zone; a naive value is read as Asia/Shanghai."""
    return now.replace(tzinfo=SHANGHAI) if now.tzinfo is None else now


def local_date(now: dt.datetime) -> dt.date:
    return aware(now).astimezone(SHANGHAI).date()
