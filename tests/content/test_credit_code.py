"""Property tests of the 统一社会信用代码 check character (GB 32100-2015)."""

from __future__ import annotations

from decisions.credit_code_oracle import CODE_SET, valid_codes
from hypothesis import given
from hypothesis import strategies as st
from sunlight.domain.credit_code import credit_code_problem, is_valid_credit_code


def test_the_standard_example() -> None:
    assert is_valid_credit_code("91350100M000100Y43")
    assert credit_code_problem("91350100M000100Y44") == ("统一社会信用代码校验位错误", "check digit is wrong")


@given(valid_codes())
def test_a_valid_code_validates_in_any_case(code: str) -> None:
    assert is_valid_credit_code(code)
    assert is_valid_credit_code(code.lower())


@given(valid_codes(), st.integers(min_value=0, max_value=17), st.sampled_from(CODE_SET))
def test_any_single_changed_character_is_caught(code: str, position: int, replacement: str) -> None:
    if code[position] == replacement:
        return
    changed = code[:position] + replacement + code[position + 1 :]
    assert not is_valid_credit_code(changed)


@given(st.text(min_size=0, max_size=20))
def test_garbage_never_crashes(text: str) -> None:
    problem = credit_code_problem(text)
    assert problem is None or (isinstance(problem[0], str) and isinstance(problem[1], str))


def test_letters_outside_the_set_are_named() -> None:
    zh, en = credit_code_problem("91350100M000100YO3") or ("", "")
    assert "非法字符" in zh and "O" in en
