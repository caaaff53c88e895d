"""The OpenAPI 3 document of the API, served at ``/api/openapi.json``.

Hand-written from the same field lists the parser uses (``sunlight.api.parse``), so a field
cannot be accepted without being documented. A test checks every Chalice route is here and
every path here is a route.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sunlight.api import openapi_reviews, parse
from sunlight.api.schemas import schema_of
from sunlight.service.results import Filed, InboxItem, ObserverItem, OfficeStats, ReporterView, StaffView

ERROR_CODES = {
    "400": "请求格式错误 / malformed request (e.g. invalid JSON)",
    "401": "未登录或查询码缺失 / token or access code missing or unknown",
    "403": "无权操作,或来自其他网站页面的提交 / not allowed, or a request from another site's page",
    "404": "未找到 / not found",
    "409": "状态冲突 / conflict with the current state",
    "413": "请求过大 / body too large",
    "415": "内容类型错误 / unsupported content type",
    "422": "字段错误 / a field is invalid (``error.field`` names it)",
    "429": "尝试或提交过多 / too many attempts or filings (Retry-After)",
}


def _object(spec: Mapping[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for name, kind in spec.items():
        if isinstance(kind, Mapping):
            props[name] = _object(kind)
        elif kind is int:
            props[name] = {"type": "integer", "minimum": -10_000, "maximum": 10_000}
        else:
            props[name] = {"type": "string", "maxLength": parse.MAX_TEXT}
    schema: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    return schema


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _op(
    summary: str,
    ok: str = "200",
    errors: tuple[str, ...] = (),
    body: dict[str, Any] | None = None,
    params: list[dict[str, Any]] | None = None,
    security: list[dict[str, list[str]]] | None = None,
    result: dict[str, Any] | None = None,
) -> dict[str, Any]:
    answer = {"description": "OK", **_json(result or {"type": "object"})}
    responses: dict[str, Any] = {ok: answer}
    if ok == "201":  # a retry with the same Idempotency-Key answers 200 with the same result
        responses["200"] = {
            **answer,
            "description": "重试返回同一结果 / the result of an earlier identical request",
        }
    for code in errors:
        responses[code] = {"description": ERROR_CODES[code], **_json(_ref("Error"))}
    op: dict[str, Any] = {"summary": summary, "responses": responses}
    if body is not None:
        op["requestBody"] = {"required": True, **_json(body)}
    if params:
        op["parameters"] = params
    if security is not None:
        op["security"] = security
    return op


def _header(name: str, description: str, required: bool = False) -> dict[str, Any]:
    return {
        "name": name,
        "in": "header",
        "required": required,
        "description": description,
        "schema": {"type": "string", "maxLength": 200},
    }


def _path(name: str, max_length: int | None = None, description: str = "") -> dict[str, Any]:
    """A path parameter (a string, at most ``max_length`` characters when given)."""
    schema: dict[str, Any] = {"type": "string"}
    if max_length is not None:
        schema["maxLength"] = max_length
    param: dict[str, Any] = {"name": name, "in": "path", "required": True}
    if description:
        param["description"] = description
    return param | {"schema": schema}


TRACKING = _path("tracking_no", 64)
IDEMPOTENCY = _header(
    "Idempotency-Key", "重试同一请求时使用相同的键 / a retry with the same key returns the same result"
)
ACCESS = _header("X-Access-Code", "查询码 / the access code given when filing", required=True)
BEARER = [{"bearer": []}]
INSPECTION_CODE = _path("code", 64, "检查码 (10 characters, grouped 5-5) / inspection code")
INSPECTION_REGISTERED = {
    "type": "object",
    "required": ["code", "valid_from", "valid_until", "verify_url", "qr_svg"],
    "properties": {
        "code": {"type": "string"},
        "valid_from": {"type": "string", "format": "date"},
        "valid_until": {"type": "string", "format": "date"},
        "verify_url": {"type": "string"},
        "qr_svg": {"type": "string", "description": "SVG QR code of verify_url"},
    },
}
INSPECTION_VIEW = {
    "type": "object",
    "required": ["code", "state", "valid"],
    "properties": {
        "code": {"type": "string"},
        "state": {"type": "string", "enum": ["valid", "unknown", "expired", "not_yet_valid", "used"]},
        "valid": {"type": "boolean"},
        "office_name": {"type": "string"},
        "inspectors": {"type": "array"},
        "enterprise_name": {"type": "string", "description": "only with the matching credit_code"},
    },
}
BODY_ERRORS = ("400", "413", "415", "422")
ALERT_TOKEN = {
    "name": "token",
    "in": "query",
    "required": True,
    "description": "订阅邮件中的链接所带的 token / the token of the link in the alert mail",
    "schema": {"type": "string", "maxLength": 200},
}
ALERT_STATUS = {"type": "object", "properties": {"status": {"type": "string"}}}
HTML_PAGE = "GET: 一个简短的网页（text/html） / a short HTML page; POST: JSON"
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
    _path("partner", 40),
    _header("X-Timestamp", "Unix 秒数,5分钟内有效 / Unix seconds, valid for 5 minutes", required=True),
    _header(
        "X-Signature",
        'sha256=<hex HMAC-SHA256 of "<X-Timestamp>.<body>" with the partner secret> (docs/exchange.md)',
        required=True,
    ),
]


def _results() -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Schemas of the answers, from the service's result dataclasses."""
    components: dict[str, Any] = {}
    refs = {
        name: schema_of(tp, components)
        for name, tp in (
            ("filed", Filed),
            ("reporter", ReporterView),
            ("staff", StaffView),
            ("inbox_item", InboxItem),
            ("office_stats", OfficeStats),
            ("observer_item", ObserverItem),
        )
    }
    filed = components["Filed"]  # ``created`` is told by the status (201 or 200), not in the body
    filed["properties"].pop("created")
    filed["required"].remove("created")
    return refs, components


def _list_of(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}


def document() -> dict[str, Any]:
    complaint = _object(parse.COMPLAINT, ("category", "subject", "description", "reporter"))
    r, result_schemas = _results()
    views = {"oneOf": [r["reporter"], r["staff"]]}
    open311_item = {"type": "object", "properties": {"service_request_id": {"type": "string"}}}
    paths = {
        "/api/openapi.json": {"get": _op("本文档 / this document")},
        "/api/health": {
            "get": _op(
                "运行状态 / health check",
                result={
                    "type": "object",
                    "properties": {"status": {"type": "string"}, "now": {"type": "string"}},
                },
            )
        },
        "/api/complaints": {
            "post": _op(
                "提交涉企投诉 / file a complaint",
                "201",
                (*BODY_ERRORS, "403", "409", "429"),
                _ref("Complaint"),
                [IDEMPOTENCY],
                result=r["filed"],
            )
        },
        "/api/complaints/{tracking_no}": {
            "get": _op(
                "查询进度(查询码)或办理详情(工作人员令牌) / status for the reporter, or details for staff",
                errors=("401", "404", "429"),
                params=[TRACKING, _header("X-Access-Code", "查询码 / access code")],
                security=[{}, {"bearer": []}],
                result=views,
            )
        },
        "/api/complaints/{tracking_no}/rating": {
            "post": _op(
                "评价答复 / rate the response",
                errors=(*BODY_ERRORS, "401", "403", "404", "409", "429"),
                body=_object(parse.RATING, ("rating",)),
                params=[TRACKING, ACCESS],
                result=r["reporter"],
            )
        },
        "/api/complaints/{tracking_no}/actions": {
            "post": _op(
                "办理操作 / staff action",
                errors=(*BODY_ERRORS, "401", "403", "404", "409"),
                body=_object(parse.ACTION, ("action",)),
                params=[TRACKING],
                security=BEARER,
                result=r["staff"],
            )
        },
        "/api/inbox": {
            "get": _op(
                "本单位待办 / the office's inbox",
                errors=("401", "403"),
                security=BEARER,
                result={
                    "type": "object",
                    "properties": {"items": _list_of(r["inbox_item"])},
                    "required": ["items"],
                },
            )
        },
        "/api/feedback": {
            "post": _op(
                "监督反馈或纠错 / supervision feedback or a correction request",
                "201",
                (*BODY_ERRORS, "401", "403", "409", "429"),
                _object(parse.FEEDBACK, ("category", "description")),
                [IDEMPOTENCY],
                security=[{}, {"bearer": []}],
                result=r["filed"],
            )
        },
        "/api/feedback/mine": {
            "get": _op(
                "我的监督:监督员本人提交的反馈 / the observer's own feedback",
                errors=("401", "403"),
                security=BEARER,
                result={
                    "type": "object",
                    "properties": {
                        "observer": {"type": "object", "properties": {"name": {"type": "string"}}},
                        "items": _list_of(r["observer_item"]),
                    },
                    "required": ["observer", "items"],
                },
            )
        },
        "/api/inspections": {
            "post": _op(
                "登记涉企检查,取得检查码 / register a planned inspection and get its 检查码",
                "201",
                (*BODY_ERRORS, "401", "403", "409"),
                {
                    **_object(
                        parse.INSPECTION, ("credit_code", "enterprise_name", "scope", "basis", "planned_on")
                    ),
                    "properties": {
                        **_object(parse.INSPECTION)["properties"],
                        "inspectors": {
                            "type": "array",
                            "maxItems": parse.MAX_INSPECTORS,
                            "items": {"type": "string", "maxLength": 64},
                            "description": "执法证号 / certificate numbers",
                        },
                    },
                },
                security=BEARER,
                result=INSPECTION_REGISTERED,
            )
        },
        "/api/inspections/flags": {
            "get": _op(
                "重复检查、多头检查提示(监督机构、监督员) / enterprises flagged for repeated or multi-office inspections",
                errors=("401", "403"),
                security=BEARER,
                result={"type": "object", "properties": {"items": {"type": "array"}}, "required": ["items"]},
            )
        },
        "/api/inspections/{code}/result": {
            "post": _op(
                "登记检查结果(登记机构) / record the result (the registering office)",
                errors=(*BODY_ERRORS, "401", "403", "404", "409"),
                body=_object(parse.INSPECTION_RESULT, ("result", "checked_on")),
                params=[INSPECTION_CODE],
                security=BEARER,
                result=INSPECTION_VIEW,
            )
        },
        "/api/verify/inspection/{code}": {
            "get": _op(
                "核验检查码(任何人;企业名称仅在输入其统一社会信用代码后显示) / verify a 检查码 (anyone; the "
                "enterprise only with its credit code)",
                errors=("429",),
                params=[
                    INSPECTION_CODE,
                    {"name": "credit_code", "in": "query", "schema": {"type": "string", "maxLength": 64}},
                ],
                result=INSPECTION_VIEW,
            )
        },
        "/api/alerts": {
            "post": _op(
                "订阅执法决定提醒邮件（需邮件确认） / subscribe to e-mail alerts (double opt-in)",
                "202",
                (*BODY_ERRORS, "403", "429"),
                _object(parse.ALERT, ("email", "kind", "value")),
                result=ALERT_STATUS,
            )
        },
        "/api/alerts/confirm": {
            method: _op(
                f"确认订阅 / confirm a subscription ({HTML_PAGE})",
                errors=("400", "404"),
                params=[ALERT_TOKEN],
                result=ALERT_STATUS,
            )
            for method in ("get", "post")
        },
        "/api/alerts/unsubscribe": {
            "get": _op(
                "退订确认页（不改变订阅） / the unsubscribe button page (changes nothing; text/html)",
                errors=("400", "404"),
                params=[ALERT_TOKEN],
            ),
            "post": _op(
                "一键退订（RFC 8058） / one-click unsubscribe (RFC 8058)",
                errors=("400", "404"),
                params=[ALERT_TOKEN],
                result=ALERT_STATUS,
            ),
        },
        "/api/exchange/{partner}/orders": {
            "post": _op(
                "12345 热线工单(签名;同一工单编号返回同一投诉) / a 12345 work order (signed; the same order_no"
                " answers the same complaint with 200)",
                "201",
                (*BODY_ERRORS, "401"),
                EXCHANGE_ORDER,
                params=EXCHANGE_PARAMS,
                result=EXCHANGE_FILED,
            )
        },
        "/api/stats": {
            "get": _op(
                "各单位投诉办理统计 / complaint figures per office",
                result={
                    "type": "object",
                    "properties": {
                        "as_of": {"type": "string", "format": "date-time"},
                        "offices": _list_of(r["office_stats"]),
                    },
                    "required": ["as_of", "offices"],
                },
            )
        },
        "/api/stats/inspections": {
            "get": _op(
                "各单位涉企检查统计(不含企业) / inspection-code figures per office (no enterprise)",
                result={
                    "type": "object",
                    "properties": {
                        "as_of": {"type": "string", "format": "date-time"},
                        "offices": {"type": "array"},
                    },
                    "required": ["as_of", "offices"],
                },
            )
        },
        "/api/open311/v2/services.json": {
            "get": _op(
                "Open311 服务列表 / GeoReport v2 services",
                result=_list_of({"type": "object", "properties": {"service_code": {"type": "string"}}}),
            )
        },
        "/api/open311/v2/requests.json": {
            "get": _op(
                "Open311 查询(需查询码) / GeoReport v2 requests (with the access code)",
                errors=("404", "429"),
                params=[
                    {"name": "service_request_id", "in": "query", "schema": {"type": "string"}},
                    _header("X-Access-Code", "查询码 / access code"),
                ],
                result=_list_of(open311_item),
            ),
            "post": {
                **_op(
                    "Open311 提交 / GeoReport v2 create request",
                    "201",
                    (*BODY_ERRORS, "403", "409", "429"),
                    params=[IDEMPOTENCY],
                    result=_list_of(open311_item),
                ),
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/x-www-form-urlencoded": {"schema": _ref("Open311Request")},
                        "application/json": {"schema": _ref("Open311Request")},
                    },
                },
            },
        },
        "/api/open311/v2/requests/{request_file}": {
            "get": _op(
                "Open311 单个请求 / GeoReport v2 one request",
                errors=("401", "404", "429"),
                params=[
                    _path("request_file", description="<service_request_id>.json"),
                    ACCESS,
                ],
                result=_list_of(open311_item),
            )
        },
    }
    open311_fields = {
        name: str
        for name in (
            "service_code",
            "description",
            "address_string",
            "first_name",
            "last_name",
            "phone",
            "email",
        )
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Sunlight 阳光执法 API",
            "version": "1",
            "description": "涉企执法投诉、监督反馈与统计 / enterprise complaints, supervision feedback and figures. "
            'Errors: {"error": {"code", "message": "中文 / English", "field"}}.',
        },
        "servers": [{"url": "/"}],
        "paths": {**paths, **openapi_reviews.paths(_op, _path, BEARER, BODY_ERRORS)},
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Complaint": complaint,
                **result_schemas,
                "Open311Request": {
                    "type": "object",
                    "properties": {
                        **{k: {"type": "string"} for k in open311_fields},
                        **{
                            f"attribute[{a}]": {"type": "string"}
                            for a in (
                                "office",
                                "power_code",
                                "decision_id",
                                "occurred_on",
                                "subject",
                                "reporter_type",
                                "enterprise_name",
                                "credit_code",
                            )
                        },
                    },
                    "required": ["service_code", "description"],
                },
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                                "field": {"type": "string"},
                            },
                        }
                    },
                },
            },
        },
    }
