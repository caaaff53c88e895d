"""Masking of natural persons' names: surname + 某 (张三 -> 张某, 欧阳修 -> 欧阳某).

Only the surname survives. A name that starts with a compound surname (复姓) keeps the
whole compound surname. Anything that is not a plain Chinese name (a name with a middle dot
such as 阿依古丽·买买提, a Latin-script name) keeps only its first character: less is
shown, never more.

In free text a name is replaced only as a whole name: masking 张三 leaves 张三丰 (another
person) alone, and masking 马丽 leaves 司马丽. An occurrence is whole when what follows it is
not a Han character, or is one of :data:`NAME_ENDS` (function words and the characters that
start a predicate in a decision's facts: 张三在, 张三于, 张三因, 张三擅自...), and what comes
before it does not join its first characters into a compound surname. An occurrence followed
by any other Han character is left alone; the publication policy holds such a record back,
because the party's full name is still in it (:func:`unmasked`).
"""

from __future__ import annotations

import re

MASK = "某"

# Compound surnames (复姓) kept whole. Rare compounds whose first character is itself a
# common surname (钟离, 单于, 梁丘, 乐正, 闻人, 百里...) are left out on purpose: for 钟离明 the
# reading 钟 + 离明 is at least as likely, and showing 钟某 shows less. Agencies may add
# compounds through ``extra_compounds``.
COMPOUND_SURNAMES: frozenset[str] = frozenset(
    [
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "司徒",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司空",
        "夏侯",
        "令狐",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "申屠",
        "万俟",
        "澹台",
        "轩辕",
        "呼延",
        "赫连",
        "淳于",
        "鲜于",
        "闾丘",
        "宗政",
        "濮阳",
        "仲孙",
        "公羊",
        "东郭",
        "公冶",
        "太史",
        "谷梁",
        "拓跋",
        "完颜",
        "颛孙",
        "亓官",
        "漆雕",
        "壤驷",
        "巫马",
        "公西",
        "段干",
        "宰父",
        "夹谷",
        "微生",
        "羊舌",
        "爱新觉罗",
        "叶赫那拉",
        "钮祜禄",
    ]
)

# Characters that end a name when they follow it: function words, and the first characters of
# the predicates that follow a person in a decision's facts. Characters common in given names
# (明, 华, 强, 建...) are left out: a name followed by one of them may be a longer name, so it
# is not replaced and the record is held back for review instead.
NAME_ENDS = frozenset(
    "在于因系是为的地得之等和与及同跟对向从自被把将让给以由称说讲已曾未不没无也都均亦又再还仍即便就才并"
    "且而但却所者某等擅违私占拒承经涉利驾搭堆摆设放乱随倾出进到来去接签表陈申提交缴收领办租开作负持携"
    "使用有家处店名户个一两二三夫妇其本该此现当发逃"
)

_MAX_COMPOUND = max(len(s) for s in COMPOUND_SURNAMES)
_HAN = re.compile(r"^[\u3400-\u9fff]+$")
_HAN_CHAR = re.compile(r"[\u3400-\u9fff]")
# Separators agencies write between a party's name and a note, e.g. 张三(个体工商户).
_NOTE = re.compile(r"[（(［\[【].*$")


def surname(name: str, extra_compounds: frozenset[str] = frozenset()) -> str:
    """The part of ``name`` that may be shown: its surname (compound surnames whole)."""
    text = _NOTE.sub("", name).strip()
    if not text:
        return ""
    if _HAN.match(text):
        compounds = COMPOUND_SURNAMES | extra_compounds
        for size in range(min(_MAX_COMPOUND, len(text)), 1, -1):
            if text[:size] in compounds:
                return text[:size]
    return text[0]


def mask_name(name: str, extra_compounds: frozenset[str] = frozenset()) -> str:
    """``张三`` -> ``张某``; ``欧阳娜娜`` -> ``欧阳某``; an empty name stays empty."""
    if not name.strip():
        return ""
    return surname(name, extra_compounds) + MASK


def mask_in_text(text: str, name: str, extra_compounds: frozenset[str] = frozenset()) -> str:
    """Replace every whole occurrence of the full ``name`` in ``text`` with its masked form."""
    full = _NOTE.sub("", name).strip()
    if len(full) < 2 or full not in text:
        return text
    compounds = COMPOUND_SURNAMES | extra_compounds
    masked = mask_name(full, extra_compounds)
    parts: list[str] = []
    at = 0
    start = text.find(full)
    while start >= 0:
        end = start + len(full)
        if _whole(text, start, end, compounds):
            parts += [text[at:start], masked]
            at = end
        start = text.find(full, end if at == end else start + 1)
    parts.append(text[at:])
    return "".join(parts)


def unmasked(text: str, name: str) -> bool:
    """True when the full ``name`` is still in ``text`` (inside a longer word masking left alone)."""
    full = _NOTE.sub("", name).strip()
    return len(full) >= 2 and full in text


def _whole(text: str, start: int, end: int, compounds: frozenset[str]) -> bool:
    after = text[end : end + 1]
    if after and _HAN_CHAR.match(after) and after not in NAME_ENDS:
        return False  # 张三丰 is not 张三
    for size in range(1, _MAX_COMPOUND):  # 司马丽 is not 马丽
        before = text[max(0, start - size) : start]
        if len(before) == size and any(
            c.startswith(before) and text.startswith(c[size:], start) and len(c) > size for c in compounds
        ):
            return False
    return True
