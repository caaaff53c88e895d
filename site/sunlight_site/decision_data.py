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

from sunlight_site.decision_views import DecisionView
from sunlight_site.opendata import FORMULA_START, spreadsheet_safe

# key, Chinese label, the view's attribute
COLUMNS: list[tuple[str, str, str]] = [
    ("id", "记录编号", "id"),
    ("doc_no", "决定文书号", "doc_no"),
    ("kind", "决定类别", "kind"),
    ("procedure", "程序类型", "procedure"),
    ("party_type", "当事人类型", "party_type"),
    ("party_name", "当事人名称", "party_name"),
    ("credit_code", "统一社会信用代码", "credit_code"),
    ("legal_rep", "法定代表人", "legal_rep"),
    ("facts", "主要违法事实", "facts"),
    ("basis", "处罚依据", "basis"),
    ("content", "处罚内容", "content"),
    ("amount", "罚款金额(元)", "amount"),
    ("office", "执法机关编号", "office_id"),
    ("office_name", "执法机关", "office_name"),
    ("power_code", "事项编码", "power_code"),
    ("domain", "领域", "domain"),
    ("decided_on", "决定日期", "decided_on"),
    ("published_on", "公示日期", "published_on"),
    ("disclosure_until", "公示截止日期", "disclosure_until"),
    ("severity", "失信程度", "severity"),
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
