"""Open data of the decisions: ``/data/decisions.csv`` (UTF-8 with BOM) and ``/data/decisions.json``.

Exactly the public decisions, with exactly their public fields (the columns below); the CSV
header is the Chinese label so spreadsheet programs show it, the JSON keys are the contract's
English keys. Rows are newest first, like the lists. A CSV cell that a spreadsheet would read
as a formula starts with an apostrophe (``opendata.spreadsheet_safe``); the JSON keeps the text.
"""

from __future__ import annotations

import csv
import io
import json
import operator
from collections.abc import Sequence
from typing import Any

from sunlight.domain import decision_kinds

from sunlight_site.data.tables import FORMULA_START, spreadsheet_safe
from sunlight_site.decisions.views import DecisionView

# key, Chinese label, the view's attribute: the public fields and their labels are those of
# ``sunlight.domain.decision_kinds.COLUMNS`` (one description for pages, feeds and data), then the URL.
_ATTRIBUTES = {"office": "office_id"}  # where the view's attribute is not named like the key
COLUMNS: list[tuple[str, str, str]] = [
    *((key, label, _ATTRIBUTES.get(key, key)) for key, label in decision_kinds.COLUMNS),
    ("url", "网址", "url"),
]
KEYS = [key for key, _, _ in COLUMNS]
_values = operator.attrgetter(*(attr for _, _, attr in COLUMNS))  # a view's cells, in C
# Cells that are not text: dates (ISO) and the amount (its decimal text); None is empty.
_NOT_TEXT = [i for i, (key, _, _) in enumerate(COLUMNS) if key in ("amount", "decided_on", "published_on", "disclosure_until")]  # fmt: skip


def decisions_csv(views: Sequence[DecisionView]) -> bytes:
    """The csv module writes None as an empty cell and a date or a Decimal as its ``str``: the
    ISO date and the decimal text, as in the JSON."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([label for _, label, _ in COLUMNS])
    w.writerows(map(_spreadsheet_safe, map(_values, views)))
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def _spreadsheet_safe(cells: tuple[Any, ...]) -> tuple[Any, ...]:
    """The row with text cells that would start a formula neutralised (``spreadsheet_safe``)."""
    for cell in cells:
        if cell.__class__ is str and cell.startswith(FORMULA_START):
            return tuple(spreadsheet_safe(c) if c.__class__ is str else c for c in cells)
    return cells


def _cells(view: DecisionView) -> list[Any]:
    cells = list(_values(view))
    for i in _NOT_TEXT:
        value = cells[i]
        cells[i] = "" if value is None else str(value)
    return cells


def decisions_json(views: Sequence[DecisionView], generated_on: str) -> bytes:
    rows = [dict(zip(KEYS, _cells(v), strict=True)) for v in views]
    data = {"generated_on": generated_on, "count": len(rows), "fields": KEYS, "decisions": rows}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
