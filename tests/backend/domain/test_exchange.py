"""The 12345 exchange's pure rules: the signature, its 5-minute window, reading a work order into a
complaint intake, the hotline's deadline, and what a status update tells the partner."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest
from complaint_builders import complaint
from complaint_catalog_sample import sample_catalog
from sunlight.domain import exchange
from sunlight.domain.complaint_deadlines import respond_due
from sunlight.domain.errors import Unauthorized

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 12, 24, 10, 0, tzinfo=SHANGHAI)  # 1798077600 in Unix seconds
BODY = b'{"order_no":"A1"}'
# printf '%s' '1798077600.{"order_no":"A1"}' | openssl dgst -sha256 -hmac 'test-secret'
EXPECTED = "sha256=16b2970f4ed92e59084fe1d14f1f68456b53aec4cf5e9f6c76efbcf624db4234"


def test_signature_is_hmac_sha256_of_timestamp_dot_body() -> None:
    assert exchange.signature(b"test-secret", "1798077600", BODY) == EXPECTED


def test_a_good_signature_within_the_window_passes() -> None:
    exchange.check_signature(b"test-secret", "1798077600", EXPECTED, BODY, NOW)
    # 4 min 59 s either side still passes
    exchange.check_signature(b"test-secret", "1798077600", EXPECTED, BODY, NOW + dt.timedelta(seconds=299))
    exchange.check_signature(b"test-secret", "1798077600", EXPECTED, BODY, NOW - dt.timedelta(seconds=299))


@pytest.mark.parametrize(
    ("timestamp", "sig", "body", "now", "field"),
    [
        ("", EXPECTED, BODY, NOW, "X-Timestamp"),  # unsigned
        ("1798077600", "", BODY, NOW, "X-Signature"),
        ("1798077600", EXPECTED.replace("sha256=", ""), BODY, NOW, "X-Signature"),  # no scheme
        ("1798077600", EXPECTED[:-1] + "5", BODY, NOW, "X-Signature"),  # one digit off
        ("1798077600", EXPECTED, b'{"order_no":"A2"}', NOW, "X-Signature"),  # body changed
        ("1798077601", EXPECTED, BODY, NOW, "X-Signature"),  # timestamp changed
        ("soon", EXPECTED, BODY, NOW, "X-Timestamp"),
        ("1798077600", EXPECTED, BODY, NOW + dt.timedelta(seconds=301), "X-Timestamp"),  # stale
        ("1798077600", EXPECTED, BODY, NOW - dt.timedelta(seconds=301), "X-Timestamp"),  # from the future
    ],
)
def test_refused(timestamp: str, sig: str, body: bytes, now: dt.datetime, field: str) -> None:
    with pytest.raises(Unauthorized) as info:
        exchange.check_signature(b"test-secret", timestamp, sig, body, now)
    assert info.value.field == field
    assert info.value.zh and info.value.en


def order_body(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "order_no": "12345-20261224-0001",
        "received_at": "2026-12-24T09:12:00+08:00",
        "category": "乱罚款",
        "subject": "执法人员未出示证件即罚款",
        "description": "市民来电反映：12月20日上午执法人员到店检查，未出示证件当场罚款。",
        "reporter": {"name": "李先生", "phone": "13900139000"},
        "street": "东湖街道",
    }
    body.update(overrides)
    return body


def test_an_order_becomes_complaint_values() -> None:
    catalog = sample_catalog()
    order, problems = exchange.read_order(order_body(), catalog.categories, NOW)
    assert problems == []
    assert order is not None
    assert order.order_no == "12345-20261224-0001"
    assert order.received_at == dt.datetime(2026, 12, 24, 9, 12, tzinfo=SHANGHAI)
    assert order.respond_due is None
    v = order.values
    assert v["category"] == "arbitrary-fine"  # named by its Chinese name
    assert (v["reporter.type"], v["reporter.name"], v["reporter.phone"]) == (
        "person",
        "李先生",
        "13900139000",
    )
    assert (v["street"], v["office"]) == ("东湖街道", "")
    assert v["subject"] == "执法人员未出示证件即罚款"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"order_no": ""}, "order_no"),
        ({"order_no": "has space"}, "order_no"),
        ({"order_no": 17}, "order_no"),
        ({"received_at": "yesterday"}, "received_at"),
        ({"received_at": "2026-12-25T09:00:00+08:00"}, "received_at"),  # tomorrow
        ({"category": "噪音"}, "category"),
        ({"respond_due": "2026-13-01"}, "respond_due"),
        ({"respond_due": "2026-12-20"}, "respond_due"),  # before the call
        ({"reporter": "李先生"}, "reporter"),
        ({"subject": ["a"]}, "subject"),
    ],
)
def test_order_problems_name_the_field(change: dict[str, object], field: str) -> None:
    order, problems = exchange.read_order(order_body(**change), sample_catalog().categories, NOW)
    assert field in [p.field for p in problems]


def test_the_hotline_deadline_wins_only_when_earlier() -> None:
    catalog = sample_catalog()
    cal = catalog.calendar
    filed = dt.date(2026, 3, 2)  # a Monday; accepted the same day, 15 working days: Monday 2026-03-23
    c = complaint(filed, status="accepted")
    assert respond_due(c, cal) == dt.date(2026, 3, 23)
    assert respond_due(complaint(filed, status="accepted", partner_due=dt.date(2026, 3, 13)), cal) == dt.date(
        2026, 3, 13
    )
    assert respond_due(complaint(filed, status="accepted", partner_due=dt.date(2026, 3, 31)), cal) == dt.date(
        2026, 3, 23
    )
    # an approved extension of 2 working days moves the hotline's date too: Friday 13 -> Tuesday 17
    extended = complaint(filed, status="accepted", partner_due=dt.date(2026, 3, 13), extended_days=2)
    assert respond_due(extended, cal) == dt.date(2026, 3, 17)


def test_status_update_tells_what_happened_without_the_reporter() -> None:
    catalog = sample_catalog()
    c = complaint(
        dt.date(2026, 3, 2),
        status="responded",
        partner="12345",
        partner_order="A-1",
        response="已核实并退还罚款",
    )
    events = [("staff:brigade-east:abc", "respond", {"text": "已核实并退还罚款"}), ("system", "note", {})]
    at = dt.datetime(2026, 3, 10, 15, 0, tzinfo=SHANGHAI)
    update = exchange.status_update(c, events, at, catalog)
    assert update is not None
    assert update["order_no"] == "A-1"
    assert update["tracking_no"] == "TS-TEST-000001"
    assert update["status"] == "responded"
    assert update["status_label"] == "已答复"
    assert [e["event"] for e in update["events"]] == ["responded"]  # an internal note is not told
    assert update["events"][0]["text"] == "已核实并退还罚款"
    assert update["at"] == "2026-03-10T15:00:00+08:00"
    assert update["respond_due"] is None  # answered: no deadline runs
    accepted = exchange.status_update(replace(c, status="accepted"), [("s", "accept", {})], at, catalog)
    assert accepted is not None and accepted["respond_due"] == "2026-03-23"  # 15 working days from 3-02
    assert "李" not in str(update) and "某公司" not in str(update) and "abc" not in str(update)
    # only internal events: nothing to tell
    assert exchange.status_update(c, [("staff:x:y", "note", {"text": "内部"})], at, catalog) is None
