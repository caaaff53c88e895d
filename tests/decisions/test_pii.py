"""Screening of free text: personal numbers are found, 文书号, amounts, dates and credit codes are not."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from sunlight.domain.pii import PROVINCES, id_check_character, is_resident_id, luhn_ok, mask_number, scan

from .credit_code_oracle import valid_codes

CHINESE = st.text(
    alphabet="当事人在新镇街道擅自占用城市道路堆放建筑材料经查实责令改正罚款元整,。:;、", max_size=30
)


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    region = draw(st.sampled_from(sorted(PROVINCES))) + draw(st.from_regex(r"[0-9]{4}", fullmatch=True))
    born = draw(st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2012, 12, 31)))
    first17 = region + born.strftime("%Y%m%d") + draw(st.from_regex(r"[0-9]{3}", fullmatch=True))
    return first17 + id_check_character(first17)


@st.composite
def bank_cards(draw: st.DrawFn) -> str:
    length = draw(st.integers(16, 19))
    body = "62" + draw(st.from_regex(rf"[0-9]{{{length - 3}}}", fullmatch=True))
    for check in "0123456789":
        if luhn_ok(body + check):
            return body + check
    raise AssertionError("unreachable")


mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
landlines = st.from_regex(r"(010|02[0-9]|0[3-9][0-9]{2})-[2-9][0-9]{7}", fullmatch=True)


def kinds(text: str) -> list[str]:
    return [hit.kind for hit in scan(text)]


@settings(max_examples=150)
@given(before=CHINESE, after=CHINESE, number=resident_ids())
def test_resident_ids_in_chinese_text_are_found(before: str, after: str, number: str) -> None:
    assert is_resident_id(number)
    assert kinds(before + number + after) == ["id_number"]


@settings(max_examples=150)
@given(before=CHINESE, after=CHINESE, number=bank_cards(), grouped=st.booleans())
def test_bank_cards_are_found(before: str, after: str, number: str, grouped: bool) -> None:
    if grouped:
        number = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    found = kinds(before + "卡号" + number + after)
    assert found in (["bank_card"], ["id_number"])  # an 18-digit card may also be a valid ID number


@settings(max_examples=150)
@given(
    before=CHINESE, after=CHINESE, number=mobiles, style=st.sampled_from(["plain", "dash", "space", "+86"])
)
def test_mobile_numbers_are_found(before: str, after: str, number: str, style: str) -> None:
    shown = {
        "plain": number,
        "dash": f"{number[:3]}-{number[3:7]}-{number[7:]}",
        "space": f"{number[:3]} {number[3:7]} {number[7:]}",
        "+86": f"+86 {number}",
    }[style]
    assert kinds(before + shown + after) == ["mobile"]


@settings(max_examples=100)
@given(before=CHINESE, after=CHINESE, number=landlines)
def test_landlines_with_area_code_are_found(before: str, after: str, number: str) -> None:
    assert kinds(before + number + after) == ["landline"]


def test_full_width_digits_and_parenthesised_area_codes() -> None:
    assert kinds("联系电话:１３８１２３４５６７８") == ["mobile"]
    assert kinds("办公电话(0571)8765 4321") == ["landline"]
    assert kinds("值班电话 5912 3456") == ["landline"]


@settings(max_examples=200)
@given(
    year=st.integers(2019, 2026),
    serial=st.integers(1, 999999),
    amount=st.integers(0, 5_000_000),
    cents=st.integers(0, 99),
    day=st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2026, 12, 31)),
    code=valid_codes(),
)
def test_doc_numbers_amounts_dates_and_credit_codes_do_not_hit(
    year: int, serial: int, amount: int, cents: int, day: dt.date, code: str
) -> None:
    text = (
        f"明城管罚决字〔{year}〕第{serial:06d}号,罚款人民币{amount}.{cents:02d}元({amount:,}元),"
        f"{day.isoformat()}、{day.year}/{day.month}/{day.day}、{day.year}年{day.month}月{day.day}日作出,"
        f"统一社会信用代码{code},依据《城市道路管理条例》第四十二条第一款第(三)项。"
    )
    if is_resident_id(code) or (code.isdigit() and luhn_ok(code)):
        return  # an all-digit credit code that is also a valid ID or card number: held, by design
    assert scan(text) == []


def test_masked_numbers_in_reports() -> None:
    assert mask_number("13812345678") == "138******78"
    assert "12345" not in mask_number("110105194912310021")
    assert kinds("电话138****5678") == []  # already masked: nothing to hide


def test_very_long_digit_runs_are_held() -> None:
    assert kinds("案件编号123456789012345678901234") == ["long_number"]


# --- Independent oracle: resident ID numbers written out (GB 11643-1999; computed offline with
# weights 2^(n-1) mod 11, never with ``id_check_character``), one per check character, the
# standard's own example (11010519491231002X) and the 15-digit form.
RESIDENT_IDS = {
    "0": "110105197906055070",
    "1": "110105195505091741",
    "2": "110105196809223592",
    "3": "110105198202065443",
    "4": "110105196305182854",
    "5": "310104196202121005",
    "6": "110105199002156556",
    "7": "110105195001011007",
    "8": "110105195801102118",
    "9": "110105195209041379",
    "X": "11010519510602877X",
}
STANDARD_EXAMPLE = "11010519491231002X"
OLD_15_DIGIT = "110105491231002"  # the standard's example in its first-generation form


def test_oracle_covers_every_check_character() -> None:
    assert sorted(RESIDENT_IDS) == sorted("0123456789X")
    assert all(number[-1] == check for check, number in RESIDENT_IDS.items())


def test_literal_resident_ids_are_recognised_and_screened() -> None:
    for number in [*RESIDENT_IDS.values(), STANDARD_EXAMPLE, OLD_15_DIGIT]:
        assert is_resident_id(number), number
        assert kinds(f"当事人身份证号{number}。") == ["id_number"], number
        assert kinds(f"当事人身份证号{number.lower()}。") == ["id_number"], number


def test_one_changed_digit_fails_the_check_character() -> None:
    for number in [*RESIDENT_IDS.values(), STANDARD_EXAMPLE]:
        changed = number[:16] + str((int(number[16]) + 1) % 10) + number[17]
        assert not is_resident_id(changed), changed


# --- Full-width and other separators: what a reader reads as one number is one number.
SEPARATORS = ["－", "　", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\u00a0",
              "\u2009", "\u202f", "·", ".", "/", " - ", "\u200b"]  # fmt: skip


def test_full_width_separators_are_read_as_separators() -> None:
    assert kinds("联系电话138－1234－5678") == ["mobile"]
    assert kinds("联系电话138　1234　5678") == ["mobile"]
    assert kinds("卡号6222－0212－3456－7894") == ["bank_card"]
    assert kinds("付款人6222－0212－3456－7894") == ["bank_card"]


def test_every_separator_variant_and_full_width_digits() -> None:
    for sep in SEPARATORS:
        mobile = sep.join(["138", "1234", "5678"])
        assert kinds(f"当事人{mobile}。") == ["mobile"], repr(sep)
        wide = mobile.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        assert kinds(f"当事人{wide}。") == ["mobile"], repr(sep)
        card = sep.join(["6222", "0212", "3456", "7894"])
        assert kinds(f"付款{card}。") == ["bank_card"], repr(sep)
        resident = sep.join([STANDARD_EXAMPLE[:6], STANDARD_EXAMPLE[6:14], STANDARD_EXAMPLE[14:]])
        assert kinds(f"身份证{resident}。") == ["id_number"], repr(sep)


# --- Bank accounts: a number next to 账号/账户/卡号/开户 is an account, whatever its checksum.
def test_bank_accounts_are_held_whatever_their_checksum() -> None:
    for text in (
        "银行账号6217001234567890123",
        "对公账户：12345678901234567",
        "账号 1001 2345 6789",
        "开户行及账号：中国银行明川支行 100123456789",
        "收款帐号:１００１－２３４５－６７８９",
    ):
        assert kinds(text) == ["bank_account"], text
    assert scan("银行账号6217001234567890123")[0].label == "账号"


# --- False holds: the context tells a serial, a credit code or a 注册号 from a personal number.
AGENCY_CREDIT_CODES = [
    "113301000000105244",
    "113301000000116746",
    "113301000000126349",
]  # all digits, Luhn-valid


def test_doc_number_serials_are_not_bank_cards() -> None:
    assert luhn_ok("2026031200001239") and luhn_ok("2026031200000123457")  # would pass for cards
    assert kinds("依据明城管罚决字〔2026〕第2026031200001239号决定") == []
    assert kinds("明城管罚决字〔2026〕第2026031200000123457号") == []
    assert scan("明城管罚决字〔2026〕2026031200001239", field="doc_no") == []
    assert kinds("付款2026031200001239") == ["bank_card"]  # without the context: held (in doubt)


def test_a_doc_number_holding_a_resident_id_is_still_screened() -> None:
    assert [h.kind for h in scan(f"明城管罚决字〔2026〕第{STANDARD_EXAMPLE}号", field="doc_no")] == [
        "id_number"
    ]
    assert [h.kind for h in scan(f"明城管罚决字〔2026〕第{STANDARD_EXAMPLE}001号", field="doc_no")] == [
        "id_number"
    ]
    assert kinds("明城管罚决字〔2026〕第13812345678号") == ["mobile"]


def test_all_digit_credit_codes_in_a_credit_code_context_are_not_cards() -> None:
    for code in AGENCY_CREDIT_CODES:
        assert luhn_ok(code)
        assert kinds(f"统一社会信用代码：{code}") == [], code
        assert kinds(f"（信用代码{code}）") == [], code
        assert scan(code, field="credit_code") == [], code
        assert kinds(f"付款{code}") == ["bank_card"], code  # no context: held (in doubt)


def test_old_registration_numbers_are_not_ids() -> None:
    # 440300921105066: a valid GS 15-2006 注册号 (ISO 7064 MOD 11,10) that also reads as a
    # 15-digit ID (region 440300, born 1992-11-05).
    assert is_resident_id("440300921105066")
    assert kinds("工商注册号：440300921105066") == []
    assert kinds("注册号440300921105066") == []
    assert kinds("注册号440300921105067") == ["id_number"]  # wrong 注册号 check: in doubt, an ID
    assert kinds("身份证440300921105066") == ["id_number"]


def test_a_contact_form_number_is_not_a_landline() -> None:
    assert kinds("联系单号20250928") == []
    assert kinds("联系电话 5912 3456") == ["landline"]
    assert kinds("电话59123456") == ["landline"]


def test_resident_id_with_a_wrong_check_character_is_held_as_a_possible_id() -> None:
    wrong = "330106198506120016"  # region 330106, born 1985-06-12, check should be 5
    assert not is_resident_id(wrong)
    (hit,) = scan(f"身份证号{wrong}")
    assert hit.kind == "possible_id" and "可能" in hit.zh and "possible" in hit.en
    assert kinds("流水号990106198506120016") == []  # no region: not an ID at all


def test_hits_name_the_label_seen() -> None:
    assert [(h.kind, h.label) for h in scan("联系电话：138-1234-5678，对公账户 1001 2345 6789")] == [
        ("mobile", "电话"),
        ("bank_account", "账户"),
    ]


def test_a_letter_x_after_a_number_does_not_hide_it() -> None:
    assert kinds("手机13812345678x") == ["mobile"]
    assert kinds(f"身份证{STANDARD_EXAMPLE}001") == ["id_number"]
