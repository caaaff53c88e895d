"""Name masking at its edges, one test per rule a mutant of ``domain/masking.py`` broke.

Expected texts are literal, written from the rules (docs/decisions.md): surname + 某, compound
surnames (复姓) kept whole, a note in brackets after the name ignored, only whole occurrences
replaced.
"""

from __future__ import annotations

from sunlight.domain.masking import mask_in_text, mask_name, surname, unmasked

ZHONGLI = frozenset({"钟离"})  # a compound an agency adds (not in the built-in table)


def test_a_note_after_the_name_is_not_part_of_it() -> None:
    assert surname("欧阳修（个体工商户）") == "欧阳"
    assert surname("欧阳修(个体工商户)") == "欧阳"
    assert mask_in_text("张三在店外摆摊。", "张三（个体工商户）") == "张某在店外摆摊。"
    assert unmasked("张三丰在店外摆摊。", "张三（个体工商户）")


def test_nothing_left_of_the_name() -> None:
    assert surname("") == ""
    assert surname("（个体工商户）") == ""
    assert surname("   ") == ""


def test_added_compounds_are_kept_whole() -> None:
    assert mask_name("钟离明", ZHONGLI) == "钟离某"
    assert mask_name("钟离明") == "钟某"
    assert mask_in_text("钟离明在店外摆摊。", "钟离明", ZHONGLI) == "钟离某在店外摆摊。"


def test_a_one_character_name_is_not_replaced() -> None:
    assert mask_in_text("张在店外摆摊。", "张") == "张在店外摆摊。"


def test_every_occurrence_is_replaced() -> None:
    text = "张三在甲地摆摊，张三在乙地摆摊，张三在丙地摆摊。"
    assert mask_in_text(text, "张三") == "张某在甲地摆摊，张某在乙地摆摊，张某在丙地摆摊。"


def test_overlapping_occurrences() -> None:
    # 丁丁丁在: the first 丁丁 is followed by 丁 (not whole); the one starting at the second
    # character is followed by 在 and is the name
    assert mask_in_text("丁丁丁在店外摆摊。", "丁丁") == "丁丁某在店外摆摊。"
    # 丁一丁一丁在: the first 丁一丁 is whole (一 ends a name); the next search starts after it
    assert mask_in_text("丁一丁一丁在店外。", "丁一丁") == "丁某一丁在店外。"


def test_a_whole_compound_surname_before_the_name_does_not_join_it() -> None:
    # 西门 (the west gate) is a compound surname, but it does not join 张 into one
    assert mask_in_text("酒店西门张三在摆摊。", "张三") == "酒店西门张某在摆摊。"
    assert mask_in_text("司马丽在摆摊。", "马丽") == "司马丽在摆摊。"
