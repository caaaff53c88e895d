"""The OpenAPI document matches the routes; Open311 GeoReport v2 clients can file and follow."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from api_fixtures import CREDIT_CODE
from sunlight.api.openapi import document


def test_every_route_is_documented_and_every_documented_path_is_a_route(api, chalice_app) -> None:  # type: ignore[no-untyped-def]
    routes = {(path, method.lower()) for path, methods in chalice_app.routes.items() for method in methods}
    served = api.get("/api/openapi.json")
    assert served.status_code == 200
    doc = served.json
    assert doc == document() and doc["openapi"].startswith("3.")
    documented = {(path, method) for path, ops in doc["paths"].items() for method in ops}
    assert routes == documented
    for path, ops in doc["paths"].items():
        for op in ops.values():
            assert op["summary"] and op["responses"]
            params = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
            assert params == set(re.findall(r"{(\w+)}", path)), path


def test_services_are_the_complaint_categories(api) -> None:  # type: ignore[no-untyped-def]
    services = api.get("/api/open311/v2/services.json").json
    assert {s["service_code"] for s in services} == {"arbitrary-fine", "repeat-inspection"}
    assert all(s["metadata"] is False and s["type"] == "realtime" for s in services)


def test_file_and_follow_a_request_with_a_form_post(api) -> None:  # type: ignore[no-untyped-def]
    form = {
        "service_code": "repeat-inspection",
        "description": "同一周内被同一中队检查三次,每次内容相同。",
        "address_string": "西山街道",
        "first_name": "经理",
        "last_name": "王",
        "phone": "021-55556666",
        "lat": "31.2",
        "long": "121.4",
        "attribute[credit_code]": CREDIT_CODE,
        "attribute[enterprise_name]": "西山示例餐饮有限公司",
        "attribute[office]": "squad-west",
    }
    response = api.request(
        "POST",
        "/api/open311/v2/requests.json",
        raw=urlencode(form).encode(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 201, response.body
    [created] = response.json
    request_id, code = created["service_request_id"], created["access_code"]

    [status] = api.get(f"/api/open311/v2/requests/{request_id}.json", headers={"X-Access-Code": code}).json
    assert status["service_request_id"] == request_id
    assert status["status"] == "open"
    assert status["service_code"] == "repeat-inspection"
    assert status["expected_datetime"].endswith("+08:00")
    assert api.get(f"/api/open311/v2/requests/{request_id}.json").status_code == 401
    listed = api.get(
        f"/api/open311/v2/requests.json?service_request_id={request_id}", headers={"X-Access-Code": code}
    )
    assert [r["service_request_id"] for r in listed.json] == [request_id]
    assert api.get("/api/open311/v2/requests.json").json == []  # complaints are not public


def test_open311_bad_input(api) -> None:  # type: ignore[no-untyped-def]
    bad = api.request(
        "POST",
        "/api/open311/v2/requests.json",
        raw=b"service_code=repeat-inspection&attribute[colour]=red",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert bad.status_code == 422 and bad.json["error"]["field"] == "attribute[colour]"
    missing = api.post("/api/open311/v2/requests.json", {"service_code": "nope", "description": "x"})
    assert missing.status_code == 422
