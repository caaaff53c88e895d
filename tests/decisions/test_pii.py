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
