"""统一社会信用代码 (GB 32100-2015): the whole structure, checked against real and hand-made codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sunlight.domain.credit_code import (
    CHARSET,
    WEIGHTS,
    check_character,
    credit_code_problem,
    is_valid_credit_code,
    normalise_credit_code,
    organisation_code_check,
)

from .credit_code_oracle import AUTHORITY_TYPES, CODE_SET, oracle_check_9, oracle_check_18, valid_codes

# Published codes of well-known organisations (each passes both the GB 11714 and the
# GB 32100 check, which a mistyped code does with a chance of about 1 in 341).
REAL_CODES = {
    "91350100M000100Y43": "GB 32100-2015 附录 example",
    "914403001922038216": "华为技术有限公司",
    "91100000100003962T": "中国工商银行股份有限公司",
    "911100001000044477": "中国建设银行股份有限公司",
    "911100001000054748": "中国农业银行股份有限公司",
    "911000001000013428": "中国银行股份有限公司",
    "91110000710925462X": "中国石油天然气股份有限公司",
    "91110000710926094P": "中国石油化工股份有限公司",
    "91110000710925243K": "中国移动通信集团有限公司",
    "91330100716105852F": "阿里巴巴（中国）有限公司",
    "91440300708461136T": "深圳市腾讯计算机系统有限公司",
    "91110000802100433B": "北京百度网讯科技有限公司",
    "12100000400000624D": "北京大学 (事业单位)",
}

# Made by hand for the authorities, types and positions the real codes leave out (positions
# 5, 7 and 8 are 0 in every real code above). The organisation code check, GB 11714 weights
# 3 7 9 10 5 8 4 2, letters A=10 ... Z=35, check = 11 - sum mod 11 (10 -> X, 11 -> 0):
#   L1234567: 21*3+1*7+2*9+3*10+4*5+5*8+6*4+7*2 = 216; 216 mod 11 = 7; 11-7 = 4
#   MA4UJ8KN: 22*3+10*7+4*9+30*10+19*5+8*8+20*4+23*2 = 757; 757 mod 11 = 9; 11-9 = 2
#   50987654: 5*3+0*7+9*9+8*10+7*5+6*8+5*4+4*2 = 287; 287 mod 11 = 1; 11-1 = 10 -> X
#   HQ7WX3RT: 17*3+26*7+7*9+32*10+33*5+3*8+27*4+29*2 = 971; 971 mod 11 = 3; 11-3 = 8
#   MA2B3C4D: 22*3+10*7+2*9+11*10+3*5+12*8+4*4+13*2 = 417; 417 mod 11 = 10; 11-10 = 1
#   ET6PY0FG: 14*3+29*7+6*9+25*10+34*5+0*8+15*4+16*2 = 811; 811 mod 11 = 8; 11-8 = 3
#   G5N7R2W1: 16*3+5*7+23*9+7*10+27*5+2*8+32*4+1*2 = 641; 641 mod 11 = 3; 11-3 = 8
#   DB3A9C6E: 13*3+11*7+3*9+10*10+9*5+12*8+6*4+14*2 = 436; 436 mod 11 = 7; 11-7 = 4
#   MA6BN2K3: 22*3+10*7+6*9+11*10+23*5+2*8+20*4+3*2 = 517; 517 mod 11 = 0; 11-0 = 11 -> 0
# The 18th character, e.g. for 92371102L12345674 (values x weights 1 3 9 27 19 26 16 17 20
# 29 25 13 8 24 10 30 28): 9+6+27+189+19+26+0+34+400+29+50+39+32+120+60+210+112 = 1362;
# 1362 mod 31 = 29; 31-29 = 2.
MADE_CODES = {
    "92371102L123456742": "个体工商户, 日照市东港区",
    "93441900MA4UJ8KN23": "农民专业合作社, 东莞市",
    "5232058350987654X3": "民办非企业单位, 昆山市",
    "Y1421125HQ7WX3RT8P": "其他",
    "N2330110MA2B3C4D19": "村级集体经济组织",
    "A1110108ET6PY0FG3J": "军队事业单位",
    "31420106G5N7R2W18U": "律师执业机构",
    "81540102DB3A9C6E4Q": "基层工会",
    "71320506MA6BN2K30Y": "宗教活动场所 (organisation code check 0)",
}


@pytest.mark.parametrize("code", [*REAL_CODES, *MADE_CODES])
def test_real_and_hand_made_codes_are_valid(code: str) -> None:
    assert credit_code_problem(code) is None
    assert check_character(code[:17]) == code[17]
    assert organisation_code_check(code[8:16]) == code[16]


def test_the_standard_tables() -> None:
    assert CHARSET == "0123456789ABCDEFGHJKLMNPQRTUWXY"
    assert WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def test_the_literal_codes_cover_every_position_and_character() -> None:
    """So that a changed weight or character-set entry breaks at least one literal code."""
    codes = [*REAL_CODES, *MADE_CODES]
    for position in range(17):
        assert any(code[position] != "0" for code in codes), position
    assert set(CODE_SET) <= set("".join(codes))  # a replaced character makes some code invalid
    for position, weight in enumerate(WEIGHTS):
        changed = WEIGHTS[:position] + ((weight + 1) % 31,) + WEIGHTS[position + 1 :]
        assert any(
            CODE_SET[(31 - sum(CODE_SET.index(c) * w for c, w in zip(code, changed, strict=False)) % 31) % 31]
            != code[17]
            for code in codes
        ), position


@given(valid_codes())
def test_agrees_with_the_independent_oracle(code: str) -> None:
    assert is_valid_credit_code(code)
    assert check_character(code[:17]) == oracle_check_18(code[:17])
    assert organisation_code_check(code[8:16]) == oracle_check_9(code[8:16])


@given(st.text(alphabet=CODE_SET, min_size=17, max_size=17))
def test_check_character_agrees_with_the_oracle_on_any_body(body: str) -> None:
    assert check_character(body) == oracle_check_18(body)


@given(valid_codes(), st.integers(0, 17), st.data())
def test_any_single_substitution_is_caught(code: str, position: int, data: st.DataObject) -> None:
    replacement = data.draw(st.sampled_from([c for c in CODE_SET if c != code[position]]))
    broken = code[:position] + replacement + code[position + 1 :]
    assert credit_code_problem(broken) is not None


@given(valid_codes(), st.integers(0, 16))
def test_adjacent_transposition_is_caught(code: str, position: int) -> None:
    if code[position] == code[position + 1]:
        return
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    assert not is_valid_credit_code(swapped)


def _with_check(first17: str) -> str:
    return first17 + oracle_check_18(first17)


@pytest.mark.parametrize(
    ("code", "zh", "en_part"),
    [
        # position 1: B is in the character set but no registration authority
        (_with_check("B1350100M000100Y4"), "登记管理部门码", "registration authority"),
        (_with_check("01350100M000100Y4"), "登记管理部门码", "registration authority"),
        # position 2: 工商 has no type 9; 其他 (Y) only type 1; letters are never a type
        (_with_check("99350100M000100Y4"), "机构类别码", "organisation type"),
        (_with_check("Y2350100M000100Y4"), "机构类别码", "organisation type"),
        (_with_check("1A350100M000100Y4"), "机构类别码", "organisation type"),
        (_with_check("54350100M000100Y4"), "机构类别码", "organisation type"),
        # positions 3-8: letters in the area code
        (_with_check("9135A100M000100Y4"), "登记管理机关行政区划码", "area code"),
        (_with_check("913501M0M000100Y4"), "登记管理机关行政区划码", "area code"),
        # positions 9-17: the organisation code check (M000100Y + 4; 5 is wrong)
        (_with_check("91350100M000100Y5"), "组织机构代码校验位", "organisation code"),
        (_with_check("914403001922038X1"), "组织机构代码校验位", "organisation code"),
        # position 18
        ("91350100M000100Y44", "统一社会信用代码校验位错误", "check digit is wrong"),
        ("914403001922038217", "统一社会信用代码校验位错误", "check digit is wrong"),
    ],
)
def test_each_part_is_named(code: str, zh: str, en_part: str) -> None:
    problem = credit_code_problem(code)
    assert problem is not None
    assert zh in problem[0] and en_part in problem[1], problem


def test_wrong_organisation_type_names_the_authority() -> None:
    zh, en = credit_code_problem(_with_check("99350100M000100Y4")) or ("", "")
    assert "工商" in zh and "9" in en


@pytest.mark.parametrize(
    "typed",
    [
        "９１３５０１００Ｍ０００１００Ｙ４３",  # full-width
        "91350100m000100y43",  # lower case
        " ９１３５０１００ｍ０００１００ｙ４３ ",  # both, with spaces
    ],
)
def test_full_width_and_lower_case_are_normalised(typed: str) -> None:
    assert credit_code_problem(typed) is None
    assert is_valid_credit_code(typed)
    assert normalise_credit_code(typed) == "91350100M000100Y43"


def test_letters_outside_the_set_and_lengths() -> None:
    assert credit_code_problem("91350100M000100YI3")[1].startswith("contains characters")  # type: ignore[index]
    assert credit_code_problem("91350100M000100Y4") == ("统一社会信用代码应为18位", "must be 18 characters")


def test_authority_table_matches_the_standard() -> None:
    from sunlight.domain.credit_code import ORGANISATION_TYPES

    assert {
        authority: "".join(sorted(types)) for authority, (_, types) in ORGANISATION_TYPES.items()
    } == AUTHORITY_TYPES
