"""Person names in free text at their edges, one test per rule a mutant of
``domain/person_names.py`` broke.

Expected values are literal, written from the rules of docs/names.md: a surname (single or
compound) and one or two given characters; no title, amount, date or place; a shop's 字号
before its trade word or in quotes is the business's; a dictionary word counts only after a
role word or another name in a list. Sentences name the people a reader sees in them.
"""

from __future__ import annotations

import re

import pytest
from sunlight.domain import person_names
from sunlight.domain.person_names import (
    JiebaNames,
    _alternation,
    _introduced,
    business_name,
    default_finder,
    plausible,
    sole_trader_person,
    surname_of,
)


@pytest.fixture
def finder() -> JiebaNames:
    """A fresh finder per test: its memo of texts must not answer from an earlier test."""
    return JiebaNames()


# --- the regular expressions' alternatives: longest first -----------------------------------


def test_alternatives_are_ordered_longest_first() -> None:
    # A regex alternation takes the first alternative that matches: 大道 must come before 道.
    assert _alternation(["道", "公路", "小区", "便利店"]) == "便利店|公路|小区|道"
    assert _alternation(["b", "aaa", "cc"]) == "aaa|cc|b"
    assert re.match(_alternation(["道", "大道"]), "大道").group() == "大道"


# --- surname_of ------------------------------------------------------------------------------


def test_surname_of() -> None:
    assert surname_of("王五") == "王"
    assert surname_of("欧阳娜娜") == "欧阳"
    assert surname_of("的士") == ""  # 的 is no surname
    assert surname_of("天明") == ""
    assert surname_of("") == ""


# --- plausible: the shape of a name at its place in the text ---------------------------------


def test_a_name_has_one_or_two_given_characters() -> None:
    assert plausible("王小明在场", 0, 3)
    assert plausible("王五在场", 0, 2)
    assert not plausible("王大小二在场", 0, 4)  # three given characters
    assert not plausible("王五在场", 0, 1)  # a surname alone
    assert plausible("欧阳娜娜在场", 0, 4)
    assert not plausible("欧阳娜娜丽在场", 0, 5)


def test_no_surname_no_name() -> None:
    assert not plausible("的士在场", 0, 2)
    assert not plausible("天明在场", 0, 2)


def test_a_masked_name_is_no_name() -> None:
    assert not plausible("王某甲在场", 0, 3)
    assert not plausible("王某在场", 0, 2)


def test_titles_times_and_verbs_are_not_given_names() -> None:
    assert not plausible("王队长在场", 0, 3)
    assert not plausible("沈阿姨在场", 0, 3)
    assert not plausible("当事人于夜间在门前摆摊", 3, 6)  # 于 is a surname, 夜间 a time
    assert not plausible("当事人于凌晨在门前摆摊", 3, 6)
    assert not plausible("张挂横幅", 0, 2)


def test_a_word_ending_in_a_place_or_family_character_is_no_name() -> None:
    assert not plausible("王氏在场", 0, 2)  # 王氏: the Wang family
    assert not plausible("李小家在场", 0, 3)
    assert not plausible("周浦镇居民", 0, 3)
    assert plausible("王路明在场", 0, 3)  # 路 inside the name, not at its end


def test_amounts_and_dates_are_not_given_names() -> None:
    assert not plausible("王伍在场", 0, 2)  # 伍 is the capital numeral five
    assert not plausible("罚款陆万元整", 2, 4)


def test_a_shop_after_a_list_mark_is_still_a_shop() -> None:
    # 与 ends no role word, and no name was found before it: 利泰 is the 面馆's 字号.
    assert not plausible("当事人与利泰面馆发生纠纷", 4, 6)
    assert not plausible("当事人、利泰面馆", 4, 6)
    # After a role word, a name before a trade word is a person's.
    assert plausible("证人王芳水果摊前", 2, 4)


# --- business_name ---------------------------------------------------------------------------


def test_a_three_character_name_whose_last_character_starts_the_trade() -> None:
    # 盛达建材门市部: 盛达 + 建材; the candidate 盛达建 ends with the trade's first character.
    assert business_name("在盛达建材门市部", 1, 4)
    assert business_name("在隆顺烟酒店", 1, 4)
    assert not business_name("在王小建在场", 1, 4)


def test_a_quoted_name_before_a_brand_word() -> None:
    assert business_name("“金利”牌电动车", 1, 3)
    assert business_name("销售“金利”品牌电动车", 3, 5)
    assert business_name("使用“金利”商标", 3, 5)
    assert not business_name("王五打牌", 0, 2)  # 牌 not right after a closing quote
    assert not business_name("王五”打牌", 0, 2)


def test_a_name_heading_a_quoted_phrase() -> None:
    assert business_name("“盛达兴旺”", 1, 3)
    assert business_name("以“盛达兴旺”名义经营", 2, 4)
    assert not business_name("盛达兴旺”", 0, 2)  # no opening quote before it
    assert not business_name('王五兴奋地喊"', 0, 2)  # a straight quote at the end closes nothing
    assert not business_name("“王五在店里”", 1, 3)  # a predicate follows the name
    assert not business_name("以“王五”名义经营", 2, 4)  # quoted alone
    assert not business_name("以“王五A货”名义经营", 2, 4)  # not Han up to the closing quote
    assert not business_name("以“王五名义经营", 2, 4)  # no closing quote


def test_the_quoted_phrase_is_short() -> None:
    # At most 12 characters from the name's start to the closing quote.
    assert business_name("“盛达兴旺发达兴旺发达兴”", 1, 3)
    assert not business_name("“盛达兴旺发达兴旺发达兴旺”", 1, 3)


# --- the finder ------------------------------------------------------------------------------


def test_the_finder_s_memos_have_the_documented_sizes(finder) -> None:
    # docs/names.md: 65,536 texts, 131,072 runs per process.
    stats = finder.stats()
    assert set(stats) == {"texts", "blocks"}
    assert stats["texts"].maxsize == 65536
    assert stats["blocks"].maxsize == 131072
    assert finder("当事人与王五发生争执。") == ("王五",)
    assert finder.stats()["texts"].currsize == 1


def test_a_name_that_starts_the_text(finder) -> None:
    assert finder("王五在店门前摆摊。") == ("王五",)


def test_a_name_after_a_road_named_like_it(finder) -> None:
    # 王五路 is a road; the second 王五 is a person.
    assert finder("当事人在王五路摆摊，与王五发生争执。") == ("王五",)


def test_a_surname_that_ends_the_text(finder) -> None:
    # A surname alone names nobody (于现场 lets the text past the prefilter).
    assert finder("执法人员于现场询问，证人称其姓王") == ()
    assert finder("当事人与吴桂兰") == ("吴桂兰",)  # 吴/nr 桂兰/ns, the last two words


def test_a_full_name_after_a_surname_character(finder) -> None:
    # 于 is a surname and a preposition: 于 + 李秀兰 is not one four-character name.
    assert finder("当事人于李秀兰家门前摆摊。") == ("李秀兰",)


def test_digits_before_a_dictionary_word_stay_digits(finder) -> None:
    # Digits are read as 0 for the memo. Letters there would change jieba's words: X光 is a
    # word of its dictionary.
    assert finder("当事人设置灯箱3光源王五称不知情。") == ("王五",)
    assert finder("当事人在5光明林国栋家门前摆摊。") == ("林国栋",)


def test_a_dictionary_word_after_a_list_mark_needs_a_name_before_it(finder) -> None:
    # 顾客 (customer) is tagged a name in jieba's dictionary; 与 after no name introduces none.
    assert finder("当事人与顾客发生争执。") == ()


def test_the_default_finder_is_one_per_process(monkeypatch) -> None:
    monkeypatch.setattr(person_names, "_default", None)
    first = default_finder()
    assert isinstance(first, JiebaNames)
    assert default_finder() is first


# --- _introduced: a role word or a listed name before a name ---------------------------------


def test_a_role_word_introduces_a_name() -> None:
    assert _introduced("证人", [])
    assert _introduced("实际经营人为", [])
    assert _introduced("负责人系", [])
    assert not _introduced("证人X", [])  # only 为, 是 or 系 between the role and the name
    assert not _introduced("当事人与", [])


def test_a_listed_name_introduces_the_next() -> None:
    assert _introduced("证人王明、", ["王明"])
    assert _introduced("王明和", ["王明"])
    assert _introduced("王明、", ["王明"])
    assert not _introduced("王明", ["王明"])  # no list mark
    assert not _introduced("王明X", ["王明"])
    assert not _introduced("与", [])  # a list mark after no name
    assert not _introduced("李强、", ["王明"])


# --- sole_trader_person ----------------------------------------------------------------------


def test_a_sole_trader_mark_alone_names_nobody() -> None:
    assert sole_trader_person("个体工商户") == ""
    assert sole_trader_person("（个体工商户）") == ""
    assert sole_trader_person("XXXX") == ""  # letters are no Chinese name


def test_names_with_a_middle_dot() -> None:
    assert sole_trader_person("阿依古丽·买买提") == "阿依古丽·买买提"
    assert sole_trader_person("阿依古丽·买买提（个体工商户）") == "阿依古丽·买买提"
    assert sole_trader_person("阿依古丽·") == ""
    assert sole_trader_person("Ayiguli·买买提") == ""


def test_a_person_s_name_has_a_surname_han_characters_and_two_to_four_of_them() -> None:
    assert sole_trader_person("王小明") == "王小明"
    assert sole_trader_person("欧阳娜娜") == "欧阳娜娜"
    assert sole_trader_person("王大小二") == ""
    assert sole_trader_person("天明") == ""  # no surname
    assert sole_trader_person("王a") == ""
    assert sole_trader_person("王") == ""


def test_han_characters_span_u3400_to_u9fff() -> None:
    # CJK Extension A starts at U+3400; the basic block ends at U+9FFF.
    assert sole_trader_person("王\u3400") == "王\u3400"
    assert sole_trader_person("王\u9fff") == "王\u9fff"
    assert sole_trader_person("王\u33ff") == ""
    assert sole_trader_person("王\ua000") == ""
