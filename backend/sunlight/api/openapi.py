"""The OpenAPI 3 document of the API, served at ``/api/openapi.json``.

Hand-written from the same field lists the parser uses (``sunlight.api.parse``), so a field
cannot be accepted without being documented. A test checks every Chalice route is here and
every path here is a route. The inspection, 12345 exchange and 案卷评查 paths are in modules of
their own (``openapi_inspections``, ``openapi_exchange``, ``openapi_reviews``); all are built with
``openapi_builders``.
"""

from __future__ import annotations

from typing import Any

from sunlight.api import openapi_exchange, openapi_inspections, openapi_reviews, parse
from sunlight.api.openapi_builders import BEARER, BODY_ERRORS, header, obj, op, path_param, ref
from sunlight.api.schemas import schema_of
from sunlight.service.results import Filed, InboxItem, ObserverItem, OfficeStats, ReporterView, StaffView

TRACKING = path_param("tracking_no", 64)
IDEMPOTENCY = header(
    "Idempotency-Key", "重试同一请求时使用相同的键 / a retry with the same key returns the same result"
)
ACCESS = header("X-Access-Code", "查询码 / the access code given when filing", required=True)
ALERT_TOKEN = {
    "name": "token",
    "in": "query",
    "required": True,
    "description": "订阅邮件中的链接所带的 token / the token of the link in the alert mail",
    "schema": {"type": "string", "maxLength": 200},
}
ALERT_STATUS = {"type": "object", "properties": {"status": {"type": "string"}}}
HTML_PAGE = "GET: 一个简短的网页（text/html） / a short HTML page; POST: JSON"


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
    complaint = obj(parse.COMPLAINT, ("category", "subject", "description", "reporter"))
    r, result_schemas = _results()
    views = {"oneOf": [r["reporter"], r["staff"]]}
    open311_item = {"type": "object", "properties": {"service_request_id": {"type": "string"}}}
    paths = {
        "/api/openapi.json": {"get": op("本文档 / this document")},
        "/api/health": {
            "get": op(
                "运行状态 / health check",
                result={
                    "type": "object",
                    "properties": {"status": {"type": "string"}, "now": {"type": "string"}},
                },
            )
        },
        "/api/complaints": {
            "post": op(
                "提交涉企投诉 / file a complaint",
                "201",
                (*BODY_ERRORS, "403", "409", "429"),
                ref("Complaint"),
                [IDEMPOTENCY],
                result=r["filed"],
            )
        },
        "/api/complaints/{tracking_no}": {
            "get": op(
                "查询进度(查询码)或办理详情(工作人员令牌) / status for the reporter, or details for staff",
                errors=("401", "404", "429"),
                params=[TRACKING, header("X-Access-Code", "查询码 / access code")],
                security=[{}, {"bearer": []}],
                result=views,
            )
        },
        "/api/complaints/{tracking_no}/rating": {
            "post": op(
                "评价答复 / rate the response",
                errors=(*BODY_ERRORS, "401", "403", "404", "409", "429"),
                body=obj(parse.RATING, ("rating",)),
                params=[TRACKING, ACCESS],
                result=r["reporter"],
            )
        },
        "/api/complaints/{tracking_no}/actions": {
            "post": op(
                "办理操作 / staff action",
                errors=(*BODY_ERRORS, "401", "403", "404", "409"),
                body=obj(parse.ACTION, ("action",)),
                params=[TRACKING],
                security=BEARER,
                result=r["staff"],
            )
        },
        "/api/inbox": {
            "get": op(
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
            "post": op(
                "监督反馈或纠错 / supervision feedback or a correction request",
                "201",
                (*BODY_ERRORS, "401", "403", "409", "429"),
                obj(parse.FEEDBACK, ("category", "description")),
                [IDEMPOTENCY],
                security=[{}, {"bearer": []}],
                result=r["filed"],
            )
        },
        "/api/feedback/mine": {
            "get": op(
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
        **openapi_inspections.paths(),
        "/api/alerts": {
            "post": op(
                "订阅执法决定提醒邮件（需邮件确认） / subscribe to e-mail alerts (double opt-in)",
                "202",
                (*BODY_ERRORS, "403", "429"),
                obj(parse.ALERT, ("email", "kind", "value")),
                result=ALERT_STATUS,
            )
        },
        "/api/alerts/confirm": {
            method: op(
                f"确认订阅 / confirm a subscription ({HTML_PAGE})",
                errors=("400", "404"),
                params=[ALERT_TOKEN],
                result=ALERT_STATUS,
            )
            for method in ("get", "post")
        },
        "/api/alerts/unsubscribe": {
            "get": op(
                "退订确认页（不改变订阅） / the unsubscribe button page (changes nothing; text/html)",
                errors=("400", "404"),
                params=[ALERT_TOKEN],
            ),
            "post": op(
                "一键退订（RFC 8058） / one-click unsubscribe (RFC 8058)",
                errors=("400", "404"),
                params=[ALERT_TOKEN],
                result=ALERT_STATUS,
            ),
        },
        **openapi_exchange.paths(),
        "/api/stats": {
            "get": op(
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
            "get": op(
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
            "get": op(
                "Open311 服务列表 / GeoReport v2 services",
                result=_list_of({"type": "object", "properties": {"service_code": {"type": "string"}}}),
            )
        },
        "/api/open311/v2/requests.json": {
            "get": op(
                "Open311 查询(需查询码) / GeoReport v2 requests (with the access code)",
                errors=("404", "429"),
                params=[
                    {"name": "service_request_id", "in": "query", "schema": {"type": "string"}},
                    header("X-Access-Code", "查询码 / access code"),
                ],
                result=_list_of(open311_item),
            ),
            "post": {
                **op(
                    "Open311 提交 / GeoReport v2 create request",
                    "201",
                    (*BODY_ERRORS, "403", "409", "429"),
                    params=[IDEMPOTENCY],
                    result=_list_of(open311_item),
                ),
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/x-www-form-urlencoded": {"schema": ref("Open311Request")},
                        "application/json": {"schema": ref("Open311Request")},
                    },
                },
            },
        },
        "/api/open311/v2/requests/{request_file}": {
            "get": op(
                "Open311 单个请求 / GeoReport v2 one request",
                errors=("401", "404", "429"),
                params=[
                    path_param("request_file", description="<service_request_id>.json"),
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
        "paths": {**paths, **openapi_reviews.paths()},
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
