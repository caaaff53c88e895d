"""A preposition that is also a surname (于, 由) does not start the name after it: the held-back
report names the person the text names (陈美玲, 王五), not 于陈 or 由王五."""

from __future__ import annotations

from sunlight.domain.person_names import JiebaNames

FINDER = JiebaNames()


def test_yu_before_a_full_name_is_not_part_of_it() -> None:
    assert FINDER("当事人于陈美玲的店门前摆摊") == ("陈美玲",)


def test_you_before_a_name_is_not_part_of_it() -> None:
    assert FINDER("编号12光伏板由王五安装") == ("王五",)


def test_yu_as_a_surname_still_starts_a_name() -> None:
    # 于 as the surname of a witness named by a role word: a person
    assert FINDER("执法人员询问了证人于洋") == ("于洋",)
