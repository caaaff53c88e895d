"""Abuse limits, counted in the store so they hold across processes and restarts (#12).

- Filing: at most ``filings_per_client_per_hour`` complaints and feedback per client (its address)
  and ``filings_per_minute`` for the whole service; ``0`` turns a limit off. An idempotent retry
  is not counted again.
- Access codes: every check is counted *before* the code is verified (``Store.count_attempt``),
  per tracking number and per client; a right code takes its count back (on SQLite nothing is
  written at all). Past ``WRONG_CODES_PER_NUMBER`` on a number, only clients with no counted
  attempt in the window may still try it, so guessers cannot lock the reporter out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from sunlight.domain.errors import RateLimited
from sunlight.store.base import Count, LimitExceeded, Store

WRONG_CODES_PER_NUMBER = 5
WRONG_CODES_PER_CLIENT = 20
CODE_WINDOW_SECONDS = 15 * 60
CLIENT_WINDOW_SECONDS = 60 * 60
GLOBAL_WINDOW_SECONDS = 60
MAX_CLIENT_KEY = 100


@dataclass(frozen=True)
class Limits:
    filings_per_client_per_hour: int = 20
    filings_per_minute: int = 600

    @classmethod
    def off(cls) -> Limits:
        return cls(filings_per_client_per_hour=0, filings_per_minute=0)


def filing_counts(limits: Limits, client: str) -> list[Count]:
    """The counters one filing by ``client`` is counted against (``Store.transact_counted`` writes
    them with the filing, all or nothing)."""
    counts = []
    if client and limits.filings_per_client_per_hour > 0:
        key = f"filing:client:{client[:MAX_CLIENT_KEY]}"
        counts.append(Count(key, _window(key), limits.filings_per_client_per_hour))
    if limits.filings_per_minute > 0:
        counts.append(Count("filing:all", _window("filing:all"), limits.filings_per_minute))
    return counts


def refused(exceeded: LimitExceeded) -> RateLimited:
    """The 429 for a filing over a limit."""
    return RateLimited(
        "提交过于频繁,请稍后再试",
        "too many filings; try again later",
        retry_after=exceeded.count.window_seconds,
    )


def _window(key: str) -> int:
    return GLOBAL_WINDOW_SECONDS if key == "filing:all" else CLIENT_WINDOW_SECONDS


class Check(Enum):
    RIGHT = "right"
    WRONG = "wrong"
    LIMITED = "limited"


def check_code(store: Store, number: str, client: str, now: dt.datetime, verify: Callable[[], bool]) -> Check:
    """Count the attempt, then (within the limits) ``verify`` the code. A right code is not kept."""
    keys = [f"wrong-code:number:{number}"] + (
        [f"wrong-code:client:{client[:MAX_CLIENT_KEY]}"] if client else []
    )

    def judge(values: list[int]) -> tuple[Check, bool]:
        on_number = values[0]
        on_client = values[1] if client else 0
        if on_client > WRONG_CODES_PER_CLIENT:
            return Check.LIMITED, True
        first_from_client = bool(client) and on_client == 1
        if on_number > WRONG_CODES_PER_NUMBER and not first_from_client:
            return Check.LIMITED, True
        if verify():
            return Check.RIGHT, False
        return Check.WRONG, True

    return store.count_attempt(keys, now, CODE_WINDOW_SECONDS, judge)
