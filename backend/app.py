"""The Chalice app of the Sunlight API: routes only.

Each route parses its request (``sunlight.api.parse``), calls one service method and serialises the
result; errors become responses in one place (``sunlight.api.errors``). The wiring (store, catalog,
clock, channels) comes from ``sunlight.bootstrap``.
"""

from __future__ import annotations

from typing import Any

from chalice import Rate, Response
from sunlight import bootstrap
from sunlight.api import open311, parse, serialize
from sunlight.api.alert_pages import alert_page
from sunlight.api.errors import guard, json_response, normalize
from sunlight.api.gateway import ThreadLocalChalice
from sunlight.api.openapi import document
from sunlight.domain.errors import NotFound
from sunlight.service import alerts, case_reviews, limits

app = ThreadLocalChalice(app_name="sunlight", configure_logs=False)  # logging is set up by the runner
app.register_middleware(normalize, "http")

JSON = ["application/json"]
FORM = "application/x-www-form-urlencoded"
OPEN311_TYPES = [FORM, "application/json"]


@app.route("/api/openapi.json", methods=["GET"])
@guard
def openapi() -> Response:
    return json_response(document())


@app.route("/api/health", methods=["GET"])
@guard
def health() -> Response:
    wiring = bootstrap.current()
    return json_response({"status": "ok", "now": wiring.clock().isoformat()})


@app.route("/api/complaints", methods=["POST"], content_types=JSON)
@guard
def file_complaint() -> Response:
    request, wiring = app.current_request, bootstrap.current()
    parse.check_origin(request, wiring.allowed_origins)
    command = parse.file_complaint(parse.json_body(request))
    key, client = parse.idempotency_key(request), parse.client_key(request)
    result = wiring.service.file_complaint(command, key, wiring.clock(), client)
    return json_response(serialize.filed(result), 201 if result.created else 200)


@app.route("/api/complaints/{tracking_no}", methods=["GET"])
@guard
def view_complaint(tracking_no: str) -> Response:
    request, wiring = app.current_request, bootstrap.current()
    if parse.bearer_token(request.headers):  # staff
        view = wiring.service.view_for_staff(parse.token(request), tracking_no, wiring.clock())
    else:  # the reporter
        code, client = parse.access_code(request), parse.client_key(request)
        view = wiring.service.view_for_reporter(tracking_no, code, wiring.clock(), client)
    return json_response(serialize.plain(view))


@app.route("/api/complaints/{tracking_no}/rating", methods=["POST"], content_types=JSON)
@guard
def rate_complaint(tracking_no: str) -> Response:
    request, wiring = app.current_request, bootstrap.current()
    parse.check_origin(request, wiring.allowed_origins)
    rating, comment = parse.rating(parse.json_body(request))
    code, client = parse.access_code(request), parse.client_key(request)
    view = wiring.service.rate(tracking_no, code, rating, comment, wiring.clock(), client)
    return json_response(serialize.plain(view))


@app.route("/api/complaints/{tracking_no}/actions", methods=["POST"], content_types=JSON)
@guard
def act_on_complaint(tracking_no: str) -> Response:
    request, wiring = app.current_request, bootstrap.current()
    parse.check_origin(request, wiring.allowed_origins)
    action = parse.staff_action(parse.json_body(request))
    view = wiring.service.act(parse.token(request), tracking_no, action, wiring.clock())
    return json_response(serialize.plain(view))


@app.route("/api/inbox", methods=["GET"])
@guard
def inbox() -> Response:
    request, wiring = app.current_request, bootstrap.current()
    items = wiring.service.inbox(parse.token(request), wiring.clock())
    return json_response({"items": serialize.plain(items)})


@app.route("/api/feedback", methods=["POST"], content_types=JSON)
@guard
def file_feedback() -> Response:
    request, wiring = app.current_request, bootstrap.current()
    parse.check_origin(request, wiring.allowed_origins)
    command = parse.file_feedback(parse.json_body(request))
    token = parse.bearer_token(request.headers) or None  # observers sign; anyone may ask for a correction
    key, client = parse.idempotency_key(request), parse.client_key(request)
    result = wiring.service.file_feedback(command, token, key, wiring.clock(), client)
    return json_response(serialize.filed(result), 201 if result.created else 200)


@app.route("/api/feedback/mine", methods=["GET"])
@guard
def my_feedback() -> Response:
    """The observer's own feedback (我的监督), with status and deadlines."""
    request, wiring = app.current_request, bootstrap.current()
    account, items = wiring.service.observer_feedback(parse.token(request))
    return json_response({"observer": {"name": account.name}, "items": serialize.plain(items)})


@app.route("/api/inspections", methods=["POST"], content_types=JSON)
@guard
def register_inspection() -> Response:
    """涉企检查码: staff register a planned inspection (docs/inspections.md)."""
    request, wiring = app.current_request, bootstrap.current()
    parse.check_origin(request, wiring.allowed_origins)
    values = parse.inspection(parse.json_body(request))
    body = wiring.service.register_inspection(parse.token(request), values, wiring.clock())
    return json_response(serialize.plain(body), 201)


@app.route("/api/inspections/flags", methods=["GET"])
@guard
def inspection_flags() -> Response:
    request, wiring = app.current_request, bootstrap.current()
    items = wiring.service.inspection_flags(parse.token(request), wiring.clock())
    return json_response({"items": serialize.plain(items)})


@app.route("/api/inspections/{code}/result", methods=["POST"], content_types=JSON)
@guard
def record_inspection_result(code: str) -> Response:
    request, wiring = app.current_request, bootstrap.current()
    parse.check_origin(request, wiring.allowed_origins)
    values = parse.inspection_result(parse.json_body(request))
    body = wiring.service.record_inspection_result(parse.token(request), code, values, wiring.clock())
    return json_response(serialize.plain(body))


@app.route("/api/verify/inspection/{code}", methods=["GET"])
@guard
def verify_inspection(code: str) -> Response:
    request, wiring = app.current_request, bootstrap.current()
    credit_code = ((request.query_params or {}).get("credit_code") or "").strip()
    view = wiring.service.verify_inspection(code, credit_code, wiring.clock(), parse.client_key(request))
    return json_response(serialize.plain(view))


@app.route("/api/reviews", methods=["POST"], content_types=JSON)
@guard
def draw_case_review() -> Response:
    """案卷评查: the supervision office draws the year's sample (docs/supervision.md)."""
    request, wiring = app.current_request, bootstrap.current()
    parse.check_origin(request, wiring.allowed_origins)
    body, service = parse.json_body(request), wiring.service
    account = service.account_for(parse.token(request))
    view = case_reviews.draw_sample(service.store, service.catalog, account, body.get("year"), wiring.clock())
    return json_response(serialize.plain(view), 201)


@app.route("/api/reviews/{year}", methods=["GET"])
@guard
def view_case_review(year: str) -> Response:
    request, wiring = app.current_request, bootstrap.current()
    service = wiring.service
    account = service.account_for(parse.token(request))
    return json_response(
        serialize.plain(case_reviews.get(service.store, service.catalog, account, year, wiring.clock()))
    )


@app.route("/api/reviews/{year}/cases/{decision_id}/score", methods=["POST"], content_types=JSON)
@guard
def score_case_file(year: str, decision_id: str) -> Response:
    request, wiring = app.current_request, bootstrap.current()
    parse.check_origin(request, wiring.allowed_origins)
    body, service = parse.json_body(request), wiring.service
    account = service.account_for(parse.token(request))
    view = case_reviews.score(
        service.store, service.catalog, account, year, decision_id, body, wiring.clock()
    )
    return json_response(serialize.plain(view))


@app.route("/api/reviews/{year}/offices/{office}/finish", methods=["POST"], content_types=JSON)
@guard
def finish_case_review(year: str, office: str) -> Response:
    request, wiring = app.current_request, bootstrap.current()
    parse.check_origin(request, wiring.allowed_origins)
    parse.json_body(request)
    service = wiring.service
    account = service.account_for(parse.token(request))
    view = case_reviews.finish(service.store, service.catalog, account, year, office, wiring.clock())
    return json_response(serialize.plain(view))


@app.route("/api/alerts", methods=["POST"], content_types=JSON)
@guard
def subscribe_alert() -> Response:
    """E-mail alerts of new decisions (double opt-in: a confirmation mail is sent)."""
    request, wiring = app.current_request, bootstrap.current()
    parse.check_origin(request, wiring.allowed_origins)
    email, kind, value = parse.alert_subscription(parse.json_body(request))
    service, now = wiring.service, wiring.clock()
    counts = limits.filing_counts(service.limits, parse.client_key(request))
    alerts.subscribe(service.store, email, kind, value, now, service.catalog.site_url, counts)
    return json_response({"status": "pending", "kind": kind, "value": value}, 202)


@app.route("/api/alerts/confirm", methods=["GET", "POST"], content_types=[*JSON, FORM])
@guard
def confirm_alert() -> Response:
    request, wiring = app.current_request, bootstrap.current()
    sub = alerts.confirm(wiring.service.store, parse.alert_token(request), wiring.clock())
    if sub is None:
        raise NotFound("订阅链接无效或已退订", "unknown or cancelled subscription link")
    if request.method == "GET":
        return alert_page(
            "订阅已确认", f"有新公示的执法决定时，我们会发邮件到 {sub.email}。每封邮件都附有退订链接。"
        )
    return json_response({"status": "confirmed", "kind": sub.kind, "value": sub.value})


@app.route("/api/alerts/unsubscribe", methods=["GET", "POST"], content_types=[*JSON, FORM])
@guard
def unsubscribe_alert() -> Response:
    """One-click unsubscribe (RFC 8058: a POST, no Origin check: the token is the authority). A GET
    (a link followed by a person or a mail scanner) changes nothing and offers the button."""
    request, wiring = app.current_request, bootstrap.current()
    token, service = parse.alert_token(request), wiring.service
    if request.method == "GET":
        if service.store.get_subscription(token.partition(".")[0]) is None:
            raise NotFound("退订链接无效", "unknown unsubscribe link")
        return alert_page("退订执法决定提醒", "点击下面的按钮即可退订，之后不会再收到提醒邮件。", token)
    sub = alerts.unsubscribe(service.store, token, wiring.clock(), service.code_key.get())
    if sub is None:
        raise NotFound("退订链接无效", "unknown unsubscribe link")
    return json_response({"status": "unsubscribed"})


@app.route("/api/exchange/{partner}/orders", methods=["POST"], content_types=JSON)
@guard
def exchange_order(partner: str) -> Response:
    """A 12345 work order, signed with the partner's secret (docs/exchange.md); no Origin check: the
    signature is the authority, and no browser page holds it."""
    request, wiring = app.current_request, bootstrap.current()
    content_type = request.headers.get("content-type") or "application/json"
    filed, order_no = wiring.service.receive_order(
        partner,
        dict(request.headers),
        parse.body_bytes(request.raw_body),
        lambda raw: parse.json_object(raw, content_type),
        wiring.clock(),
    )
    return json_response(serialize.exchange_filed(filed, order_no), 201 if filed.created else 200)


@app.route("/api/stats", methods=["GET"])
@guard
def stats() -> Response:
    wiring = bootstrap.current()
    now = wiring.clock()
    return json_response({"as_of": now.isoformat(), "offices": serialize.plain(wiring.service.stats(now))})


@app.route("/api/stats/inspections", methods=["GET"])
@guard
def inspection_stats() -> Response:
    """涉企检查码 figures per office: registered, with a result, finding a violation, flags."""
    wiring = bootstrap.current()
    now = wiring.clock()
    return json_response(
        {"as_of": now.isoformat(), "offices": serialize.plain(wiring.service.inspection_stats())}
    )


@app.route("/api/open311/v2/services.json", methods=["GET"])
@guard
def open311_services() -> Response:
    return json_response(open311.services(bootstrap.current().service.catalog))


@app.route("/api/open311/v2/requests.json", methods=["POST"], content_types=OPEN311_TYPES)
@guard
def open311_file() -> Response:
    request, wiring = app.current_request, bootstrap.current()
    parse.check_origin(request, wiring.allowed_origins)  # forms stay, but not from another site's page
    command = open311.file_request(parse.open311_body(request))
    key, client = parse.idempotency_key(request), parse.client_key(request)
    result = wiring.service.file_complaint(command, key, wiring.clock(), client)
    return json_response(open311.filed(result), 201 if result.created else 200)


@app.route("/api/open311/v2/requests.json", methods=["GET"])
@guard
def open311_requests() -> Response:
    request, wiring = app.current_request, bootstrap.current()
    wanted = ((request.query_params or {}).get("service_request_id") or "").strip()
    code = (request.headers.get("x-access-code") or "").strip()
    if not wanted or not code:  # complaints are not public: nothing to list without the access code
        return json_response([])
    view = wiring.service.view_for_reporter(wanted, code, wiring.clock(), parse.client_key(request))
    return json_response([open311.request(view)])


@app.route("/api/open311/v2/requests/{request_file}", methods=["GET"])
@guard
def open311_request(request_file: str) -> Response:
    request, wiring = app.current_request, bootstrap.current()
    code, client = parse.access_code(request), parse.client_key(request)
    view = wiring.service.view_for_reporter(open311.request_id(request_file), code, wiring.clock(), client)
    return json_response([open311.request(view)])


@app.schedule(Rate(5, unit=Rate.MINUTES))
def timers(event: Any) -> None:
    """On AWS: the same timer run as ``sunlight tick`` and the serve loop."""
    from sunlight.timers import run_once

    run_once(bootstrap.current())
