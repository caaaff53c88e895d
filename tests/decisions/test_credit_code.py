"""统一社会信用代码 check character (GB 32100-2015), as the feed loader applies it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from sunlight.domain.credit_code import CHARSET, check_character, credit_code_problem, is_valid_credit_code

bodies = st.text(alphabet=CHARSET, min_size=17, max_size=17)


def test_the_standard_example() -> None:
    assert check_character("91350100M000100Y4") == "3"
    assert is_valid_credit_code("91350100M000100Y43")


@given(body=bodies)
def test_computed_check_character_validates(body: str) -> None:
    assert is_valid_credit_code(body + check_character(body))


@given(body=bodies, position=st.integers(0, 17), data=st.data())
def test_any_single_substitution_is_caught(body: str, position: int, data: st.DataObject) -> None:
    code = body + check_character(body)
    replacement = data.draw(st.sampled_from([c for c in CHARSET if c != code[position]]))
    broken = code[:position] + replacement + code[position + 1 :]
    assert credit_code_problem(broken) == ("统一社会信用代码校验位错误", "check digit is wrong")


@given(body=bodies, position=st.integers(0, 16))
def test_adjacent_transposition_is_caught(body: str, position: int) -> None:
    code = body + check_character(body)
    if code[position] == code[position + 1]:
        return
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    assert not is_valid_credit_code(swapped)


def test_letters_outside_the_set_and_lengths() -> None:
    assert credit_code_problem("91350100M000100YI3")[1].startswith("contains characters")  # type: ignore[index]
    assert credit_code_problem("91350100M000100Y4") == ("统一社会信用代码应为18位", "must be 18 characters")
