"""The clock: "now" for the server and the timers.

``SUNLIGHT_NOW`` (an ISO date-time with offset, e.g. ``2026-12-24T10:00:00+08:00``) fixes it for
tests and demonstrations; otherwise it is the real time in Asia/Shanghai.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

Clock = Callable[[], dt.datetime]


class ClockError(ValueError):
    """A fixed time that cannot be read."""


def parse_now(text: str) -> dt.datetime:
    """An ISO date-time; a value without offset is taken as Asia/Shanghai time."""
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise ClockError(
            f"时间格式错误,应为 ISO 8601 日期时间 / not an ISO date-time: {text!r} (e.g. 2026-12-24T10:00:00+08:00)"
        ) from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=SHANGHAI)
    return value


def real_clock() -> dt.datetime:
    return dt.datetime.now(SHANGHAI)


def fixed_clock(moment: dt.datetime) -> Clock:
    return lambda: moment


def from_environment(override: str | None = None, environ: dict[str, str] | None = None) -> Clock:
    """``override`` (e.g. ``--now``) first, then ``SUNLIGHT_NOW``, then the real clock."""
    env = os.environ if environ is None else environ
    text = override or env.get("SUNLIGHT_NOW", "")
    if text:
        return fixed_clock(parse_now(text))
    return real_clock
