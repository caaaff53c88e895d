"""The Chalice app of the Sunlight API: routes only.

Each route parses its request (``sunlight.api.parse``), calls one service method and serialises the
result; errors become responses in one place (``sunlight.api.errors``). The wiring (store, catalog,
clock, channels) comes from ``sunlight.bootstrap``.
"""

from __future__ import annotations

from chalice import Rate
from sunlight import bootstrap
from sunlight.api import open311, parse, serialize
from sunlight.api.errors import guard, json_response, normalize
from sunlight.api.gateway import ThreadLocalChalice
from sunlight.api.openapi import document
from sunlight.domain.errors import Invalid, Unauthorized
from sunlight.domain.problems import Problem

app = ThreadLocalChalice(app_name="sunlight", configure_logs=False)  # logging is set up by the runner
app.register_middleware(normalize, "http")

JSON = ["application/json"]
OPEN311_TYPES = ["application/x-www-form-urlencoded", "application/json"]
MAX_KEY = 200


def _request():  # type: ignore[no-untyped-def]
    return app.current_request


def _client() -> str:
    context = _request().context or {}
    return str((context.get("identity") or {}).get("sourceIp") or "")


def _json_body() -> dict:
    request = _request()
    return parse.json_object(request.raw_body, request.headers.get("content-type", "application/json"))


def _idempotency_key() -> str | None:
    key = _request().headers.get("idempotency-key")
    if key is None:
        return None
    if not 0 < len(key) <= MAX_KEY or not key.isprintable():
        raise Invalid(
            [Problem("幂等键无效", f"1 to {MAX_KEY} printable characters", field="Idempotency-Key")]
        )
    return key


def _access_code() -> str:
    code = _request().headers.get("x-access-code", "").strip()
    if not code:
        raise Unauthorized("请提供查询码", "the X-Access-Code header is required")
    return code


def _token() -> str:
    token = parse.bearer_token(_request().headers)
    if not token:
        raise Unauthorized("请登录", "an Authorization: Bearer token is required")
    return token


@app.route("/api/openapi.json", methods=["GET"])
@guard
def openapi():
    return json_response(document())


@app.route("/api/health", methods=["GET"])
@guard
def health():
    wiring = bootstrap.current()
    return json_response({"status": "ok", "now": wiring.clock().isoformat()})


@app.route("/api/complaints", methods=["POST"], content_types=JSON)
@guard
def file_complaint():
    command = parse.file_complaint(_json_body())
    wiring = bootstrap.current()
    result = wiring.service.file_complaint(command, _idempotency_key(), wiring.clock())
    return json_response(serialize.filed(result), 201 if result.created else 200)


@app.route("/api/complaints/{tracking_no}", methods=["GET"])
@guard
def view_complaint(tracking_no):
    wiring = bootstrap.current()
    if parse.bearer_token(_request().headers):
        return json_response(
            serialize.plain(wiring.service.view_for_staff(_token(), tracking_no, wiring.clock()))
        )
    view = wiring.service.view_for_reporter(tracking_no, _access_code(), wiring.clock(), _client())
    return json_response(serialize.plain(view))


@app.route("/api/complaints/{tracking_no}/rating", methods=["POST"], content_types=JSON)
@guard
def rate_complaint(tracking_no):
    rating, comment = parse.rating(_json_body())
    wiring = bootstrap.current()
    view = wiring.service.rate(tracking_no, _access_code(), rating, comment, wiring.clock(), _client())
    return json_response(serialize.plain(view))


@app.route("/api/complaints/{tracking_no}/actions", methods=["POST"], content_types=JSON)
@guard
def act_on_complaint(tracking_no):
    action = parse.staff_action(_json_body())
    wiring = bootstrap.current()
    return json_response(serialize.plain(wiring.service.act(_token(), tracking_no, action, wiring.clock())))


@app.route("/api/inbox", methods=["GET"])
@guard
def inbox():
    wiring = bootstrap.current()
    items = wiring.service.inbox(_token(), wiring.clock())
    return json_response({"items": serialize.plain(items)})


@app.route("/api/feedback", methods=["POST"], content_types=JSON)
@guard
def file_feedback():
    command = parse.file_feedback(_json_body())
    token = parse.bearer_token(_request().headers) or None
    wiring = bootstrap.current()
    result = wiring.service.file_feedback(command, token, _idempotency_key(), wiring.clock())
    return json_response(serialize.filed(result), 201 if result.created else 200)


@app.route("/api/stats", methods=["GET"])
@guard
def stats():
    wiring = bootstrap.current()
    now = wiring.clock()
    return json_response({"as_of": now.isoformat(), "offices": serialize.plain(wiring.service.stats(now))})


@app.route("/api/open311/v2/services.json", methods=["GET"])
@guard
def open311_services():
    return json_response(open311.services(bootstrap.current().service.catalog))


@app.route("/api/open311/v2/requests.json", methods=["POST"], content_types=OPEN311_TYPES)
@guard
def open311_file():
    request = _request()
    content_type = request.headers.get("content-type", "application/json")
    if content_type.startswith("application/x-www-form-urlencoded"):
        body = parse.form_object(request.raw_body)
    else:
        body = parse.json_object(request.raw_body, content_type)
    command = open311.file_request(body)
    wiring = bootstrap.current()
    result = wiring.service.file_complaint(command, _idempotency_key(), wiring.clock())
    return json_response(open311.filed(result), 201 if result.created else 200)


@app.route("/api/open311/v2/requests.json", methods=["GET"])
@guard
def open311_requests():
    wanted = ((_request().query_params or {}).get("service_request_id") or "").strip()
    code = _request().headers.get("x-access-code", "").strip()
    if not wanted or not code:
        return json_response([])
    wiring = bootstrap.current()
    view = wiring.service.view_for_reporter(wanted, code, wiring.clock(), _client())
    return json_response([open311.request(view)])


@app.route("/api/open311/v2/requests/{request_file}", methods=["GET"])
@guard
def open311_request(request_file):
    wiring = bootstrap.current()
    tracking_no = open311.request_id(request_file)
    view = wiring.service.view_for_reporter(tracking_no, _access_code(), wiring.clock(), _client())
    return json_response([open311.request(view)])


@app.schedule(Rate(5, unit=Rate.MINUTES))
def timers(event):
    """On AWS: the same timer run as ``sunlight tick`` and the serve loop."""
    from sunlight.timers import run_once

    run_once(bootstrap.current())
