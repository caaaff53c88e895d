"""The service's result dataclasses as JSON-ready dicts (dates in ISO 8601; date-times in Beijing time,
``+08:00``, whatever zone the store keeps them in: people read them as they come)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sunlight.domain.local_time import SHANGHAI, aware


def plain(value: Any) -> Any:
    """Dataclasses, tuples, dates and datetimes to JSON types."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return aware(value).astimezone(SHANGHAI).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def filed(result: Any) -> dict[str, Any]:
    body = plain(result)
    body.pop("created", None)
    return body


def exchange_filed(result: Any, order_no: str) -> dict[str, Any]:
    """A 12345 work order's complaint; the access code only when just filed (the hotline may tell the
    caller, who can then follow it on the site); never again: it is stored only hashed."""
    body = {"order_no": order_no, **filed(result)}
    body.pop("filed_at", None)
    if not result.created:
        body.pop("access_code", None)
    return body
