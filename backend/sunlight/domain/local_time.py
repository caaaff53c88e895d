"""Beijing time: deadlines count in Asia/Shanghai days whatever the server's zone.

Pure conversions only; reading the clock and parsing ``--now`` live in ``sunlight.clock``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def aware(now: dt.datetime) -> dt.datetime:
    """``now`` with a zone; a naive value is read as Asia/Shanghai."""
    return now.replace(tzinfo=SHANGHAI) if now.tzinfo is None else now


def local_date(now: dt.datetime) -> dt.date:
    """The Asia/Shanghai calendar day of ``now``."""
    return aware(now).astimezone(SHANGHAI).date()


def beijing(now: dt.datetime) -> dt.datetime:
    """``now`` shown in Beijing time (UTC+8), the time people read."""
    return aware(now).astimezone(SHANGHAI)
