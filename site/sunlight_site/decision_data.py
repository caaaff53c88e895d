"""Open data of the decisions: ``/data/decisions.csv`` (UTF-8 with BOM) and ``/data/decisions.json``.

Exactly the public decisions, with exactly their public fields (the columns below); the CSV
header is the Chinese label so spreadsheet programs show it, the JSON keys are the contract's
English keys. Rows are newest first, like the lists.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from sunlight_site.decision_views import DecisionView


def _d(value: Any) -> str:
    return value.isoformat() if value is not None else ""


# key, Chinese label, getter
COLUMNS: list[tuple[str, str, Callable[[DecisionView], str]]] = [
    ("id", "记录编号", lambda v: v.id),
    ("doc_no", "决定文书号", lambda v: v.doc_no),
    ("kind", "决定类别", lambda v: v.kind),
    ("procedure", "程序类型", lambda v: v.procedure),
    ("party_type", "当事人类型", lambda v: v.party_type),
    ("party_name", "当事人名称", lambda v: v.party_name),
    ("credit_code", "统一社会信用代码", lambda v: v.credit_code),
    ("legal_rep", "法定代表人", lambda v: v.legal_rep),
    ("facts", "主要违法事实", lambda v: v.facts),
    ("basis", "处罚依据", lambda v: v.basis),
    ("content", "处罚内容", lambda v: v.content),
    ("amount", "罚款金额(元)", lambda v: "" if v.amount is None else str(v.amount)),
    ("office", "执法机关编号", lambda v: v.office_id),
    ("office_name", "执法机关", lambda v: v.office_name),
    ("power_code", "事项编码", lambda v: v.power_code),
    ("domain", "领域", lambda v: v.domain),
    ("decided_on", "决定日期", lambda v: _d(v.decided_on)),
    ("published_on", "公示日期", lambda v: _d(v.published_on)),
    ("disclosure_until", "公示截止日期", lambda v: _d(v.disclosure_until)),
    ("severity", "失信程度", lambda v: v.severity),
    ("url", "网址", lambda v: v.url),
]


def decisions_csv(views: Sequence[DecisionView]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([label for _, label, _ in COLUMNS])
    for v in views:
        w.writerow([get(v) for _, _, get in COLUMNS])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def decisions_json(views: Sequence[DecisionView], generated_on: str) -> bytes:
    rows = [{key: get(v) for key, _, get in COLUMNS} for v in views]
    data = {
        "generated_on": generated_on,
        "count": len(rows),
        "fields": [k for k, _, _ in COLUMNS],
        "decisions": rows,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
