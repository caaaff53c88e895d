"""Property tests of the 统一社会信用代码 check character (GB 32100-2015)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from sunlight.domain.credit_code import CHARSET, check_character, credit_code_problem, is_valid_credit_code

bodies = st.text(alphabet=CHARSET, min_size=17, max_size=17)


def test_the_standard_example() -> None:
    assert check_character("91350100M000100Y4") == "3"
    assert is_valid_credit_code("91350100M000100Y43")
    assert credit_code_problem("91350100M000100Y44") == ("统一社会信用代码校验位错误", "check digit is wrong")


@given(bodies)
def test_a_computed_check_character_validates(body: str) -> None:
    assert is_valid_credit_code(body + check_character(body))
    assert is_valid_credit_code((body + check_character(body)).lower())


@given(bodies, st.integers(min_value=0, max_value=17), st.sampled_from(CHARSET))
def test_any_single_changed_character_is_caught(body: str, position: int, replacement: str) -> None:
    code = body + check_character(body)
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
