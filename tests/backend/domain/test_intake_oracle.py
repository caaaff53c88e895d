"""Validation of a filed complaint and of a feedback, field by field, against the API contract
(/spec interfaces.md, docs/backend.md): each problem names its API field path and says what is
wrong in Chinese and in English; every problem is reported at once. Expected messages are the
literal texts the forms show next to the field."""

from __future__ import annotations

import datetime as dt

import pytest
from complaint_catalog_sample import complaint_values, sample_catalog
from sunlight.domain.intake import phone_problem, validate_complaint, validate_feedback
from sunlight.domain.problems import Problem

TODAY = dt.date(2026, 12, 24)
CATALOG = sample_catalog()
REQUIRED = ("此项为必填项", "this field is required")


def complaint_problems(**overrides: str) -> list[tuple[str, str, str, str]]:
    return [
        (p.field, p.zh, p.en, p.value)
        for p in validate_complaint(complaint_values(**overrides), CATALOG, TODAY)
    ]


def feedback(**overrides: str) -> dict[str, str]:
    values = {
        "category": "correction",
        "subject": "页面信息有误",
        "description": "决定日期写错了",
        "contact_name": "李女士",
        "email": "li@example.com",
        "phone": "",
        "page_url": "/decisions/D-2026-0001/",
        "decision_id": "D-2026-0001",
        "office": "",
        "street": "",
    }
    values.update(overrides)
    return values


def feedback_problems(**overrides: str) -> list[tuple[str, str, str, str]]:
    return [(p.field, p.zh, p.en, p.value) for p in validate_feedback(feedback(**overrides), CATALOG, TODAY)]


# --- phone numbers -------------------------------------------------------------------------------

PHONE_MESSAGE = (
    "电话号码格式不正确（手机号或带区号的固定电话）",
    "not a mobile number or a landline with area code",
)


@pytest.mark.parametrize(
    "phone",
    [
        "13800138000",
        "19912345678",
        "+8613800138000",
        "86-13800138000",
        "+86 13800138000",
        "021-59912345",
        "(021)59912345",
        "0571 8888888",
        "010-62345678-123",
        "59912345",
        "400-820-8820",
        "8008208820",
        "400 820 8820",
    ],
)
def test_mobile_landline_and_service_numbers_are_phones(phone: str) -> None:
    assert phone_problem(phone) is None


@pytest.mark.parametrize(
    "phone",
    [
        "12345",
        "12800138000",
        "1380013800",
        "138001380001",
        "021-1234567",
        "0215991234599",
        "500-820-8820",
        "电话",
    ],
)
def test_other_strings_are_not_phones(phone: str) -> None:
    assert phone_problem(phone) == PHONE_MESSAGE


def test_a_wrong_phone_is_reported_with_its_value() -> None:
    assert complaint_problems(**{"reporter.phone": "12345"}) == [("reporter.phone", *PHONE_MESSAGE, "12345")]


# --- required fields, lengths, control characters ------------------------------------------------


def test_a_good_complaint_and_a_good_feedback_have_no_problem() -> None:
    assert complaint_problems() == []
    assert feedback_problems() == []


@pytest.mark.parametrize("name", ["subject", "description", "reporter.name"])
def test_required_complaint_fields(name: str) -> None:
    assert complaint_problems(**{name: "  "}) == [(name, *REQUIRED, "")]


def test_contact_name_is_required_for_an_enterprise_only() -> None:
    assert complaint_problems(**{"reporter.contact_name": ""}) == [("reporter.contact_name", *REQUIRED, "")]
    person = {"reporter.type": "person", "reporter.credit_code": "", "reporter.contact_name": ""}
    assert complaint_problems(**person) == []


@pytest.mark.parametrize(
    ("name", "limit"),
    [("subject", 100), ("description", 5000), ("reporter.name", 100), ("reporter.contact_name", 50)],
)
def test_complaint_field_limits(name: str, limit: int) -> None:
    assert complaint_problems(**{name: "字" * limit}) == []
    assert complaint_problems(**{name: "字" * (limit + 1)}) == [
        (name, f"内容过长（不超过{limit}字）", f"too long (at most {limit} characters)", "")
    ]


def test_an_e_mail_address_is_at_most_254_characters() -> None:
    long_email = "a" * 240 + "@example.com.cn"  # 255 characters, well formed
    assert complaint_problems(**{"reporter.email": long_email}) == [
        ("reporter.email", "内容过长（不超过254字）", "too long (at most 254 characters)", "")
    ]


def test_fields_without_their_own_limit_take_200_characters() -> None:
    assert complaint_problems(decision_id="") == []
    catalog = sample_catalog()
    catalog.decisions = frozenset()  # no list of published decisions: any short text is accepted
    ok = validate_complaint(complaint_values(decision_id="D" * 200), catalog, TODAY)
    assert ok == []
    assert validate_complaint(complaint_values(decision_id=""), catalog, TODAY) == []  # optional
    long = validate_complaint(complaint_values(decision_id="D" * 201), catalog, TODAY)
    assert [(p.field, p.zh, p.en) for p in long] == [
        ("decision_id", "内容过长（不超过200字）", "too long (at most 200 characters)")
    ]


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\ue000", "\x85", "\ud800"])
def test_control_characters_are_refused(char: str) -> None:
    assert complaint_problems(subject=f"标题{char}内容") == [
        ("subject", "含有不允许的控制字符", "contains control characters", "")
    ]


def test_line_breaks_and_tabs_are_allowed() -> None:
    assert complaint_problems(description="第一段\n第二段\r\n\t第三段") == []


# --- reporter --------------------------------------------------------------------------------------


def test_reporter_type_must_be_enterprise_or_person() -> None:
    assert complaint_problems(**{"reporter.type": "robot"}) == [
        (
            "reporter.type",
            "投诉人类型应为企业或个人",
            "must be enterprise or person",
            "robot",
        )
    ]
    assert complaint_problems(**{"reporter.type": ""})[0] == (
        "reporter.type",
        "投诉人类型应为企业或个人",
        "must be enterprise or person",
        "",
    )


def test_an_enterprise_needs_a_credit_code_and_a_person_may_give_one() -> None:
    assert complaint_problems(**{"reporter.credit_code": ""}) == [
        ("reporter.credit_code", "企业投诉须填写统一社会信用代码", "required for an enterprise", "")
    ]
    person = {"reporter.type": "person", "reporter.contact_name": ""}
    assert complaint_problems(**person) == []  # with the valid code of GB 32100-2015
    wrong = complaint_problems(**person, **{"reporter.credit_code": "91350100M000100Y44"})
    assert [(f, v) for f, _, _, v in wrong] == [("reporter.credit_code", "91350100M000100Y44")]


def test_phone_or_e_mail_needed_and_a_wrong_e_mail_named() -> None:
    assert complaint_problems(**{"reporter.phone": "", "reporter.email": ""}) == [
        ("reporter.phone", "请至少填写联系电话或电子邮箱", "give a phone number or an e-mail address", "")
    ]
    assert complaint_problems(**{"reporter.phone": ""}) == []
    assert complaint_problems(**{"reporter.email": ""}) == []
    assert complaint_problems(**{"reporter.email": "wang@example"}) == [
        ("reporter.email", "电子邮箱格式不正确", "not an e-mail address", "wang@example")
    ]


@pytest.mark.parametrize("email", ["wang.li+cg@mail.example.com.cn", "a_b%c@x-y.org"])
def test_well_formed_e_mail_addresses(email: str) -> None:
    assert complaint_problems(**{"reporter.email": email}) == []


# --- what the complaint is about -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value", "zh", "en"),
    [
        ("office", "nowhere", "被投诉单位不存在", "unknown office"),
        ("street", "火星街道", "街道（镇）不存在", "unknown street"),
        ("power_code", "NOPE", "事项编码不存在", "unknown power code"),
        ("decision_id", "D-0000", "执法决定不存在或未公示", "unknown or unpublished decision"),
    ],
)
def test_unknown_references_are_named_with_their_value(name: str, value: str, zh: str, en: str) -> None:
    assert complaint_problems(**{name: value}) == [(name, zh, en, value)]


def test_known_references_pass() -> None:
    assert complaint_problems(power_code="310114-CF-001", office="brigade-west", street="老城街道") == []


def test_a_complaint_names_an_office_or_a_street() -> None:
    assert complaint_problems(office="", street="") == [
        ("office", "请至少填写被投诉单位或街道（镇）", "give the office complained about or the street", "")
    ]
    assert complaint_problems(office="") == []
    assert complaint_problems(street="") == []


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        ("2026/12/20", "日期格式应为 YYYY-MM-DD", "date must be YYYY-MM-DD"),
        ("2026-12-25", "发生日期不能晚于今天", "date lies in the future"),
        ("1999-12-31", "发生日期过早", "date is too early"),
    ],
)
def test_occurred_on(value: str, zh: str, en: str) -> None:
    assert complaint_problems(occurred_on=value) == [("occurred_on", zh, en, value)]


@pytest.mark.parametrize("value", ["2026-12-24", "2000-01-01", ""])
def test_occurred_on_today_back_to_2000_or_not_given(value: str) -> None:
    assert complaint_problems(occurred_on=value) == []


def test_category_required_and_known() -> None:
    assert complaint_problems(category="") == [("category", *REQUIRED, "")]
    assert complaint_problems(category="correction") == [
        ("category", "投诉类别不存在", "unknown category", "correction")
    ]


def test_every_problem_at_once_in_form_order() -> None:
    found = complaint_problems(category="x", subject="", **{"reporter.phone": "1", "reporter.type": "robot"})
    assert [f for f, *_ in found] == ["category", "subject", "reporter.type", "reporter.phone"]


def test_problems_carry_at_most_60_characters_of_the_value() -> None:
    [p] = validate_complaint(complaint_values(office="x" * 80), CATALOG, TODAY)
    assert p == Problem("被投诉单位不存在", "unknown office", field="office", value="x" * 60)


# --- feedback ---------------------------------------------------------------------------------------


def test_feedback_required_fields() -> None:
    assert feedback_problems(subject="") == [("subject", *REQUIRED, "")]
    assert feedback_problems(description="") == [("description", *REQUIRED, "")]
    assert feedback_problems(category="") == [("category", *REQUIRED, "")]


def test_feedback_contact_is_optional_but_checked() -> None:
    assert feedback_problems(contact_name="", email="", phone="") == []
    assert feedback_problems(contact_name="名" * 51) == [
        ("contact_name", "内容过长（不超过50字）", "too long (at most 50 characters)", "")
    ]
    assert feedback_problems(email="li@") == [("email", "电子邮箱格式不正确", "not an e-mail address", "li@")]
    assert feedback_problems(phone="12") == [("phone", *PHONE_MESSAGE, "12")]
    assert feedback_problems(phone="021-59912345") == []


@pytest.mark.parametrize(
    "url", ["/decisions/D-2026-0001/", "https://cg.example.gov.cn/", "http://cg.example.gov.cn/a"]
)
def test_feedback_page_url_is_a_path_or_http_address(url: str) -> None:
    assert feedback_problems(page_url=url) == []


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x", "decisions/D-1", "HTTPS://X"])
def test_feedback_page_url_refused(url: str) -> None:
    assert feedback_problems(page_url=url) == [
        ("page_url", "页面地址应以 / 或 http(s):// 开头", "must start with / or http(s)://", url)
    ]


def test_feedback_page_url_at_most_500_characters() -> None:
    assert feedback_problems(page_url="/" + "a" * 499) == []
    assert feedback_problems(page_url="/" + "a" * 500) == [
        ("page_url", "内容过长（不超过500字）", "too long (at most 500 characters)", "")
    ]


def test_feedback_place_is_optional_but_checked() -> None:
    assert feedback_problems(decision_id="", page_url="") == []
    assert feedback_problems(office="nowhere") == [
        ("office", "被投诉单位不存在", "unknown office", "nowhere")
    ]
    assert feedback_problems(occurred_on="2026-12-25") == [
        ("occurred_on", "发生日期不能晚于今天", "date lies in the future", "2026-12-25")
    ]


def test_feedback_categories_fall_back_to_complaint_categories() -> None:
    assert feedback_problems(category="arbitrary-fine") == [
        ("category", "投诉类别不存在", "unknown category", "arbitrary-fine")
    ]
    catalog = sample_catalog()
    catalog.feedback_categories = {}
    assert validate_feedback(feedback(category="arbitrary-fine"), catalog, TODAY) == []
