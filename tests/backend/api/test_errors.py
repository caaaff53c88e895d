"""Bad input gets the right status and the error shape, never a 500 or a stack trace."""

from __future__ import annotations

import io
import json

import pytest
from api_fixtures import CREDIT_CODE, NOW, complaint
from sunlight import bootstrap
from sunlight.api.gateway import ChaliceWSGI
from sunlight.clock import fixed_clock


def _error(response, status: int, field: str | None = None) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.body
    body = response.json["error"]
    assert body["code"] and " / " in body["message"], body
    assert "Traceback" not in response.body.decode()
    if field is not None:
        assert body.get("field") == field, body
    return body


def test_invalid_json_is_400(api) -> None:  # type: ignore[no-untyped-def]
    _error(api.post("/api/complaints", raw=b'{"category": '), 400)
    _error(api.post("/api/complaints", raw=b"\xff\xfe not utf-8"), 400)
    _error(api.post("/api/complaints", raw=b""), 400)


def test_shapes_and_types_are_422_naming_the_field(api) -> None:  # type: ignore[no-untyped-def]
    _error(api.post("/api/complaints", ["not", "an", "object"]), 422)
    _error(api.post("/api/complaints", complaint(colour="red")), 422, "colour")
    _error(api.post("/api/complaints", complaint(subject=42)), 422, "subject")
    _error(api.post("/api/complaints", complaint(reporter="me")), 422, "reporter")
    bad_reporter = complaint()
    bad_reporter["reporter"]["phone"] = ["138"]
    _error(api.post("/api/complaints", bad_reporter), 422, "reporter.phone")
    bad_reporter["reporter"] = {**complaint()["reporter"], "nickname": "x"}
    _error(api.post("/api/complaints", bad_reporter), 422, "reporter.nickname")


def test_domain_validation_is_422_in_both_languages(api) -> None:  # type: ignore[no-untyped-def]
    body = complaint()
    body["reporter"]["credit_code"] = CREDIT_CODE[:-1] + ("0" if CREDIT_CODE[-1] != "0" else "1")
    error = _error(api.post("/api/complaints", body), 422, "reporter.credit_code")
    assert "校验位" in error["message"] and "check" in error["message"]
    _error(api.post("/api/complaints", complaint(category="no-such")), 422, "category")
    _error(api.post("/api/complaints", complaint(office="", street="")), 422, "office")
    body = complaint()
    body["reporter"]["phone"] = "12345"
    _error(api.post("/api/complaints", body), 422, "reporter.phone")


def test_size_type_and_method_errors(api) -> None:  # type: ignore[no-untyped-def]
    huge = complaint(description="很" * 70_000)
    _error(api.post("/api/complaints", huge), 413)
    response = api.request(
        "POST", "/api/complaints", raw=b"category=x", headers={"content-type": "text/plain"}
    )
    _error(response, 415)
    _error(api.request("DELETE", "/api/complaints"), 405)
    _error(
        api.post("/api/complaints", complaint(), headers={"Idempotency-Key": "k" * 500}),
        422,
        "Idempotency-Key",
    )


def test_auth_errors(api) -> None:  # type: ignore[no-untyped-def]
    _error(api.get("/api/inbox"), 401)
    _error(api.get("/api/inbox", headers={"Authorization": "Bearer not-a-token"}), 401)
    _error(api.get("/api/complaints/TS-20261224-AAAAAA"), 401)
    _error(api.get("/api/complaints/TS-20261224-AAAAAA", headers={"X-Access-Code": "nope"}), 404)
    _error(api.post("/api/complaints/TS-20261224-AAAAAA/actions", {"action": "accept"}), 401)
    _error(api.post("/api/complaints/TS-20261224-AAAAAA/actions", {"action": 3}), 422, "action")


class Exploding:
    """Stands in for the service to prove the catch-all: an unexpected error is a generic 500."""

    def stats(self, now):  # type: ignore[no-untyped-def]
        raise RuntimeError("secret internal detail")


def test_unexpected_errors_are_a_generic_500(api, caplog) -> None:  # type: ignore[no-untyped-def]
    bootstrap.install(bootstrap.Wiring(service=Exploding(), clock=fixed_clock(NOW)))  # type: ignore[arg-type]
    response = api.get("/api/stats")
    body = _error(response, 500)
    assert "secret" not in json.dumps(body)
    assert "secret internal detail" in caplog.text  # logged for the operator


def _wsgi(app, method: str, path: str, body: bytes = b"", length: str | None = None) -> tuple[str, bytes]:  # type: ignore[no-untyped-def]
    seen: dict[str, str] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"] = status

    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": length if length is not None else str(len(body)),
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(body),
    }
    out = b"".join(ChaliceWSGI(app, max_body=1024)(environ, start_response))
    return seen["status"], out


@pytest.mark.parametrize(
    ("path", "body", "length", "status"),
    [
        ("/api/nowhere", b"", None, "404"),
        ("/api/complaints", b"x" * 2000, None, "413"),
        ("/api/complaints", b"{}", "-5", "400"),
        ("/api/complaints", b"{}", "abc", "400"),
    ],
)
def test_gateway_refuses_before_the_app(chalice_app, wiring, path, body, length, status) -> None:  # type: ignore[no-untyped-def]
    got, out = _wsgi(chalice_app, "POST", path, body, length)
    assert got.startswith(status)
    assert json.loads(out)["error"]["message"]


def test_observer_token_is_forbidden_in_the_inbox(api, wiring) -> None:  # type: ignore[no-untyped-def]
    observer = wiring.service.create_account("observer", "监督员 王某", "", NOW)
    _error(api.get("/api/inbox", headers={"Authorization": f"Bearer {observer.token}"}), 403)
