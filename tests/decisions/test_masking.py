"""Natural persons' names: only the surname (compound surnames whole) survives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from sunlight.domain.masking import COMPOUND_SURNAMES, mask_in_text, mask_name, surname, unmasked

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


# An independent table of the common compound surnames (复姓), written here and not imported
# from masking.COMPOUND_SURNAMES, with the literal masked form of one name each.
COMPOUND_ORACLE = {
    "欧阳修": "欧阳某",
    "司马光": "司马某",
    "诸葛亮": "诸葛某",
    "上官婉儿": "上官某",
    "司徒雷登": "司徒某",
    "东方朔": "东方某",
    "皇甫谧": "皇甫某",
    "尉迟恭": "尉迟某",
    "公孙胜": "公孙某",
    "慕容复": "慕容某",
    "长孙无忌": "长孙某",
    "宇文泰": "宇文某",
    "夏侯惇": "夏侯某",
    "令狐冲": "令狐某",
    "端木蕻良": "端木某",
    "独孤信": "独孤某",
    "南宫适": "南宫某",
    "西门庆": "西门某",
    "司空图": "司空某",
    "申屠嘉": "申屠某",
    "呼延灼": "呼延某",
    "轩辕明": "轩辕某",
    "澹台灭明": "澹台某",
}


def test_compound_surnames_against_an_independent_table() -> None:
    for name, expected in COMPOUND_ORACLE.items():
        assert mask_name(name) == expected, name
        assert mask_in_text(f"当事人{name}在新镇街道", name) == f"当事人{expected}在新镇街道"


def test_a_longer_name_is_another_person_and_is_left_alone() -> None:
    assert mask_in_text("张三丰在武当山", "张三") == "张三丰在武当山"
    assert mask_in_text("张三丰与张三", "张三") == "张三丰与张某"
    assert mask_in_text("司马丽与马丽发生争执", "马丽") == "司马丽与马某发生争执"
    assert mask_in_text("欧阳明日在", "阳明") == "欧阳明日在"


def test_a_name_followed_by_a_function_word_or_predicate_is_masked() -> None:
    cases = {
        "当事人张三在新镇街道占道经营": "当事人张某在新镇街道占道经营",
        "张三于2025年3月1日": "张某于2025年3月1日",
        "张三因占道经营被处罚": "张某因占道经营被处罚",
        "张三擅自搭建": "张某擅自搭建",
        "张三违规堆放": "张某违规堆放",
        "张三，男": "张某，男",
        "张三": "张某",
        "经营者张三的店": "经营者张某的店",
        "张三、李四": "张某、李四",
    }
    for text, expected in cases.items():
        assert mask_in_text(text, "张三") == expected, text


def test_names_are_not_masked_inside_other_words() -> None:
    assert unmasked("张三丰在", "张三")
    assert not unmasked("张某在", "张三")


NAMES = ["张三", "李小明", "欧阳娜娜", "王五", "上官婉儿"]
FILLER = "当事人在新镇街道中山路占道经营于因擅自，。、的张李王欧阳上官丰明华强1２ａ "


@given(name=st.sampled_from(NAMES), text=st.lists(st.text(alphabet=FILLER, max_size=6), max_size=6))
def test_masking_changes_no_character_outside_the_name(name: str, text: list[str]) -> None:
    """Every character outside the name's occurrences comes out unchanged, in order."""
    source = name.join(text)
    masked = mask_in_text(source, name)
    # Undo each replacement: the masked form stands where a whole occurrence was.
    family = mask_name(name).removesuffix("某")
    # Rebuild by walking the source: an occurrence is either kept or became surname + 某.
    i = j = 0
    while i < len(source):
        if (
            source.startswith(name, i)
            and masked.startswith(family + "某", j)
            and not masked.startswith(name, j)
        ):
            i, j = i + len(name), j + len(family) + 1
            continue
        assert masked[j] == source[i], (source, masked)
        i, j = i + 1, j + 1
    assert j == len(masked)
