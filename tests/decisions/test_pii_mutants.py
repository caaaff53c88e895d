"""The screen's rules at their edges, one test per rule a mutant of ``domain/pii.py`` broke.

Every expected value is literal, worked out from the rules (docs/decisions.md, the module's
docstring, GB 11643 for resident IDs, GS 15-2006 for 注册号, the Luhn check for cards); the
check characters are computed below by a separate implementation written from the standards,
never with the code under test.
"""

from __future__ import annotations

import pytest
from sunlight.domain.pii import (
    Hit,
    _classify,
    _id_shaped,
    id_check_character,
    is_resident_id,
    mask_number,
    registration_number_ok,
    scan,
    scan_fields,
)

from .credit_code_oracle import oracle_check_9, oracle_check_18

# GB 11643-1999: weights 2**(17-i) mod 11, check character "10X98765432"[sum mod 11]
_GB_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]


def gb11643(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _GB_WEIGHTS, strict=True)) % 11]


def luhn(digits: str) -> bool:
    doubled = [int(c) * (2 if i % 2 else 1) for i, c in enumerate(reversed(digits))]
    return sum(d // 10 + d % 10 for d in doubled) % 10 == 0


def test_the_oracles_agree_with_published_examples() -> None:
    assert gb11643("11010519491231002") == "X"  # GB 11643's own example
    assert gb11643("11010519790605507") == "0"
    assert luhn("4111111111111111") and not luhn("4111111111111112")


# --- mask_number
@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("138 1234 5678", "138******78"),  # separators do not count
        ("138-1234-5678", "138******78"),
        ("12345", "*****"),
        ("123456", "******"),  # six digits or fewer: all hidden
        ("1234567", "123**67"),  # seven: first three and last two shown
    ],
)
def test_mask_number(number: str, masked: str) -> None:
    assert mask_number(number) == masked


# --- resident IDs
def test_the_check_character_needs_exactly_seventeen_characters() -> None:
    assert id_check_character("11010519491231002") == "X"
    with pytest.raises(ValueError):
        id_check_character("1101051949123100")  # 16: not an ID's first 17


def test_id_shape_needs_seventeen_digits_first() -> None:
    assert not _id_shaped("1101051949123100A1")
    assert _id_shaped("110105194912310021")  # shape only: the check character is not looked at


@pytest.mark.parametrize(
    ("year", "shaped"), [("1899", False), ("1900", True), ("2099", True), ("2100", False)]
)
def test_birth_years_1900_to_2099(year: str, shaped: bool) -> None:
    first17 = f"110105{year}0101123"
    valid = first17 + gb11643(first17)
    assert is_resident_id(valid) is shaped
    wrong = first17 + ("1" if gb11643(first17) != "1" else "2")
    assert _id_shaped(wrong) is shaped


@pytest.mark.parametrize(
    "text",
    [
        "1101051949123100",  # 16 digits
        "11010549123100A",  # 15 characters, not all digits
        "1234567",
        "12345678901234567",
        "",
    ],
)
def test_not_resident_ids(text: str) -> None:
    assert not is_resident_id(text)


def test_old_fifteen_digit_ids() -> None:
    assert is_resident_id("110105491231002")  # region 110105, born (19)49-12-31
    assert not is_resident_id("110105491331002")  # month 13
    assert not is_resident_id("990105491231002")  # region 99


# --- 注册号 (GS 15-2006, ISO 7064 MOD 11,10)
def test_registration_numbers() -> None:
    # 110108000000008: the running sum reaches 0 mod 10 on the way (the "or 10" of the standard)
    assert registration_number_ok("110108000000008")
    assert not registration_number_ok("110108000000007")
    assert registration_number_ok("440300921105066")
    assert not registration_number_ok("44030092110506")  # 14 digits
    assert not registration_number_ok("44030092110506A")


# --- _classify: the shapes of numbers
@pytest.mark.parametrize(
    ("groups", "label", "kind"),
    [
        (["4111", "111", "111111111X"], "", None),  # 16 digits passing Luhn, but a group of 3
        (["4111", "1111", "111", "11111"], "", None),  # groups of four only, the last aside
        (["4111", "1111", "1111", "1111"], "", "bank_card"),
        (["02159123456X"], "", "landline"),  # the X is a letter after the number
        (["0108765432X"], "", "landline"),
        (["0108765432"], "", "landline"),  # area code 010 + 7 digits, one group of 10
        (["02159123456"], "", "landline"),  # one group of 11
        (["057187654321"], "", "landline"),  # one group of 12
        (["021", "5912", "34", "56"], "", None),  # a landline has at most three groups
        (["8765432X"], "phone", "landline"),
        (["8765432"], "phone", "landline"),  # 7 digits after a phone word
        (["87654321"], "phone", "landline"),
        (["876543210"], "phone", None),  # 9: not a local number
        (["876", "54", "32"], "phone", None),  # at most two groups
        (["20765432"], "phone", "landline"),
        (["08765432"], "phone", None),  # a local number starts with 2-9
        (["8613812345678"], "", "mobile"),  # 86 + mobile
        (["86", "13812345678"], "", "mobile"),
        (["86138123456", "78"], "", "mobile"),
        (["1381234", "5678"], "", "mobile"),
        (["2213812345678"], "", None),  # 13 digits not starting with 86
        (["12345678901234567890"], "", "long_number"),  # 20 digits, one run
        (["1234567890123456789"], "", None),  # 19, not Luhn
        (["00004111111111111111"], "", "long_number"),  # 20 digits passing Luhn: not a card
    ],
)
def test_classify(groups: list[str], label: str, kind: str | None) -> None:
    assert _classify(groups, label, False) == kind


def test_classify_literals_behave_as_assumed() -> None:
    assert luhn("00004111111111111111") and not luhn("12345678901234567890")
    assert not luhn("1234567890123456789")


# --- 文书号 serials
def test_a_serial_holding_a_resident_id_is_held() -> None:
    assert gb11643("11010519790605507") == "0"
    assert [h.kind for h in scan("110105197906055070001", "doc_no")] == ["id_number"]  # ID first
    assert [h.kind for h in scan("001110105197906055070", "doc_no")] == ["id_number"]  # ID last
    # an old 15-digit ID at the end is not an 18-character ID: a serial, nothing held
    assert scan("2025110105491231002", "doc_no") == []
    assert scan_fields(["doc_no"], ["4111111111111111"]) == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("第4111111111111111号", []),  # 第 at the text's start
        ("第 4111111111111111 号", []),  # one space each side
        ("第4111111111111111 号", []),
        ("4111111111111111号", ["bank_card"]),  # 号 alone: not a serial
        ("第4111111111111111", ["bank_card"]),  # 第 alone
        ("第  4111111111111111号", ["bank_card"]),  # 第 two spaces away
        ("第4111111111111111  号", ["bank_card"]),
    ],
)
def test_serials_between_di_and_hao(text: str, kinds: list[str]) -> None:
    assert [h.kind for h in scan(text)] == kinds


# --- labels
def test_hits_carry_mask_and_label() -> None:
    assert scan("13812345678") == [Hit("mobile", "138******78", "")]
    assert scan("138 1234 5678") == [Hit("mobile", "138******78", "")]
    assert scan("电话8765432") == [Hit("landline", "876**32", "电话")]
    assert scan("8765432") == []


def test_a_label_out_of_reach_or_behind_a_digit_does_not_count() -> None:
    assert scan("电话：请于工作日上午九点至十一点拨打8765432") == []  # 16 characters away
    assert scan("电话：1号楼8765432") == []  # a digit between


# --- parts of a run
def test_every_part_of_a_run_is_tried() -> None:
    assert scan("0000 13812345678") == [Hit("mobile", "138******78", "")]
    assert scan("12 13812345678") == [Hit("mobile", "138******78", "")]
    assert scan("021 59123456 13812345678") == [
        Hit("landline", "021******56", ""),
        Hit("mobile", "138******78", ""),
    ]
    assert scan("13812345678 021 59123456") == [
        Hit("landline", "021******56", ""),
        Hit("mobile", "138******78", ""),
    ]


def test_the_label_applies_only_to_the_part_that_starts_the_run() -> None:
    assert not luhn("138123456788765432")
    assert scan("电话13812345678 8765432") == [Hit("mobile", "138******78", "电话")]
    assert scan("电话021 59123456 13812345678") == [
        Hit("landline", "021******56", "电话"),
        Hit("mobile", "138******78", ""),
    ]


def test_forty_digits_are_a_long_number() -> None:
    assert scan("1234567890" * 4) == [Hit("long_number", "123" + "*" * 35 + "90", "")]


def test_more_than_forty_digits_are_a_long_number() -> None:
    """One run of 41 digits or more is held like any run of 20 or more (it once slipped through)."""
    assert [h.kind for h in scan("1234567890" * 4 + "1")] == ["long_number"]
    assert [h.kind for h in scan("账号" + "9" * 60)] == ["bank_account"]
    # a resident ID glued between long runs of digits: every part is held
    assert [h.kind for h in scan("123456" + "11010519491231002X" + "1" * 45)] == [
        "long_number",
        "long_number",
    ]


# --- credit codes
def _credit(first17: str) -> str:
    return first17 + oracle_check_18(first17)


def test_the_credit_code_literals() -> None:
    # 111101208001010 + org check 5 + credit check X: 17 digits and X, born 2080-01-01 in
    # region 111101's place, but its ID check would be 1, not X
    assert oracle_check_9("80010105") == "3"
    assert _credit("11110120800101053") == "11110120800101053X"
    assert gb11643("11110120800101053") != "X"
    # 11110119800101096X: a valid credit code that is also a valid resident ID
    assert _credit("11110119800101096") == "11110119800101096X"
    assert gb11643("11110119800101096") == "X"
    assert _credit("11330100000010524") == "113301000000105244" and luhn("113301000000105244")


def test_a_credit_code_that_could_be_a_mistyped_id_is_held_outside_its_context() -> None:
    assert [h.kind for h in scan("编码11110120800101053X")] == ["possible_id"]
    assert scan("统一社会信用代码11110120800101053X") == []


def test_an_invalid_code_after_an_account_label_is_an_account() -> None:
    # 998877665544332212: not a credit code (region 99, wrong check), not Luhn, not ID-shaped
    assert oracle_check_18("99887766554433221") != "2"
    assert not luhn("998877665544332212")
    assert scan("账号998877665544332212") == [Hit("bank_account", "998*************12", "账号")]


def test_scan_fields_and_the_credit_code_field() -> None:
    assert [(n, h.kind) for n, h in scan_fields(["credit_code"], ["110105197906055070"])] == [
        ("credit_code", "id_number")
    ]
    assert [(n, h.kind) for n, h in scan_fields(["credit_code"], ["13812345678"])] == [
        ("credit_code", "mobile")
    ]
    assert [(n, h.kind) for n, h in scan_fields(["credit_code"], ["11110119800101096X"])] == [
        ("credit_code", "id_number")
    ]
    assert scan_fields(["credit_code"], ["113301000000105244"]) == []
    # the same all-digit, Luhn-valid code in free text, with no 信用代码 before it: a card
    assert [(n, h.kind) for n, h in scan_fields(["facts"], ["113301000000105244"])] == [
        ("facts", "bank_card")
    ]
