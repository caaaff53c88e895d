"""How the stores write values as text: UTC timestamps that sort as text, and JSON.

The SQLite store's columns and the DynamoDB store's attributes use the same forms, so a record
reads the same from either.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any

from sunlight.store.base import StoreError


@functools.lru_cache(maxsize=256)  # a write stamps one instant several times (row, event, messages)
def ts(value: dt.datetime) -> str:
    """A UTC timestamp that sorts as text (of the instant: equal instants in any zone give one text)."""
    if value.tzinfo is None:
        raise StoreError("naive datetime")
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def from_ts(text: str | None) -> dt.datetime | None:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC) if text else None


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)  # built once, not per value


def dumps(value: Any) -> str:
    """JSON text of ``value``: keys sorted, non-ASCII kept, anything else as its ``str``."""
    return _ENCODER.encode(value)
