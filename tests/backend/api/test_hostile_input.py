"""Hostile input is a 4xx in the API's error shape, never a 500 (#12 items 5 and 9)."""

from __future__ import annotations

import io
import json

from api_fixtures import complaint
from sunlight.api.gateway import ChaliceWSGI


def _error(response, status: int, field: str | None = None) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.body
    body = json.loads(response.body)["error"]
    assert body["code"] and " / " in body["message"], body
    if field is not None:
        assert body.get("field") == field, body
    return body


def test_deeply_nested_json_is_a_400(api) -> None:  # type: ignore[no-untyped-def]
    depth = 200_000
    raw = b'{"subject": ' + b"[" * depth + b"]" * depth + b"}"
    _error(api.post("/api/complaints", raw=raw[: 60 * 1024 - 2] + b"]}"), 400)
    nested = b'{"subject": ' + b"[" * 20_000 + b"]" * 20_000 + b"}"
    _error(api.post("/api/complaints", raw=nested), 400)


def _with(placeholder: str, raw: bytes, **overrides: object) -> bytes:
    """A valid complaint's JSON with ``placeholder`` (a string value or key) replaced by ``raw``."""
    body = complaint(**overrides)
    return json.dumps(body, ensure_ascii=True).encode().replace(f'"{placeholder}"'.encode(), raw)


def test_lone_surrogates_in_values_are_refused_naming_the_field(api) -> None:  # type: ignore[no-untyped-def]
    _error(api.post("/api/complaints", raw=_with("PLACE", b'"\\udfff"', subject="PLACE")), 422, "subject")
    raw = _with("PLACE", b'"\\ud800\\u0041"', subject="PLACE")
    _error(api.post("/api/complaints", raw=raw), 422, "subject")
    body = complaint()
    body["reporter"]["name"] = "PLACE"
    raw = json.dumps(body, ensure_ascii=True).encode().replace(b'"PLACE"', b'"\\udfff"')
    _error(api.post("/api/complaints", raw=raw), 422, "reporter.name")


def test_a_lone_surrogate_in_a_key_is_a_400(api) -> None:  # type: ignore[no-untyped-def]
    raw = _with("PLACE", b'"x", "\\udfff": "y"', subject="PLACE")
    body = _error(api.post("/api/complaints", raw=raw), 400)
    assert "field" not in body


def test_api_responses_carry_nosniff(api) -> None:  # type: ignore[no-untyped-def]
    response = api.get("/api/health")
    assert response.headers.get("X-Content-Type-Options") == "nosniff"


def _wsgi(app, method: str, path: str) -> tuple[str, dict[str, str], bytes]:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"], seen["headers"] = status, dict(headers)

    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(b""),
    }
    out = b"".join(ChaliceWSGI(app)(environ, start_response))
    return seen["status"], seen["headers"], out  # type: ignore[return-value]


def test_head_on_a_get_route_answers_like_get_without_a_body(chalice_app, wiring) -> None:  # type: ignore[no-untyped-def]
    status, headers, body = _wsgi(chalice_app, "HEAD", "/api/openapi.json")
    assert status.startswith("200"), status
    assert body == b""
    assert headers["Content-Type"].startswith("application/json")
    get_status, get_headers, get_body = _wsgi(chalice_app, "GET", "/api/openapi.json")
    assert int(headers["Content-Length"]) == len(get_body) > 0


def test_the_api_404_does_not_echo_the_path(chalice_app, wiring) -> None:  # type: ignore[no-untyped-def]
    status, headers, body = _wsgi(chalice_app, "GET", "/api/<script>alert(1)</script>")
    assert status.startswith("404")
    assert b"script" not in body and b"alert" not in body
    assert headers.get("X-Content-Type-Options") == "nosniff"
