"""Open-data files: CSV in UTF-8 with a BOM (so spreadsheet programs read Chinese) and JSON.

``csv_bytes(columns, rows)`` and ``json_bytes(name, today, items)`` give the bytes; the opendata
generator writes them. Each dataset is described by a ``Dataset`` so the ``/data/`` index lists
it; other sections add theirs to ``BuildState.datasets``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

BOM = "\ufeff"


@dataclass
class Dataset:
    name: str  # file stem under /data/
    title: str
    description: str
    count: int
    files: list[str] = field(default_factory=list)  # e.g. ["powers.csv", "powers.json"]


# What a spreadsheet program reads as the start of a formula when it opens a CSV file
# (OWASP "CSV injection"): such a cell gets a leading apostrophe, so it stays text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """``text`` as a CSV cell that no spreadsheet runs as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return str(value)  # a number (-0.1) is no formula: kept as the number
    if isinstance(value, (list, tuple)):
        return spreadsheet_safe("；".join(_cell(v) for v in value))
    if isinstance(value, bool):
        return "是" if value else "否"
    return spreadsheet_safe(str(value))


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def json_bytes(name: str, today: dt.date, items: Any, **meta: Any) -> bytes:
    """``{dataset, generated_on, count, **meta, items}``."""
    doc = {"dataset": name, "generated_on": today.isoformat(), "count": len(items), **meta, "items": items}
    return (json.dumps(doc, ensure_ascii=False, indent=1, default=_json_default) + "\n").encode("utf-8")
