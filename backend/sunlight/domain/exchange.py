"""The 12345 exchange (docs/exchange.md), as pure rules: the request signature and its window, a work
order read into the values of a complaint intake, and the status update told back to the partner.

Signature: ``X-Signature: sha256=<hex HMAC-SHA256 of "<X-Timestamp>.<body>">`` keyed with the
partner's secret; ``X-Timestamp`` is Unix seconds and must lie within 5 minutes of now (either
side). The comparison is constant-time. A replayed signature is refused by the service, which keeps a
record of each one for the window (``sunlight.service.exchange``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sunlight.domain.catalog import Catalog, Category
from sunlight.domain.complaint_deadlines import respond_due
from sunlight.domain.complaints import ACCEPTED, ACTION_LABELS, STATUS_LABELS, SUBMITTED, Complaint
from sunlight.domain.errors import Unauthorized
from sunlight.domain.local_time import SHANGHAI, aware, local_date
from sunlight.domain.problems import Problem

WINDOW_SECONDS = 300
SCHEME = "sha256="
PARTNER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
ORDER_NO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
# Fields of an order copied into the complaint as they are (API field paths of a complaint).
TEXT_FIELDS = ("subject", "description", "office", "street", "power_code", "occurred_on")
REPORTER_FIELDS = ("type", "name", "credit_code", "contact_name", "phone", "email")
# Audit actions the partner is told of, as exchange event names (never notes, reminders or 催办,
# which are the agency's internal business).
EVENTS = {
    "accept": "accepted",
    "transfer": "transferred",
    "extend": "extended",
    "request_material": "material_requested",
    "resume": "resumed",
    "respond": "responded",
    "rate": "rated",
    "review_opened": "review_opened",
    "review_unavailable": "review_unavailable",
    "review_respond": "review_responded",
    "close": "closed",
    "overdue": "overdue",
    "escalate": "escalated",
}
# Events whose text the hotline relays to the caller (the answer, what material is missing).
TOLD_TEXT = frozenset({"respond", "review_respond", "request_material"})


def signature(secret: bytes, timestamp: str, body: bytes) -> str:
    """``sha256=<hex>``: HMAC-SHA256 of ``<timestamp>.<body>`` with ``secret``."""
    mac = hmac.new(secret, timestamp.encode("ascii", "replace") + b"." + body, hashlib.sha256)
    return SCHEME + mac.hexdigest()


def _refuse(zh: str, en: str, field: str) -> Unauthorized:
    return Unauthorized(zh, en, field)


def check_signature(secret: bytes, timestamp: str, signed: str, body: bytes, now: dt.datetime) -> int:
    """The request's Unix time when ``signed`` is the signature of ``body`` at ``timestamp`` within
    the window around ``now``; else ``Unauthorized`` naming the header at fault."""
    timestamp, signed = (timestamp or "").strip(), (signed or "").strip()
    if not timestamp:
        raise _refuse(
            "请求未签名(缺少 X-Timestamp)", "the request is not signed (no X-Timestamp)", "X-Timestamp"
        )
    if not signed:
        raise _refuse(
            "请求未签名(缺少 X-Signature)", "the request is not signed (no X-Signature)", "X-Signature"
        )
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        raise _refuse("X-Timestamp 应为 Unix 秒数", "X-Timestamp must be Unix seconds", "X-Timestamp")
    if abs(aware(now).timestamp() - int(timestamp)) > WINDOW_SECONDS:
        raise _refuse(
            "签名时间不在5分钟有效期内", "X-Timestamp is outside the 5-minute window", "X-Timestamp"
        )
    expected = signature(secret, timestamp, body)
    if not hmac.compare_digest(expected.encode(), signed.encode("utf-8", "replace")):
        raise _refuse("签名不正确", "the signature does not match", "X-Signature")
    return int(timestamp)


@dataclass(frozen=True)
class Order:
    """A work order as received: the complaint intake ``values`` (API field paths) and what only the
    exchange knows."""

    order_no: str
    received_at: dt.datetime
    respond_due: dt.date | None
    values: dict[str, str]


def _category(text: str, categories: Mapping[str, Category]) -> str:
    """A category named by its id or its Chinese name ("" when neither)."""
    if text in categories:
        return text
    return next((c.id for c in categories.values() if c.name == text), "")


def _moment(text: str) -> dt.datetime | None:
    try:
        return aware(dt.datetime.fromisoformat(text))
    except ValueError:
        return None


def read_order(
    body: Mapping[str, Any], categories: Mapping[str, Category], now: dt.datetime
) -> tuple[Order | None, list[Problem]]:
    """The order in ``body`` and the problems of its exchange fields (the complaint fields are
    validated as any complaint's, ``sunlight.domain.intake.validate_complaint``)."""
    problems: list[Problem] = []

    def text(name: str, value: Any) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            problems.append(Problem("应为文本", "must be a string", field=name))
            return ""
        return value.strip()

    order_no = text("order_no", body.get("order_no"))
    if not ORDER_NO.match(order_no):
        problems.append(
            Problem(
                "工单编号为必填项(1至64位字母、数字或 _ . : -)",
                "order_no is required: 1-64 letters, digits or _ . : -",
                field="order_no",
                value=order_no[:60],
            )
        )
    received_text = text("received_at", body.get("received_at"))
    received = _moment(received_text) if received_text else None
    if received is None:
        problems.append(
            Problem(
                "接件时间应为带时区的 ISO 日期时间",
                "received_at must be an ISO date-time with offset",
                field="received_at",
                value=received_text[:60],
            )
        )
    elif received > aware(now) + dt.timedelta(seconds=WINDOW_SECONDS):
        problems.append(Problem("接件时间晚于现在", "received_at lies in the future", field="received_at"))
    due_text = text("respond_due", body.get("respond_due"))
    due: dt.date | None = None
    if due_text:
        moment = _moment(due_text) if "T" in due_text else None
        try:
            due = local_date(moment) if moment else dt.date.fromisoformat(due_text)
        except ValueError:
            problems.append(
                Problem("日期格式应为 YYYY-MM-DD", "respond_due must be YYYY-MM-DD", field="respond_due")
            )
        if due is not None and received is not None and due < local_date(received):
            problems.append(
                Problem("答复期限早于接件日期", "respond_due is before received_at", field="respond_due")
            )
    values = {name: text(name, body.get(name)) for name in TEXT_FIELDS}
    category_text = text("category", body.get("category"))
    values["category"] = _category(category_text, categories) or category_text
    if category_text and values["category"] not in categories:
        problems.append(
            Problem("投诉类别不存在", "unknown category", field="category", value=category_text[:60])
        )
    reporter = body.get("reporter")
    if not isinstance(reporter, Mapping):
        problems.append(Problem("投诉人应为对象", "reporter must be an object", field="reporter"))
        reporter = {}
    for name in REPORTER_FIELDS:
        values[f"reporter.{name}"] = text(f"reporter.{name}", reporter.get(name))
    values["reporter.type"] = values["reporter.type"] or "person"  # callers are people, unless said
    if problems or received is None:
        return None, problems
    return Order(order_no, received, due, values), []


def status_update(
    c: Complaint, events: Sequence[tuple[str, str, Mapping[str, Any]]], at: dt.datetime, catalog: Catalog
) -> dict[str, Any] | None:
    """The webhook body telling the partner what ``events`` did to its order ``c`` (None when none of
    them is the partner's business). Never the reporter, the staff or internal notes."""
    told = []
    for _actor, action, detail in events:
        if action not in EVENTS:
            continue
        entry: dict[str, Any] = {"event": EVENTS[action], "label": ACTION_LABELS.get(action, action)}
        if action in TOLD_TEXT and detail.get("text"):
            entry["text"] = str(detail["text"])
        if action == "transfer" and detail.get("to"):
            entry["to_office"] = str(detail["to"])
        if action == "extend" and detail.get("days"):
            entry["days"] = int(detail["days"])
        if action == "rate" and c.rating:
            entry["rating"] = c.rating
        told.append(entry)
    if not told:
        return None
    office = catalog.office(c.handling_office)
    # the running respond deadline: none while paused (补正) nor once answered
    due = respond_due(c, catalog.calendar) if c.status in (SUBMITTED, ACCEPTED) else None
    return {
        "partner": c.partner,
        "order_no": c.partner_order,
        "tracking_no": c.tracking_no,
        "at": aware(at).astimezone(SHANGHAI).isoformat(),
        "status": c.status,
        "status_label": STATUS_LABELS.get(c.status, c.status),
        "handling_office": c.handling_office,
        "handling_office_name": office.name if office else c.handling_office,
        "respond_due": due.isoformat() if due else None,
        "overdue": list(c.overdue),
        "events": told,
        "version": c.version,
    }
