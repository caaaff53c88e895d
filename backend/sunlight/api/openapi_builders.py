"""The pieces the OpenAPI document (``sunlight.api.openapi``) is built of: an operation with its
answers, an object schema from the parser's field lists, header and path parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sunlight.api import parse

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


def obj(spec: Mapping[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for name, kind in spec.items():
        if isinstance(kind, Mapping):
            props[name] = obj(kind)
        elif kind is int:
            props[name] = {"type": "integer", "minimum": -10_000, "maximum": 10_000}
        else:
            props[name] = {"type": "string", "maxLength": parse.MAX_TEXT}
    schema: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    return schema


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def op(
    summary: str,
    ok: str = "200",
    errors: tuple[str, ...] = (),
    body: dict[str, Any] | None = None,
    params: list[dict[str, Any]] | None = None,
    security: list[dict[str, list[str]]] | None = None,
    result: dict[str, Any] | None = None,
) -> dict[str, Any]:
    answer = {"description": "OK", **json_content(result or {"type": "object"})}
    responses: dict[str, Any] = {ok: answer}
    if ok == "201":  # a retry with the same Idempotency-Key answers 200 with the same result
        responses["200"] = {
            **answer,
            "description": "重试返回同一结果 / the result of an earlier identical request",
        }
    for code in errors:
        responses[code] = {"description": ERROR_CODES[code], **json_content(ref("Error"))}
    op: dict[str, Any] = {"summary": summary, "responses": responses}
    if body is not None:
        op["requestBody"] = {"required": True, **json_content(body)}
    if params:
        op["parameters"] = params
    if security is not None:
        op["security"] = security
    return op


def header(name: str, description: str, required: bool = False) -> dict[str, Any]:
    return {
        "name": name,
        "in": "header",
        "required": required,
        "description": description,
        "schema": {"type": "string", "maxLength": 200},
    }


def path_param(name: str, max_length: int | None = None, description: str = "") -> dict[str, Any]:
    """A path parameter (a string, at most ``max_length`` characters when given)."""
    schema: dict[str, Any] = {"type": "string"}
    if max_length is not None:
        schema["maxLength"] = max_length
    param: dict[str, Any] = {"name": name, "in": "path", "required": True}
    if description:
        param["description"] = description
    return param | {"schema": schema}


BODY_ERRORS = ("400", "413", "415", "422")
BEARER = [{"bearer": []}]
