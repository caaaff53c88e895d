"""Errors and problems as the API and the build report show them (docs/backend.md, docs/site.md;
the status and body are mapped in ONE place, ``sunlight.api.errors``):
the status and code of each error, the body ``{"error": {"code", "message": "中文 / English",
"field", "problems"}}``, and a problem's ``file:line: field: 中文 / English (value)`` form."""

from __future__ import annotations

import pytest
from sunlight.api.errors import domain_error_body, status_of
from sunlight.domain.errors import (
    Conflict,
    DomainError,
    Forbidden,
    Invalid,
    NotFound,
    RateLimited,
    Unauthorized,
)
from sunlight.domain.problems import Problem, Problems


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (Unauthorized, 401, "unauthorized"),
        (Forbidden, 403, "forbidden"),
        (NotFound, 404, "not_found"),
        (Conflict, 409, "conflict"),
    ],
)
def test_each_error_has_its_status_code_and_body(error: type[DomainError], status: int, code: str) -> None:
    e = error("不能执行此操作", "not allowed", "action")
    assert (status_of(e.code), e.code) == (status, code)
    assert (e.zh, e.en, e.field) == ("不能执行此操作", "not allowed", "action")
    assert e.message == "不能执行此操作 / not allowed"
    assert str(e) == "不能执行此操作 / not allowed"
    assert {"error": domain_error_body(e)["error"]} == {
        "error": {"code": code, "message": "不能执行此操作 / not allowed", "field": "action"}
    }


def test_an_error_without_a_field_has_no_field_key() -> None:
    e = NotFound("投诉不存在", "no such complaint")
    assert e.field == ""
    assert {"error": domain_error_body(e)["error"]} == {
        "error": {"code": "not_found", "message": "投诉不存在 / no such complaint"}
    }


def test_invalid_names_the_first_field_and_lists_every_problem() -> None:
    problems = [
        Problem("此项为必填项", "this field is required", field="subject"),
        Problem("电子邮箱格式不正确", "not an e-mail address", field="reporter.email", value="x"),
    ]
    e = Invalid(problems)
    assert (status_of(e.code), e.code) == (422, "invalid")
    assert (e.zh, e.en, e.field) == ("此项为必填项", "this field is required", "subject")
    assert str(e) == "此项为必填项 / this field is required"
    assert e.problems == problems
    assert {"error": domain_error_body(e)["error"]} == {
        "error": {
            "code": "invalid",
            "message": "此项为必填项 / this field is required",
            "field": "subject",
            "problems": [
                {"field": "subject", "message": "此项为必填项 / this field is required"},
                {"field": "reporter.email", "message": "电子邮箱格式不正确 / not an e-mail address"},
            ],
        }
    }


def test_invalid_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="^Invalid needs at least one problem$"):
        Invalid([])


def test_rate_limited_says_when_to_retry() -> None:
    e = RateLimited("尝试次数过多", "too many attempts")
    assert (status_of(e.code), e.code, e.retry_after, e.field) == (429, "rate_limited", 60, "")
    assert RateLimited("尝试次数过多", "too many attempts", retry_after=900).retry_after == 900
    assert {"error": domain_error_body(e)["error"]} == {
        "error": {"code": "rate_limited", "message": "尝试次数过多 / too many attempts"}
    }


def test_problem_reads_as_file_line_field_message_value() -> None:
    p = Problem(
        "统一社会信用代码校验位错误",
        "check digit is wrong",
        file="content/decisions/2025-q3.csv",
        line=118,
        field="credit_code",
        value="91310114MA1GT35X4C",
    )
    assert p.location() == "content/decisions/2025-q3.csv:118"
    assert str(p) == (
        "content/decisions/2025-q3.csv:118: credit_code: 统一社会信用代码校验位错误 / check digit is wrong"
        " (91310114MA1GT35X4C)"
    )
    assert p.severity == "error"


def test_problem_without_line_value_or_file() -> None:
    assert Problem("缺少字段", "missing", file="content/agency.yaml").location() == "content/agency.yaml"
    assert str(Problem("缺少字段", "missing", file="content/agency.yaml", field="name")) == (
        "content/agency.yaml: name: 缺少字段 / missing"
    )
    bare = Problem("缺少字段", "missing")
    assert bare.location() == ""
    assert str(bare) == "缺少字段 / missing"
    assert str(Problem("缺少字段", "missing", line=3)) == "缺少字段 / missing"


def test_problem_as_a_report_entry() -> None:
    p = Problem(
        "含有身份证号", "contains an ID number", file="feed.csv", line=12, field="facts", record_id="D-1"
    )
    assert p.to_dict() == {
        "file": "feed.csv",
        "line": 12,
        "field": "facts",
        "id": "D-1",
        "message": "含有身份证号 / contains an ID number",
        "zh": "含有身份证号",
        "en": "contains an ID number",
        "value": "",
        "severity": "error",
    }


def test_problems_collects_errors_and_warnings_apart() -> None:
    problems = Problems()
    assert not problems
    problems.warning("按周一至周五计算", "counting Monday-Friday", file="calendar.yaml", field="holidays")
    assert not problems  # warnings alone are not a failure
    assert [p.severity for p in problems.warnings] == ["warning"]
    [warning] = problems.warnings
    assert (warning.zh, warning.en, warning.file, warning.field) == (
        "按周一至周五计算",
        "counting Monday-Friday",
        "calendar.yaml",
        "holidays",
    )
    problems.error("此项为必填项", "this field is required", file="offices.yaml", line=4, field="name")
    assert problems
    assert [(p.zh, p.en, p.file, p.line, p.field) for p in problems.errors] == [
        ("此项为必填项", "this field is required", "offices.yaml", 4, "name")
    ]
    extra = Problem("重复", "duplicate", severity="warning")
    problems.add(extra)
    other = Problems()
    other.error("错误", "wrong")
    problems.extend(other)
    problems.extend([Problem("再一个", "one more")])
    assert [p.zh for p in problems.items] == ["按周一至周五计算", "此项为必填项", "重复", "错误", "再一个"]
    assert [p.zh for p in problems.errors] == ["此项为必填项", "错误", "再一个"]
    assert [p.zh for p in problems.warnings] == ["按周一至周五计算", "重复"]
