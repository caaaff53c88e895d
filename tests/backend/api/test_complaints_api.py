"""Filing, following and handling a complaint through the API (chalice.test.Client, on SQLite and DynamoDB)."""

from __future__ import annotations

import datetime as dt
import json
import threading

from api_fixtures import NOW, complaint
from chalice.test import Client
from sunlight import bootstrap
from sunlight.clock import fixed_clock


def _staff(wiring: bootstrap.Wiring, office: str) -> dict[str, str]:
    created = wiring.service.create_account("staff", f"{office} 办事员", office, NOW)
    return {"Authorization": f"Bearer {created.token}"}


def test_file_then_follow(api) -> None:  # type: ignore[no-untyped-def]
    response = api.post("/api/complaints", complaint())
    assert response.status_code == 201, response.body
    filed = response.json
    assert filed["tracking_no"] and filed["access_code"]
    assert filed["status"] == "submitted"
    assert filed["handling_office"] == "supervision"  # never the office complained about (squad-east)
    assert dt.date.fromisoformat(filed["accept_due"]) > NOW.date()
    assert dt.date.fromisoformat(filed["respond_due"]) > dt.date.fromisoformat(filed["accept_due"])

    path = f"/api/complaints/{filed['tracking_no']}"
    view = api.get(path, headers={"X-Access-Code": filed["access_code"]})
    assert view.status_code == 200
    assert view.json["status"] == "submitted"
    assert view.json["subject"] == complaint()["subject"]
    assert view.json["timeline"], "the filing is on the public timeline"
    assert "王经理" not in view.body.decode()  # identity is not echoed back on the public view
    assert api.get(path, headers={"X-Access-Code": "wrong-code"}).status_code == 404


def test_idempotency_key_returns_the_same_complaint(api) -> None:  # type: ignore[no-untyped-def]
    headers = {"Idempotency-Key": "form-7f3a"}
    first = api.post("/api/complaints", complaint(), headers=headers)
    again = api.post("/api/complaints", complaint(), headers=headers)
    assert first.status_code == 201 and again.status_code == 200
    assert again.json["tracking_no"] == first.json["tracking_no"]
    other = api.post("/api/complaints", complaint(subject="另一件事"), headers=headers)
    assert other.status_code == 409  # the same key for a different body


def test_staff_flow_and_visibility(api, wiring) -> None:  # type: ignore[no-untyped-def]
    filed = api.post("/api/complaints", complaint()).json
    handling = _staff(wiring, "supervision")
    accused = _staff(wiring, "squad-east")

    inbox = api.get("/api/inbox", headers=handling)
    assert inbox.status_code == 200
    assert [i["tracking_no"] for i in inbox.json["items"]] == [filed["tracking_no"]]
    assert (
        api.get("/api/inbox", headers=accused).json["items"] == []
    )  # the office complained about sees nothing

    path = f"/api/complaints/{filed['tracking_no']}"
    detail = api.get(path, headers=handling)
    assert detail.status_code == 200 and detail.json["reporter"]["name"] == "青石示例贸易有限公司"
    assert api.get(path, headers=accused).status_code == 404
    assert api.post(f"{path}/actions", {"action": "accept"}, headers=accused).status_code in (403, 404)

    accepted = api.post(f"{path}/actions", {"action": "accept"}, headers=handling)
    assert accepted.status_code == 200 and accepted.json["status"] == "accepted"
    assert api.post(f"{path}/actions", {"action": "accept"}, headers=handling).status_code == 409
    assert api.post(f"{path}/actions", {"action": "fly"}, headers=handling).status_code == 422
    responded = api.post(f"{path}/actions", {"action": "respond", "text": "已核实并纠正。"}, headers=handling)
    assert responded.status_code == 200 and responded.json["status"] == "responded"

    code = {"X-Access-Code": filed["access_code"]}
    rated = api.post(f"{path}/rating", {"rating": "满意", "comment": "处理及时"}, headers=code)
    assert rated.status_code == 200 and rated.json["rating"] == "满意"
    assert api.post(f"{path}/rating", {"rating": "满意"}, headers=code).status_code == 409

    stats = api.get("/api/stats")
    assert stats.status_code == 200
    row = next(o for o in stats.json["offices"] if o["office"] == "supervision")
    assert row["received"] == 1 and row["responded"] == 1 and row["satisfied"] == 1


def test_wrong_access_codes_are_rate_limited(api) -> None:  # type: ignore[no-untyped-def]
    filed = api.post("/api/complaints", complaint()).json
    path = f"/api/complaints/{filed['tracking_no']}"
    statuses = [api.get(path, headers={"X-Access-Code": f"guess-{n}"}).status_code for n in range(30)]
    assert 429 in statuses
    limited = api.get(path, headers={"X-Access-Code": "guess-x"})
    assert limited.status_code == 429
    assert limited.headers.get("Retry-After")
    assert json.loads(limited.body)["error"]["code"] == "rate_limited"


def test_observer_feedback_and_correction_requests(api, wiring) -> None:  # type: ignore[no-untyped-def]
    body = {
        "category": "correction",
        "subject": "公示金额有误",
        "description": "罚款金额与决定书不一致。",
        "page_url": "https://example.gov.cn/decisions/d1/",
        "office": "squad-east",
    }
    anyone = api.post("/api/feedback", body)
    assert anyone.status_code == 201, anyone.body
    observer = wiring.service.create_account("observer", "人大代表 李某", "", NOW)
    signed = api.post("/api/feedback", body, headers={"Authorization": f"Bearer {observer.token}"})
    assert signed.status_code == 201
    assert signed.json["tracking_no"] != anyone.json["tracking_no"]
    assert api.post("/api/feedback", {**body, "rating": 5}).status_code == 422


def test_scheduled_function_runs_the_timers(chalice_app, api, wiring) -> None:  # type: ignore[no-untyped-def]
    filed = api.post("/api/complaints", complaint()).json
    accept_due = dt.date.fromisoformat(filed["accept_due"])
    wiring.clock = fixed_clock(
        dt.datetime.combine(accept_due + dt.timedelta(days=1), dt.time(10), NOW.tzinfo)
    )
    with Client(chalice_app) as client:
        event = client.events.generate_cw_event(
            source="aws.events", detail_type="Scheduled Event", detail={}, resources=[]
        )
        client.lambda_.invoke("timers", event)
        client.lambda_.invoke("timers", event)  # a second (or overlapping) run fires nothing again
    trail = [e.action for e in wiring.service.store.audit_trail(filed["tracking_no"])]
    assert trail.count("overdue") == 1
    overdue = [m for m in wiring.service.store.list_messages() if m.kind == "overdue"]
    assert overdue and len({m.key for m in overdue}) == len(overdue)


def test_twenty_concurrent_retries_file_one_complaint(api, wiring) -> None:  # type: ignore[no-untyped-def]
    headers = {"Idempotency-Key": "form-concurrent-20"}
    barrier = threading.Barrier(20)
    answers: list[tuple[int, str]] = []
    lock = threading.Lock()

    def retry() -> None:
        barrier.wait()
        response = api.post("/api/complaints", complaint(), headers=headers)
        with lock:
            answers.append((response.status_code, response.json["tracking_no"]))

    threads = [threading.Thread(target=retry) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(code for code, _ in answers) == [200] * 19 + [201]
    assert len({no for _, no in answers}) == 1
    assert [c.tracking_no for c in wiring.service.store.all_complaints()] == [answers[0][1]]


def test_json_with_charset_is_accepted(api) -> None:  # type: ignore[no-untyped-def]
    raw = json.dumps(complaint(), ensure_ascii=False).encode("utf-8")
    response = api.request(
        "POST", "/api/complaints", raw=raw, headers={"content-type": "application/json; charset=utf-8"}
    )
    assert response.status_code == 201, response.body


def test_an_extension_after_the_deadline_is_a_409_in_the_error_shape(api, wiring) -> None:  # type: ignore[no-untyped-def]
    filed = api.post("/api/complaints", complaint()).json
    path = f"/api/complaints/{filed['tracking_no']}"
    handling = _staff(wiring, "supervision")
    accepted = api.post(f"{path}/actions", {"action": "accept"}, headers=handling)
    due = dt.date.fromisoformat(accepted.json["respond_due"])
    supervising = _staff(wiring, wiring.service.store.get_complaint(filed["tracking_no"]).supervising_office)
    wiring.clock = fixed_clock(dt.datetime.combine(due + dt.timedelta(days=1), dt.time(10), NOW.tzinfo))
    refused = api.post(
        f"{path}/actions", {"action": "extend", "days": 5, "reason": "案情复杂"}, headers=supervising
    )
    assert refused.status_code == 409, refused.body
    error = json.loads(refused.body)["error"]
    assert error["code"] == "conflict" and error["field"] == "action"
    assert (
        due.isoformat() in error["message"] and "延期" in error["message"] and "extension" in error["message"]
    )
    detail = api.get(path, headers=handling).json
    assert detail["respond_due"] == due.isoformat()


def test_a_complaint_names_its_decision_by_doc_no(chalice_app, make_store) -> None:  # type: ignore[no-untyped-def]
    """The 文书号 from the decision in the owner's hand is accepted and kept as the record id."""
    from api_fixtures import CATALOG, Api
    from sunlight.code_key import StaticCodeKey
    from sunlight.service.catalog import catalog_from_dict
    from sunlight.service.complaints import ComplaintService

    data = {
        **CATALOG,
        "decisions": ["MC-2026-0080"],
        "decision_doc_nos": {"MC-2026-0080": "明城管罚决字〔2026〕第000080号"},
    }
    service = ComplaintService(
        make_store(), catalog_from_dict(data), code_key=StaticCodeKey(b"api-tests-" * 4)
    )
    bootstrap.install(bootstrap.Wiring(service=service, clock=fixed_clock(NOW), channels={}))
    try:
        with Client(chalice_app) as client:
            api = Api(client)
            filed = api.post("/api/complaints", complaint(decision_id="明城管罚决字[2026]80号"))
            assert filed.status_code == 201, filed.body
            stored = service.store.get_complaint(filed.json["tracking_no"])
            assert stored is not None and stored.about["decision_id"] == "MC-2026-0080"
            wrong = api.post("/api/complaints", complaint(decision_id="明城管罚决字〔2026〕第000099号"))
            assert wrong.status_code == 422 and wrong.json["error"]["field"] == "decision_id"
    finally:
        bootstrap.install(None)
