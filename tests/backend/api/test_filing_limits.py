"""Filing floods and cross-site filing (#12 item 4): per-client and global filing limits counted in
the store, JSON-only bodies, and the Origin check on browser-style requests (SQLite and DynamoDB)."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from api_fixtures import complaint
from sunlight.service.limits import Limits


@pytest.fixture
def filing_limits() -> Limits:
    return Limits(filings_per_client_per_hour=3, filings_per_minute=5)


OPEN311_FORM = {
    "service_code": "arbitrary-fine",
    "description": "执法人员未出示证件即开具罚单,要求当场缴纳罚款。",
    "first_name": "经理",
    "last_name": "王",
    "phone": "13800138000",
    "address_string": "东湖街道",
    "attribute[office]": "squad-east",
    "attribute[subject]": "未出示证件即罚款",
}


def _form(api, headers=None):  # type: ignore[no-untyped-def]
    return api.request(
        "POST",
        "/api/open311/v2/requests.json",
        headers={"content-type": "application/x-www-form-urlencoded", **(headers or {})},
        raw=urlencode(OPEN311_FORM).encode(),
    )


def test_one_client_files_at_most_its_hourly_limit(api) -> None:  # type: ignore[no-untyped-def]
    statuses = [api.post("/api/complaints", complaint()).status_code for _ in range(4)]
    assert statuses == [201, 201, 201, 429]
    refused = api.post("/api/complaints", complaint())
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert refused.json["error"]["code"] == "rate_limited"


def test_open311_forms_count_against_the_same_limit(api) -> None:  # type: ignore[no-untyped-def]
    assert api.post("/api/complaints", complaint()).status_code == 201
    assert [_form(api).status_code for _ in range(3)] == [201, 201, 429]


def test_feedback_counts_against_the_same_limit(api) -> None:  # type: ignore[no-untyped-def]
    body = {
        "category": "correction",
        "subject": "公示金额有误",
        "description": "金额与文书不符",
        "decision_id": "D-1",
    }
    statuses = [api.post("/api/feedback", body).status_code for _ in range(4)]
    assert statuses == [201, 201, 201, 429]


def test_an_idempotent_retry_does_not_count_twice(api) -> None:  # type: ignore[no-untyped-def]
    key = {"Idempotency-Key": "retry-me"}
    first = api.post("/api/complaints", complaint(), headers=key)
    assert first.status_code == 201
    for _ in range(5):
        retry = api.post("/api/complaints", complaint(), headers=key)
        assert retry.status_code == 200 and retry.json["tracking_no"] == first.json["tracking_no"]
    assert [api.post("/api/complaints", complaint()).status_code for _ in range(3)] == [201, 201, 429]


def test_the_global_limit_counts_every_filing(api, wiring) -> None:  # type: ignore[no-untyped-def]
    wiring.service.limits = Limits(filings_per_client_per_hour=0, filings_per_minute=5)  # per client: off
    statuses = [api.post("/api/complaints", complaint()).status_code for _ in range(6)]
    assert statuses == [201] * 5 + [429]


def test_zero_turns_the_limits_off(api, wiring) -> None:  # type: ignore[no-untyped-def]
    wiring.service.limits = Limits(filings_per_client_per_hour=0, filings_per_minute=0)
    assert {api.post("/api/complaints", complaint()).status_code for _ in range(8)} == {201}


def test_the_limits_are_counted_in_the_store(api, wiring) -> None:  # type: ignore[no-untyped-def]
    """A new service on the same store (another process, a restart) sees the same counts."""
    from sunlight.service.complaints import ComplaintService

    assert [api.post("/api/complaints", complaint()).status_code for _ in range(3)] == [201] * 3
    wiring.service = ComplaintService(
        wiring.service.store,
        wiring.service.catalog,
        code_key=wiring.service.code_key,
        limits=wiring.service.limits,
    )
    assert api.post("/api/complaints", complaint()).status_code == 429


def test_a_json_body_without_a_json_content_type_is_refused(api) -> None:  # type: ignore[no-untyped-def]
    body = json.dumps(complaint()).encode()
    response = api.client.http.request("POST", "/api/complaints", headers={}, body=body)
    assert response.status_code == 415
    assert json.loads(response.body)["error"]["code"] == "unsupported_media_type"
    for path in ("/api/feedback", "/api/complaints/TS-20261224-AAAAAA/rating"):
        assert api.client.http.request("POST", path, headers={}, body=b"{}").status_code == 415


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "cross-site"},
    ],
)
def test_a_cross_site_browser_request_is_refused(api, headers) -> None:  # type: ignore[no-untyped-def]
    response = api.post("/api/complaints", complaint(), headers=headers)
    assert response.status_code == 403
    assert response.json["error"]["code"] == "forbidden"
    assert _form(api, headers).status_code == 403
    feedback = {"category": "correction", "subject": "s", "description": "d", "decision_id": "D-1"}
    assert api.post("/api/feedback", feedback, headers=headers).status_code == 403


def test_same_origin_and_non_browser_clients_pass(api) -> None:  # type: ignore[no-untyped-def]
    same = {
        "Host": "portal.example.gov.cn",
        "Origin": "https://portal.example.gov.cn",
        "Sec-Fetch-Site": "same-origin",
    }
    assert api.post("/api/complaints", complaint(), headers=same).status_code == 201
    assert api.post("/api/complaints", complaint()).status_code == 201  # curl, an Open311 client: no Origin


def test_a_configured_origin_passes(api, wiring) -> None:  # type: ignore[no-untyped-def]
    wiring.allowed_origins = ("https://www.example.gov.cn",)
    headers = {
        "Host": "api.example.gov.cn",
        "Origin": "https://www.example.gov.cn",
        "Sec-Fetch-Site": "cross-site",
    }
    assert api.post("/api/complaints", complaint(), headers=headers).status_code == 201
    other = {"Host": "api.example.gov.cn", "Origin": "https://evil.example"}
    assert api.post("/api/complaints", complaint(), headers=other).status_code == 403
