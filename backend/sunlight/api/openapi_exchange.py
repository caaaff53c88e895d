"""The 12345 exchange's path of the OpenAPI document (docs/exchange.md): a signed work order."""

from __future__ import annotations

from typing import Any

from sunlight.api import parse
from sunlight.api.openapi_builders import BODY_ERRORS, header, op, path_param

_TEXT = {"type": "string", "maxLength": parse.MAX_TEXT}
EXCHANGE_ORDER = {
    "type": "object",
    "required": ["order_no", "received_at", "category", "subject", "description", "reporter"],
    "properties": {
        "order_no": {
            "type": "string",
            "maxLength": 64,
            "description": "工单编号 / the hotline's order number",
        },
        "received_at": {
            "type": "string",
            "format": "date-time",
            "description": "接件时间 / when the call came",
        },
        "category": {**_TEXT, "description": "投诉类别(编号或名称) / category id or name"},
        "subject": _TEXT,
        "description": _TEXT,
        "reporter": {
            "type": "object",
            "properties": {
                k: _TEXT for k in ("type", "name", "credit_code", "contact_name", "phone", "email")
            },
        },
        "office": {**_TEXT, "description": "被投诉单位 / the office complained about (this or street)"},
        "street": _TEXT,
        "power_code": _TEXT,
        "occurred_on": {"type": "string", "format": "date"},
        "respond_due": {
            "type": "string",
            "format": "date",
            "description": "热线答复期限,较早时适用 / wins when earlier",
        },
    },
}
EXCHANGE_FILED = {
    "type": "object",
    "required": ["order_no", "tracking_no", "status", "handling_office", "accept_due", "respond_due"],
    "properties": {
        "order_no": {"type": "string"},
        "tracking_no": {"type": "string"},
        "access_code": {"type": "string", "description": "201 only / 仅首次"},
        "status": {"type": "string"},
        "handling_office": {"type": "string"},
        "handling_office_name": {"type": "string"},
        "accept_due": {"type": "string", "format": "date"},
        "respond_due": {"type": "string", "format": "date"},
        "warnings": {"type": "array", "items": {"type": "string"}},
    },
}
EXCHANGE_PARAMS = [
    path_param("partner", 40),
    header("X-Timestamp", "Unix 秒数,5分钟内有效 / Unix seconds, valid for 5 minutes", required=True),
    header(
        "X-Signature",
        'sha256=<hex HMAC-SHA256 of "<X-Timestamp>.<body>" with the partner secret> (docs/exchange.md)',
        required=True,
    ),
]


def paths() -> dict[str, Any]:
    return {
        "/api/exchange/{partner}/orders": {
            "post": op(
                "12345 热线工单(签名;同一工单编号返回同一投诉) / a 12345 work order (signed; the same order_no"
                " answers the same complaint with 200)",
                "201",
                (*BODY_ERRORS, "401"),
                EXCHANGE_ORDER,
                params=EXCHANGE_PARAMS,
                result=EXCHANGE_FILED,
            )
        },
    }
