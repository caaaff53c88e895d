"""The 12345 exchange's rules with literal values (docs/exchange.md): signatures checked against
HMAC-SHA256 computed here with hmac/hashlib, the 5-minute window and the timestamp's 12 digits at
their edges, every refusal and every problem of a work order word for word, and the status update's
body key by key."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest
from complaint_builders import complaint
from complaint_catalog_sample import sample_catalog
from sunlight.domain import exchange
from sunlight.domain.errors import Unauthorized

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 12, 24, 10, 0, tzinfo=SHANGHAI)  # 1798077600 in Unix seconds
SECRET = b"test-secret"
BODY = b'{"order_no":"A1"}'


def hmac_hex(secret: bytes, message: bytes) -> str:
    return "sha256=" + hmac.new(secret, message, hashlib.sha256).hexdigest()


def refusal(
    timestamp: object, signed: object, now: dt.datetime = NOW, body: bytes = BODY
) -> tuple[str, str, str]:
    with pytest.raises(Unauthorized) as caught:
        exchange.check_signature(SECRET, timestamp, signed, body, now)  # type: ignore[arg-type]
    return caught.value.zh, caught.value.en, caught.value.field


def test_a_timestamp_outside_ascii_is_signed_with_question_marks() -> None:
    # the signing helper never raises: a character outside ASCII is signed as "?"
    assert exchange.signature(b"k", "１７é", b"{}") == hmac_hex(b"k", b"???.{}")


def test_no_timestamp_at_all() -> None:
    expected = ("请求未签名(缺少 X-Timestamp)", "the request is not signed (no X-Timestamp)", "X-Timestamp")
    assert refusal(None, hmac_hex(SECRET, b"1798077600." + BODY)) == expected
    assert refusal("  ", hmac_hex(SECRET, b"1798077600." + BODY)) == expected


def test_no_signature_at_all() -> None:
    expected = ("请求未签名(缺少 X-Signature)", "the request is not signed (no X-Signature)", "X-Signature")
    assert refusal("1798077600", None) == expected
    assert refusal("1798077600", " ") == expected


def test_a_timestamp_of_12_digits_is_read_13_are_refused() -> None:
    signed = hmac_hex(SECRET, b"001798077600." + BODY)
    assert exchange.check_signature(SECRET, "001798077600", signed, BODY, NOW) == 1798077600
    signed13 = hmac_hex(SECRET, b"0001798077600." + BODY)
    assert refusal("0001798077600", signed13) == (
        "X-Timestamp 应为 Unix 秒数",
        "X-Timestamp must be Unix seconds",
        "X-Timestamp",
    )
    assert refusal("１７９８０７７６００", signed)[0] == "X-Timestamp 应为 Unix 秒数"  # full-width digits


def test_the_window_is_five_minutes_inclusive_either_side() -> None:
    signed = hmac_hex(SECRET, b"1798077600." + BODY)
    for seconds in (300, -300, 0):
        now = NOW + dt.timedelta(seconds=seconds)
        assert exchange.check_signature(SECRET, " 1798077600 ", f" {signed} ", BODY, now) == 1798077600
    stale = ("签名时间不在5分钟有效期内", "X-Timestamp is outside the 5-minute window", "X-Timestamp")
    assert refusal("1798077600", signed, NOW + dt.timedelta(seconds=301)) == stale
    assert refusal("1798077600", signed, NOW - dt.timedelta(seconds=301)) == stale


def test_a_wrong_signature() -> None:
    wrong = ("签名不正确", "the signature does not match", "X-Signature")
    assert refusal("1798077600", hmac_hex(b"other-secret", b"1798077600." + BODY)) == wrong
    assert refusal("1798077600", "sha256=\ud800") == wrong  # a lone surrogate is refused, not a crash
    assert refusal("1798077600", "sha256=签名") == wrong


def body_of(**changes: object) -> dict[str, object]:
    body: dict[str, object] = {
        "order_no": "GD20261224000123",
        "received_at": "2026-12-24T09:12:00+08:00",
        "category": "乱罚款",
        "subject": "执法人员未出示证件即罚款",
        "description": "市民来电反映：12月20日上午执法人员到店检查，未出示证件当场罚款。",
        "reporter": {"name": "李先生", "phone": "13900139000"},
        "street": "东湖街道",
    }
    body.update(changes)
    return body


def problems_of(**changes: object) -> list[tuple[str, str, str, str]]:
    order, problems = exchange.read_order(body_of(**changes), sample_catalog().categories, NOW)
    assert order is None
    return [(p.field, p.zh, p.en, p.value) for p in problems]


ORDER_NO_TEXTS = (
    "工单编号为必填项(1至64位字母、数字或 _ . : -)",
    "order_no is required: 1-64 letters, digits or _ . : -",
)
RECEIVED_TEXTS = ("接件时间应为带时区的 ISO 日期时间", "received_at must be an ISO date-time with offset")
STRING = ("应为文本", "must be a string")


def test_fields_that_are_not_text() -> None:
    assert problems_of(order_no=17) == [
        ("order_no", *STRING, ""),
        ("order_no", *ORDER_NO_TEXTS, ""),
    ]
    assert problems_of(received_at=20261224) == [
        ("received_at", *STRING, ""),
        ("received_at", *RECEIVED_TEXTS, ""),
    ]
    assert problems_of(respond_due=["2027-01-08"]) == [("respond_due", *STRING, "")]
    assert problems_of(category={"id": "arbitrary-fine"}) == [("category", *STRING, "")]
    assert problems_of(reporter={"name": 5, "phone": "13900139000"}) == [("reporter.name", *STRING, "")]


def test_a_bad_order_number_and_time_are_quoted_up_to_60_characters() -> None:
    assert problems_of(order_no="工单" * 40, received_at="昨天" * 40) == [
        ("order_no", *ORDER_NO_TEXTS, "工单" * 30),
        ("received_at", *RECEIVED_TEXTS, "昨天" * 30),
    ]


def test_received_at_left_out() -> None:
    body = body_of()
    del body["received_at"]
    order, problems = exchange.read_order(body, sample_catalog().categories, NOW)
    assert order is None
    assert [(p.field, p.zh, p.en, p.value) for p in problems] == [("received_at", *RECEIVED_TEXTS, "")]


def test_received_at_up_to_five_minutes_ahead_of_the_clock() -> None:
    categories = sample_catalog().categories
    for text in ("2026-12-24T10:05:00+08:00", "2026-12-24T02:05:00+00:00", "2026-12-24T09:58:00+08:00"):
        order, problems = exchange.read_order(body_of(received_at=text), categories, NOW)
        assert problems == [] and order is not None
    assert problems_of(received_at="2026-12-24T10:05:01+08:00") == [
        ("received_at", "接件时间晚于现在", "received_at lies in the future", "")
    ]


def test_respond_due_as_a_date_time_is_its_beijing_day() -> None:
    categories = sample_catalog().categories
    order, problems = exchange.read_order(body_of(respond_due="2027-01-07T23:30:00+00:00"), categories, NOW)
    assert problems == [] and order is not None
    assert order.respond_due == dt.date(2027, 1, 8)
    order, problems = exchange.read_order(body_of(respond_due="2027-01-08T08:00:00"), categories, NOW)
    assert problems == [] and order is not None
    assert order.respond_due == dt.date(2027, 1, 8)
    order, problems = exchange.read_order(body_of(respond_due="2027-01-08"), categories, NOW)
    assert problems == [] and order is not None
    assert order.respond_due == dt.date(2027, 1, 8)


def test_respond_due_on_the_day_of_the_call_is_accepted() -> None:
    order, problems = exchange.read_order(body_of(respond_due="2026-12-24"), sample_catalog().categories, NOW)
    assert problems == [] and order is not None
    assert order.respond_due == dt.date(2026, 12, 24)


def test_respond_due_problems() -> None:
    bad_format = ("respond_due", "日期格式应为 YYYY-MM-DD", "respond_due must be YYYY-MM-DD", "")
    assert problems_of(respond_due="2027-01-32") == [bad_format]
    assert problems_of(respond_due="2027-01-08Tnoon") == [bad_format]
    assert problems_of(respond_due="2027-01-08 10:00") == [bad_format]  # a date-time has its T
    assert problems_of(respond_due="2026-12-23") == [
        ("respond_due", "答复期限早于接件日期", "respond_due is before received_at", "")
    ]
    # 2026-12-23 23:00 UTC is 2026-12-24 07:00 in Beijing: the day of the call
    order, problems = exchange.read_order(
        body_of(respond_due="2026-12-23T23:00:00+00:00"), sample_catalog().categories, NOW
    )
    assert problems == [] and order is not None and order.respond_due == dt.date(2026, 12, 24)


def test_an_unknown_category_is_quoted_up_to_60_characters() -> None:
    assert problems_of(category="噪" * 70) == [("category", "投诉类别不存在", "unknown category", "噪" * 60)]


def test_a_reporter_that_is_not_an_object() -> None:
    assert problems_of(reporter="李先生") == [
        ("reporter", "投诉人应为对象", "reporter must be an object", "")
    ]


def test_every_value_of_an_order() -> None:
    body = body_of(
        order_no="A_1.2:3-4",
        category="repeat-inspection",
        office="squad-xinzhen",
        power_code=" 330217001000 ",
        occurred_on="2026-12-20",
        respond_due="2027-01-08",
        reporter={
            "type": "enterprise",
            "name": "某某餐饮有限公司",
            "credit_code": "91350100M000100Y43",
            "contact_name": "王经理",
            "phone": "13900139000",
            "email": "wang@example.com",
            "address": "ignored",
        },
        extra="ignored",
    )
    order, problems = exchange.read_order(body, sample_catalog().categories, NOW)
    assert problems == []
    assert order == exchange.Order(
        order_no="A_1.2:3-4",
        received_at=dt.datetime(2026, 12, 24, 9, 12, tzinfo=SHANGHAI),
        respond_due=dt.date(2027, 1, 8),
        values={
            "subject": "执法人员未出示证件即罚款",
            "description": "市民来电反映：12月20日上午执法人员到店检查，未出示证件当场罚款。",
            "office": "squad-xinzhen",
            "street": "东湖街道",
            "power_code": "330217001000",
            "occurred_on": "2026-12-20",
            "category": "repeat-inspection",
            "reporter.type": "enterprise",
            "reporter.name": "某某餐饮有限公司",
            "reporter.credit_code": "91350100M000100Y43",
            "reporter.contact_name": "王经理",
            "reporter.phone": "13900139000",
            "reporter.email": "wang@example.com",
        },
    )


def test_an_order_without_a_category_leaves_it_to_the_intake() -> None:
    body = body_of()
    del body["category"]
    order, problems = exchange.read_order(body, sample_catalog().categories, NOW)
    assert problems == [] and order is not None
    assert order.values["category"] == ""
    assert order.values["reporter.type"] == "person"


AT = dt.datetime(2026, 3, 10, 7, 0, tzinfo=dt.UTC)  # 15:00 in Beijing


def test_the_whole_body_of_an_update() -> None:
    c = complaint(
        dt.date(2026, 3, 2),
        status="accepted",
        partner="12345",
        partner_order="GD-1",
        overdue=("accept",),
        version=4,
    )
    events = [
        ("system", "note", {"text": "内部"}),
        ("staff:x:y", "remind", {}),
        ("staff:x:y", "transfer", {"to": "brigade-east", "text": "不告知"}),
        ("staff:x:y", "extend", {"days": "3", "to": "x"}),
        ("staff:x:y", "accept", {"text": "不告知", "to": "x", "days": 2}),
    ]
    assert exchange.status_update(c, events, AT, sample_catalog()) == {
        "partner": "12345",
        "order_no": "GD-1",
        "tracking_no": "TS-TEST-000001",
        "at": "2026-03-10T15:00:00+08:00",
        "status": "accepted",
        "status_label": "办理中",
        "handling_office": "brigade-east",
        "handling_office_name": "东部大队",
        "respond_due": "2026-03-23",
        "overdue": ["accept"],
        "events": [
            {"event": "transferred", "label": "已转办", "to_office": "brigade-east"},
            {"event": "extended", "label": "已延期", "days": 3},
            {"event": "accepted", "label": "已受理"},
        ],
        "version": 4,
    }


def test_the_events_told_with_their_labels_and_texts() -> None:
    c = complaint(
        dt.date(2026, 3, 2), status="rated", rating="基本满意", partner="12345", partner_order="GD-1"
    )
    events = [
        ("s", "request_material", {"text": "请补充罚款单照片"}),
        ("s", "resume", {"text": "不告知"}),
        ("s", "respond", {"text": "已退还罚款"}),
        ("s", "rate", {}),
        ("s", "review_opened", {}),
        ("s", "review_unavailable", {}),
        ("s", "review_respond", {"text": "维持原答复"}),
        ("s", "close", {}),
        ("s", "overdue", {}),
        ("s", "escalate", {}),
        ("s", "chase", {}),
        ("s", "transfer", {}),
        ("s", "extend", {"days": 0}),
        ("s", "respond", {"text": ""}),
    ]
    update = exchange.status_update(c, events, AT, sample_catalog())
    assert update is not None
    assert update["events"] == [
        {"event": "material_requested", "label": "请补正材料（计时暂停）", "text": "请补充罚款单照片"},
        {"event": "resumed", "label": "材料已补齐（恢复计时）"},
        {"event": "responded", "label": "已答复", "text": "已退还罚款"},
        {"event": "rated", "label": "已评价", "rating": "基本满意"},
        {"event": "review_opened", "label": "已启动复核"},
        {"event": "review_unavailable", "label": "无独立复核单位，未启动复核"},
        {"event": "review_responded", "label": "复核已答复", "text": "维持原答复"},
        {"event": "closed", "label": "已办结"},
        {"event": "overdue", "label": "已超期"},
        {"event": "escalated", "label": "上报督办"},
        {"event": "transferred", "label": "已转办"},
        {"event": "extended", "label": "已延期"},
        {"event": "responded", "label": "已答复"},
    ]
    assert (update["status"], update["status_label"], update["respond_due"]) == ("rated", "已评价", None)


def test_a_rating_is_told_only_with_the_rate_event() -> None:
    c = complaint(dt.date(2026, 3, 2), status="responded", partner="12345", partner_order="GD-1")
    update = exchange.status_update(c, [("s", "rate", {})], AT, sample_catalog())
    assert update is not None and update["events"] == [{"event": "rated", "label": "已评价"}]


def test_an_office_or_status_the_catalog_does_not_know_is_named_by_its_id() -> None:
    c = complaint(dt.date(2026, 3, 2), status="responded", partner="12345", partner_order="GD-1")
    c = replace(c, handling_office="gone-office", status="archived")
    update = exchange.status_update(c, [("s", "close", {})], AT, sample_catalog())
    assert update is not None
    assert (update["handling_office"], update["handling_office_name"]) == ("gone-office", "gone-office")
    assert (update["status"], update["status_label"]) == ("archived", "archived")
