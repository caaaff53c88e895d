"""The ONE clock: "now" and "today" in Asia/Shanghai for every command, and the one parser of
``--now`` / ``SUNLIGHT_NOW`` and ``--today``.

- ``--now`` / ``SUNLIGHT_NOW``: an ISO 8601 date-time WITH its offset (``2026-12-24T10:00:00+08:00``
  or ``2026-12-24T02:00:00Z``, the same instant); a value without offset is refused, since it
  could mean Beijing time or the server's. The clock gives it in Beijing time (UTC+8).
- ``--today``: a date ``YYYY-MM-DD`` (``sunlight build`` and ``sunlight check``); without it, the
  day in Asia/Shanghai now (or of ``SUNLIGHT_NOW`` when set).

Stored times are offset-aware; times shown to people are Beijing time (``sunlight.domain.local_time``
holds the pure conversions the domain uses).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping

from sunlight.domain.local_time import SHANGHAI, beijing

__all__ = [
    "SHANGHAI",
    "Clock",
    "ClockError",
    "fixed_clock",
    "from_environment",
    "parse_now",
    "parse_today",
    "real_clock",
    "today",
]

Clock = Callable[[], dt.datetime]


class ClockError(ValueError):
    """A fixed time or date that cannot be read (message in Chinese and English, naming the option)."""


def parse_now(text: str, option: str = "--now") -> dt.datetime:
    """An ISO date-time with offset, in Beijing time; ``ClockError`` for anything else."""
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ClockError(
            f"{option}: 时间格式错误,应为带时区的 ISO 8601 日期时间 / not an ISO date-time: {text!r}"
            " (e.g. 2026-12-24T10:00:00+08:00)"
        ) from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ClockError(
            f"{option}: 时间须注明时区,如北京时间 2026-12-24T10:00:00+08:00 / the time needs an offset, e.g."
            f" 2026-12-24T10:00:00+08:00 (Beijing) or 2026-12-24T02:00:00Z: {text!r}"
        )
    return beijing(value)


def parse_today(text: str, option: str = "--today") -> dt.date:
    """A date ``YYYY-MM-DD``; ``ClockError`` for anything else."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ClockError(f"{option}: 日期格式应为 YYYY-MM-DD / expected YYYY-MM-DD: {text!r}") from None


def real_clock() -> dt.datetime:
    return dt.datetime.now(SHANGHAI)


def fixed_clock(moment: dt.datetime) -> Clock:
    return lambda: moment


def from_environment(override: str | None = None, environ: Mapping[str, str] | None = None) -> Clock:
    """``override`` (``--now``) first, then ``SUNLIGHT_NOW``, then the real clock; Beijing time."""
    env = os.environ if environ is None else environ
    fixed = override or env.get("SUNLIGHT_NOW", "")
    return fixed_clock(parse_now(fixed, "--now / SUNLIGHT_NOW")) if fixed else real_clock


def today(override: str | None = None, environ: Mapping[str, str] | None = None) -> dt.date:
    """``--today`` when given, else the day in Asia/Shanghai of ``SUNLIGHT_NOW`` or of the real clock."""
    if override:
        return parse_today(override)
    return from_environment(environ=environ)().date()
