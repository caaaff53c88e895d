"""Errors to HTTP responses, in ONE place.

Every error body is ``{"error": {"code", "message": "中文 / English", "field"?, "problems"?}}``, built
by :func:`error_body` alone (the routes, the WSGI gateway and the waitress error task all use it):

- the domain's typed errors (``sunlight.domain.errors``) carry a code and zh/en text only;
  :data:`STATUS` maps each code to its HTTP status, here and nowhere else:

  | code | status |
  | --- | --- |
  | ``bad_request`` (request-level, below) | 400 |
  | ``unauthorized`` | 401 (with ``WWW-Authenticate``) |
  | ``forbidden`` | 403 |
  | ``not_found`` | 404 |
  | ``method_not_allowed`` | 405 |
  | ``conflict`` | 409 |
  | ``too_large`` (request-level) | 413 |
  | ``unsupported_media_type`` (request-level) | 415 |
  | ``invalid`` | 422 (``field`` names the API field path; ``problems`` lists every one) |
  | ``rate_limited`` | 429 (with ``Retry-After``) |
  | ``internal`` | 500 |

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

from sunlight.domain.errors import DomainError, Invalid, RateLimited

log = logging.getLogger("sunlight.api")

JSON_TYPE = "application/json; charset=utf-8"

STATUS = {
    "bad_request": 400,
    "unauthorized": 401,
    "forbidden": 403,
    "not_found": 404,
    "method_not_allowed": 405,
    "conflict": 409,
    "too_large": 413,
    "unsupported_media_type": 415,
    "invalid": 422,
    "rate_limited": 429,
    "internal": 500,
}
INTERNAL = ("internal", "服务器内部错误,请稍后再试", "internal server error, please retry later")


class BadRequest(DomainError):
    code = "bad_request"


class TooLarge(DomainError):
    code = "too_large"


class UnsupportedMediaType(DomainError):
    code = "unsupported_media_type"


def status_of(code: str) -> int:
    """The HTTP status of an error code (400 for a code not in :data:`STATUS`)."""
    return STATUS.get(code, 400)


def error_body(
    code: str, zh: str, en: str, field: str = "", problems: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    """THE error body: ``{"error": {"code", "message": "中文 / English", "field"?, "problems"?}}``."""
    error: dict[str, Any] = {"code": code, "message": f"{zh} / {en}"}
    if field:
        error["field"] = field
    if problems is not None:
        error["problems"] = problems
    return {"error": error}


def error_json(code: str, zh: str, en: str) -> bytes:
    """:func:`error_body` as UTF-8 JSON, for the layers below Chalice (the gateway, waitress)."""
    return json.dumps(error_body(code, zh, en), ensure_ascii=False).encode()


def domain_error_body(exc: DomainError) -> dict[str, Any]:
    problems = None
    if isinstance(exc, Invalid):
        problems = [{"field": p.field, "message": p.message()} for p in exc.problems]
    return error_body(exc.code, exc.zh, exc.en, exc.field, problems)


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


def error_response(code: str, zh: str, en: str, status: int) -> Response:
    return json_response(error_body(code, zh, en), status)


def domain_error_response(exc: DomainError) -> Response:
    status = status_of(exc.code)
    headers = {}
    if isinstance(exc, RateLimited):
        headers["Retry-After"] = str(exc.retry_after)
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="sunlight"'
    return json_response(domain_error_body(exc), status, headers)


def internal_error() -> Response:
    return error_response(*INTERNAL, 500)


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
    "InternalServerError": INTERNAL,
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
