"""What a complaint's one-line fields and its 检查码 are refused with, word for word.

Issue #12 item 8: a line break (CR or LF) or a Unicode format character (category Cf) in a
one-line field, and a direction override anywhere, is refused with a clear 422. The API shows
each problem's Chinese and English text and names the field, so the texts are pinned literally.
docs/inspections.md: a complaint accepts an optional ``inspection_code``, 422 when it is not a
code (10 characters of ``23456789ABCDEFGHJKMNPQRSTUVWXYZ``, any case, spaces or dashes allowed).
"""

from __future__ import annotations

import datetime as dt

import pytest
from complaint_catalog_sample import complaint_values, sample_catalog
from sunlight.domain.intake import validate_complaint, validate_feedback
from sunlight.domain.problems import Problem

TODAY = dt.date(2026, 12, 24)

LINE_BREAK = ("此项应为单行，不得含换行", "must be a single line, without line breaks")
FORMAT_CHARACTER = ("含有不可见的格式字符", "contains invisible format characters")
REORDERING = ("含有改变文字方向的不可见格式字符", "contains invisible characters that reorder the text")
NOT_A_CODE = (
    "检查码格式不正确(10位，不含0、O、1、I、L)",
    "not an inspection code (10 characters, no 0, O, 1, I, L)",
)


def complaint_problems(**overrides: str) -> list[Problem]:
    return validate_complaint(complaint_values(**overrides), sample_catalog(), TODAY)


def test_the_sample_complaint_is_valid() -> None:
    assert complaint_problems() == []


@pytest.mark.parametrize(
    ("subject", "texts"),
    [
        ("执法人员未出示证件\r\n请登录 http://evil.example 处理", LINE_BREAK),
        ("执法人员未出示证件\n请登录", LINE_BREAK),
        # a carriage return alone starts a line too (old Mac line ends, some mail clients)
        ("执法人员未出示证件\r请登录", LINE_BREAK),
        ("执法\u200b人员", FORMAT_CHARACTER),  # ZERO WIDTH SPACE
        ("\ufeff执法人员", FORMAT_CHARACTER),  # ZERO WIDTH NO-BREAK SPACE (BOM)
        ("执法人员\u202e件证示出未", REORDERING),  # RIGHT-TO-LEFT OVERRIDE
        ("执法\u2066人员\u2069", REORDERING),  # LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE
    ],
)
def test_a_subject_is_refused_with_the_exact_texts(subject: str, texts: tuple[str, str]) -> None:
    zh, en = texts
    assert complaint_problems(subject=subject) == [Problem(zh, en, field="subject")]


def test_a_direction_override_in_the_description_with_the_exact_texts() -> None:
    zh, en = REORDERING
    got = complaint_problems(description="说明\u202e文字")
    assert got == [Problem(zh, en, field="description")]


def test_a_feedback_name_with_a_carriage_return_alone() -> None:
    values = {"category": "correction", "subject": "意见", "description": "内容", "contact_name": "王\r先生"}
    zh, en = LINE_BREAK
    assert validate_feedback(values, sample_catalog(), TODAY) == [Problem(zh, en, field="contact_name")]


@pytest.mark.parametrize("code", ["7KQ2M-XH4P9", "7kq2m xh4p9", "7KQ2MXH4P9"])
def test_an_inspection_code_in_any_of_its_written_forms_is_accepted(code: str) -> None:
    assert complaint_problems(inspection_code=code) == []


@pytest.mark.parametrize(
    "code",
    [
        "7KQ2M-XH4P0",  # 0 is not in the alphabet
        "7KQ2M-XH4P",  # 9 characters
        "330199250001",  # a 执法证号, not a 检查码
    ],
)
def test_a_text_that_is_no_inspection_code_is_refused_naming_it(code: str) -> None:
    zh, en = NOT_A_CODE
    assert complaint_problems(inspection_code=code) == [Problem(zh, en, field="inspection_code", value=code)]


def test_feedback_refuses_a_wrong_inspection_code_too() -> None:
    values = {"category": "correction", "subject": "意见", "description": "内容", "inspection_code": "ABCDE"}
    zh, en = NOT_A_CODE
    got = validate_feedback(values, sample_catalog(), TODAY)
    assert got == [Problem(zh, en, field="inspection_code", value="ABCDE")]
