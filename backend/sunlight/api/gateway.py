"""Run the Chalice app behind a WSGI server (Chalice itself has no WSGI interface).

:class:`ChaliceWSGI` turns a WSGI environ into the API Gateway proxy event Chalice gets on AWS
(built with Chalice's own ``LambdaEventConverter``, the one ``chalice local`` uses), calls the
app, and turns its response dict back into a WSGI response.

Chalice keeps ``current_request`` on the app object, which a multi-threaded server would share
between requests: :class:`ThreadLocalChalice` keeps it per thread instead. ``chalice.local`` is
imported only by :class:`ChaliceWSGI`: the Lambda package carries Chalice's runtime alone.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from chalice import Chalice

from sunlight.api.errors import INTERNAL, error_json

log = logging.getLogger("sunlight.api")

StartResponse = Callable[..., Any]
DEFAULT_MAX_BODY = 256 * 1024


class ThreadLocalChalice(Chalice):
    """A Chalice app whose ``current_request`` and ``lambda_context`` belong to the calling thread."""

    _local = threading.local()

    @property  # type: ignore[override]
    def current_request(self) -> Any:
        return getattr(self._local, "request", None)

    @current_request.setter
    def current_request(self, value: Any) -> None:
        self._local.request = value

    @property  # type: ignore[override]
    def lambda_context(self) -> Any:
        return getattr(self._local, "context", None)

    @lambda_context.setter
    def lambda_context(self, value: Any) -> None:
        self._local.context = value


def _json_response(
    start_response: StartResponse, status: str, body: bytes, extra: list[tuple[str, str]] | None = None
) -> list[bytes]:
    headers = [
        ("Content-Type", "application/json; charset=utf-8"),
        ("Content-Length", str(len(body))),
        ("X-Content-Type-Options", "nosniff"),
    ]
    start_response(status, headers + (extra or []))
    return [body]


class ChaliceWSGI:
    """A WSGI application serving a Chalice app's REST routes."""

    def __init__(self, app: Chalice, max_body: int = DEFAULT_MAX_BODY, timeout_ms: int = 30_000) -> None:
        self.app = app
        self.max_body = max_body
        self.timeout_ms = timeout_ms
        from chalice.local import LambdaContext, LambdaEventConverter, RouteMatcher  # not on Lambda

        self.context_type = LambdaContext
        self.converter = LambdaEventConverter(RouteMatcher(list(app.routes)), app.api.binary_types)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0:
            body = error_json("bad_request", "请求长度无效", "invalid Content-Length")
            return _json_response(start_response, "400 Bad Request", body)
        if length > self.max_body:
            body = error_json("too_large", "请求内容过大", f"request body larger than {self.max_body} bytes")
            return _json_response(start_response, "413 Payload Too Large", body)
        raw = environ["wsgi.input"].read(length) if length else b""
        method = environ.get("REQUEST_METHOD", "GET").upper()
        path = environ.get("PATH_INFO", "/") or "/"
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):  # PEP 3333: latin-1 carries UTF-8
            path = path.encode("latin-1").decode("utf-8")
        query = environ.get("QUERY_STRING", "")
        headers = self._headers(environ)
        try:
            event = self.converter.create_lambda_event(
                # HEAD is answered like GET, without the body (RFC 9110 9.3.2).
                method="GET" if method == "HEAD" else method,
                path=path + ("?" + query if query else ""),
                headers=headers,
                body=raw or None,
            )
        except ValueError:  # the requested path is not echoed: it is the client's text
            body = error_json("not_found", "接口不存在", "no such API route")
            return _json_response(start_response, "404 Not Found", body)
        event["requestContext"]["identity"]["sourceIp"] = environ.get("REMOTE_ADDR", "")
        context = self.context_type(
            function_name="api_handler", memory_size=256, max_runtime_ms=self.timeout_ms
        )
        try:
            response = self.app(event, context)
        except Exception:  # the app's own catch-all should make this unreachable
            log.exception("unhandled error in %s %s", method, path)
            body = error_json(*INTERNAL)
            return _json_response(start_response, "500 Internal Server Error", body)
        return self._respond(response, start_response, head=method == "HEAD")

    @staticmethod
    def _headers(environ: dict[str, Any]) -> dict[str, str]:
        headers = {}
        for key, value in environ.items():
            if key.startswith("HTTP_"):
                headers[key[5:].replace("_", "-").lower()] = value
        if environ.get("CONTENT_TYPE"):
            headers["content-type"] = environ["CONTENT_TYPE"]
        if environ.get("CONTENT_LENGTH"):
            headers["content-length"] = environ["CONTENT_LENGTH"]
        return headers

    @staticmethod
    def _respond(response: dict[str, Any], start_response: StartResponse, head: bool) -> list[bytes]:
        from http import HTTPStatus

        status_code = int(response.get("statusCode", 200))
        try:
            reason = HTTPStatus(status_code).phrase
        except ValueError:
            reason = "Unknown"
        body = response.get("body") or b""
        if response.get("isBase64Encoded"):
            body = base64.b64decode(body)
        elif isinstance(body, str):
            body = body.encode("utf-8")
        headers: list[tuple[str, str]] = []
        for name, value in (response.get("headers") or {}).items():
            if name.lower() != "content-length":
                headers.append((name, str(value)))
        for name, values in (response.get("multiValueHeaders") or {}).items():
            headers.extend((name, str(v)) for v in values)
        headers.append(("Content-Length", str(len(body))))
        start_response(f"{status_code} {reason}", headers)
        return [] if head else [body]
