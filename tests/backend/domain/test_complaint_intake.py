"""Field validation of a filed complaint: every problem, each with its API field path, zh + en."""

from __future__ import annotations

import datetime as dt

import pytest
from complaint_catalog_sample import complaint_values, sample_catalog
from sunlight.domain.intake import validate_complaint, validate_feedback

TODAY = dt.date(2026, 12, 24)


def fields(**overrides: str) -> dict[str, str]:
    problems = validate_complaint(complaint_values(**overrides), sample_catalog(), TODAY)
    for p in problems:
        assert p.zh and p.en
    return {p.field: p.message() for p in problems}


def test_a_good_complaint_has_no_problem() -> None:
    assert fields() == {}
    assert (
        fields(**{"reporter.type": "person", "reporter.credit_code": "", "reporter.contact_name": ""}) == {}
    )


@pytest.mark.parametrize(
    ("field", "value", "needle"),
    [
        ("reporter.credit_code", "91350100M000100Y44", "校验位"),
        ("reporter.credit_code", "91350100M000100Y4", "18"),
        ("reporter.credit_code", "", "统一社会信用代码"),
        ("reporter.phone", "12345", "电话"),
        ("reporter.email", "not-an-email", "邮箱"),
        ("reporter.type", "robot", "enterprise"),
        ("category", "nonsense", "类别"),
        ("category", "", "必填"),
        ("office", "nowhere", "单位"),
        ("street", "火星街道", "街道"),
        ("power_code", "NOPE", "事项编码"),
        ("decision_id", "D-0000", "决定"),
        ("occurred_on", "2026-13-01", "YYYY-MM-DD"),
        ("occurred_on", "2027-01-05", "晚于"),
        ("subject", "长" * 101, "过长"),
        ("description", "", "必填"),
        ("description", "含有\x00控制字符", "控制字符"),
    ],
)
def test_each_bad_field_is_named(field: str, value: str, needle: str) -> None:
    found = fields(**{field: value})
    assert field in found, found
    assert needle in found[field]


def test_landline_and_mobile_with_country_code_are_accepted() -> None:
    assert fields(**{"reporter.phone": "021-59912345"}) == {}
    assert fields(**{"reporter.phone": "+86 13800138000"}) == {}


def test_at_least_one_of_office_and_street() -> None:
    assert "office" in fields(office="", street="")


def test_phone_or_email_needed() -> None:
    assert "reporter.phone" in fields(**{"reporter.phone": "", "reporter.email": ""})


def test_every_problem_is_reported_at_once() -> None:
    found = fields(category="x", **{"reporter.phone": "1", "reporter.credit_code": "123"})
    assert {"category", "reporter.phone", "reporter.credit_code"} <= set(found)


def test_feedback_needs_a_known_feedback_category() -> None:
    catalog = sample_catalog()
    good = {
        "category": "correction",
        "subject": "页面信息有误",
        "description": "决定日期写错了",
        "decision_id": "D-2026-0001",
    }
    assert validate_feedback(good, catalog, TODAY) == []
    bad = validate_feedback({**good, "category": "arbitrary-fine", "email": "x"}, catalog, TODAY)
    assert {p.field for p in bad} == {"category", "email"}
