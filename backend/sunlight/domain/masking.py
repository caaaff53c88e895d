"""Masking of natural persons' names: surname + 某 (张三 -> 张某, 欧阳修 -> 欧阳某).

Only the surname survives. A name that starts with a compound surname (复姓) keeps the
whole compound surname. Anything that is not a plain Chinese name (a name with a middle dot
such as 阿依古丽·买买提, a Latin-script name) keeps only its first character: less is
shown, never more.
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

_MAX_COMPOUND = max(len(s) for s in COMPOUND_SURNAMES)
_HAN = re.compile(r"^[\u3400-\u9fff]+$")
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
    """Replace every occurrence of the full ``name`` in ``text`` with its masked form."""
    full = _NOTE.sub("", name).strip()
    if len(full) < 2 or full not in text:
        return text
    return text.replace(full, mask_name(full, extra_compounds))
