"""统一社会信用代码: the exact report for each wrong part, and completing a code from its first 16.

Expected messages are written out literally (the wording users read); expected codes are real
or hand-counted codes of ``test_credit_code.py`` (GB 32100-2015 附录 example, and the made codes
whose check characters are counted there by hand).
"""

from __future__ import annotations

import pytest
from sunlight.domain.credit_code import (
    check_character,
    complete_credit_code,
    credit_code_problem,
    organisation_code_check,
)


@pytest.mark.parametrize(
    ("first16", "whole"),
    [
        ("91350100M000100Y", "91350100M000100Y43"),  # GB 32100-2015 附录 example
        ("92371102L1234567", "92371102L123456742"),  # check characters counted in test_credit_code.py
        ("5232058350987654", "5232058350987654X3"),  # GB 11714 check 10 -> X
    ],
)
def test_complete_credit_code_appends_both_check_characters(first16: str, whole: str) -> None:
    assert complete_credit_code(first16) == whole


@pytest.mark.parametrize(
    ("code", "zh", "en"),
    [
        (
            "91350100M000100YIO",
            "统一社会信用代码含非法字符",
            "contains characters outside the code set: IO",
        ),
        (
            # only the last character is outside the set (I): still reported as such
            "91350100M000100Y4I",
            "统一社会信用代码含非法字符",
            "contains characters outside the code set: I",
        ),
        (
            "B1350100M000100Y43",
            "统一社会信用代码登记管理部门码错误（第1位“B”不在GB 32100-2015表A.1中）",
            "registration authority code (position 1) 'B' is not in GB 32100-2015 table A.1",
        ),
        (
            "94350100M000100Y43",
            "统一社会信用代码机构类别码错误（第2位“4”不是工商（9）的机构类别）",
            "organisation type code (position 2) '4' is not a type of registration authority 9 (工商): 1, 2, 3",
        ),
        (
            "91A50100M000100Y43",
            "统一社会信用代码登记管理机关行政区划码应为6位数字（第3-8位）",
            "registration area code (positions 3-8) must be 6 digits: A50100",
        ),
        (
            "91350100M000100Y53",
            "统一社会信用代码组织机构代码校验位错误（第17位，GB 11714）",
            "organisation code check character (position 17, GB 11714) is wrong: M000100Y5",
        ),
        ("91350100M000100Y44", "统一社会信用代码校验位错误", "check digit is wrong"),
    ],
)
def test_each_wrong_part_is_reported_exactly(code: str, zh: str, en: str) -> None:
    assert credit_code_problem(code) == (zh, en)


@pytest.mark.parametrize("body", ["１２３４５６７８", "1234567", "1234567-"])
def test_organisation_code_check_wants_8_ascii_digits_or_letters(body: str) -> None:
    with pytest.raises(ValueError, match="not 8 digits or letters"):
        organisation_code_check(body)


def test_check_character_names_what_it_was_given() -> None:
    with pytest.raises(ValueError, match="not 17 characters of the credit-code set: '91350100M000100I'"):
        check_character("91350100M000100I")
