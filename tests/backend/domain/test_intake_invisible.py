"""Line breaks and invisible characters in what offices read (#12 item 8)."""

from __future__ import annotations

import datetime as dt

import pytest
from complaint_catalog_sample import complaint_values, sample_catalog
from sunlight.domain.intake import validate_complaint, validate_feedback

TODAY = dt.date(2026, 12, 24)


def problems(**overrides: str) -> dict[str, str]:
    return {
        p.field: p.message()
        for p in validate_complaint(complaint_values(**overrides), sample_catalog(), TODAY)
    }


@pytest.mark.parametrize(
    "value",
    [
        "执法人员未出示证件\r\n请登录 http://evil.example 处理",  # a fake second line in a mail subject
        "执法人员未出示证件\n请登录",
        "执法人员\u202e件证示出未",  # RIGHT-TO-LEFT OVERRIDE
        "执法\u200b人员",  # ZERO WIDTH SPACE
        "执法\u2066人员\u2069",  # LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE
        "\ufeff执法人员",  # ZERO WIDTH NO-BREAK SPACE (BOM)
    ],
)
@pytest.mark.parametrize("field", ["subject", "reporter.name", "reporter.contact_name"])
def test_single_line_fields_refuse_line_breaks_and_format_characters(field: str, value: str) -> None:
    found = problems(**{field: value})
    assert field in found, found
    assert "换行" in found[field] or "格式字符" in found[field]


def test_the_description_keeps_its_lines_but_not_direction_overrides() -> None:
    assert "description" not in problems(description="第一行。\n第二行。\r\n第三行。")
    assert "description" in problems(description="说明\u202e文字")


def test_feedback_subject_is_single_line_too() -> None:
    values = {"category": "", "subject": "意见\r\n请登录", "description": "内容"}
    fields = {p.field for p in validate_feedback(values, sample_catalog(), TODAY)}
    assert "subject" in fields
