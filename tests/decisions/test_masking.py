"""Natural persons' names: only the surname (compound surnames whole) survives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from sunlight.domain.masking import COMPOUND_SURNAMES, mask_in_text, mask_name, surname

SINGLE = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红文辉鹏飞玉梅晓燕俊峰海波斌宇浩凯"
given_names = st.text(alphabet=GIVEN, min_size=1, max_size=3)


@given(family=st.sampled_from(SINGLE), rest=given_names)
def test_single_surname_keeps_only_the_first_character(family: str, rest: str) -> None:
    masked = mask_name(family + rest)
    assert masked == family + "某"


@given(family=st.sampled_from(sorted(COMPOUND_SURNAMES)), rest=given_names)
def test_compound_surname_is_kept_whole(family: str, rest: str) -> None:
    assert mask_name(family + rest) == family + "某"


@given(name=st.text(min_size=1, max_size=12).filter(lambda s: s.strip()))
def test_never_more_than_a_short_prefix_survives(name: str) -> None:
    masked = mask_name(name)
    kept = masked.removesuffix("某")
    assert masked.endswith("某")
    assert len(kept) <= 4 and kept in COMPOUND_SURNAMES | {kept[:1]}
    assert name.strip().startswith(kept) or kept == surname(name)


def test_examples() -> None:
    assert mask_name("欧阳娜娜") == "欧阳某"
    assert mask_name("司马光") == "司马某"
    assert mask_name("诸葛") == "诸葛某"
    assert mask_name("张三") == "张某"
    assert mask_name("钟离明") == "钟某"  # ambiguous: shows less
    assert mask_name("阿依古丽·买买提") == "阿某"
    assert mask_name("John Smith") == "J某"
    assert mask_name("张三(个体工商户)") == "张某"
    assert mask_name("  ") == ""


def test_full_name_masked_in_text() -> None:
    text = "当事人欧阳娜娜在新镇街道擅自占道经营,欧阳娜娜当场承认。"
    assert mask_in_text(text, "欧阳娜娜") == "当事人欧阳某在新镇街道擅自占道经营,欧阳某当场承认。"
