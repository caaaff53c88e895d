"""Schemathesis generates requests from /api/openapi.json and sends them to a real ``sunlight serve``:
whatever it sends, the answer is never a 5xx, and every error has the API's error shape."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from portal_process import FIXTURE, Portal, free_port
from sunlight.api.openapi import document

pytestmark = pytest.mark.slow

schema = schemathesis.openapi.from_dict(document())


@pytest.fixture(scope="module")
def portal(tmp_path_factory) -> Iterator[Portal]:  # type: ignore[no-untyped-def]
    running = Portal(FIXTURE, tmp_path_factory.mktemp("fuzz") / "data", free_port())
    # the fuzzer files many complaints from one address: no per-client filing limit here
    running.start(SUNLIGHT_NOW="2026-12-24T10:00:00+08:00", SUNLIGHT_FILING_LIMIT_PER_CLIENT="0")
    yield running
    running.stop()


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_never_a_server_error(case, portal) -> None:  # type: ignore[no-untyped-def]
    response = case.call(base_url=portal.url, timeout=30)
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])
    if response.status_code >= 400 and response.status_code != 405:
        error = json.loads(response.text)["error"]
        assert error["code"] and " / " in error["message"], response.text[:300]
    assert "Traceback" not in response.text


def test_answers_match_their_documented_schemas(portal) -> None:  # type: ignore[no-untyped-def]
    import requests

    def checked(method: str, template: str, path: str, **kwargs):  # type: ignore[no-untyped-def]
        response = requests.request(method, portal.url + path, timeout=30, **kwargs)
        schema[template][method].validate_response(response)  # raises when the answer breaks the document
        return response

    body = {
        "category": "arbitrary-fine",
        "subject": "文档校验",
        "description": "未出示证件。",
        "reporter": {"type": "person", "name": "张三", "phone": "13800138000"},
        "street": "东湖街道",
    }
    filed = checked("POST", "/api/complaints", "/api/complaints", json=body).json()
    one = "/api/complaints/{tracking_no}"
    code = {"X-Access-Code": filed["access_code"]}
    checked("GET", one, f"/api/complaints/{filed['tracking_no']}", headers=code)
    token = portal.command("staff", "add", "--office", "supervision", "--name", "校验员").stdout.strip()
    staff = {"Authorization": f"Bearer {token}"}
    checked("GET", "/api/inbox", "/api/inbox", headers=staff)
    checked("GET", one, f"/api/complaints/{filed['tracking_no']}", headers=staff)
    actions = "/api/complaints/{tracking_no}/actions"
    checked(
        "POST",
        actions,
        f"/api/complaints/{filed['tracking_no']}/actions",
        json={"action": "accept"},
        headers=staff,
    )
    respond = {"action": "respond", "text": "已处理。"}
    checked("POST", actions, f"/api/complaints/{filed['tracking_no']}/actions", json=respond, headers=staff)
    rating = "/api/complaints/{tracking_no}/rating"
    checked(
        "POST",
        rating,
        f"/api/complaints/{filed['tracking_no']}/rating",
        json={"rating": "满意"},
        headers=code,
    )
    for path in ("/api/stats", "/api/health", "/api/open311/v2/services.json"):
        checked("GET", path, path)
