"""Request bodies to the service's commands: JSON, shapes and types only.

What a value means (a known category, a valid credit code, a phone number...) is the domain's
business; here a body is rejected when it is not JSON (400), too large (413), not an object, has
an unknown field, or a value of the wrong type (422, naming the field by its API path).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from sunlight.api.errors import BadRequest, TooLarge, UnsupportedMediaType
from sunlight.domain.errors import Forbidden, Invalid, Unauthorized
from sunlight.domain.problems import Problem
from sunlight.service.commands import FileComplaint, FileFeedback, ReporterInput, StaffAction

MAX_BODY = 64 * 1024
MAX_KEY = 200  # characters of an Idempotency-Key
MAX_TEXT = 20_000  # characters of any one string; the domain applies the real limits
# JSON's \uXXXX escapes can spell half a surrogate pair, which is no character: nothing can store,
# print or send it as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")

# A spec maps a field to its type: str, int, or a nested spec (an object).
Spec = Mapping[str, Any]

REPORTER: Spec = {f: str for f in ("type", "name", "credit_code", "contact_name", "phone", "email")}
COMPLAINT: Spec = {
    "category": str,
    "subject": str,
    "description": str,
    "reporter": REPORTER,
    "office": str,
    "power_code": str,
    "street": str,
    "decision_id": str,
    "occurred_on": str,
    "inspection_code": str,
}
FEEDBACK: Spec = {
    f: str
    for f in (
        "category",
        "subject",
        "description",
        "office",
        "street",
        "power_code",
        "decision_id",
        "page_url",
        "contact_name",
        "phone",
        "email",
    )
}
ACTION: Spec = {"action": str, "text": str, "to_office": str, "reason": str, "days": int}
RATING: Spec = {"rating": str, "comment": str}
INSPECTION: Spec = {f: str for f in ("credit_code", "enterprise_name", "scope", "basis", "planned_on")}
INSPECTION_RESULT: Spec = {"result": str, "checked_on": str, "decision_id": str}
MAX_INSPECTORS = 20


def body_bytes(raw: bytes | str | None, max_body: int = MAX_BODY) -> bytes:
    data = raw.encode("utf-8") if isinstance(raw, str) else (raw or b"")
    if len(data) > max_body:
        raise TooLarge("请求内容过大", f"request body larger than {max_body} bytes")
    return data


def json_object(raw: bytes | str | None, content_type: str = "application/json") -> dict[str, Any]:
    """The body as a JSON object, or ``BadRequest`` (400) / ``TooLarge`` (413) / 422 when not an object."""
    data = body_bytes(raw)
    if content_type and not content_type.lower().startswith("application/json"):
        raise UnsupportedMediaType("请以 application/json 提交", "send the body as application/json")
    if not data.strip():
        raise BadRequest("请求内容为空", "the request body is empty")
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadRequest("请求内容不是有效的 JSON", f"the body is not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise BadRequest("JSON 嵌套层数过多", "the JSON is nested too deeply") from exc
    if not isinstance(value, dict):
        raise Invalid([Problem("请求内容应为 JSON 对象", "the body must be a JSON object", field="")])
    if _bad_key(value):
        raise BadRequest("字段名含无效字符", "a field name is not valid Unicode text")
    return value


def _bad_key(value: object) -> bool:
    """Whether any object key, at any depth, holds half a surrogate pair (no recursion: the
    parser accepts nesting deeper than Python's stack)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if any(_SURROGATE.search(k) for k in item):
                return True
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def form_object(raw: bytes | str | None) -> dict[str, str]:
    """An ``application/x-www-form-urlencoded`` body (Open311 clients post forms)."""
    data = body_bytes(raw)
    try:
        return dict(parse_qsl(data.decode("utf-8"), keep_blank_values=True))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadRequest("表单编码无效", f"the form body is not valid: {exc}") from exc


def check(value: Mapping[str, Any], spec: Spec, prefix: str = "") -> dict[str, Any]:
    """Values by field, checked against ``spec``; every problem found is reported at once (422).

    ``null`` counts as absent. Strings are stripped.
    """
    problems: list[Problem] = []
    out = _check(value, spec, prefix, problems)
    if problems:
        raise Invalid(problems)
    return out


def _check(value: Mapping[str, Any], spec: Spec, prefix: str, problems: list[Problem]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, item in value.items():
        path = f"{prefix}{key}"
        kind = spec.get(key)
        if kind is None:
            problems.append(Problem("未知字段", "unknown field", field=path))
        elif item is None:
            continue
        elif isinstance(kind, Mapping):
            if isinstance(item, dict):
                out[key] = _check(item, kind, path + ".", problems)
            else:
                problems.append(Problem("应为对象", "must be an object", field=path))
        elif kind is int:
            if isinstance(item, bool) or not isinstance(item, int):
                problems.append(Problem("应为整数", "must be an integer", field=path))
            elif not -10_000 <= item <= 10_000:
                problems.append(Problem("数值超出范围", "number out of range", field=path))
            else:
                out[key] = item
        elif not isinstance(item, str):
            problems.append(Problem("应为字符串", "must be a string", field=path))
        elif len(item) > MAX_TEXT:
            problems.append(Problem("内容过长", f"longer than {MAX_TEXT} characters", field=path))
        elif _SURROGATE.search(item):
            problems.append(
                Problem("含无效字符", "holds an invalid character (a lone surrogate)", field=path)
            )
        else:
            out[key] = item.strip()
    return out


def file_complaint(body: Mapping[str, Any]) -> FileComplaint:
    values = check(body, COMPLAINT)
    reporter = ReporterInput(**values.pop("reporter", {}))
    return FileComplaint(reporter=reporter, **values)


def file_feedback(body: Mapping[str, Any]) -> FileFeedback:
    return FileFeedback(**check(body, FEEDBACK))


def inspection(body: Mapping[str, Any]) -> dict[str, Any]:
    """``POST /api/inspections``: the text fields, and ``inspectors`` as a list of 执法证号."""
    rest = {k: v for k, v in body.items() if k != "inspectors"}
    inspectors = body.get("inspectors")
    problems: list[Problem] = []
    if inspectors is not None and (
        not isinstance(inspectors, list)
        or len(inspectors) > MAX_INSPECTORS
        or any(not isinstance(c, str) or len(c) > 64 for c in inspectors)
    ):
        problems.append(
            Problem(
                f"应为执法证号列表(至多{MAX_INSPECTORS}个)",
                f"must be a list of at most {MAX_INSPECTORS} certificate numbers",
                field="inspectors",
            )
        )
    values = _check(rest, INSPECTION, "", problems)
    if problems:
        raise Invalid(problems)
    values["inspectors"] = inspectors or []
    return values


def inspection_result(body: Mapping[str, Any]) -> dict[str, Any]:
    return check(body, INSPECTION_RESULT)


def staff_action(body: Mapping[str, Any]) -> StaffAction:
    values = check(body, ACTION)
    if not values.get("action"):
        raise Invalid([Problem("请指定操作", "action is required", field="action")])
    return StaffAction(**values)


def rating(body: Mapping[str, Any]) -> tuple[str, str]:
    values = check(body, RATING)
    return values.get("rating", ""), values.get("comment", "")


def bearer_token(headers: Mapping[str, str]) -> str:
    value = headers.get("authorization", "") or ""
    scheme, _, token = value.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return ""
    return token.strip()


# --- from a Chalice request -----------------------------------------------------------------------


def json_body(request: Any) -> dict[str, Any]:
    """A JSON body, sent as ``application/json`` (a plain HTML form on another site cannot send that
    without the browser asking first): no content type at all is refused too (415)."""
    content_type = request.headers.get("content-type") or ""
    if not content_type.strip():
        raise UnsupportedMediaType("请以 application/json 提交", "send the body as application/json")
    return json_object(request.raw_body, content_type)


def check_origin(request: Any, allowed: Collection[str] = ()) -> None:
    """Refuse (403) a browser's request from another site's page: one whose ``Origin`` is neither the
    request's own host nor one of ``allowed``, or that the browser marks ``Sec-Fetch-Site:
    cross-site`` without such an ``Origin``. Clients that send neither header (curl, Open311 apps,
    older browsers on the same page) pass: they are not a victim's browser."""
    headers = request.headers
    origin = (headers.get("origin") or "").strip().rstrip("/").lower()
    site = (headers.get("sec-fetch-site") or "").strip().lower()
    if not origin and site != "cross-site":
        return
    if origin and origin in allowed:
        return
    host = (headers.get("host") or "").strip().lower()
    if origin and site != "cross-site" and host and urlsplit(origin).netloc == host:
        return
    raise Forbidden("不接受来自其他网站页面的提交", "requests from another site's pages are not accepted")


def open311_body(request: Any) -> dict[str, Any]:
    """Open311 clients post forms; JSON is accepted too."""
    content_type = request.headers.get("content-type") or ""
    if content_type.lower().startswith("application/x-www-form-urlencoded"):
        return form_object(request.raw_body)
    return json_body(request)


def client_key(request: Any) -> str:
    """The client's address, for the limits on filing and on wrong access codes."""
    context = request.context or {}
    return str((context.get("identity") or {}).get("sourceIp") or "")


def idempotency_key(request: Any) -> str | None:
    key = request.headers.get("idempotency-key")
    if key is None:
        return None
    if not 0 < len(key) <= MAX_KEY or not key.isprintable():
        raise Invalid(
            [Problem("幂等键无效", f"1 to {MAX_KEY} printable characters", field="Idempotency-Key")]
        )
    return key


def access_code(request: Any) -> str:
    code = (request.headers.get("x-access-code") or "").strip()
    if not code:
        raise Unauthorized("请提供查询码", "the X-Access-Code header is required")
    return code


def token(request: Any) -> str:
    value = bearer_token(request.headers)
    if not value:
        raise Unauthorized("请登录", "an Authorization: Bearer token is required")
    return value


# E-mail alerts (sunlight.service.alerts checks the values themselves).
ALERT = {
    "email": "电子邮箱 / e-mail address",
    "kind": "office | domain | credit_code",
    "value": "订阅对象 / the office id, domain or credit code",
}


def alert_subscription(body: Mapping[str, Any]) -> tuple[str, str, str]:
    """``(email, kind, value)`` of ``POST /api/alerts``; every field a string."""
    out = []
    for name in ALERT:
        value = body.get(name, "")
        if not isinstance(value, str):
            raise Invalid([Problem(f"{name} 应为文本", f"{name} must be a string", field=name)])
        out.append(value)
    return out[0], out[1], out[2]


def alert_token(request: Any) -> str:
    """The ``token`` query parameter of an alert link (400 without one)."""
    value = str((request.query_params or {}).get("token") or "").strip()
    if not value or len(value) > 200:
        raise BadRequest("链接缺少有效的 token", "the token query parameter is required")
    return value
