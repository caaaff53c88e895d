"""The 12345 exchange through the real Chalice app on both stores (SQLite file, DynamoDB on moto):
signed, unsigned, wrongly signed, stale and replayed work orders; idempotency by order number;
routing with the conflict rule; the hotline's deadline; 422s naming the field."""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
from typing import Any

import pytest
from api_fixtures import CATALOG, NOW, Api, complaint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sunlight.service import exchange
from sunlight.service.catalog import catalog_from_dict

EPOCH = 1798077600  # NOW, 2026-12-24 10:00 Beijing time, in Unix seconds
URL = "/api/exchange/12345/orders"


@pytest.fixture
def secret(wiring: Any) -> str:
    service = wiring.service
    _partner, text = exchange.add_partner(
        service.store, service.code_key.get(), "12345", "https://hotline.example.gov.cn/hook", NOW
    )
    return text


def order(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "order_no": "GD20261224000123",
        "received_at": "2026-12-24T09:12:00+08:00",
        "category": "乱罚款",
        "subject": "执法人员未出示证件即罚款",
        "description": "市民来电反映：12月20日上午执法人员到店检查，未出示证件当场罚款。",
        "reporter": {"name": "李先生", "phone": "13900139000"},
        "street": "东湖街道",
    }
    body.update(overrides)
    return body


def sign(secret: str, timestamp: int, raw: bytes) -> str:
    """Computed here with the hmac module, as a partner would, not with the code under test."""
    return "sha256=" + hmac.new(secret.encode(), f"{timestamp}.".encode() + raw, hashlib.sha256).hexdigest()


def post(api: Api, body: dict[str, Any], secret: str | None, timestamp: int = EPOCH, **kw: Any) -> Any:
    raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
    headers = {}
    if secret is not None:
        headers = {"x-timestamp": str(timestamp), "x-signature": sign(secret, timestamp, raw)}
    headers.update(kw.pop("headers", {}))
    return api.post(kw.pop("url", URL), raw=raw, headers=headers)


def test_a_signed_order_becomes_a_complaint_from_the_partner(api: Api, wiring: Any, secret: str) -> None:
    r = post(api, order(), secret)
    assert r.status_code == 201, r.json
    assert r.json["order_no"] == "GD20261224000123"
    assert r.json["tracking_no"].startswith("TS-20261224-")
    assert r.json["handling_office"] == "squad-east"  # 东湖街道: the catch-all rule
    assert r.json["access_code"]  # once, for the hotline to pass on
    c = wiring.service.store.get_complaint(r.json["tracking_no"])
    assert (c.partner, c.partner_order, c.category) == ("12345", "GD20261224000123", "arbitrary-fine")
    assert c.reporter["name"] == "李先生" and c.reporter["type"] == "person"
    filed = wiring.service.store.audit_trail(c.tracking_no)[0]
    assert filed.actor == "partner:12345"
    assert filed.detail["order_no"] == "GD20261224000123"
    assert filed.detail["received_at"] == "2026-12-24T09:12:00+08:00"


def test_unsigned_is_refused_401_in_chinese_and_english(api: Api, wiring: Any, secret: str) -> None:
    r = post(api, order(), None)
    assert r.status_code == 401
    assert r.json["error"]["code"] == "unauthorized"
    assert (
        r.json["error"]["message"]
        == "请求未签名(缺少 X-Timestamp) / the request is not signed (no X-Timestamp)"
    )
    assert wiring.service.store.all_complaints() == []


def test_wrong_signature_is_refused(api: Api, wiring: Any, secret: str) -> None:
    r = post(api, order(), "0" * 64)
    assert r.status_code == 401
    assert r.json["error"]["field"] == "X-Signature"
    # the body changed after signing
    raw = json.dumps(order()).encode()
    tampered = json.dumps(order(street="西山街道")).encode()
    headers = {"x-timestamp": str(EPOCH), "x-signature": sign(secret, EPOCH, raw)}
    assert api.post(URL, raw=tampered, headers=headers).status_code == 401
    assert wiring.service.store.all_complaints() == []


def test_stale_and_future_timestamps_are_refused(api: Api, wiring: Any, secret: str) -> None:
    stale = post(api, order(), secret, timestamp=EPOCH - 301)
    assert stale.status_code == 401 and stale.json["error"]["field"] == "X-Timestamp"
    assert post(api, order(), secret, timestamp=EPOCH + 301).status_code == 401
    assert wiring.service.store.all_complaints() == []
    assert post(api, order(), secret, timestamp=EPOCH - 299).status_code == 201


def test_an_unknown_partner_is_refused_like_a_bad_signature(api: Api, secret: str) -> None:
    r = post(api, order(), secret, url="/api/exchange/110/orders")
    assert r.status_code == 401
    assert r.json["error"]["message"] == "签名不正确 / the signature does not match"


def test_a_replayed_request_is_refused_and_a_resent_order_is_the_same_complaint(
    api: Api, wiring: Any, secret: str
) -> None:
    first = post(api, order(), secret)
    assert first.status_code == 201
    replay = post(api, order(), secret)  # byte for byte the same request
    assert replay.status_code == 401
    assert replay.json["error"]["message"] == "该签名已使用过(重放) / this signature was used before (replay)"
    again = post(api, order(), secret, timestamp=EPOCH + 1)  # the hotline sends the order again, signed anew
    assert again.status_code == 200
    assert again.json["tracking_no"] == first.json["tracking_no"]
    assert "access_code" not in again.json
    assert len(wiring.service.store.all_complaints()) == 1
    other = post(api, order(order_no="GD20261224000124"), secret, timestamp=EPOCH + 2)
    assert other.status_code == 201 and other.json["tracking_no"] != first.json["tracking_no"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"order_no": ""}, "order_no"),
        ({"received_at": "今天上午"}, "received_at"),
        ({"category": "噪音扰民"}, "category"),
        ({"reporter": {"name": "李先生"}}, "reporter.phone"),
        ({"street": "", "office": ""}, "office"),
        ({"office": "squad-north"}, "office"),
        ({"respond_due": "2027-02-30"}, "respond_due"),
        ({"subject": ""}, "subject"),
    ],
)
def test_a_bad_order_is_422_naming_the_field(
    api: Api, wiring: Any, secret: str, change: dict[str, Any], field: str
) -> None:
    r = post(api, order(**change), secret)
    assert r.status_code == 422, r.json
    assert field in [p["field"] for p in r.json["error"]["problems"]]
    assert wiring.service.store.all_complaints() == []


def test_an_order_about_a_squad_never_goes_to_that_squad(api: Api, secret: str) -> None:
    r = post(api, order(office="squad-east"), secret)
    assert r.status_code == 201
    assert r.json["handling_office"] == "supervision"  # the designated supervision office


def test_an_order_about_the_bureau_goes_outside(api: Api, wiring: Any, secret: str) -> None:
    data = copy.deepcopy(CATALOG)
    data["offices"].append(
        {
            "id": "sfj-supervision",
            "name": "青石区司法局行政执法监督科",
            "kind": "external",
            "parent": None,
            "roles": ["supervision"],
            "email": "zfjd@sfj.example.gov.cn",
        }
    )
    wiring.service.catalog = catalog_from_dict(data)
    r = post(api, order(office="bureau", street=""), secret)
    assert r.status_code == 201, r.json
    assert r.json["handling_office"] == "sfj-supervision"


def test_the_hotline_deadline_wins_when_earlier(api: Api, wiring: Any, secret: str) -> None:
    plain = api.post("/api/complaints", complaint(office="", street="东湖街道"))
    computed = plain.json["respond_due"]
    earlier = post(api, order(respond_due="2027-01-08"), secret)
    assert earlier.status_code == 201
    assert earlier.json["respond_due"] == "2027-01-08" < computed
    later = post(api, order(order_no="GD2", respond_due="2027-03-31"), secret, timestamp=EPOCH + 1)
    assert later.json["respond_due"] == computed
    c = wiring.service.store.get_complaint(earlier.json["tracking_no"])
    assert c.next_due.isoformat() == earlier.json["accept_due"]  # accepting is still due first


def test_the_route_is_in_openapi(api: Api) -> None:
    doc = api.get("/api/openapi.json").json
    op = doc["paths"]["/api/exchange/{partner}/orders"]["post"]
    assert {"201", "200", "401", "422"} <= set(op["responses"])
    names = {p["name"] for p in op["parameters"]}
    assert {"partner", "X-Timestamp", "X-Signature"} <= names


ORDER_FIELDS = [
    "order_no",
    "received_at",
    "category",
    "subject",
    "description",
    "office",
    "street",
    "respond_due",
]
_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
_orders = st.fixed_dictionaries(
    {}, optional={**{k: _values | st.text(max_size=30) for k in ORDER_FIELDS}, "reporter": _values}
)


@pytest.mark.parametrize("store_kind", ["sqlite"])  # the API's handling; the stores are tested above
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_orders | _values, raw=st.binary(max_size=120), n=st.integers(0, 250))
def test_signed_random_bodies_never_500(api: Api, secret: str, body: Any, raw: bytes, n: int) -> None:
    """Whatever a partner signs, the answer is 2xx or 4xx in the error shape (a repeat is a replay: 401)."""
    for data in (json.dumps(body).encode(), raw):
        headers = {"x-timestamp": str(EPOCH + n), "x-signature": sign(secret, EPOCH + n, data)}
        r = api.post(URL, raw=data, headers=headers)
        assert r.status_code < 500, r.body
        if r.status_code >= 400:
            assert " / " in r.json["error"]["message"]
