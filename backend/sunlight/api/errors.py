"""Errors to HTTP responses, in ONE place.

Every error body is ``{"error": {"code", "message": "中文 / English", "field"?}}``:

- the domain's typed errors (``sunlight.domain.errors``) carry their own status (401, 403, 404,
  409, 422, 429) and the request-level ones below add 400, 413 and 415;
- Chalice's own errors (unknown method 405, wrong content type 415...) are rewritten into the
  same shape by :func:`normalize`;
- anything else is a bug: :func:`guard` logs it with its traceback and answers a generic 500,
  never showing the trace.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable
from typing import Any

from chalice import Response

from sunlight.domain.errors import DomainError, RateLimited

log = logging.getLogger("sunlight.api")

JSON_TYPE = "application/json; charset=utf-8"


class BadRequest(DomainError):
    code = "bad_request"
    status = 400


class TooLarge(DomainError):
    code = "too_large"
    status = 413


class UnsupportedMediaType(DomainError):
    code = "unsupported_media_type"
    status = 415


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        body=json.dumps(body, ensure_ascii=False, default=str),
        status_code=status,
        headers={
            "Content-Type": JSON_TYPE,
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
            **(headers or {}),
        },
    )


def error_response(code: str, zh: str, en: str, status: int, field: str = "") -> Response:
    body: dict[str, Any] = {"code": code, "message": f"{zh} / {en}"}
    if field:
        body["field"] = field
    return json_response({"error": body}, status)


def domain_error_response(exc: DomainError) -> Response:
    headers = {}
    if isinstance(exc, RateLimited):
        headers["Retry-After"] = str(exc.retry_after)
    if exc.status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="sunlight"'
    return json_response(exc.to_dict(), exc.status, headers)


def internal_error() -> Response:
    return error_response(
        "internal", "服务器内部错误,请稍后再试", "internal server error, please retry later", 500
    )


def guard(view: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a route: typed errors become their response, anything else a logged, generic 500."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return view(*args, **kwargs)
        except DomainError as exc:
            return domain_error_response(exc)
        except Exception:
            log.exception("unhandled error in %s", view.__name__)
            return internal_error()

    return wrapper


# Chalice's own error codes -> (our code, zh, en)
_CHALICE_ERRORS = {
    "MethodNotAllowedError": ("method_not_allowed", "不支持该请求方法", "method not allowed"),
    "UnsupportedMediaType": ("unsupported_media_type", "不支持的内容类型", "unsupported content type"),
    "BadRequestError": ("bad_request", "请求格式错误", "bad request"),
    "BadRequest": ("bad_request", "请求格式错误", "bad request"),
    "NotFoundError": ("not_found", "未找到", "not found"),
    "InternalServerError": (
        "internal",
        "服务器内部错误,请稍后再试",
        "internal server error, please retry later",
    ),
}


def normalize(event: Any, get_response: Callable[[Any], Response]) -> Response:
    """Chalice middleware: Chalice's ``{"Code", "Message"}`` errors in the API's error shape."""
    try:
        response = get_response(event)
    except Exception:
        log.exception("unhandled error in middleware chain")
        return internal_error()
    body = response.body
    if isinstance(body, dict) and "Code" in body and "Message" in body and response.status_code >= 400:
        code, zh, en = _CHALICE_ERRORS.get(body["Code"], ("error", "请求失败", str(body["Message"])))
        fixed = error_response(code, zh, en, response.status_code)
        for name, value in response.headers.items():
            if name.lower() not in ("content-type", "content-length"):
                fixed.headers[name] = value
        return fixed
    return response
